import { MISSING_BOOLEAN, type Column, type ColumnKind, type Table } from '../table/table';
import { assertNever } from '../util/assert-never';
import { createPacer, type TaskContext } from '../util/task';
import { sortWithOrder } from './sorted';

/** Above this many rows, relationships are measured on an evenly spaced sample of this size. */
export const RELATION_SAMPLE_ROWS = 200_000;

/** A measure of association between two columns. */
export type RelationMeasure = 'pearson' | 'spearman' | 'cramers_v' | 'eta';

/**
 * One measure between two columns (`a` before `b` in table order), over the `n` rows where both
 * are present. `value` is null when the measure is undefined: fewer than two rows, a constant
 * column, or a single observed level.
 */
export interface ColumnRelation {
	a: string;
	b: string;
	measure: RelationMeasure;
	value: number | null;
	n: number;
}

/**
 * Every measured pair. Pearson and Spearman between number and boolean columns (booleans as 0/1),
 * Cramér's V between category and boolean columns, and η between a category or boolean column and
 * a number column; text and date columns are not measured. When the table has more than
 * `RELATION_SAMPLE_ROWS` rows, `sampled` is true and `rowsUsed` rows, evenly spaced through the
 * table (no randomness), stand for it.
 */
export interface Relations {
	pairs: ColumnRelation[];
	sampled: boolean;
	rowsUsed: number;
}

/** A column's association with the target, in [0, 1]; null when undefined. */
export interface TargetAssociation {
	column: string;
	measure: RelationMeasure;
	value: number | null;
	n: number;
}

/** Options for `computeRelations`. */
export interface RelationOptions {
	/** Sample size above which rows are sampled; `RELATION_SAMPLE_ROWS` by default. */
	maxRows?: number;
}

/** A column as the measures read it, restricted to the sampled rows. */
interface Prepared {
	name: string;
	kind: ColumnKind;
	/** Number and boolean columns: the value, NaN when missing. */
	numbers: Float64Array | null;
	missingNumbers: number;
	/** Category and boolean columns: the level code, -1 when missing. */
	codes: Int32Array | null;
	levels: number;
	/** Present rows in ascending order of value (ties by row), and the values in that order. */
	order: Int32Array | null;
	sorted: Float64Array | null;
	/** Average ranks over all present rows; made on first use. */
	ranks: Float64Array | null;
}

/**
 * Returns the pairwise relationships between the table's number, boolean and category columns.
 * Work is bounded: at most `RELATION_SAMPLE_ROWS` rows are read, and the pacer ticks per column.
 */
export async function computeRelations(
	table: Table,
	options: RelationOptions = {},
	ctx: TaskContext = {}
): Promise<Relations> {
	const maxRows = options.maxRows ?? RELATION_SAMPLE_ROWS;
	const rows = table.rowCount > maxRows ? evenlySpacedRows(table.rowCount, maxRows) : null;
	const tick = createPacer(ctx);
	const prepared: Prepared[] = [];
	for (const column of table.columns) {
		const p = prepareColumn(column, rows);
		if (p) prepared.push(p);
	}
	const pairs: ColumnRelation[] = [];
	for (let i = 0; i < prepared.length; i++) {
		await tick('relations', i / prepared.length);
		for (let j = i + 1; j < prepared.length; j++)
			pairs.push(...relatePair(prepared[i], prepared[j]));
	}
	return { pairs, sampled: rows !== null, rowsUsed: rows ? rows.length : table.rowCount };
}

/** Returns `count` row indices spread evenly over `rowCount` rows: floor(i * rowCount / count). */
export function evenlySpacedRows(rowCount: number, count: number): Int32Array {
	const rows = new Int32Array(count);
	for (let i = 0; i < count; i++) rows[i] = Math.floor((i * rowCount) / count);
	return rows;
}

/**
 * Returns each measured column's association with the target, strongest first: Cramér's V when
 * both are category or boolean, η when one is a number and the other a category or boolean, and
 * |Spearman| when both are numbers.
 */
export function targetAssociations(relations: Relations, target: string): TargetAssociation[] {
	const preference: RelationMeasure[] = ['cramers_v', 'eta', 'spearman'];
	const best = new Map<string, ColumnRelation>();
	for (const pair of relations.pairs) {
		if (pair.a !== target && pair.b !== target) continue;
		const other = pair.a === target ? pair.b : pair.a;
		const held = best.get(other);
		if (!held || preference.indexOf(pair.measure) < preference.indexOf(held.measure)) {
			if (preference.includes(pair.measure)) best.set(other, pair);
		}
	}
	const out = Array.from(best, ([column, pair]) => ({
		column,
		measure: pair.measure,
		value: pair.value === null ? null : Math.abs(pair.value),
		n: pair.n
	}));
	return out.sort((x, y) => (y.value ?? -1) - (x.value ?? -1));
}

