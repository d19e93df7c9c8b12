import type { FeatureMatrix } from '../../prepare/recipe';

/** A feature matrix's non-zero entries, column by column (compressed sparse columns). */
export interface SparseColumns {
	rows: number;
	width: number;
	/** Column j's entries are at positions `start[j] .. start[j + 1]` of `row` and `value`. */
	start: Int32Array;
	row: Int32Array;
	value: Float64Array;
}

/**
 * Returns the non-zero entries of a feature matrix by column, for coordinate descent, which
 * visits one feature at a time (one-hot columns are mostly zeros, which it then skips).
 */
export function toSparseColumns(x: FeatureMatrix): SparseColumns {
	const { rows: n, width: p, values } = x;
	const start = new Int32Array(p + 1);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < p; j++) if (values[i * p + j] !== 0) start[j + 1]++;
	for (let j = 0; j < p; j++) start[j + 1] += start[j];
	const next = start.slice(0, p);
	const row = new Int32Array(start[p]);
	const value = new Float64Array(start[p]);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < p; j++) {
			const v = values[i * p + j];
			if (v === 0) continue;
			row[next[j]] = i;
			value[next[j]++] = v;
		}
	}
	return { rows: n, width: p, start, row, value };
}
