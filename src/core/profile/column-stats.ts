import {
	MISSING_BOOLEAN,
	type BooleanColumn,
	type CategoryColumn,
	type Column,
	type TextColumn
} from '../table/table';
import { assertNever } from '../util/assert-never';
import { countDistinctSorted, lowerBound, quantileSorted, sortValues, upperBound } from './sorted';

/** How many levels a category, text or boolean profile lists by name. */
export const TOP_LEVELS = 10;
/** The most bins a histogram has. */
export const HISTOGRAM_BINS = 30;
/** The IQR multiple beyond the quartiles that marks an outlier (Tukey's fences). */
export const OUTLIER_IQR_MULTIPLE = 1.5;

/** What every column profile has: cell counts over all rows. */
interface ProfileBase {
	name: string;
	/** Rows in the table. */
	count: number;
	missing: number;
	/** Distinct non-missing values. */
	distinct: number;
}

/** Quantiles by linear interpolation (numpy's default). */
export interface Quantiles {
	p01: number;
	p05: number;
	p25: number;
	p50: number;
	p75: number;
	p95: number;
	p99: number;
}

/**
 * A histogram: equal-width `bins` (`edges` has one more entry than `counts`; every bin is
 * [left, right) except the last, which is closed), or for an integer-valued column with at most
 * `HISTOGRAM_BINS` distinct values one count per distinct `values` entry.
 */
export type Histogram =
	| { kind: 'bins'; edges: number[]; counts: number[] }
	| { kind: 'values'; values: number[]; counts: number[] };

/** Values outside Tukey's fences (q1 - 1.5 IQR, q3 + 1.5 IQR). */
export interface Outliers {
	lowerFence: number;
	upperFence: number;
	/** Values strictly below the lower fence. */
	below: number;
	/** Values strictly above the upper fence. */
	above: number;
}

/** The distribution of a number or date column's non-missing values (dates in epoch ms). */
export interface NumericSummary {
	min: number;
	max: number;
	mean: number;
	/** Sample standard deviation (n - 1); null with fewer than two values. */
	std: number | null;
	quantiles: Quantiles;
	histogram: Histogram;
	outliers: Outliers;
}

/** A number column's profile; `summary` is null when every cell is missing. */
export interface NumberProfile extends ProfileBase {
	kind: 'number';
	summary: NumericSummary | null;
	/** Cells equal to 0 (or -0). */
	zeros: number;
}

/** A date column's profile, in epoch milliseconds; `summary` is null when every cell is missing. */
export interface DateProfile extends ProfileBase {
	kind: 'date';
	summary: NumericSummary | null;
}

/** A level and how many cells hold it. */
export interface LevelCount {
	label: string;
	count: number;
}

/** The most frequent levels and what the rest add up to. */
interface LevelSummary {
	/** Up to `TOP_LEVELS` levels, by count descending, then label. */
	top: LevelCount[];
	/** Distinct levels not in `top`. */
	otherLevels: number;
	/** Non-missing cells holding a level not in `top`. */
	otherCount: number;
}

/** A category column's profile. */
export interface CategoryProfile extends ProfileBase, LevelSummary {
	kind: 'category';
}

/** A text column's profile, with cell lengths in characters (Unicode code points). */
export interface TextProfile extends ProfileBase, LevelSummary {
	kind: 'text';
	/** Mean length of the non-missing cells; null when every cell is missing. */
	meanLength: number | null;
	maxLength: number | null;
}

/** A boolean column's profile; its levels are labelled with the column's words (`no`, `yes`). */
export interface BooleanProfile extends ProfileBase, LevelSummary {
	kind: 'boolean';
}

/** The profile of one column, tagged by the column's kind. */
export type ColumnProfile =
	NumberProfile | DateProfile | CategoryProfile | TextProfile | BooleanProfile;