function prepareColumn(column: Column, rows: Int32Array | null): Prepared | null {
	const base = { name: column.name, kind: column.kind, order: null, sorted: null, ranks: null };
	switch (column.kind) {
		case 'number': {
			const numbers = rows ? gatherFloat(column.values, rows) : column.values;
			return { ...base, numbers, codes: null, levels: 0, ...orderOf(numbers) };
		}
		case 'category':
			return {
				...base,
				numbers: null,
				missingNumbers: 0,
				codes: rows ? gatherInt(column.codes, rows) : column.codes,
				levels: column.levels.length
			};
		case 'boolean': {
			const n = rows ? rows.length : column.values.length;
			const numbers = new Float64Array(n);
			const codes = new Int32Array(n);
			for (let i = 0; i < n; i++) {
				const v = column.values[rows ? rows[i] : i];
				const missing = v === MISSING_BOOLEAN;
				numbers[i] = missing ? NaN : v === 0 ? 0 : 1;
				codes[i] = missing ? -1 : v === 0 ? 0 : 1;
			}
			return { ...base, numbers, codes, levels: 2, ...orderOf(numbers) };
		}
		case 'text':
		case 'date':
			return null;
		default:
			return assertNever(column, 'column kind');
	}
}

function gatherFloat(values: Float64Array, rows: Int32Array): Float64Array {
	const out = new Float64Array(rows.length);
	for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
	return out;
}

function gatherInt(values: Int32Array, rows: Int32Array): Int32Array {
	const out = new Int32Array(rows.length);
	for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
	return out;
}

function orderOf(values: Float64Array): {
	order: Int32Array;
	sorted: Float64Array;
	missingNumbers: number;
} {
	const { sorted, order } = sortWithOrder(values);
	return { order, sorted, missingNumbers: values.length - sorted.length };
}

function relatePair(x: Prepared, y: Prepared): ColumnRelation[] {
	const out: ColumnRelation[] = [];
	const add = (measure: RelationMeasure, { value, n }: Measured) =>
		out.push({ a: x.name, b: y.name, measure, value, n });
	if (x.numbers && y.numbers) {
		add('pearson', pearson(x.numbers, y.numbers));
		add('spearman', pearson(ranksGiven(x, y), ranksGiven(y, x)));
	}
	if (x.codes && y.codes) add('cramers_v', cramersV(x.codes, x.levels, y.codes, y.levels));
	else if (x.codes && y.kind === 'number') add('eta', eta(x.codes, x.levels, y.numbers!));
	else if (y.codes && x.kind === 'number') add('eta', eta(y.codes, y.levels, x.numbers!));
	return out;
}

/** A measure's value (null when undefined) and the rows it was computed on. */
export interface Measured {
	value: number | null;
	n: number;
}

/** Returns Pearson's r over the rows where both values are present (two-pass, centred). */
export function pearson(x: Float64Array, y: Float64Array): Measured {
	let n = 0;
	let sx = 0;
	let sy = 0;
	for (let i = 0; i < x.length; i++) {
		const a = x[i];
		const b = y[i];
		if (a !== a || b !== b) continue;
		n++;
		sx += a;
		sy += b;
	}
	if (n < 2) return { value: null, n };
	const mx = sx / n;
	const my = sy / n;
	let sxx = 0;
	let syy = 0;
	let sxy = 0;
	for (let i = 0; i < x.length; i++) {
		const a = x[i];
		const b = y[i];
		if (a !== a || b !== b) continue;
		const dx = a - mx;
		const dy = b - my;
		sxx += dx * dx;
		syy += dy * dy;
		sxy += dx * dy;
	}
	if (sxx === 0 || syy === 0) return { value: null, n };
	return { value: clamp(sxy / Math.sqrt(sxx * syy), -1, 1), n };
}

/**
 * Returns x's average ranks (ties share the mean of their ranks) among the rows where y is also
 * present, NaN elsewhere: Spearman ranks each pair's complete rows, as pandas and scipy's
 * `nan_policy='omit'` do, so a row missing only in y does not shift x's ranks.
 */
function ranksGiven(x: Prepared, y: Prepared): Float64Array {
	if (y.missingNumbers === 0) return (x.ranks ??= rankPresent(x, null));
	return rankPresent(x, y.numbers);
}

