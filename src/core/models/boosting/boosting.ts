import { CoreError } from '../../util/core-error';
import { exp } from '../../util/exp';
import { sigmoid } from '../linear/logistic';
import { createRng, type Rng } from '../../util/rng';
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
import { binMatrix, fitBins, MAX_BINS } from '../tree/bins';
import { compiledValueTree, leafOf, type ValueTree } from '../tree/tree';
import { growLeafwise, HistogramPool, type GrownTree, type LeafwiseOptions } from './grow-leafwise';
import { boostingData, STRIDE, type BoostingData } from './histograms';

/**
 * Gradient-boosted trees on histograms, in the LightGBM style: features cut into at most `maxBins`
 * quantile bins, trees grown leaf-wise up to `maxLeaves`, each fitted to the gradient and Hessian
 * of the loss (log-loss, softmax or squared error). The defaults are scikit-learn's
 * HistGradientBoosting ones, with early stopping watching the validation rows instead of an
 * internal 10 % split.
 */
export interface BoostingSpec {
	kind: 'boosting';
	/** Most boosting rounds (trees per output). */
	iterations: number;
	learningRate: number;
	maxLeaves: number;
	/** Deepest a leaf may be; null for no cap. */
	maxDepth: number | null;
	minDataInLeaf: number;
	/** L2 penalty on leaf values. */
	l2: number;
	/** Share of train rows each round draws, without replacement (1 = all). */
	rowSubsample: number;
	/** Share of features each tree may split on (1 = all). */
	featureSubsample: number;
	/** Stop when the validation loss has not improved for this many rounds; 0 = never. */
	earlyStopping: number;
	maxBins: number;
}

export const DEFAULT_BOOSTING_SPEC: BoostingSpec = {
	kind: 'boosting',
	iterations: 100,
	learningRate: 0.1,
	maxLeaves: 31,
	maxDepth: null,
	minDataInLeaf: 20,
	l2: 0,
	rowSubsample: 1,
	featureSubsample: 1,
	earlyStopping: 10,
	maxBins: 255
};

/**
 * A fitted ensemble: the raw score of output k is `init[k]` plus the leaf values of trees
 * `k, k + outputs, k + 2 * outputs, ...`; binary takes its sigmoid, multiclass the softmax.
 */
export interface BoostingModel {
	kind: 'boosting';
	task: 'binary' | 'multiclass' | 'regression';
	classes: string[] | null;
	features: string[];
	outputs: number;
	init: number[];
	trees: ValueTree[];
	/** Split gain summed per feature over every tree, for importance. */
	gain: number[];
}

/** Smallest Hessian sum a leaf may have (LightGBM's default min_sum_hessian_in_leaf). */
const MIN_HESSIAN = 1e-3;
/** A validation loss must fall by more than this to count as better (scikit-learn's tol). */
const TOLERANCE = 1e-7;

function checkSpec(spec: BoostingSpec): void {
	const whole = (value: number, min: number, what: string) => {
		if (!(Number.isInteger(value) && value >= min))
			throw new CoreError(
				'bad-spec',
				`${what} must be a whole number, ${min} or more; got ${value}.`
			);
	};
	const share = (value: number, what: string) => {
		if (!(value > 0 && value <= 1))
			throw new CoreError('bad-spec', `${what} must be above 0 and at most 1; got ${value}.`);
	};
	whole(spec.iterations, 1, 'The number of rounds');
	whole(spec.maxLeaves, 2, 'The number of leaves');
	whole(spec.minDataInLeaf, 1, 'The fewest rows per leaf');
	whole(spec.earlyStopping, 0, 'The early-stopping patience');
	if (spec.maxDepth !== null) whole(spec.maxDepth, 1, 'The depth');
	if (!(Number.isInteger(spec.maxBins) && spec.maxBins >= 2 && spec.maxBins <= MAX_BINS - 1))
		throw new CoreError('bad-spec', `The bins must be 2 to ${MAX_BINS - 1}; got ${spec.maxBins}.`);
	if (!(spec.learningRate > 0 && spec.learningRate <= 1))
		throw new CoreError(
			'bad-spec',
			`The learning rate must be above 0 and at most 1; got ${spec.learningRate}.`
		);
	if (!(spec.l2 >= 0 && Number.isFinite(spec.l2)))
		throw new CoreError('bad-spec', `The L2 penalty must be zero or more; got ${spec.l2}.`);
	share(spec.rowSubsample, 'The row share');
	share(spec.featureSubsample, 'The feature share');
}

