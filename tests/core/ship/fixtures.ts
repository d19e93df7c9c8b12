import { evaluateTest } from '../../../src/core/evaluate/evaluate-test';
import type { ModelSpec } from '../../../src/core/models/model';
import { defaultRecipe } from '../../../src/core/prepare/recipe';
import type { ManifestDraft } from '../../../src/core/ship/bundle';
import { buildManifest } from '../../../src/core/ship/manifest';
import type { Pipeline, TargetSpec } from '../../../src/core/ship/pipeline';
import type { ColumnSchema, DatasetSchema } from '../../../src/core/table/schema';
import type { ColumnKind } from '../../../src/core/table/table';
import { trainRun } from '../../../src/core/train/train-run';
import { ingestText } from '../helpers';

const INPUTS: ColumnSchema[] = [
	{ name: 'x', kind: 'number' },
	{ name: 'c', kind: 'category' }
];

export const BINARY: TargetSpec = {
	name: 'y',
	task: 'binary',
	classes: ['no', 'yes'],
	positive: 'yes',
	threshold: 0.5
};
export const REGRESSION: TargetSpec = { name: 'price', task: 'regression' };

/**
 * Returns the hand-written pipeline y = `weight` x + `intercept` (a linear regression on one
 * number column x, after `steps`): no fitting, so its predictions are known exactly.
 */
export function linePipeline(
	weight: number,
	intercept: number,
	steps: Pipeline['recipe']['steps'] = []
): Pipeline {
	return {
		schema: { columns: [{ name: 'x', kind: 'number' }], missingTokens: [''] },
		recipe: { inputs: [{ name: 'x', kind: 'number' }], steps, features: ['x'] },
		model: {
			kind: 'linear',
			task: 'regression',
			classes: null,
			features: ['x'],
			weights: [[weight]],
			intercepts: [intercept]
		},
		target: { name: 'y', task: 'regression' }
	};
}

const ROWS = {
	binary: {
		train: 'x,c,y\n1,b,no\n2,a,no\n3,b,yes\n4,a,yes\n0.5,b,no\n3.5,a,yes\n',
		val: 'x,c,y\n1.5,a,no\n3,b,yes\n',
		test: 'x,c,y\n0,a,no\n5,b,yes\n2.6,b,no\n3.9,a,yes\n'
	},
	regression: {
		train: 'x,c,price\n1,b,10\n2,a,21\n3,b,29\n4,a,41\n0.5,b,6\n3.5,a,34\n',
		val: 'x,c,price\n1.5,a,15\n3,b,31\n',
		test: 'x,c,price\n0,a,1\n5,b,49\n2.6,b,27\n3.9,a,38\n'
	}
};

/** Returns a pipeline trained by `trainRun` on six rows with a number and a category input. */
export async function fitPipeline(target: TargetSpec, spec: ModelSpec): Promise<Pipeline> {
	const rows = target.task === 'regression' ? ROWS.regression : ROWS.binary;
	const kind: ColumnKind = target.task === 'regression' ? 'number' : 'category';
	const schema: DatasetSchema = {
		columns: [...INPUTS, { name: target.name, kind }],
		missingTokens: ['', 'NA']
	};
	const train = (await ingestText(rows.train)).raw;
	const val = (await ingestText(rows.val)).raw;
	const recipe = defaultRecipe(INPUTS);
	return (await trainRun({ train, val, schema, target, recipe, spec, seed: 7 })).pipeline;
}

/** Returns the manifest of a trained model after its one look at the test rows. */
export async function shippedManifest(target: TargetSpec): Promise<ManifestDraft> {
	const pipeline = await fitPipeline(target, { kind: 'linear', l2: 1 });
	const baseline = await fitPipeline(target, { kind: 'baseline' });
	const rows = target.task === 'regression' ? ROWS.regression : ROWS.binary;
	const test = (await ingestText(rows.test)).raw;
	const kpi =
		target.task === 'regression'
			? { metric: 'rmse' as const, threshold: 5 }
			: { metric: 'roc_auc' as const, threshold: 0.7 };
	const kind: ColumnKind = target.task === 'regression' ? 'number' : 'category';
	const evaluation = await evaluateTest({
		pipeline,
		baseline,
		test,
		rowIds: [6, 7, 8, 9],
		validation: null,
		target: { name: target.name, kind },
		kpis: [kpi],
		thresholdRule: { kind: 'default' },
		sensitive: [],
		seed: 7
	});
	return buildManifest({
		name: 'churn-model',
		version: '1.0.0',
		created: '2024-03-01T14:00:00.000Z',
		pipeline,
		spec: { kind: 'linear', l2: 1 },
		validation: { [kpi.metric]: 0.9 },
		test: evaluation.metrics,
		baselineTest: evaluation.baselineMetrics,
		kpi,
		verdict: evaluation.verdict,
		lineage: {
			dataFingerprint: 'ab'.repeat(32),
			fileName: 'churn.csv',
			recipeHash: 'cd'.repeat(32),
			seed: 7,
			backend: 'js',
			testRevealedAt: '2024-03-01T13:00:00.000Z'
		},
		appVersion: '0.1.0'
	});
}
