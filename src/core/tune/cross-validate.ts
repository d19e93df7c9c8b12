import { CoreError } from '../util/core-error';
import { meanStd } from '../util/stats';
import { throwIfCancelled, type ProgressEvent, type TaskContext } from '../util/task';
import type { MetricName, MetricValues } from '../evaluate/metric-catalogue';
import type { FitEvent, Model, ModelSpec } from '../models/model';
import { partRows, type OpenPart, type Split } from '../split/split';
import { selectRawRows, type RawTable } from '../table/table';
import { trainRun, type TrainRequest } from '../train/train-run';
import { concatRawTables } from './concat-raw-tables';

/** The cross-validation fold of each development row: of the train rows, then of the validation rows. */
export interface DevelopmentFolds {
	train: Int8Array;
	val: Int8Array;
}

/** What cross-validating one spec gives: per-metric mean and spread over the folds, and each fold. */
export interface CrossValidation {
	/** Each metric's mean over the folds (a metric missing or not finite in any fold is left out). */
	meanMetrics: MetricValues;
	/** Each metric's population standard deviation over the folds, as scikit-learn reports it. */
	sdMetrics: MetricValues;
	/** Each fold's scores on its held-out rows, fold 0 first. */
	foldMetrics: MetricValues[];
	/** Fitting time summed over the folds; null without a clock. */
	fitMs: number | null;
}

/** What `crossValidate` reports: progress over all folds, and each fold's training loss. */
export type CrossValidateEvent =
	ProgressEvent | (Extract<FitEvent, { kind: 'loss' }> & { fold: number });

/**
 * Returns the folds of one part's rows, in data-row order: the order the data worker's `rows`
 * hands them out (`partRows`), so `partFolds(split, 'train')[i]` is the fold of the i-th train
 * row it sends. Throws `no-folds` when the split has no cross-validation folds.
 */
export function partFolds(split: Split, part: OpenPart): Int8Array {
	const { folds } = split;
	if (!folds)
		throw new CoreError('no-folds', 'This split has no cross-validation folds; ask for some.');
	return Int8Array.from(partRows(split, part), (row) => folds[row]);
}

const joinFolds = (folds: DevelopmentFolds) => {
	const all = new Int8Array(folds.train.length + folds.val.length);
	all.set(folds.train);
	all.set(folds.val, folds.train.length);
	return all;
};

/** Returns how many folds there are, after checking each part's folds fit its rows. */
function foldCount(train: RawTable, val: RawTable, folds: DevelopmentFolds): number {
	if (folds.train.length !== train.rowCount || folds.val.length !== val.rowCount)
		throw new CoreError('bad-folds', 'The folds do not match the train and validation rows.');
	const all = joinFolds(folds);
	if (all.some((fold) => fold < 0))
		throw new CoreError('bad-folds', 'A train or validation row has no fold.');
	const sizes = new Array<number>(all.reduce((max, f) => Math.max(max, f), 0) + 1).fill(0);
	for (const fold of all) sizes[fold]++;
	const k = sizes.length;
	if (k < 2 || sizes.includes(0))
		throw new CoreError('bad-folds', 'Cross-validation needs at least two folds, none empty.');
	return k;
}

/** Returns the development rows without fold `fold` (to fit on) and fold `fold` (to score). */
function holdOut(
	dev: RawTable,
	folds: Int8Array,
	fold: number
): { train: RawTable; val: RawTable } {
	const fit: number[] = [];
	const held: number[] = [];
	folds.forEach((f, row) => (f === fold ? held : fit).push(row));
	if (fit.length === 0 || held.length === 0)
		throw new CoreError('bad-folds', `Fold ${fold + 1} leaves no rows to fit on or to score.`);
	return { train: selectRawRows(dev, fit), val: selectRawRows(dev, held) };
}

/**
 * Returns the tables of one cross-validation round: the train and validation rows together (the
 * development rows), fold `fold` held out to score and the others to fit on. Test rows never
 * enter: the function is given only train and validation rows.
 */
export function foldTables(
	train: RawTable,
	val: RawTable,
	trainFolds: Int8Array,
	valFolds: Int8Array,
	fold: number
): { train: RawTable; val: RawTable } {
	const folds = { train: trainFolds, val: valFolds };
	foldCount(train, val, folds);
	return holdOut(concatRawTables(train, val), joinFolds(folds), fold);
}

/** Returns each metric's mean and standard deviation over the folds that all report it. */
function summarise(foldMetrics: readonly MetricValues[]): { mean: MetricValues; sd: MetricValues } {
	const mean: MetricValues = {};
	const sd: MetricValues = {};
	const names = Object.keys(foldMetrics[0]) as MetricName[];
	for (const name of names) {
		const values = foldMetrics.map((m) => m[name] ?? NaN);
		if (!values.every(Number.isFinite)) continue;
		const { mean: m, std } = meanStd(values);
		mean[name] = m;
		sd[name] = std;
	}
	return { mean, sd };
}

/**
 * Returns the k-fold cross-validation of the request's spec over its train and validation rows:
 * for each fold, `trainRun` with the same spec, recipe and seed fits on the other folds and
 * scores that one. Use it to compare specs on more rows than the validation part alone holds.
 * Throws `bad-folds` when the folds do not fit the rows, `cancelled` when the signal aborts.
 */
export async function crossValidate(
	request: TrainRequest,
	folds: DevelopmentFolds,
	ctx: TaskContext<CrossValidateEvent> = {}
): Promise<CrossValidation> {
	const k = foldCount(request.train, request.val, folds);
	const dev = concatRawTables(request.train, request.val);
	const all = joinFolds(folds);
	const foldMetrics: MetricValues[] = [];
	let fitMs: number | null = 0;
	for (let fold = 0; fold < k; fold++) {
		throwIfCancelled(ctx.signal);
		const onEvent = (event: FitEvent) =>
			ctx.onEvent?.(
				event.kind === 'loss'
					? { ...event, fold }
					: {
							...event,
							fraction: (fold + event.fraction) / k,
							phase: `Fold ${fold + 1} of ${k}: ${event.phase}`
						}
			);
		const result = await trainRun(
			{ ...request, ...holdOut(dev, all, fold) },
			{ signal: ctx.signal, now: ctx.now, onEvent }
		);
		foldMetrics.push(result.valMetrics);
		fitMs = fitMs === null || result.fitMs === null ? null : fitMs + result.fitMs;
	}
	const { mean, sd } = summarise(foldMetrics);
	return { meanMetrics: mean, sdMetrics: sd, foldMetrics, fitMs };
}

/**
 * Returns the spec with early stopping replaced by the budget the fit on train chose: the rounds
 * boosting kept, the epoch whose weights the network kept. Cross-validation then fits each fold
 * with that budget, instead of stopping on the fold it is about to score (which would flatter
 * it). Other families have no early stopping and come back as they are.
 */
export function fixedBudget(spec: ModelSpec, model: Model): ModelSpec {
	if (spec.kind === 'boosting' && model.kind === 'boosting')
		return {
			...spec,
			iterations: Math.max(1, model.trees.length / model.outputs),
			earlyStopping: 0
		};
	if (spec.kind === 'neural' && model.kind === 'neural')
		return { ...spec, epochs: Math.max(1, model.epoch), patience: 0 };
	return spec;
}
