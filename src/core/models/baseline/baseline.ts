import { assertNever } from '../../util/assert-never';
import { CoreError } from '../../util/core-error';
import { quantile } from '../../util/stats';
import { checkTrainRows, type Prediction, type TrainData } from '../model';

/** How a baseline predicts classes, with scikit-learn's DummyClassifier names. */
export type ClassStrategy = 'prior' | 'most_frequent' | 'stratified';
/** How a baseline predicts values, with scikit-learn's DummyRegressor names. */
export type ValueStrategy = 'mean' | 'median';

/**
 * The floor every model must beat. Without a strategy: class shares ('prior') for classes, the
 * mean for values. 'most_frequent' gives the majority class probability 1; 'stratified' gives each
 * row one class drawn from the train shares; 'median' predicts the train median.
 */
export interface BaselineSpec {
	kind: 'baseline';
	strategy?: ClassStrategy | ValueStrategy;
}

interface ClassBaseline {
	kind: 'baseline';
	task: 'binary' | 'multiclass';
	classes: string[];
	/** The train class shares, whatever the strategy. */
	priors: number[];
}

/**
 * A fitted baseline. `strategy` is absent in models saved before strategies existed, and means
 * 'prior' or 'mean'; a 'stratified' model keeps the seed its draws derive from.
 */
export type BaselineModel =
	| (ClassBaseline & { strategy?: 'prior' | 'most_frequent' })
	| (ClassBaseline & { strategy: 'stratified'; seed: number })
	| { kind: 'baseline'; task: 'regression'; strategy?: 'mean'; mean: number }
	| { kind: 'baseline'; task: 'regression'; strategy: 'median'; mean: number; median: number };

const CLASS_STRATEGIES: readonly string[] = ['prior', 'most_frequent', 'stratified'];
const VALUE_STRATEGIES: readonly string[] = ['mean', 'median'];

function badStrategy(strategy: string, regression: boolean): CoreError {
	const task = regression ? 'a number target' : 'a class target';
	return new CoreError(
		'bad-spec',
		`The baseline strategy "${strategy}" does not fit ${task}: classes take prior, most_frequent or stratified; numbers take mean or median.`
	);
}

/**
 * Returns the baseline fitted on train with the spec's strategy. `seed` feeds the 'stratified'
 * draws only. Throws `bad-spec` when the strategy does not fit the task.
 */
export function fitBaseline(
	data: TrainData,
	spec: BaselineSpec = { kind: 'baseline' },
	seed = 0
): BaselineModel {
	const n = data.x.rows;
	const { strategy } = spec;
	if (data.task === 'regression') {
		if (strategy !== undefined && !VALUE_STRATEGIES.includes(strategy))
			throw badStrategy(strategy, true);
		checkTrainRows(data.x);
		let sum = 0;
		for (const v of data.y) sum += v;
		const mean = sum / n;
		if (strategy === 'median')
			return {
				kind: 'baseline',
				task: 'regression',
				strategy,
				mean,
				median: quantile(data.y, 0.5)
			};
		return strategy === 'mean'
			? { kind: 'baseline', task: 'regression', strategy, mean }
			: { kind: 'baseline', task: 'regression', mean };
	}
	if (strategy !== undefined && !CLASS_STRATEGIES.includes(strategy))
		throw badStrategy(strategy, false);
	checkTrainRows(data.x);
	const counts = new Float64Array(data.classes.length);
	for (const k of data.y) counts[k]++;
	const base: ClassBaseline = {
		kind: 'baseline',
		task: data.task,
		classes: data.classes,
		priors: Array.from(counts, (c) => c / n)
	};
	if (strategy === 'stratified') return { ...base, strategy, seed: seed >>> 0 };
	return strategy === 'prior' || strategy === 'most_frequent' ? { ...base, strategy } : base;
}

/**
 * Returns row `row`'s uniform draw in [0, 1) for a seed: output `row + 1` of splitmix32 started
 * at `seed` (a Weyl step of 0x9e3779b9, then the murmur3 finaliser), computed directly so that
 * any row can be drawn alone, in any batch, in the app or the bundle.
 */
export function rowDraw(seed: number, row: number): number {
	let z = (seed + Math.imul(row + 1, 0x9e3779b9)) >>> 0;
	z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
	z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
	return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
}

/** Returns the class a uniform draw falls on along the cumulative shares; never a 0-share class. */
function drawClass(priors: readonly number[], u: number): number {
	let last = 0;
	let cumulative = 0;
	for (let k = 0; k < priors.length; k++) {
		if (priors[k] <= 0) continue;
		last = k;
		cumulative += priors[k];
		if (u < cumulative) return k;
	}
	// The shares may sum to just under 1: the remainder belongs to the last class with a share.
	return last;
}

/** Returns the index of the largest share, the lowest index on ties. */
function majority(priors: readonly number[]): number {
	let best = 0;
	for (let k = 1; k < priors.length; k++) if (priors[k] > priors[best]) best = k;
	return best;
}

function classProba(model: Extract<BaselineModel, ClassBaseline>, rows: number): Float64Array {
	const k = model.classes.length;
	const proba = new Float64Array(rows * k);
	const strategy = model.strategy ?? 'prior';
	switch (strategy) {
		case 'prior':
			for (let i = 0; i < rows; i++) proba.set(model.priors, i * k);
			return proba;
		case 'most_frequent': {
			const top = majority(model.priors);
			for (let i = 0; i < rows; i++) proba[i * k + top] = 1;
			return proba;
		}
		case 'stratified': {
			const seed = model.strategy === 'stratified' ? model.seed : 0;
			for (let i = 0; i < rows; i++) proba[i * k + drawClass(model.priors, rowDraw(seed, i))] = 1;
			return proba;
		}
		default:
			return assertNever(strategy, 'baseline strategy');
	}
}

/**
 * Returns the baseline's prediction for `rows` rows. Only 'stratified' depends on the row: row i
 * of the batch gets the class of `rowDraw(seed, i)`, so the same batch always predicts the same.
 */
export function predictBaseline(model: BaselineModel, rows: number): Prediction {
	if (model.task === 'regression') {
		const value = model.strategy === 'median' ? model.median : model.mean;
		return { kind: 'values', values: new Float64Array(rows).fill(value) };
	}
	return { kind: 'classes', classes: model.classes, proba: classProba(model, rows) };
}
