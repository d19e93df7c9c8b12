// Out-of-fold level scores: each row is scored by what the rows of the other fold say about its
// level. A label that is different in every row (an identifier, a name) then scores like chance,
// since no level is ever seen in both folds; scored in-sample, it would look like a perfect fit.
import { cellAuc, rSquared } from './auc';

/** Rows of the other fold that weigh as much as a level's own rows toward the fold's average. */
const SMOOTHING_ROWS = 2;

/** Per fold and level (cell = fold * levelCount + level): row counts and sums of the target. */
function foldCells(codes: Int32Array, levelCount: number, y: ArrayLike<number>) {
	const total = new Float64Array(2 * levelCount);
	const sum = new Float64Array(2 * levelCount);
	let prior0 = 0;
	let prior1 = 0;
	for (let i = 0; i < codes.length; i++) {
		// Rows alternate between the folds: deterministic, and balanced in any row order.
		const cell = (i & 1) * levelCount + codes[i];
		total[cell]++;
		sum[cell] += y[i];
		if (i & 1) prior1 += y[i];
		else prior0 += y[i];
	}
	const half = codes.length / 2;
	const priors = [prior0 / Math.ceil(half), prior1 / Math.max(1, Math.floor(half))];
	return { total, sum, priors };
}

/** Returns the cell of the same level in the other fold. */
function otherCell(cell: number, levelCount: number): number {
	return cell < levelCount ? cell + levelCount : cell - levelCount;
}

const smoothed = (sum: number, total: number, prior: number) =>
	(sum + SMOOTHING_ROWS * prior) / (total + SMOOTHING_ROWS);

/**
 * Returns the ROC-AUC of each row's out-of-fold share of the class (1 in `flags`) among the rows
 * of its level; null when a class side is empty.
 */
export function oofClassAuc(
	codes: Int32Array,
	levelCount: number,
	flags: Uint8Array
): number | null {
	const { total, sum, priors } = foldCells(codes, levelCount, flags);
	const scores: number[] = [];
	const pos: number[] = [];
	const neg: number[] = [];
	// Levels never seen in the other fold all score its prior: one cell per fold, not one per level.
	const unseen = [
		[0, 0],
		[0, 0]
	];
	for (let cell = 0; cell < total.length; cell++) {
		if (total[cell] === 0) continue;
		const fold = cell < levelCount ? 0 : 1;
		const other = otherCell(cell, levelCount);
		if (total[other] === 0) {
			unseen[fold][0] += sum[cell];
			unseen[fold][1] += total[cell] - sum[cell];
			continue;
		}
		scores.push(smoothed(sum[other], total[other], priors[1 - fold]));
		pos.push(sum[cell]);
		neg.push(total[cell] - sum[cell]);
	}
	for (const fold of [0, 1]) {
		scores.push(priors[1 - fold]);
		pos.push(unseen[fold][0]);
		neg.push(unseen[fold][1]);
	}
	return cellAuc(Float64Array.from(scores), Float64Array.from(pos), Float64Array.from(neg));
}

/** Returns the R² of each row's out-of-fold mean target among the rows of its level. */
export function oofR2(codes: Int32Array, levelCount: number, y: Float64Array): number | null {
	const { total, sum, priors } = foldCells(codes, levelCount, y);
	const predicted = new Float64Array(y.length);
	for (let i = 0; i < y.length; i++) {
		const cell = (i & 1) * levelCount + codes[i];
		const other = otherCell(cell, levelCount);
		predicted[i] = smoothed(sum[other], total[other], priors[1 - (i & 1)]);
	}
	return rSquared(y, predicted);
}
