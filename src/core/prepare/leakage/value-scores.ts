// Scores of a number read as a number: its order for classes, a straight line for a number target.
import { pearson } from '../../profile/relations';
import { sortWithOrder } from '../../profile/sorted';
import { averageOf, meanPresent, valueAuc } from './auc';

/**
 * Returns the ROC-AUC of the values as the score of the classes (see `classFlagSets`: class 1 of
 * two, or the mean one-vs-rest AUC of more), each the better of either direction, with missing
 * values as a block at the end that predicts best (see `valueAuc`).
 */
export function classValueAuc(
	values: Float64Array,
	flagSets: readonly Uint8Array[]
): number | null {
	const { sorted, order } = sortWithOrder(values);
	return averageOf(
		flagSets.map((flags) => {
			let missingPos = 0;
			let missingNeg = 0;
			for (let i = 0; i < values.length; i++) {
				if (values[i] === values[i]) continue;
				if (flags[i] === 1) missingPos++;
				else missingNeg++;
			}
			return valueAuc(sorted, order, flags, missingPos, missingNeg);
		})
	);
}

/**
 * Returns how much of a number target a straight line through the values explains, a missing
 * value read as the mean: the smaller of Pearson's r² and Spearman's ρ², so a few extreme rows
 * in both columns (a sentinel such as -200 for "no reading") cannot fake a near-perfect fit.
 */
export function valueR2(values: Float64Array, y: Float64Array): number | null {
	const mean = meanPresent(values);
	const filled = values.map((v) => (v === v ? v : mean));
	const r = pearson(filled, y).value;
	const rho = pearson(averageRanks(filled), averageRanks(y)).value;
	return r === null || rho === null ? null : Math.min(r * r, rho * rho);
}

/** Returns each value's rank (1-based; ties share their mean rank; NaN stays NaN). */
export function averageRanks(values: Float64Array): Float64Array {
	const { sorted, order } = sortWithOrder(values);
	const ranks = new Float64Array(values.length).fill(NaN);
	for (let k = 0; k < sorted.length;) {
		let end = k + 1;
		while (end < sorted.length && sorted[end] === sorted[k]) end++;
		const rank = (k + 1 + end) / 2;
		for (let j = k; j < end; j++) ranks[order[j]] = rank;
		k = end;
	}
	return ranks;
}
