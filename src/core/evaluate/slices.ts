// Slice analysis: the test rows grouped by each input column's levels or quantile bins, with the
// metric and the error on each group, so a user sees where the model is weaker than on the whole.
import type { EncodedTarget } from '../brief/target';
import type { Prediction } from '../models/model';
import { CoreError } from '../util/core-error';
import type { Column, NumberColumn, Table } from '../table/table';
import { MISSING_BOOLEAN } from '../table/table';
import { classificationMetrics, decide, regressionMetrics, type Decision } from './metrics';
import { rankingMetrics } from './ranking-metrics';
import { isBetter, metricInfo, type MetricName, type MetricValues } from './metric-catalogue';

/** Quantile bins of a number column unless asked otherwise. */
export const DEFAULT_BINS = 4;
/** A slice or group with fewer rows than this is too small to judge. */
export const SMALL_SLICE_ROWS = 30;

/** Metrics that say nothing on rows of one class only (they read as NaN or a convention). */
const NEEDS_TWO_CLASSES: ReadonlySet<string> = new Set([
	'roc_auc',
	'roc_auc_ovr',
	'precision',
	'recall',
	'f1'
]);

/** The rows sharing one level or one bin of a column. */
export interface RowGroup {
	/** The level's text, the bin ("Age 19 – 27", "Age = 3") or `missing`. */
	label: string;
	/** True for the group of rows whose cell is missing. */
	missing: boolean;
	/** Indices into the table, ascending; never empty. */
	rows: Int32Array;
}

/** How each row's error is measured: wrong or right (classification), or |truth - prediction|. */
export type ErrorMeasure = 'error_rate' | 'mae';

/** The metric and the error of the model on one group of rows. */
export interface Slice {
	column: string;
	label: string;
	missing: boolean;
	rows: number;
	/** The chosen metric on the slice's rows (kept even when the slice is small). */
	value: number;
	/** Error rate (classification) or MAE (regression) on the slice's rows. */
	error: number;
	/** Rows of the positive class (binary only). */
	positives: number | null;
	/** True when the slice cannot be judged: too few rows, one class only, or an undefined metric. */
	small: boolean;
	/** Why a small slice cannot be judged; null otherwise. */
	note: string | null;
}

/** Every slice of a table, and the whole set's values to measure the gaps against. */
export interface SliceReport {
	metric: MetricName;
	/** The metric on all rows. */
	overall: number;
	/** The error on all rows. */
	overallError: number;
	errorMeasure: ErrorMeasure;
	slices: Slice[];
	/** Columns that were not sliced (date and text columns). */
	skipped: string[];
}

/** How to slice: quantile bins per number column and the smallest slice worth judging. */
export interface SliceOptions {
	/** Quantile bins of a number column (fewer when it has few distinct values). Default 4. */
	bins?: number;
	/** Slices with fewer rows are flagged `small`. Default 30. */
	minRows?: number;
}

/** Returns how errors are measured for a target: error rate for classes, MAE for values. */
export function errorMeasureOf(truth: EncodedTarget): ErrorMeasure {
	return truth.kind === 'classes' ? 'error_rate' : 'mae';
}

/**
 * Returns each row's error: 1 when the decided class is wrong and 0 when right (classification),
 * or the absolute error (regression). Throws when the prediction does not fit the truth.
 */
export function rowErrors(
	truth: EncodedTarget,
	prediction: Prediction,
	decision: Decision
): Float64Array {
	if (truth.kind === 'classes' && prediction.kind === 'classes') {
		const decided = decide(prediction.proba, prediction.classes.length, decision);
		checkLength(truth.y.length, decided.length);
		return Float64Array.from(decided, (c, i) => (c === truth.y[i] ? 0 : 1));
	}
	if (truth.kind === 'values' && prediction.kind === 'values') {
		checkLength(truth.y.length, prediction.values.length);
		return Float64Array.from(prediction.values, (p, i) => Math.abs(truth.y[i] - p));
	}
	throw new CoreError(
		'prediction-mismatch',
		'The prediction does not match the task of the target.'
	);
}

/** Throws `row-mismatch` unless there are as many predictions as rows. */
export function checkLength(expected: number, actual: number): void {
	if (expected !== actual)
		throw new CoreError(
			'row-mismatch',
			`There are ${expected} rows but ${actual} predictions; they must be the same rows.`
		);
}

/** Returns the mean of `values` at `rows`. */
export function meanAt(values: Float64Array, rows: Int32Array): number {
	let sum = 0;
	for (const r of rows) sum += values[r];
	return sum / rows.length;
}

/**
 * Returns the row groups of a column: one per level that occurs (category, boolean), quantile bins
 * for a number column, then a `missing` group when some cells are missing; null for date and text
 * columns, which have no natural groups.
 */
