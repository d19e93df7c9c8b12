// Quality against scikit-learn: each family fitted on a reference split's train rows (validation
// rows only for early stopping), scored once on its test rows, next to REFERENCE.md's figure for
// the same model kind. One JSON line per dataset and family.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { TaskKind } from '../src/core/brief/task';
import { startingSpec } from '../src/core/models/recommend';
import { assertNever } from '../src/core/util/assert-never';
import type { ModelSpec } from '../src/core/models/model';
import { encodeTargetOf, predictTable, scorePrediction } from '../src/core/ship/pipeline';
import { typeTable } from '../src/core/table/schema';
import { trainRun } from '../src/core/train/train-run';
import {
	loadReference,
	REFERENCE,
	referenceRequest,
	type ReferenceInfo,
	type ReferenceModel,
	type ReferenceName
} from '../tests/core/reference';
import TREE_SEEDS from './sklearn/tree-seeds.json';

/**
 * Our spec closest to each scikit-learn model REFERENCE.md fits with library defaults: the
 * family's default spec (for regression the forest tries every feature at each split, as
 * scikit-learn's regressor does), except where noted.
 */
export function referenceSpec(model: ReferenceModel, task: TaskKind): ModelSpec {
	switch (model) {
		case 'baseline':
			return { kind: 'baseline' };
		case 'linear':
			return { kind: 'linear', l2: 1 };
		case 'decision_tree':
			// scikit-learn grows the tree fully: no depth cap, one row per leaf.
			return { ...startingSpec('tree', task), maxDepth: 64, minSamplesLeaf: 1 } as ModelSpec;
		case 'random_forest':
			return startingSpec('forest', task);
		case 'hist_gb':
			return startingSpec('boosting', task);
		case 'mlp':
			return startingSpec('neural', task);
		default:
			return assertNever(model, 'reference model');
	}
}

/** The models `npm run bench -- quality` compares, in REFERENCE.md's order. */
export const REFERENCE_MODELS: readonly ReferenceModel[] = [
	'baseline',
	'linear',
	'decision_tree',
	'random_forest',
	'hist_gb',
	'mlp'
];

/** ROC-AUC and accuracy within 0.01 below the reference; RMSE within 3 % above it. */
export function withinTolerance(info: ReferenceInfo, ours: number, reference: number): boolean {
	if (info.metric === 'rmse') return ours <= reference * 1.03;
	return ours >= reference - 0.01;
}

/** Returns the test metric of one family on one reference dataset (seed 42, as REFERENCE.md). */
export async function referenceScore(
	name: ReferenceName,
	spec: ModelSpec,
	seed = 42
): Promise<number> {
	const data = await loadReference(name);
	const info: ReferenceInfo = REFERENCE[name];
	const { pipeline } = await trainRun({ ...referenceRequest(data, spec), seed });
	const test = typeTable(data.parts.test, data.schema).table;
	const truth = encodeTargetOf(data.target, test);
	const metrics = scorePrediction(data.target, truth, predictTable(pipeline, test));
	return metrics[info.metric]!;
}

/**
 * A fully grown tree's test score depends on how ties between equally good splits are broken,
 * which the seed decides (scikit-learn's `random_state` too), so REFERENCE.md's one tree is one
 * draw. Returns our mean over the seeds of `sklearn/tree-seeds.json` next to scikit-learn's mean
 * over the same number of seeds, and whether the two are within the tolerance.
 */
async function treeOverSeeds(
	name: ReferenceName,
	spec: ModelSpec
): Promise<Record<string, number | boolean>> {
	const sklearn = TREE_SEEDS.datasets[name];
	let sum = 0;
	for (const seed of TREE_SEEDS.seeds) sum += await referenceScore(name, spec, seed);
	const mean = sum / TREE_SEEDS.seeds.length;
	return {
		seeds: TREE_SEEDS.seeds.length,
		seeds_mean: Number(mean.toPrecision(5)),
		sklearn_seeds_mean: Number(sklearn.mean.toPrecision(5)),
		sklearn_seeds_sd: Number(sklearn.sd.toPrecision(3)),
		within_tolerance_over_seeds: withinTolerance(REFERENCE[name], mean, sklearn.mean)
	};
}

export async function qualityBench(
	families: readonly ReferenceModel[] = REFERENCE_MODELS
): Promise<Record<string, number | string | boolean>[]> {
	// The network trains on WASM, the fastest backend Node has (cpu and WASM agree to the bit).
	tf.env().set('PROD', true);
	await tf.setBackend('wasm');
	const lines: Record<string, number | string | boolean>[] = [];
	for (const name of Object.keys(REFERENCE) as ReferenceName[]) {
		const info: ReferenceInfo = REFERENCE[name];
		for (const family of families) {
			const spec = referenceSpec(family, info.task);
			const start = performance.now();
			const value = await referenceScore(name, spec);
			const reference = info.scores[family];
			lines.push({
				figure: 'quality',
				dataset: name,
				family,
				metric: info.metric,
				value: Number(value.toPrecision(5)),
				sklearn: reference,
				within_tolerance: withinTolerance(info, value, reference),
				seconds: Number(((performance.now() - start) / 1000).toFixed(2)),
				...(family === 'decision_tree' ? await treeOverSeeds(name, spec) : {})
			});
		}
	}
	return lines;
}
