import type { FeatureMatrix } from './recipe';

/** A feature matrix's non-zero entries, row by row (compressed sparse rows). */
export interface SparseRows {
	rows: number;
	width: number;
	/** Row i's entries are at positions `start[i] .. start[i + 1]` of `index` and `value`. */
	start: Int32Array;
	index: Int32Array;
	value: Float64Array;
}

/**
 * Returns the non-zero entries of a feature matrix. One-hot encoded rows are mostly zeros, so
 * training loops over these instead of the dense rows (skipping a zero never changes a sum).
 */
export function toSparseRows(x: FeatureMatrix): SparseRows {
	let nonZero = 0;
	for (const v of x.values) if (v !== 0) nonZero++;
	const start = new Int32Array(x.rows + 1);
	const index = new Int32Array(nonZero);
	const value = new Float64Array(nonZero);
	let k = 0;
	for (let i = 0; i < x.rows; i++) {
		start[i] = k;
		for (let j = 0; j < x.width; j++) {
			const v = x.values[i * x.width + j];
			if (v !== 0) {
				index[k] = j;
				value[k++] = v;
			}
		}
	}
	start[x.rows] = k;
	return { rows: x.rows, width: x.width, start, index, value };
}