/** Returns the profile of one column: counts, distribution or top levels, by kind. */
export function profileColumn(column: Column, topLevels = TOP_LEVELS): ColumnProfile {
	switch (column.kind) {
		case 'number': {
			const sorted = sortValues(column.values);
			const zeros = upperBound(sorted, 0) - lowerBound(sorted, 0);
			return { kind: 'number', ...numericBase(column.name, column.values, sorted), zeros };
		}
		case 'date':
			return {
				kind: 'date',
				...numericBase(column.name, column.values, sortValues(column.values))
			};
		case 'category':
			return { kind: 'category', ...levelBase(column, countLevels(column), topLevels) };
		case 'text': {
			const counts = countLevels(column);
			return {
				kind: 'text',
				...levelBase(column, counts, topLevels),
				...textLengths(column, counts)
			};
		}
		case 'boolean':
			return { kind: 'boolean', ...booleanBase(column, topLevels) };
		default:
			return assertNever(column, 'column kind');
	}
}

function numericBase(
	name: string,
	values: Float64Array,
	sorted: Float64Array
): ProfileBase & { summary: NumericSummary | null } {
	const n = sorted.length;
	const base = { name, count: values.length, missing: values.length - n };
	if (n === 0) return { ...base, distinct: 0, summary: null };
	const distinct = countDistinctSorted(sorted);
	return { ...base, distinct, summary: summarizeSorted(sorted, distinct) };
}

/** Returns the summary of ascending non-missing values (at least one). */
export function summarizeSorted(sorted: Float64Array, distinct: number): NumericSummary {
	const n = sorted.length;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += sorted[i];
	const mean = sum / n;
	// Two passes: the sum of squared deviations from the mean avoids the cancellation of sum(x^2).
	let ss = 0;
	for (let i = 0; i < n; i++) {
		const d = sorted[i] - mean;
		ss += d * d;
	}
	const q = (p: number) => quantileSorted(sorted, p);
	const quantiles = {
		p01: q(0.01),
		p05: q(0.05),
		p25: q(0.25),
		p50: q(0.5),
		p75: q(0.75),
		p95: q(0.95),
		p99: q(0.99)
	};
	return {
		min: sorted[0],
		max: sorted[n - 1],
		mean,
		std: n > 1 ? Math.sqrt(ss / (n - 1)) : null,
		quantiles,
		histogram: histogramSorted(sorted, distinct),
		outliers: outliersSorted(sorted, quantiles.p25, quantiles.p75)
	};
}

function outliersSorted(sorted: Float64Array, q1: number, q3: number): Outliers {
	const iqr = q3 - q1;
	const lowerFence = q1 - OUTLIER_IQR_MULTIPLE * iqr;
	const upperFence = q3 + OUTLIER_IQR_MULTIPLE * iqr;
	return {
		lowerFence,
		upperFence,
		below: lowerBound(sorted, lowerFence),
		above: sorted.length - upperBound(sorted, upperFence)
	};
}

/** Returns the histogram of ascending values: per value when few integers, else equal-width bins. */
export function histogramSorted(sorted: Float64Array, distinct: number): Histogram {
	const n = sorted.length;
	if (distinct <= HISTOGRAM_BINS && isIntegerValued(sorted)) {
		const values: number[] = [];
		const counts: number[] = [];
		for (let start = 0; start < n;) {
			const end = upperBound(sorted, sorted[start]);
			values.push(sorted[start] === 0 ? 0 : sorted[start]);
			counts.push(end - start);
			start = end;
		}
		return { kind: 'values', values, counts };
	}
	const min = sorted[0];
	const max = sorted[n - 1];
	const bins = max > min && Number.isFinite(max - min) ? HISTOGRAM_BINS : 1;
	const width = (max - min) / bins;
	const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
	// Bin i holds values in [edges[i], edges[i+1]); each boundary is one binary search, so the
	// sorted copy gives the counts in O(bins log n).
	const counts: number[] = [];
	let start = 0;
	for (let i = 1; i <= bins; i++) {
		const end = i === bins ? n : lowerBound(sorted, edges[i]);
		counts.push(end - start);
		start = end;
	}
	return { kind: 'bins', edges, counts };
}

