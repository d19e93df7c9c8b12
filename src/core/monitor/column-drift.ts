import { assertNever } from '../util/assert-never';
import { CoreError } from '../util/core-error';
import type { Column, ColumnKind } from '../table/table';
import { chiSquareTest, jensenShannonDistance, proportionsZTest } from './category-tests';
import {
	alignCounts,
	columnSample,
	distinctNumbers,
	numberCounts,
	sampleSize,
	type ColumnSample
} from './column-sample';
import { driftBins, psi, type DriftBins } from './drift-bins';
import type { DriftMethod, ResolvedDriftOptions } from './drift-options';
import { ksTest } from './ks-test';
import { missingRateCheck, type MissingRateCheck } from './missing-rate';
import { normedWasserstein } from './wasserstein';

/** Evidently tests a number column with more distinct values than this as numeric. */
export const NUMERIC_MIN_DISTINCT = 5;

/** A label of the current data that the reference never had, with its current count. */
export interface UnseenCategory {
	label: string;
	count: number;
}

/** One column's drift evidence: the distribution test, PSI, missing rates and unseen labels. */
export interface ColumnDrift {
	name: string;
	kind: ColumnKind;
	/** Evidently's default test for the column; null when none ran (`skipped` says why). */
	method: DriftMethod | null;
	/** K-S D, |z|, chi-square, or the normed Wasserstein or Jensen-Shannon distance; null when no test ran or the chi-square is infinite. */
	statistic: number | null;
	/** The p-value of K-S, Z and chi-square; null for the distances and when no test ran. */
	pValue: number | null;
	threshold: number | null;
	/** The value distribution drifted by the method's rule (Evidently's drift flag). */
	distributionDrifted: boolean;
	skipped: string | null;
	/** Population stability index on `bins`, shown alongside; it decides nothing. */
	psi: number | null;
	/** Both samples' shares on shared bins, for a chart; null when a side has no values or the kind is untested. */
	bins: DriftBins | null;
	missing: MissingRateCheck;
	/** Category and boolean columns only; most frequent first. */
	unseenCategories: UnseenCategory[];
	/** The column is flagged: its distribution drifted or its missing rate alerted. */
	drifted: boolean;
}

/**
 * Returns Evidently's default test (`get_default_stattest`) for two non-empty samples: a number
 * column with more than 5 distinct values (both samples together) gets K-S when the reference
 * has at most `cutoff` values, else the normed Wasserstein distance; any other column, by its
 * distinct values, the Z-test (at most 2) or chi-square when the reference is small, else
 * Jensen-Shannon. Null for untested kinds.
 */
export function selectDriftMethod(
	reference: ColumnSample,
	current: ColumnSample,
	cutoff: number
): DriftMethod | null {
	const small = sampleSize(reference) <= cutoff;
	if (reference.kind === 'numbers' && current.kind === 'numbers') {
		if (distinctNumbers(reference.values, current.values) > NUMERIC_MIN_DISTINCT) {
			return small ? 'ks' : 'wasserstein';
		}
	} else if (reference.kind !== 'labels' || current.kind !== 'labels') {
		return null;
	}
	if (!small) return 'jensenshannon';
	const counts = labelCounts(reference, current);
	return counts && counts.labels.length > 2 ? 'chisquare' : 'z';
}

/**
 * Returns the drift evidence of one column of the reference against the same column of the
 * current data; both must have the same kind (`driftReport` reports a kind change instead).
 * Missing cells are left out of the tests and PSI and checked on their own.
 */
