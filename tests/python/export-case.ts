// Builds a project the way the app does (reference split, trainRun, evaluateTest) and writes
// its Python export to a folder, with the data file beside it.
import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { evaluateTest } from '../../src/core/evaluate/evaluate-test';
import type { ThresholdRule } from '../../src/core/evaluate/threshold';
import type { MetricValues } from '../../src/core/evaluate/metric-catalogue';
import type { ModelSpec } from '../../src/core/models/model';
import type { RecipeStep } from '../../src/core/prepare/recipe';
import { withThreshold, type Pipeline } from '../../src/core/ship/pipeline';
import { exportedData, pythonExportFiles } from '../../src/core/ship/python/export';
import type { ColumnSchema } from '../../src/core/table/schema';
import { trainRun } from '../../src/core/train/train-run';
import {
	DATASETS_DIR,
	loadReference,
	referenceEvaluation,
	referenceRequest,
	REFERENCE,
	type ReferenceData,
	type ReferenceName
} from '../core/reference';
import { PYTHON_PACKAGE_ROOT } from './python';

/** The `shipshape` package's modules, as the app ships them. */
export function packageModules(): Record<string, string> {
	const dir = join(PYTHON_PACKAGE_ROOT, 'shipshape');
	return Object.fromEntries(
		readdirSync(dir)
			.filter((file) => file.endsWith('.py'))
			.map((file) => [file, readFileSync(join(dir, file), 'utf8')])
	);
}

/** A project of the app, trained and evaluated once on the test rows. */
export interface ExportCase {
	data: ReferenceData;
	pipeline: Pipeline;
	validation: MetricValues;
	test: MetricValues;
	/** The folder the export was written to, with the data file in it. */
	folder: string;
	files: Record<string, string>;
}

/**
 * Trains `spec` with the recipe `steps` (on the reference inputs, plus `extraInputs`) on a
 * reference dataset's split, evaluates it on test as the Evaluate stage does, and writes the
 * Python export with the data file beside it.
 */
export async function exportCase(
	name: ReferenceName,
	spec: ModelSpec,
	steps: RecipeStep[],
	{
		extraInputs = [],
		seed = 42,
		thresholdRule = { kind: 'default' }
	}: { extraInputs?: ColumnSchema[]; seed?: number; thresholdRule?: ThresholdRule } = {}
): Promise<ExportCase> {
	const data = await loadReference(name);
	const inputs = [...data.inputs, ...extraInputs];
	const targetColumn = data.schema.columns.find((c) => c.name === data.target.name)!;
	data.schema.columns = [...inputs, targetColumn];
	const recipe = { inputs, steps };
	const request = { ...referenceRequest({ ...data, recipe }, spec), seed };
	const { pipeline, valMetrics } = await trainRun(request);
	const baseline = (await trainRun({ ...request, spec: { kind: 'baseline' } })).pipeline;
	const kpi = { metric: REFERENCE[name].metric, threshold: REFERENCE[name].scores.linear };
	const result = await evaluateTest({
		...referenceEvaluation(data, pipeline, baseline, [kpi]),
		thresholdRule
	});
	const split = new Int8Array(data.ingested.raw.rowCount).fill(-1);
	data.rows.train.forEach((row) => (split[row] = 0));
	data.rows.val.forEach((row) => (split[row] = 1));
	data.rows.test.forEach((row) => (split[row] = 2));
	const file = REFERENCE[name].file;
	const files = pythonExportFiles({
		name: `${name}-${spec.kind}`,
		appVersion: 'test',
		data: exportedData({ ...data.ingested, fileName: file, rowCount: data.ingested.raw.rowCount }),
		schema: { ...data.schema, columns: [...inputs, targetColumn] },
		run: { id: 'run-1', spec, specLabel: spec.kind, seed, recipeHash: 'test' },
		pipeline: result.threshold ? withThreshold(pipeline, result.threshold.threshold) : pipeline,
		metrics: {
			validation: valMetrics,
			test: result.metrics,
			thresholds:
				pipeline.target.task === 'binary'
					? { validation: pipeline.target.threshold, test: result.threshold?.threshold ?? 0.5 }
					: null
		},
		userSteps: steps,
		split,
		modules: packageModules()
	});
	const folder = mkdtempSync(join(tmpdir(), `shipshape-export-${name}-`));
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(folder, path)), { recursive: true });
		writeFileSync(join(folder, path), text);
	}
	copyFileSync(DATASETS_DIR + file, join(folder, file));
	return { data, pipeline, validation: valMetrics, test: result.metrics, folder, files };
}