/**
 * The loss a task boosts: its starting scores, and per row the gradient and Hessian of the loss
 * with respect to each output's raw score.
 */
interface Objective {
	outputs: number;
	init: number[];
	/**
	 * Sets grad/hess (output-major: output k at [k * rows, (k + 1) * rows)) from the train rows'
	 * raw scores, and returns their mean loss (computed on the way, from the same probabilities).
	 */
	gradients(raw: Float64Array, grad: Float64Array, hess: Float64Array): number;
	/** Mean loss of raw scores (row-major, `outputs` per row) against targets. */
	loss(raw: Float64Array, y: Int32Array | Float64Array, rows: number): number;
}

function objectiveOf(data: TrainData): Objective {
	const n = data.x.rows;
	if (data.task === 'regression') {
		const y = data.y;
		let sum = 0;
		for (let i = 0; i < n; i++) sum += y[i];
		return {
			outputs: 1,
			init: [sum / n],
			gradients(raw, grad, hess) {
				let s = 0;
				for (let i = 0; i < n; i++) {
					grad[i] = raw[i] - y[i];
					hess[i] = 1;
					s += grad[i] * grad[i];
				}
				return s / n;
			},
			loss(raw, target, rows) {
				let s = 0;
				for (let i = 0; i < rows; i++) s += (raw[i] - target[i]) ** 2;
				return s / rows;
			}
		};
	}
	const k = data.classes.length;
	const counts = new Float64Array(k);
	for (let i = 0; i < n; i++) counts[data.y[i]]++;
	// A class absent from train starts far below the others instead of at log(0).
	const logShare = (c: number) => Math.log(Math.max(counts[c], 1e-3) / n);
	const y = data.y;
	if (k === 2) {
		return {
			outputs: 1,
			init: [logShare(1) - logShare(0)],
			gradients(raw, grad, hess) {
				let s = 0;
				for (let i = 0; i < n; i++) {
					const p = sigmoid(raw[i]);
					grad[i] = p - y[i];
					hess[i] = p * (1 - p);
					s -= Math.log(Math.max(y[i] === 1 ? p : 1 - p, 1e-300));
				}
				return s / n;
			},
			loss(raw, target, rows) {
				let s = 0;
				for (let i = 0; i < rows; i++) {
					const p = sigmoid(raw[i]);
					s -= Math.log(Math.max(target[i] === 1 ? p : 1 - p, 1e-300));
				}
				return s / rows;
			}
		};
	}
	const proba = new Float64Array(k);
	return {
		outputs: k,
		init: Array.from({ length: k }, (_, c) => logShare(c)),
		gradients(raw, grad, hess) {
			let s = 0;
			for (let i = 0; i < n; i++) {
				softmax(raw, i * k, k, proba, 0);
				for (let c = 0; c < k; c++) {
					const p = proba[c];
					grad[c * n + i] = p - (y[i] === c ? 1 : 0);
					hess[c * n + i] = p * (1 - p);
				}
				s -= Math.log(Math.max(proba[y[i]], 1e-300));
			}
			return s / n;
		},
		loss(raw, target, rows) {
			let s = 0;
			for (let i = 0; i < rows; i++) {
				softmax(raw, i * k, k, proba, 0);
				s -= Math.log(Math.max(proba[target[i]], 1e-300));
			}
			return s / rows;
		}
	};
}

/** Writes the softmax of `raw[from .. from + k)` to `out[at ..]`. */
function softmax(raw: Float64Array, from: number, k: number, out: Float64Array, at: number): void {
	let max = -Infinity;
	for (let c = 0; c < k; c++) max = Math.max(max, raw[from + c]);
	let sum = 0;
	for (let c = 0; c < k; c++) {
		const e = exp(raw[from + c] - max);
		out[at + c] = e;
		sum += e;
	}
	for (let c = 0; c < k; c++) out[at + c] /= sum;
}

/** Returns `count` distinct numbers below `n`, ascending, drawn with `rng`. */
function sample(n: number, count: number, rng: Rng): Int32Array {
	const all = Int32Array.from({ length: n }, (_, i) => i);
	for (let i = 0; i < count; i++) {
		const j = i + rng.int(n - i);
		const tmp = all[i];
		all[i] = all[j];
		all[j] = tmp;
	}
	return all.subarray(0, count).sort();
}