export function groupRows(column: Column, bins = DEFAULT_BINS): RowGroup[] | null {
	switch (column.kind) {
		case 'category':
			return codeGroups(column.codes, column.levels);
		case 'boolean':
			return codeGroups(
				Int32Array.from(column.values, (b) => (b === MISSING_BOOLEAN ? -1 : b)),
				column.words
			);
		case 'number':
			return numberGroups(column, bins);
		case 'date':
		case 'text':
			return null;
	}
}

/** Groups of rows by code (-1 missing), in level order, empty levels left out. */
function codeGroups(codes: Int32Array, levels: readonly string[]): RowGroup[] {
	const members: number[][] = levels.map(() => []);
	const missing: number[] = [];
	codes.forEach((code, row) => (code < 0 ? missing : members[code]).push(row));
	const groups = members.flatMap((rows, code) =>
		rows.length > 0 ? [{ label: levels[code], missing: false, rows: Int32Array.from(rows) }] : []
	);
	return withMissing(groups, missing);
}

function withMissing(groups: RowGroup[], missing: number[]): RowGroup[] {
	if (missing.length > 0)
		groups.push({ label: 'missing', missing: true, rows: Int32Array.from(missing) });
	return groups;
}

/**
 * Quantile bins of a number column. With at most `bins` distinct values each value is its own
 * group ("x = 3"). Otherwise the distinct values are cut into runs of about n / bins rows each,
 * never splitting a value, so tied values share a bin and a heavy tie makes fewer bins. Bin i is
 * [edge i, edge i+1) and the last bin is closed, [edge, max]; labels show the edges in the column's
 * own units ("Age 19 – 27").
 */
function numberGroups(column: NumberColumn, bins: number): RowGroup[] {
	const { values, name } = column;
	const sorted = values.filter((v) => !Number.isNaN(v)).sort();
	const wanted = Math.max(1, Math.floor(bins));
	const { distinct, edges } = binEdges(sorted, wanted);
	const points = distinct.length <= wanted;
	const starts = points ? distinct : edges.slice(0, -1);
	const members: number[][] = starts.map(() => []);
	const missing: number[] = [];
	values.forEach((v, row) => {
		if (Number.isNaN(v)) missing.push(row);
		else members[lastAtMost(starts, v)].push(row);
	});
	const groups = members.map((rows, i) => ({
		label: points ? `${name} = ${formatEdge(starts[i])}` : binLabel(name, edges[i], edges[i + 1]),
		missing: false,
		rows: Int32Array.from(rows)
	}));
	return withMissing(
		groups.filter((g) => g.rows.length > 0),
		missing
	);
}

/** The distinct sorted values, and bin edges: each bin's smallest value, then the largest value. */
function binEdges(sorted: Float64Array, bins: number): { distinct: number[]; edges: number[] } {
	const n = sorted.length;
	const distinct: number[] = [];
	const edges: number[] = [];
	let cuts = 0;
	for (let i = 0; i < n; i++) {
		if (i > 0 && sorted[i] === sorted[i - 1]) continue;
		distinct.push(sorted[i]);
		// Start a new bin once the rows before this value reach the next multiple of n / bins
		// (integer arithmetic, so exact); a heavy tie may pass several multiples at once.
		if (i === 0 || i * bins >= (cuts + 1) * n) {
			edges.push(sorted[i]);
			cuts = Math.floor((i * bins) / n);
		}
	}
	if (n > 0) edges.push(sorted[n - 1]);
	return { distinct, edges };
}