function isIntegerValued(sorted: Float64Array): boolean {
	for (let i = 0; i < sorted.length; i++) if (!Number.isInteger(sorted[i])) return false;
	return true;
}

function levelBase(
	column: CategoryColumn | TextColumn,
	counts: Int32Array,
	topLevels: number
): ProfileBase & LevelSummary {
	let present = 0;
	for (let level = 0; level < counts.length; level++) present += counts[level];
	return {
		name: column.name,
		count: column.codes.length,
		missing: column.codes.length - present,
		...summarizeLevels(counts, column.levels, topLevels)
	};
}

/** Returns how many cells hold each level (missing cells, code -1, are not counted). */
function countLevels(column: CategoryColumn | TextColumn): Int32Array {
	const counts = new Int32Array(column.levels.length);
	const codes = column.codes;
	for (let i = 0; i < codes.length; i++) {
		const code = codes[i];
		if (code >= 0) counts[code]++;
	}
	return counts;
}

function booleanBase(column: BooleanColumn, topLevels: number): ProfileBase & LevelSummary {
	const counts = new Int32Array(2);
	let missing = 0;
	const values = column.values;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === MISSING_BOOLEAN) missing++;
		else counts[v === 0 ? 0 : 1]++;
	}
	return {
		name: column.name,
		count: values.length,
		missing,
		// Columns built before booleans kept their words fall back to false / true.
		...summarizeLevels(counts, column.words ?? ['false', 'true'], topLevels)
	};
}

/** Returns the distinct count and the top `k` levels of per-level counts, and what the rest add up to. */
export function summarizeLevels(
	counts: Int32Array,
	labels: readonly string[],
	k: number
): LevelSummary & { distinct: number } {
	let distinct = 0;
	let total = 0;
	for (let level = 0; level < counts.length; level++) {
		if (counts[level] === 0) continue;
		distinct++;
		total += counts[level];
	}
	const top = topLevels(counts, labels, k).map((level) => ({
		label: labels[level],
		count: counts[level]
	}));
	const topTotal = top.reduce((sum, level) => sum + level.count, 0);
	return { distinct, top, otherLevels: distinct - top.length, otherCount: total - topTotal };
}

/**
 * Returns up to k levels held by some cell, by count descending then label (code-unit order, so
 * the result does not depend on a locale). A bounded insertion keeps the top k in O(levels * k)
 * rather than sorting every level: an id column has a level per row.
 */
function topLevels(counts: Int32Array, labels: readonly string[], k: number): number[] {
	const before = (a: number, b: number) =>
		counts[a] > counts[b] || (counts[a] === counts[b] && labels[a] < labels[b]);
	if (k >= counts.length) {
		const present = Array.from(counts.keys()).filter((level) => counts[level] > 0);
		return present.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
	}
	const top: number[] = [];
	for (let level = 0; level < counts.length; level++) {
		if (counts[level] === 0) continue;
		if (top.length === k && (k === 0 || !before(level, top[k - 1]))) continue;
		let at = top.length === k ? k - 1 : top.length;
		while (at > 0 && before(level, top[at - 1])) {
			top[at] = top[at - 1];
			at--;
		}
		top[at] = level;
	}
	return top;
}

function textLengths(
	column: TextColumn,
	counts: Int32Array
): { meanLength: number | null; maxLength: number | null } {
	let present = 0;
	let sum = 0;
	let max = 0;
	for (let level = 0; level < counts.length; level++) {
		if (counts[level] === 0) continue;
		const length = codePointLength(column.levels[level]);
		present += counts[level];
		sum += length * counts[level];
		if (length > max) max = length;
	}
	return present === 0
		? { meanLength: null, maxLength: null }
		: { meanLength: sum / present, maxLength: max };
}

/** Returns the length in Unicode code points (a surrogate pair is one character). */
function codePointLength(text: string): number {
	let length = text.length;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				length--;
				i++;
			}
		}
	}
	return length;
}