export function columnDrift(
	reference: Column,
	current: Column,
	options: ResolvedDriftOptions
): ColumnDrift {
	if (reference.kind !== current.kind) {
		throw new CoreError(
			'drift-kind-mismatch',
			`Column "${reference.name}" is ${reference.kind} in the reference but ${current.kind} in the current data; drift needs one kind.`,
			{ column: reference.name }
		);
	}
	const ref = columnSample(reference);
	const cur = columnSample(current, reference.kind === 'boolean' ? reference.words : undefined);
	const missing = missingRateCheck(
		ref.missing,
		ref.rows,
		cur.missing,
		cur.rows,
		options.missingRate
	);
	const unseenCategories = unseenLabels(ref, cur);
	const base = { name: reference.name, kind: reference.kind, missing, unseenCategories };
	const skipped = skipReason(ref, cur);
	if (skipped !== null) {
		const none = { method: null, statistic: null, pValue: null, threshold: null, psi: null };
		return {
			...base,
			...none,
			distributionDrifted: false,
			skipped,
			bins: null,
			drifted: missing.alert
		};
	}
	const method = selectDriftMethod(ref, cur, options.referenceSizeCutoff)!;
	const { statistic, pValue } = runTest(method, ref, cur);
	const threshold = options.thresholds[method];
	const distributionDrifted = isDrift(method, statistic, pValue, threshold);
	const bins = driftBins(ref, cur);
	return {
		...base,
		method,
		statistic,
		pValue,
		threshold,
		distributionDrifted,
		skipped: null,
		psi: bins && psi(bins),
		bins,
		drifted: distributionDrifted || missing.alert
	};
}

function skipReason(ref: ColumnSample, cur: ColumnSample): string | null {
	if (ref.kind === 'untested') {
		return 'no distribution test for this kind of column (free text, identifiers and dates change by nature); only its missing rate is checked';
	}
	if (sampleSize(ref) === 0) return 'the reference has no values in this column';
	if (sampleSize(cur) === 0) return 'the current data has no values in this column';
	return null;
}

function runTest(
	method: DriftMethod,
	ref: ColumnSample,
	cur: ColumnSample
): { statistic: number | null; pValue: number | null } {
	const numbers = (s: ColumnSample) => (s.kind === 'numbers' ? s.values : new Float64Array());
	switch (method) {
		case 'ks':
			return ksTest(numbers(ref), numbers(cur));
		case 'wasserstein':
			return { statistic: normedWasserstein(numbers(ref), numbers(cur)), pValue: null };
		case 'z':
			return proportionsZTest(labelCounts(ref, cur)!);
		case 'chisquare':
			return chiSquareTest(labelCounts(ref, cur)!);
		case 'jensenshannon': {
			const counts = labelCounts(ref, cur)!;
			return { statistic: jensenShannonDistance(counts.reference, counts.current), pValue: null };
		}
		default:
			return assertNever(method, 'drift method');
	}
}

/**
 * True when the result is drift by Evidently's comparisons: p <= threshold for K-S and
 * chi-square, p < threshold for the Z-test, distance >= threshold for the distances.
 */
function isDrift(
	method: DriftMethod,
	statistic: number | null,
	pValue: number | null,
	threshold: number
): boolean {
	switch (method) {
		case 'ks':
		case 'chisquare':
			return pValue! <= threshold;
		case 'z':
			return pValue! < threshold;
		case 'wasserstein':
		case 'jensenshannon':
			return statistic! >= threshold;
		default:
			return assertNever(method, 'drift method');
	}
}

/** Returns both samples' value counts over one list of labels; null for untested samples. */
function labelCounts(ref: ColumnSample, cur: ColumnSample) {
	const counts = (s: ColumnSample) =>
		s.kind === 'numbers' ? numberCounts(s.values) : s.kind === 'labels' ? s.counts : null;
	const a = counts(ref);
	const b = counts(cur);
	return a && b && alignCounts(a, b);
}

function unseenLabels(ref: ColumnSample, cur: ColumnSample): UnseenCategory[] {
	if (ref.kind !== 'labels' || cur.kind !== 'labels') return [];
	return [...cur.counts]
		.filter(([label]) => !ref.counts.has(label))
		.map(([label, count]) => ({ label, count }))
		.sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
