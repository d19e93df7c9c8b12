// A real bundle for the runtime tests and the serve benchmark: a reference dataset trained as the
// app trains it, evaluated on its test rows, exported with toBundle and unzipped into a temporary
// folder, so node runs predict.mjs and server.mjs exactly as a user would. No vitest import.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRuntime } from '../../runtime/build-runtime';
import { evaluateTest } from '../../src/core/evaluate/evaluate-test';
import type { Kpi } from '../../src/core/evaluate/verdict';
import type { ModelSpec } from '../../src/core/models/model';
import { referenceStats } from '../../src/core/monitor/reference-stats';
import { BUNDLE_FILES, toBundle, unzipBundle } from '../../src/core/ship/bundle';
import { buildManifest, type Manifest } from '../../src/core/ship/manifest';
import type { Pipeline } from '../../src/core/ship/pipeline';
import { trainRun } from '../../src/core/train/train-run';
import { referenceEvaluation, referenceRequest, type ReferenceData } from '../core/reference';

/** A bundle written to a folder, with the pipeline and manifest it was made from. */
export interface ExportedBundle {
	dir: string;
	pipeline: Pipeline;
	manifest: Manifest;
	/** The bundle's files, by name, as unzipped. */
	files: Map<string, Uint8Array>;
}

/** The two runtimes of a bundle, as built from the current source. */
export interface Runtimes {
	predict: string;
	server: string;
}

/** Builds both runtimes (a few seconds): build once to export several bundles. */
export async function buildRuntimes(): Promise<Runtimes> {
	return { predict: await buildRuntime('predict'), server: await buildRuntime('server') };
}

/** A KPI on the task's usual metric (any threshold: the verdict is not what these tests check). */
function kpiOf(data: ReferenceData): Kpi {
	const { task } = data.target;
	if (task === 'binary') return { metric: 'roc_auc', threshold: 0.8 };
	if (task === 'multiclass') return { metric: 'accuracy', threshold: 0.8 };
	return { metric: 'rmse', threshold: 1 };
}

/**
 * Trains `spec` on a reference dataset's train rows (seed 42), judges it on the test rows against
 * a KPI, and writes its bundle (both runtimes built from the current source, unless given) to a
 * new temporary folder. The caller removes the folder.
 */
export async function exportBundle(
	data: ReferenceData,
	spec: ModelSpec,
	name: string,
	runtimes?: Runtimes
): Promise<ExportedBundle> {
	const run = await trainRun(referenceRequest(data, spec));
	const baseline = await trainRun(referenceRequest(data, { kind: 'baseline' }));
	const pipeline = run.pipeline;
	const kpi = kpiOf(data);
	const targetColumn = data.schema.columns.find((c) => c.name === data.target.name)!;
	const evaluation = await evaluateTest(
		referenceEvaluation(data, pipeline, baseline.pipeline, [kpi])
	);
	const draft = buildManifest({
		name,
		version: '1.0.0',
		created: '2026-01-02T03:04:05.000Z',
		pipeline,
		spec,
		validation: run.valMetrics,
		test: evaluation.metrics,
		baselineTest: evaluation.baselineMetrics,
		kpi,
		verdict: evaluation.verdict,
		lineage: {
			dataFingerprint: 'test',
			fileName: `${name}.csv`,
			recipeHash: 'test',
			seed: 42,
			backend: 'js',
			testRevealedAt: '2026-01-02T03:04:05.000Z'
		},
		appVersion: '0.0.0-test'
	});
	const zip = await toBundle(draft, pipeline, {
		modelCard: `# ${name}\n`,
		runtimeSource: runtimes?.predict ?? (await buildRuntime('predict')),
		serverSource: runtimes?.server ?? (await buildRuntime('server')),
		exampleCsv: '',
		reference: referenceStats(pipeline, data.parts.train, targetColumn)
	});
	const dir = mkdtempSync(join(tmpdir(), `shipshape-${name}-`));
	const files = unzipBundle(zip);
	for (const [file, bytes] of files) writeFileSync(join(dir, file), bytes);
	const manifest: Manifest = JSON.parse(new TextDecoder().decode(files.get(BUNDLE_FILES.manifest)));
	return { dir, pipeline, manifest, files };
}
