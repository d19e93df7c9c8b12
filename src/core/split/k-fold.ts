import { CoreError } from '../util/core-error';
import { createRng, shuffleInPlace, type Rng } from '../util/rng';
import { gatherGroups } from './split-by-group';
import { splitKindOf, type Split } from './split';

/** Most folds a k-fold may have (a fold index is stored in an Int8Array). */
export const MAX_FOLDS = 127;

/** How rows are spread over folds. `strata` and `groups` are indexed by row id, like `rows`. */
export interface KFoldOptions {
	seed: number;
	/** Each row's class: every class is spread over the folds within one row of an equal share. */
	strata?: Int32Array;
	/** Each row's group (-1: a group of its own): no group spans two folds. Wins over `strata`. */
	groups?: Int32Array;
}

/**
 * Returns the fold (0..k-1) of each entry of `rows`, a list of row ids (say train and validation,
 * never test), for cross-validation or out-of-fold encoding. Seeded. Plain and stratified folds
 * differ in size by at most one row; grouped folds take whole groups, largest first, each into
 * the fold with the fewest rows so far.
 */
export function kFold(rows: Int32Array, k: number, options: KFoldOptions): Int8Array {
	checkFoldCount(k, rows.length);
	const rng = createRng(options.seed);
	return options.groups
		? groupedFolds(rows, k, options.groups, rng)
		: dealtFolds(rows, k, options.strata, rng);
}

/** Throws `CoreError('bad-fold-count')` unless `k` folds can be made of `n` rows. */
function checkFoldCount(k: number, n: number): void {
	if (!Number.isInteger(k) || k < 2 || k > Math.min(n, MAX_FOLDS))
		throw new CoreError(
			'bad-fold-count',
			`The number of folds must be a whole number from 2 to ${Math.min(n, MAX_FOLDS)} (one row per fold at least); it is ${k}.`
		);
}

/** Deals each class's shuffled rows round-robin, carrying on where the previous class stopped. */
function dealtFolds(
	rows: Int32Array,
	k: number,
	strata: Int32Array | undefined,
	rng: Rng
): Int8Array {
	const byClass = new Map<number, number[]>();
	rows.forEach((row, i) => {
		const key = strata ? strata[row] : 0;
		const list = byClass.get(key);
		if (list) list.push(i);
		else byClass.set(key, [i]);
	});
	const folds = new Int8Array(rows.length);
	let next = 0;
	for (const key of [...byClass.keys()].sort((a, b) => a - b))
		for (const i of shuffleInPlace(Int32Array.from(byClass.get(key)!), rng)) {
			folds[i] = next;
			next = (next + 1) % k;
		}
	return folds;
}

/** Assigns whole groups, largest first (seeded order among equal sizes), to the smallest fold. */
function groupedFolds(rows: Int32Array, k: number, groups: Int32Array, rng: Rng): Int8Array {
	const keys = Int32Array.from(rows, (row) => groups[row]);
	const gathered = gatherGroups(rows.length, keys, new Int32Array(rows.length));
	if (gathered.length < k)
		throw new CoreError(
			'bad-fold-count',
			`${k} folds need at least ${k} groups, and the rows fall into ${gathered.length}.`
		);
	const order = Array.from(shuffleInPlace(Int32Array.from(gathered.keys()), rng));
	order.sort((a, b) => gathered[b].length - gathered[a].length);
	const sizes = new Array<number>(k).fill(0);
	const folds = new Int8Array(rows.length);
	for (const g of order) {
		const fold = sizes.indexOf(Math.min(...sizes));
		sizes[fold] += gathered[g].length;
		for (const i of gathered[g]) folds[i] = fold;
	}
	return folds;
}

/** Returns the row ids of one fold's held-out part and of the rest (the rows to fit on). */
export function foldRows(
	rows: Int32Array,
	folds: Int8Array,
	fold: number
): { fit: Int32Array; held: Int32Array } {
	const fit: number[] = [];
	const held: number[] = [];
	rows.forEach((row, i) => (folds[i] === fold ? held : fit).push(row));
	return { fit: Int32Array.from(fit), held: Int32Array.from(held) };
}

/** What `developmentFolds` reads of the rows, as `splitByPlan` does. */
export interface FoldInputs {
	strata: Int32Array;
	time?: Float64Array;
	groups?: Int32Array;
	/** Rows with one key stay in one fold, as they stay in one part (copies kept together). */
	keepTogether?: Int32Array;
}

/**
 * Returns each row's cross-validation fold over the split's train and validation rows (-1 for
 * test and left-out rows), in the split's own spirit: a time split gets consecutive blocks of
 * time (no shuffle, so a fold never mixes past and future at random), a group split grouped
 * folds, a stratified split stratified folds, a random split shuffled ones.
 */
export function developmentFolds(split: Split, k: number, inputs: FoldInputs): Int8Array {
	const kind = splitKindOf(split.plan);
	const rows: number[] = [];
	split.assignment.forEach((part, row) => {
		if (part === 0 || part === 1) rows.push(row);
	});
	const dev = Int32Array.from(rows);
	const folds =
		kind === 'time' && inputs.time
			? timeBlocks(dev, k, inputs.time)
			: kFold(dev, k, {
					seed: split.plan.seed,
					...(kind === 'group' && inputs.groups
						? { groups: inputs.groups }
						: inputs.keepTogether
							? { groups: inputs.keepTogether }
							: {}),
					...(kind === 'stratified' ? { strata: inputs.strata } : {})
				});
	const byRow = new Int8Array(split.assignment.length).fill(-1);
	dev.forEach((row, i) => (byRow[row] = folds[i]));
	return byRow;
}

/** Folds of consecutive time: rows ordered by time (ties by row), cut into k near-equal blocks. */
function timeBlocks(rows: Int32Array, k: number, time: Float64Array): Int8Array {
	checkFoldCount(k, rows.length);
	const order = Array.from(rows.keys()).sort(
		(a, b) => time[rows[a]] - time[rows[b]] || rows[a] - rows[b]
	);
	const folds = new Int8Array(rows.length);
	order.forEach((i, rank) => (folds[i] = Math.floor((rank * k) / rows.length)));
	return folds;
}