function rankPresent(x: Prepared, other: Float64Array | null): Float64Array {
	const order = x.order!;
	const sorted = x.sorted!;
	const ranks = new Float64Array(x.numbers!.length).fill(NaN);
	const m = order.length;
	let rank = 0;
	for (let k = 0; k < m;) {
		const v = sorted[k];
		let end = k + 1;
		while (end < m && sorted[end] === v) end++;
		let kept = 0;
		for (let j = k; j < end; j++) {
			const w = other ? other[order[j]] : 0;
			if (w === w) kept++;
		}
		const average = rank + (kept + 1) / 2;
		for (let j = k; j < end; j++) {
			const w = other ? other[order[j]] : 0;
			if (w === w) ranks[order[j]] = average;
		}
		rank += kept;
		k = end;
	}
	return ranks;
}

/** Above this many cells the contingency table is counted sparsely (by sorting pair keys). */
const DENSE_TABLE_CELLS = 1 << 22;

/**
 * Returns Cramér's V = sqrt(χ² / (n (min(r, c) - 1))) over the rows where both codes are present,
 * with r and c the levels actually observed there. This is the plain (bias-uncorrected) formula,
 * as in most textbooks and `scipy.stats.contingency.association`; Bergsma's bias correction is not
 * applied, so V is slightly above 0 for independent columns on few rows. χ² is computed as
 * n (Σ O² / (R C) - 1), which needs only the non-empty cells.
 */
export function cramersV(a: Int32Array, aLevels: number, b: Int32Array, bLevels: number): Measured {
	const rowTotals = new Float64Array(aLevels);
	const colTotals = new Float64Array(bLevels);
	let n = 0;
	for (let i = 0; i < a.length; i++) {
		if (a[i] < 0 || b[i] < 0) continue;
		rowTotals[a[i]]++;
		colTotals[b[i]]++;
		n++;
	}
	const r = countNonZero(rowTotals);
	const c = countNonZero(colTotals);
	if (n === 0 || Math.min(r, c) < 2) return { value: null, n };
	let sum = 0;
	const addCell = (cell: number, observed: number) => {
		const ra = Math.floor(cell / bLevels);
		sum += (observed * observed) / (rowTotals[ra] * colTotals[cell - ra * bLevels]);
	};
	if (aLevels * bLevels <= DENSE_TABLE_CELLS) {
		const cells = new Int32Array(aLevels * bLevels);
		for (let i = 0; i < a.length; i++) if (a[i] >= 0 && b[i] >= 0) cells[a[i] * bLevels + b[i]]++;
		for (let cell = 0; cell < cells.length; cell++) if (cells[cell] > 0) addCell(cell, cells[cell]);
	} else {
		const keys = new Float64Array(n);
		for (let i = 0, k = 0; i < a.length; i++)
			if (a[i] >= 0 && b[i] >= 0) keys[k++] = a[i] * bLevels + b[i];
		keys.sort();
		for (let start = 0; start < n;) {
			let end = start + 1;
			while (end < n && keys[end] === keys[start]) end++;
			addCell(keys[start], end - start);
			start = end;
		}
	}
	const chi2 = Math.max(0, n * (sum - 1));
	return { value: clamp(Math.sqrt(chi2 / (n * (Math.min(r, c) - 1))), 0, 1), n };
}

/**
 * Returns the correlation ratio η = sqrt(SS_between / SS_total) of the numbers grouped by the
 * codes, over the rows where both are present: 1 when the group determines the number, 0 when
 * every group has the same mean.
 */
export function eta(codes: Int32Array, levels: number, y: Float64Array): Measured {
	const sums = new Float64Array(levels);
	const counts = new Float64Array(levels);
	let n = 0;
	let total = 0;
	for (let i = 0; i < codes.length; i++) {
		const g = codes[i];
		const v = y[i];
		if (g < 0 || v !== v) continue;
		sums[g] += v;
		counts[g]++;
		total += v;
		n++;
	}
	if (n < 2) return { value: null, n };
	const mean = total / n;
	let between = 0;
	for (let g = 0; g < levels; g++) {
		if (counts[g] === 0) continue;
		const d = sums[g] / counts[g] - mean;
		between += counts[g] * d * d;
	}
	let total2 = 0;
	for (let i = 0; i < codes.length; i++) {
		const v = y[i];
		if (codes[i] < 0 || v !== v) continue;
		total2 += (v - mean) * (v - mean);
	}
	if (total2 === 0) return { value: null, n };
	return { value: clamp(Math.sqrt(between / total2), 0, 1), n };
}

function countNonZero(values: Float64Array): number {
	let count = 0;
	for (let i = 0; i < values.length; i++) if (values[i] > 0) count++;
	return count;
}

function clamp(value: number, lo: number, hi: number): number {
	return Math.min(hi, Math.max(lo, value));
}