/** Index of the last start <= v (starts ascending, v >= starts[0]). */
function lastAtMost(starts: readonly number[], v: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (starts[mid] <= v) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

function binLabel(name: string, low: number, high: number): string {
	return low === high
		? `${name} = ${formatEdge(low)}`
		: `${name} ${formatEdge(low)} – ${formatEdge(high)}`;
}

/** An edge as the column writes it: integers whole, others to six significant digits. */
function formatEdge(v: number): string {
	return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/** Returns the metrics of the prediction on the given rows only. */
function scoreRows(
	truth: EncodedTarget,
	prediction: Prediction,
	decision: Decision,
	rows: Int32Array
): MetricValues {
	if (truth.kind === 'classes' && prediction.kind === 'classes') {
		const k = prediction.classes.length;
		const y = new Int32Array(rows.length);
		const proba = new Float64Array(rows.length * k);
		rows.forEach((r, i) => {
			y[i] = truth.y[r];
			proba.set(prediction.proba.subarray(r * k, (r + 1) * k), i * k);
		});
		return classificationMetrics(y, proba, k, decision);
	}
	if (truth.kind === 'values' && prediction.kind === 'values') {
		const y = Float64Array.from(rows, (r) => truth.y[r]);
		const values = Float64Array.from(rows, (r) => prediction.values[r]);
		// A ranking slice ranks its rows within their queries: how well the model orders them.
		const { queries } = truth;
		if (queries)
			return rankingMetrics(
				y,
				values,
				Int32Array.from(rows, (r) => queries[r])
			);
		return regressionMetrics(y, values);
	}
	throw new CoreError(
		'prediction-mismatch',
		'The prediction does not match the task of the target.'
	);
}

/** Returns the truth's classes present among the rows (null for values). */
function classesPresent(truth: EncodedTarget, rows: Int32Array): number | null {
	if (truth.kind === 'values') return null;
	return new Set(Array.from(rows, (r) => truth.y[r])).size;
}

/** Why a slice cannot be judged, or null when it can. */
function sliceNote(
	rows: number,
	classes: number | null,
	metric: MetricName,
	value: number,
	minRows: number
): string | null {
	const label = metricInfo(metric).label;
	const notes: string[] = [];
	if (rows < minRows)
		notes.push(`Only ${rows} row${rows === 1 ? '' : 's'}: too few to judge (under ${minRows}).`);
	if (classes === 1 && (Number.isNaN(value) || NEEDS_TWO_CLASSES.has(metric)))
		notes.push(`Only one class in this slice: ${label} needs both.`);
	else if (Number.isNaN(value)) notes.push(`${label} is undefined on this slice.`);
	return notes.length > 0 ? notes.join(' ') : null;
}

/** What every slice is measured against. */
interface SliceContext {
	truth: EncodedTarget;
	prediction: Prediction;
	decision: Decision;
	metric: MetricName;
	minRows: number;
	/** Each row's error (see `rowErrors`). */
	errors: Float64Array;
}

function measureSlice(column: string, group: RowGroup, ctx: SliceContext): Slice {
	const { truth, decision, metric } = ctx;
	const { rows } = group;
	const value = scoreRows(truth, ctx.prediction, decision, rows)[metric] ?? NaN;
	const note = sliceNote(rows.length, classesPresent(truth, rows), metric, value, ctx.minRows);
	return {
		column,
		label: group.label,
		missing: group.missing,
		rows: rows.length,
		value,
		error: meanAt(ctx.errors, rows),
		positives: decision.kind === 'threshold' ? countClass(truth, rows, decision.positive) : null,
		small: note !== null,
		note
	};
}

/**
 * Returns the metric and the error of the prediction on every slice of the table (see
 * `groupRows`; date and text columns are skipped), with the whole-set values. The table holds the
 * rows' input columns as read, before the recipe (leave the target out). A slice under
 * `minRows` rows, with one class only for a metric that needs both, or with an undefined metric
 * keeps its numbers but is flagged `small` with a note saying why.
 */
export function sliceMetrics(
	table: Table,
	truth: EncodedTarget,
	prediction: Prediction,
	decision: Decision,
	metric: MetricName,
	options: SliceOptions = {}
): SliceReport {
	const { bins = DEFAULT_BINS, minRows = SMALL_SLICE_ROWS } = options;
	const errors = rowErrors(truth, prediction, decision);
	checkLength(table.rowCount, errors.length);
	const ctx: SliceContext = { truth, prediction, decision, metric, minRows, errors };
	const slices: Slice[] = [];
	const skipped: string[] = [];
	for (const column of table.columns) {
		const groups = groupRows(column, bins);
		if (!groups) skipped.push(column.name);
		for (const group of groups ?? []) slices.push(measureSlice(column.name, group, ctx));
	}
	const all = Int32Array.from({ length: table.rowCount }, (_, i) => i);
	return {
		metric,
		overall: scoreRows(truth, prediction, decision, all)[metric] ?? NaN,
		overallError: meanAt(errors, all),
		errorMeasure: errorMeasureOf(truth),
		slices,
		skipped
	};
}

function countClass(truth: EncodedTarget, rows: Int32Array, c: number): number {
	let count = 0;
	for (const r of rows) if (truth.y[r] === c) count++;
	return count;
}

/**
 * Returns the `count` worst slices by the metric, worst first, leaving out small slices and slices
 * whose metric is NaN; ties keep the slices' order.
 */
export function worstSlices(slices: readonly Slice[], metric: MetricName, count = 5): Slice[] {
	return slices
		.filter((s) => !s.small && !Number.isNaN(s.value))
		.sort((a, b) =>
			isBetter(metric, a.value, b.value) ? 1 : isBetter(metric, b.value, a.value) ? -1 : 0
		)
		.slice(0, count);
}