/**
 * Returns the fitted ensemble. Each round draws its rows and each tree its features from `seed`;
 * with `earlyStopping` and validation rows, training stops once the validation loss has not
 * improved for that many rounds and keeps the rounds up to the best one. `info.iterations` is the
 * number of rounds kept; `converged` is false when the validation loss was still improving at the
 * last round (more rounds might help). Throws `cancelled` when the signal aborts.
 */
export async function fitBoosting(
	spec: BoostingSpec,
	data: TrainData,
	seed: number,
	ctx: TaskContext<FitEvent> = {}
): Promise<{ model: BoostingModel; info: FitInfo }> {
	checkSpec(spec);
	const { x } = data;
	const n = x.rows;
	checkTrainRows(x);
	const pace = createPacer(ctx);
	await pace('Binning', 0);
	const bins = fitBins(x, spec.maxBins);
	const binned = boostingData(bins, binMatrix(bins, x), n);
	const objective = objectiveOf(data);
	const k = objective.outputs;
	const raw = new Float64Array(n * k);
	for (let i = 0; i < n; i++) raw.set(objective.init, i * k);
	// Early stopping watches the validation rows only when there are some.
	const validation =
		spec.earlyStopping > 0 && (data.validation?.x.rows ?? 0) > 0 ? data.validation : undefined;
	if (validation) checkFeatureCount(x.features, validation.x);
	const booster: Booster = {
		spec,
		data: binned,
		x,
		objective,
		raw,
		valRaw: new Float64Array((validation?.x.rows ?? 0) * k),
		grad: new Float64Array(n * k),
		hess: new Float64Array(n * k),
		rng: createRng(seed),
		pool: new HistogramPool(binned.offsets[binned.width] * STRIDE),
		everyRow: Int32Array.from({ length: n }, (_, i) => i),
		trees: [],
		treeGains: []
	};
	for (let i = 0; i < (validation?.x.rows ?? 0); i++) booster.valRaw.set(objective.init, i * k);
	let best = { round: 0, loss: Infinity };
	let lastValLoss: number | undefined;
	// The train loss after each number of rounds: losses[0] is that of the starting scores.
	const losses: number[] = [];
	for (let rounds = 0; ; rounds++) {
		// The gradients' pass also gives the train loss of the rounds so far.
		losses.push(objective.gradients(raw, booster.grad, booster.hess));
		if (rounds > 0)
			ctx.onEvent?.({
				kind: 'loss',
				iteration: rounds,
				loss: losses[rounds],
				validation: lastValLoss
			});
		const patienceOut = validation !== undefined && rounds - best.round >= spec.earlyStopping;
		if (rounds === spec.iterations || patienceOut) break;
		await pace('Boosting', rounds / spec.iterations);
		boostRound(booster, validation?.x ?? null);
		if (!validation) continue;
		lastValLoss = objective.loss(booster.valRaw, validation.y, validation.x.rows);
		if (lastValLoss < best.loss - TOLERANCE) best = { round: rounds + 1, loss: lastValLoss };
	}
	const rounds = losses.length - 1;
	const kept = validation ? best.round : rounds;
	// Watching validation, "converged" means the loss stopped improving before the last round.
	const converged = validation ? rounds < spec.iterations || best.round < rounds : true;
	const trees = booster.trees.slice(0, kept * k);
	// Importance counts the kept trees only, not those early stopping threw away.
	const gain = new Array<number>(x.width).fill(0);
	trees.forEach((tree, t) =>
		tree.feature.forEach((j, node) => j >= 0 && (gain[j] += booster.treeGains[t][node]))
	);
	const model: BoostingModel = {
		kind: 'boosting',
		task: data.task,
		classes: data.task === 'regression' ? null : data.classes,
		features: x.features,
		outputs: k,
		init: objective.init,
		trees,
		gain
	};
	return { model, info: { iterations: kept, converged, loss: losses[kept] } };
}

/** What boosting carries from round to round. */
interface Booster {
	spec: BoostingSpec;
	data: BoostingData;
	x: FeatureMatrix;
	objective: Objective;
	/** Raw scores of the train and validation rows, row-major, one per output. */
	raw: Float64Array;
	valRaw: Float64Array;
	/** Gradients and Hessians of the train rows, output-major. */
	grad: Float64Array;
	hess: Float64Array;
	rng: Rng;
	pool: HistogramPool;
	everyRow: Int32Array;
	trees: ValueTree[];
	/** Each tree's split gain per node. */
	treeGains: number[][];
}

