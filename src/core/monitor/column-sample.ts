import { assertNever } from '../util/assert-never';
import { MISSING_BOOLEAN, type Column } from '../table/table';

/**
 * A column's non-missing values as the drift tests read them: the finite numbers of a number
 * column, or the label counts of a category or boolean column. `rows` counts every row and
 * `missing` the rows left out (a NaN or infinite number counts as missing, as Evidently drops
 * both before testing).
 */
export type ColumnSample =
	| { kind: 'numbers'; rows: number; missing: number; values: Float64Array }
	| { kind: 'labels'; rows: number; missing: number; counts: Map<string, number> }
	| { kind: 'untested'; rows: number; missing: number };

/**
 * Returns the sample the drift tests read from a typed column. Booleans are labelled with
 * `words` (the reference's words for false and true, so two files that spell them differently
 * still compare). Text and date columns are `untested`: free text and identifiers have no
 * distribution to compare, and a date in a later batch always lies later; only their missing
 * rate is checked.
 */
export function columnSample(column: Column, words?: readonly [string, string]): ColumnSample {
	switch (column.kind) {
		case 'number': {
			const values = column.values.filter(Number.isFinite);
			const rows = column.values.length;
			return { kind: 'numbers', rows, missing: rows - values.length, values };
		}
		case 'category': {
			const { counts, missing } = codeCounts(column.codes, column.levels);
			return { kind: 'labels', rows: column.codes.length, missing, counts };
		}
		case 'boolean': {
			const [no, yes] = words ?? column.words;
			const counts = new Map<string, number>();
			let missing = 0;
			for (const v of column.values) {
				if (v === MISSING_BOOLEAN) missing++;
				else counts.set(v ? yes : no, (counts.get(v ? yes : no) ?? 0) + 1);
			}
			return { kind: 'labels', rows: column.values.length, missing, counts };
		}
		case 'text':
			return { kind: 'untested', rows: column.codes.length, missing: countBelowZero(column.codes) };
		case 'date': {
			const rows = column.values.length;
			return {
				kind: 'untested',
				rows,
				missing: rows - column.values.filter(Number.isFinite).length
			};
		}
		default:
			return assertNever(column);
	}
}

/** Returns the sample's count of non-missing values. */
export function sampleSize(sample: ColumnSample): number {
	return sample.rows - sample.missing;
}

/**
 * Returns a number sample's value counts keyed by the number's shortest decimal (`String(v)`, so
 * 0 and -0 share a key, as pandas' value_counts has them), for the tests that treat a number
 * column with few distinct values as categorical.
 */
export function numberCounts(values: Float64Array): Map<string, number> {
	const counts = new Map<string, number>();
	for (const v of values) {
		const key = String(v);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return counts;
}

/** Returns how many distinct values the two number samples hold together (pandas' nunique of both). */
export function distinctNumbers(a: Float64Array, b: Float64Array): number {
	const seen = new Set<number>();
	// A Set compares with SameValueZero: 0 and -0 are one value, as in pandas' nunique.
	for (const v of a) seen.add(v);
	for (const v of b) seen.add(v);
	return seen.size;
}

function codeCounts(codes: Int32Array, levels: readonly string[]) {
	const byCode = new Float64Array(levels.length);
	let missing = 0;
	for (const code of codes) {
		if (code < 0) missing++;
		else byCode[code]++;
	}
	const counts = new Map<string, number>();
	byCode.forEach((count, code) => {
		if (count > 0) counts.set(levels[code], (counts.get(levels[code]) ?? 0) + count);
	});
	return { counts, missing };
}

function countBelowZero(codes: Int32Array): number {
	let count = 0;
	for (const code of codes) if (code < 0) count++;
	return count;
}

/** Two label count maps aligned on one list of labels (counts, not shares). */
export interface AlignedCounts {
	labels: string[];
	reference: Float64Array;
	current: Float64Array;
}

/**
 * Returns the counts of both samples over the union of their labels: the reference's labels by
 * count (most first, ties by label), then the labels only the current sample has, likewise.
 */
export function alignCounts(
	reference: ReadonlyMap<string, number>,
	current: ReadonlyMap<string, number>
): AlignedCounts {
	const byCount = (counts: ReadonlyMap<string, number>) =>
		[...counts.keys()].sort(
			(a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0)
		);
	const onlyCurrent = new Map([...current].filter(([label]) => !reference.has(label)));
	const labels = [...byCount(reference), ...byCount(onlyCurrent)];
	return {
		labels,
		reference: Float64Array.from(labels, (label) => reference.get(label) ?? 0),
		current: Float64Array.from(labels, (label) => current.get(label) ?? 0)
	};
}
