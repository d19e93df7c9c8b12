// The published JSON Schema of a bundle's manifest.json, and its check on load. Validated with
// @cfworker/json-schema: spec-compliant (draft 2020-12) without code generation, so the same check
// runs in the app, in a worker and in the bundle's dependency-free node runtime.
import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { COLUMN_KINDS } from '../table/table';
import { TASK_KINDS } from '../brief/task';
import { CoreError } from '../util/core-error';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Manifest } from './manifest';

const text = { type: 'string' } as const;
const name = { type: 'string', minLength: 1 } as const;
const texts = { type: 'array', items: text } as const;
/** A metric's value; JSON writes an undefined (NaN) metric as null. */
const metrics = { type: 'object', additionalProperties: { type: ['number', 'null'] } } as const;
const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;

function object(properties: Record<string, unknown>, optional: readonly string[] = []) {
	return {
		type: 'object',
		properties,
		required: Object.keys(properties).filter((key) => !optional.includes(key)),
		additionalProperties: false
	};
}

const target = {
	oneOf: [
		object({ name, task: { const: 'regression' } }),
		object({ name, task: { const: 'ranking' }, query: name }),
		object({
			name,
			task: { const: 'binary' },
			classes: { type: 'array', items: text, minItems: 2, maxItems: 2 },
			positive: text,
			threshold: { type: 'number', minimum: 0, maximum: 1 }
		}),
		object({
			name,
			task: { const: 'multiclass' },
			classes: { type: 'array', items: text, minItems: 2 }
		})
	]
};

/** The JSON Schema (draft 2020-12) every manifest.json of this format version satisfies. */
export const MANIFEST_SCHEMA = {
	$schema: 'https://json-schema.org/draft/2020-12/schema',
	$id: `urn:shipshape:bundle-manifest:${BUNDLE_FORMAT_VERSION}`,
	title: 'Shipshape model bundle manifest',
	description:
		'What the model is, what it reads and writes, how good it was on test, its lineage, and the SHA-256 of each bundle file.',
	...object(
		{
			format: { const: BUNDLE_FORMAT },
			formatVersion: { const: BUNDLE_FORMAT_VERSION },
			name,
			version: name,
			created: { type: 'string', format: 'date-time' },
			task: { enum: [...TASK_KINDS] },
			target,
			inputSchema: {
				type: 'array',
				minItems: 1,
				items: object({ name, kind: { enum: [...COLUMN_KINDS] }, allowedCategories: texts }, [
					'allowedCategories'
				])
			},
			missingTokens: texts,
			outputSchema: {
				type: 'array',
				minItems: 2,
				items: object({ name, kind: { enum: ['label', 'number', 'text'] }, description: text })
			},
			model: object({
				family: name,
				spec: { type: 'object' },
				features: { type: 'integer', minimum: 1 }
			}),
			metrics: object({ validation: metrics, test: metrics, baselineTest: metrics }),
			kpi: object({ metric: name, threshold: { type: 'number' } }),
			verdict: object({ pass: { type: 'boolean' }, summary: text }),
			lineage: object({
				dataFingerprint: text,
				fileName: text,
				recipeHash: text,
				seed: { type: 'integer' },
				backend: text,
				testRevealedAt: text
			}),
			appVersion: text,
			retrained: object({
				fromVersion: { type: 'integer', minimum: 1 },
				fileName: text,
				addedRows: { type: 'integer', minimum: 0 },
				trainRows: { type: 'integer', minimum: 0 },
				evaluation: {
					type: 'array',
					items: object({
						name: text,
						rows: { type: 'integer', minimum: 0 },
						live: metrics,
						candidate: metrics
					})
				},
				approval: text
			}),
			runtime: object({ node: text, dependencies: texts, usage: text }),
			files: { type: 'object', minProperties: 1, additionalProperties: sha256 }
		},
		['retrained']
	)
};

const validator = new Validator(MANIFEST_SCHEMA as object, '2020-12', false);

/** The most specific error: the deepest place in the manifest, then the last reported. */
function deepest(errors: readonly OutputUnit[]): OutputUnit {
	const depth = (e: OutputUnit) => e.instanceLocation.split('/').length;
	return errors.reduce((best, e) => (depth(e) >= depth(best) ? e : best));
}

/**
 * Checks a parsed manifest.json against `MANIFEST_SCHEMA`; throws `bad-bundle` naming the place
 * (a JSON pointer such as /inputSchema/2/kind) and what is wrong there.
 */
export function checkManifest(value: unknown): asserts value is Manifest {
	const result = validator.validate(value);
	if (result.valid) return;
	const error = deepest(result.errors);
	const where = error.instanceLocation.replace(/^#/, '') || '/';
	throw new CoreError(
		'bad-bundle',
		`manifest.json does not match its schema at ${where}: ${error.error}`
	);
}
