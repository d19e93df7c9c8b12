import { describe, expect, it } from 'vitest';
import {
	BUNDLE_FILES,
	pipelineFromFiles,
	toBundle,
	unzipBundle
} from '../../../src/core/ship/bundle';
import {
	BUNDLE_FORMAT_VERSION,
	buildManifest,
	type Manifest
} from '../../../src/core/ship/manifest';
import { predictRaw, type Pipeline } from '../../../src/core/ship/pipeline';
import { expectCoreError, ingestText } from '../helpers';

const pipeline: Pipeline = {
	schema: {
		columns: [
			{ name: 'x', kind: 'number' },
			{ name: 'c', kind: 'category' }
		],
		missingTokens: ['', '?']
	},
	recipe: {
		inputs: [
			{ name: 'x', kind: 'number' },
			{ name: 'c', kind: 'category' }
		],
		steps: [
			{ kind: 'impute', column: 'x', strategy: 'median', fill: 1 },
			{ kind: 'impute', column: 'c', strategy: 'most-frequent', fill: 'a' },
			{ kind: 'one-hot', column: 'c', levels: ['a', 'b'] }
		],
		features: ['x', 'c=a', 'c=b']
	},
	model: {
		kind: 'linear',
		task: 'binary',
		classes: ['no', 'yes'],
		features: ['x', 'c=a', 'c=b'],
		weights: [[0.5, -1, 1]],
		intercepts: [0.1]
	},
	target: { name: 'y', task: 'binary', classes: ['no', 'yes'], positive: 'yes', threshold: 0.5 }
};

function manifest(): Manifest {
	return buildManifest({
		name: 'm',
		version: '1.2.3',
		created: '2026-01-02T03:04:05.000Z',
		pipeline,
		spec: { kind: 'linear', l2: 1 },
		validation: { roc_auc: 0.9 },
		test: { roc_auc: 0.8 },
		baselineTest: { roc_auc: 0.5 },
		kpi: { metric: 'roc_auc', threshold: 0.7 },
		verdict: { pass: true, summary: 'ok' },
		lineage: {
			dataFingerprint: 'f',
			fileName: 'd.csv',
			recipeHash: 'h',
			seed: 1,
			backend: 'js',
			testRevealedAt: 't'
		},
		appVersion: '0.1.0'
	});
}

describe('buildManifest', () => {
	it('lists the inputs with the categories learned, and the outputs', () => {
		const m = manifest();
		expect(m.inputSchema).toEqual([
			{ name: 'x', kind: 'number' },
			{ name: 'c', kind: 'category', allowedCategories: ['a', 'b'] }
		]);
		expect(m.outputSchema.map((f) => f.name)).toEqual([
			'prediction',
			'probability_no',
			'probability_yes',
			'error'
		]);
		expect(m.missingTokens).toEqual(['', '?']);
		expect(m.model.features).toBe(3);
	});
});

describe('bundle', () => {
	it('round-trips through zip bytes to a pipeline that predicts identically', async () => {
		const zip = toBundle(manifest(), pipeline, {
			modelCard: '# m\n',
			runtimeSource: '// runtime\n',
			serverSource: '// server\n',
			exampleCsv: 'x,c\n1,a\n'
		});
		const files = unzipBundle(zip);
		expect([...files.keys()].sort()).toEqual(Object.values(BUNDLE_FILES).sort());
		const loaded = pipelineFromFiles(
			files.get('manifest.json')!,
			files.get('recipe.json')!,
			files.get('model.json')!
		);
		expect(loaded.pipeline).toEqual(pipeline);
		const { raw } = await ingestText('x,c\n2,b\n?,z\nabc,a\n');
		expect(predictRaw(loaded.pipeline, raw)).toEqual(predictRaw(pipeline, raw));
	});

	it('gives the same bytes for the same content', () => {
		const extras = { modelCard: '', runtimeSource: '', serverSource: '', exampleCsv: '' };
		expect(toBundle(manifest(), pipeline, extras)).toEqual(toBundle(manifest(), pipeline, extras));
	});

	it('rejects files that are not a bundle, naming the file', async () => {
		const m = JSON.stringify(manifest());
		const r = JSON.stringify(pipeline.recipe);
		const mo = JSON.stringify(pipeline.model);
		await expectCoreError(
			() => pipelineFromFiles('{', r, mo),
			'bad-bundle',
			/manifest\.json is not valid JSON/
		);
		await expectCoreError(
			() => pipelineFromFiles('{"format":"other"}', r, mo),
			'bad-bundle',
			/not a Shipshape bundle/
		);
		await expectCoreError(
			() =>
				pipelineFromFiles(
					m.replace(`"formatVersion":${BUNDLE_FORMAT_VERSION}`, '"formatVersion":99'),
					r,
					mo
				),
			'bad-bundle',
			/version 99/
		);
		await expectCoreError(() => pipelineFromFiles(m, '[]', mo), 'bad-bundle', /recipe\.json/);
		await expectCoreError(() => pipelineFromFiles(m, r, '{}'), 'bad-bundle', /model\.json/);
		await expectCoreError(
			() => unzipBundle(Uint8Array.from([1, 2, 3])),
			'bad-bundle',
			/not a readable zip/
		);
	});
});