/**
 * Grows one round: a tree per output on the current gradients, on the round's row sample and
 * each tree's feature sample, and adds it to the train (and validation) raw scores.
 */
function boostRound(b: Booster, validation: FeatureMatrix | null): void {
	const { spec, x, objective } = b;
	const n = x.rows;
	const k = objective.outputs;
	const rowCount = Math.max(1, Math.round(spec.rowSubsample * n));
	const featureCount = Math.max(1, Math.round(spec.featureSubsample * x.width));
	const rows = rowCount < n ? sample(n, rowCount, b.rng) : null;
	for (let out = 0; out < k; out++) {
		let features: Uint8Array | null = null;
		if (featureCount < x.width) {
			features = new Uint8Array(x.width);
			for (const j of sample(x.width, featureCount, b.rng)) features[j] = 1;
		}
		const options: LeafwiseOptions = {
			maxLeaves: spec.maxLeaves,
			maxDepth: spec.maxDepth,
			minDataInLeaf: spec.minDataInLeaf,
			minHessianInLeaf: MIN_HESSIAN,
			l2: spec.l2,
			shrinkage: spec.learningRate,
			features
		};
		const index = (rows ?? b.everyRow).slice();
		const grad = b.grad.subarray(out * n, (out + 1) * n);
		const hess = b.hess.subarray(out * n, (out + 1) * n);
		const grown = growLeafwise(b.data, grad, hess, index, options, b.pool);
		b.trees.push(grown.tree);
		b.treeGains.push(grown.gain);
		addTree(grown, index, rows ? x : null, b.raw, out, k);
		if (validation) addTree(grown, index, validation, b.valRaw, out, k);
	}
}

/**
 * Adds a new tree's leaf values to output `out` of the raw scores: by walking the tree for the
 * rows of `x`, or, when `x` is null (the tree grew on every train row), from the leaves' row
 * ranges, with no walk. Either way each row gets the same number added.
 */
function addTree(
	grown: GrownTree,
	index: Int32Array,
	x: FeatureMatrix | null,
	raw: Float64Array,
	out: number,
	k: number
): void {
	const { tree } = grown;
	if (x) {
		for (let i = 0; i < x.rows; i++)
			raw[i * k + out] += tree.value[leafOf(tree, x.values, i * x.width)];
		return;
	}
	for (let leaf = 0; leaf < grown.leafNode.length; leaf++) {
		const value = tree.value[grown.leafNode[leaf]];
		for (let i = grown.leafStart[leaf]; i < grown.leafEnd[leaf]; i++)
			raw[index[i] * k + out] += value;
	}
}

/** Returns the raw scores of every row, row-major with `outputs` per row. */
/** Rows walked through every tree before the next rows: their features stay in the cache. */
const PREDICT_BLOCK_ROWS = 256;

function rawScores(model: BoostingModel, x: FeatureMatrix): Float64Array {
	const k = model.outputs;
	const raw = new Float64Array(x.rows * k);
	for (let i = 0; i < x.rows; i++) raw.set(model.init, i * k);
	const trees = model.trees.map(compiledValueTree);
	// Each row adds its trees' values in tree order, as one tree after another over all rows
	// would: the same sums, but a block of rows is read once per tree from the cache, not memory.
	for (let start = 0; start < x.rows; start += PREDICT_BLOCK_ROWS) {
		const end = Math.min(x.rows, start + PREDICT_BLOCK_ROWS);
		for (let t = 0; t < trees.length; t++) trees[t](x.values, x.width, start, end, raw, k, t % k);
	}
	return raw;
}

/** Returns the ensemble's predictions: probabilities (sigmoid or softmax) or values. */
export function predictBoosting(model: BoostingModel, x: FeatureMatrix): Prediction {
	checkFeatureCount(model.features, x);
	const raw = rawScores(model, x);
	if (model.task === 'regression') return { kind: 'values', values: raw };
	const classes = model.classes!;
	const k = classes.length;
	const proba = new Float64Array(x.rows * k);
	if (model.outputs === 1)
		for (let i = 0; i < x.rows; i++) {
			const p = sigmoid(raw[i]);
			proba[i * 2] = 1 - p;
			proba[i * 2 + 1] = p;
		}
	else for (let i = 0; i < x.rows; i++) softmax(raw, i * k, k, proba, i * k);
	return { kind: 'classes', classes, proba };
}
