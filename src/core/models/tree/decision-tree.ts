import { CoreError } from '../../util/core-error';
import { createRng } from '../../util/rng';
import { createPacer, type TaskContext } from '../../util/task';
import type { FeatureMatrix } from '../../prepare/recipe';
import {
	checkFeatureCount,
	type FitEvent,
	type FitInfo,
	type Prediction,
	type TrainData,
	checkTrainRows
} from '../model';
import { EXACT_BINS, fitBins, wideBinMatrix } from './bins';
import { growTree, leafOf, type ClassTree, type TreeTarget, type ValueTree } from './tree';

/**
 * One CART decision tree. `criterion` scores splits for classes (Gini or entropy); a regression
 * task always uses the squared error, whatever the spec says, so one default spec serves both
 * tasks. 'squared_error' on classes is Gini (the squared error of the one-hot classes).
 */
export interface DecisionTreeSpec {
	kind: 'tree';
	criterion: 'gini' | 'entropy' | 'squared_error';
	maxDepth: number;
	minSamplesLeaf: number;
}

/** The spec the Choose stage starts from. */
export const DEFAULT_TREE_SPEC: DecisionTreeSpec = {
	kind: 'tree',
	criterion: 'gini',
	maxDepth: 8,
	minSamplesLeaf: 5
};

/** A fitted tree: class probabilities per leaf, or the mean of the leaf's rows. */
export type DecisionTreeModel =
	| {
			kind: 'tree';
			task: 'binary' | 'multiclass';
			classes: string[];
			features: string[];
			tree: ClassTree;
	  }
	| { kind: 'tree'; task: 'regression'; classes: null; features: string[]; tree: ValueTree };

function checkSpec(spec: DecisionTreeSpec): void {
	if (!(Number.isInteger(spec.maxDepth) && spec.maxDepth >= 0))
		throw new CoreError(
			'bad-spec',
			`The depth must be a whole number, 0 or more; got ${spec.maxDepth}.`
		);
	if (!(Number.isInteger(spec.minSamplesLeaf) && spec.minSamplesLeaf >= 1))
		throw new CoreError(
			'bad-spec',
			`The fewest rows per leaf must be a whole number, 1 or more; got ${spec.minSamplesLeaf}.`
		);
}

function treeTarget(spec: DecisionTreeSpec, data: TrainData): TreeTarget {
	if (data.task === 'regression') return { kind: 'values', y: data.y };
	const criterion = spec.criterion === 'entropy' ? 'entropy' : 'gini';
	return { kind: 'classes', y: data.y, classes: data.classes.length, criterion };
}

/**
 * Returns the fitted tree. Its thresholds are exact: a bin per distinct train value (up to 65,536
 * quantile bins), halfway between neighbours, as scikit-learn's are. Every node scans all the
 * features in an order drawn from `seed`, so ties between features are broken at random, as
 * scikit-learn's `random_state` breaks them. `iterations` reports the number of nodes. Throws
 * `cancelled` when the signal aborts.
 */
export async function fitDecisionTree(
	spec: DecisionTreeSpec,
	data: TrainData,
	seed: number,
	ctx: TaskContext<FitEvent> = {}
): Promise<{ model: DecisionTreeModel; info: FitInfo }> {
	checkSpec(spec);
	const { x } = data;
	checkTrainRows(x);
	const pace = createPacer(ctx);
	await pace('Binning', 0);
	const bins = fitBins(x, EXACT_BINS);
	const codes = wideBinMatrix(bins, x);
	const features = { count: x.width, rng: createRng(seed) };
	const options = { maxDepth: spec.maxDepth, minSamplesLeaf: spec.minSamplesLeaf, features };
	const tree = await growTree({ codes, rows: x.rows, bins }, treeTarget(spec, data), options, (f) =>
		pace('Growing', f)
	);
	const info: FitInfo = { iterations: tree.feature.length, converged: true, loss: null };
	const names = x.features;
	const model: DecisionTreeModel =
		data.task === 'regression'
			? {
					kind: 'tree',
					task: 'regression',
					classes: null,
					features: names,
					tree: tree as ValueTree
				}
			: {
					kind: 'tree',
					task: data.task,
					classes: data.classes,
					features: names,
					tree: tree as ClassTree
				};
	return { model, info };
}

/** Returns the model's predictions: the leaf's class probabilities, or the leaf's mean. */
export function predictDecisionTree(model: DecisionTreeModel, x: FeatureMatrix): Prediction {
	checkFeatureCount(model.features, x);
	const { rows: n, width: p, values } = x;
	if (model.task === 'regression') {
		const out = new Float64Array(n);
		for (let i = 0; i < n; i++) out[i] = model.tree.value[leafOf(model.tree, values, i * p)];
		return { kind: 'values', values: out };
	}
	const k = model.classes.length;
	const proba = new Float64Array(n * k);
	for (let i = 0; i < n; i++) proba.set(model.tree.value[leafOf(model.tree, values, i * p)], i * k);
	return { kind: 'classes', classes: model.classes, proba };
}
