import { describe, expect, it } from 'vitest';
import {
	BUNDLE_FILES,
	loadBundle,
	toBundle,
	unzipBundle,
	type BundleReader,
	type ManifestDraft
} from '../../../src/core/ship/bundle';
import { BUNDLE_FORMAT_VERSION, buildManifest } from '../../../src/core/ship/manifest';
import { checkManifest, MANIFEST_SCHEMA } from '../../../src/core/ship/manifest-schema';
import type { ReferenceStats } from '../../../src/core/monitor/reference-stats';
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

function manifest(): ManifestDraft {
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

const EXTRAS = {
	modelCard: '# m\n',
	runtimeSource: '// runtime\n',
	serverSource: '// server\n',
	exampleCsv: 'x,c\n1,a\n',
	reference: {
		source: 'train rows',
		rows: 3,
		target: 'y',
		prediction: 'prediction',
		columns: [
			{ name: 'x', kind: 'number', rows: 3, missing: 1, values: [1, 3], counts: [1, 1] },
			{ name: 'c', kind: 'category', rows: 3, missing: 0, labels: ['a', 'b'], counts: [2, 1] },
			{ name: 'y', kind: 'category', rows: 3, missing: 0, labels: ['no', 'yes'], counts: [2, 1] },
			{ name: 'prediction', kind: 'category', rows: 3, missing: 0, labels: ['yes'], counts: [3] }
		]
	} satisfies ReferenceStats
};

/** The files of a freshly written bundle, and a reader over them with some files replaced. */
async function bundleFiles() {
	const files = unzipBundle(await toBundle(manifest(), pipeline, EXTRAS));
	const reader =
		(changes: Record<string, string | null> = {}): BundleReader =>
		(name) =>
			name in changes
				? changes[name] === null
					? null
					: new TextEncoder().encode(changes[name]!)
				: (files.get(name) ?? null);
	const text = (name: string) => new TextDecoder().decode(files.get(name)!);
	return { files, reader, text };
}

describe('bundle', () => {
	it('round-trips through zip bytes to a pipeline that predicts identically', async () => {
		const { files, reader } = await bundleFiles();
		expect([...files.keys()].sort()).toEqual(Object.values(BUNDLE_FILES).sort());
		const loaded = await loadBundle(reader());
		expect(loaded.pipeline).toEqual(pipeline);
		// The manifest is sealed with the SHA-256 of every other file.
		expect(Object.keys(loaded.manifest.files).sort()).toEqual(
			Object.values(BUNDLE_FILES)
				.filter((f) => f !== BUNDLE_FILES.manifest)
				.sort()
		);
		const { raw } = await ingestText('x,c\n2,b\n?,z\nabc,a\n');
		expect(predictRaw(loaded.pipeline, raw)).toEqual(predictRaw(pipeline, raw));
	});

	it('publishes the schema its manifest satisfies', async () => {
		const { text } = await bundleFiles();
		expect(JSON.parse(text(BUNDLE_FILES.schema))).toEqual(MANIFEST_SCHEMA);
		expect(() => checkManifest(JSON.parse(text(BUNDLE_FILES.manifest)))).not.toThrow();
	});

	it('gives the same bytes for the same content', async () => {
		expect(await toBundle(manifest(), pipeline, EXTRAS)).toEqual(
			await toBundle(manifest(), pipeline, EXTRAS)
		);
	});

	it('fails loudly on an altered or missing file, naming it', async () => {
		const { reader, text } = await bundleFiles();
		const model = JSON.parse(text(BUNDLE_FILES.model));
		model.weights[0][0] = 5;
		await expectCoreError(
			() => loadBundle(reader({ [BUNDLE_FILES.model]: JSON.stringify(model, null, 2) + '\n' })),
			'bad-bundle',
			/model\.json was altered after the bundle was exported/
		);
		await expectCoreError(
			() => loadBundle(reader({ [BUNDLE_FILES.server]: '// changed\n' })),
			'bad-bundle',
			/server\.mjs was altered/
		);
		const reference = JSON.parse(text(BUNDLE_FILES.reference));
		reference.columns[0].counts[0] = 2;
		await expectCoreError(
			() => loadBundle(reader({ [BUNDLE_FILES.reference]: JSON.stringify(reference) })),
			'bad-bundle',
			/reference\.json was altered/
		);
		await expectCoreError(
			() => loadBundle(reader({ [BUNDLE_FILES.recipe]: null })),
			'bad-bundle',
			/recipe\.json is missing/
		);
		// A file taken off the list is not thereby unchecked; a name off the bundle is never read.
		const sealed = JSON.parse(text(BUNDLE_FILES.manifest));
		const unlisted = structuredClone(sealed);
		delete unlisted.files[BUNDLE_FILES.model];
		await expectCoreError(
			() => loadBundle(reader({ [BUNDLE_FILES.manifest]: JSON.stringify(unlisted) })),
			'bad-bundle',
			/lists no SHA-256 for model\.json/
		);
		const foreign = structuredClone(sealed);
		foreign.files['../../etc/passwd'] = sealed.files[BUNDLE_FILES.model];
		await expectCoreError(
			() => loadBundle(reader({ [BUNDLE_FILES.manifest]: JSON.stringify(foreign) })),
			'bad-bundle',
			/lists "\.\.\/\.\.\/etc\/passwd", which is not a bundle file/
		);
	});

	it('fails loudly on a manifest off its schema, or one that does not match its model', async () => {
		const { reader, text } = await bundleFiles();
		const sealed = JSON.parse(text(BUNDLE_FILES.manifest));
		const withManifest = (change: (m: typeof sealed) => void) => {
			const m = structuredClone(sealed);
			change(m);
			return reader({ [BUNDLE_FILES.manifest]: JSON.stringify(m) });
		};
		await expectCoreError(
			() => loadBundle(withManifest((m) => (m.inputSchema[0].kind = 'money'))),
			'bad-bundle',
			/at \/inputSchema\/0\/kind/
		);
		await expectCoreError(
			() => loadBundle(withManifest((m) => (m.files['model.json'] = 'abc'))),
			'bad-bundle',
			/at \/files\/model\.json/
		);
		await expectCoreError(
			() => loadBundle(withManifest((m) => (m.inputSchema[0].name = 'z'))),
			'bad-bundle',
			/input columns \(z, c\) are not the recipe's \(x, c\)/
		);
		await expectCoreError(
			() => loadBundle(withManifest((m) => (m.target.classes = ['no', 'maybe']))),
			'bad-bundle',
			/classes no, maybe, the model has no, yes/
		);
		await expectCoreError(
			() => loadBundle(withManifest((m) => (m.model.features = 4))),
			'bad-bundle',
			/says 4 features, the recipe makes 3/
		);
	});

	it('rejects files that are not a bundle, naming the file', async () => {
		const { reader, text } = await bundleFiles();
		const m = text(BUNDLE_FILES.manifest);
		const manifestOf = (t: string) => reader({ [BUNDLE_FILES.manifest]: t });
		await expectCoreError(
			() => loadBundle(manifestOf('{')),
			'bad-bundle',
			/manifest\.json is not valid JSON/
		);
		await expectCoreError(
			() => loadBundle(manifestOf('{"format":"other"}')),
			'bad-bundle',
			/not a Shipshape bundle/
		);
		await expectCoreError(
			() =>
				loadBundle(
					manifestOf(m.replace(`"formatVersion": ${BUNDLE_FORMAT_VERSION}`, '"formatVersion": 1'))
				),
			'bad-bundle',
			new RegExp(
				`format version 1; this runtime reads version ${BUNDLE_FORMAT_VERSION}. Export the model again`
			)
		);
		await expectCoreError(
			() => unzipBundle(Uint8Array.from([1, 2, 3])),
			'bad-bundle',
			/not a readable zip/
		);
	});
});
