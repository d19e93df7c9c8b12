import { chiSquareSf, normalTwoSidedPValue } from './special-functions';
import type { AlignedCounts } from './column-sample';

/** A test's statistic (null where it is infinite) and p-value. */
export interface TestResult {
	statistic: number | null;
	pValue: number;
}

/**
 * Returns Evidently's chi-square test: scipy's `chisquare` of the current counts against the
 * reference shares scaled to the current count, with (labels - 1) degrees of freedom. A label the
 * reference never had makes the statistic infinite: it is then null and the p-value 0.
 */
export function chiSquareTest(counts: AlignedCounts): TestResult {
	const nRef = sum(counts.reference);
	const nCur = sum(counts.current);
	const scale = nCur / nRef;
	let statistic = 0;
	for (let i = 0; i < counts.labels.length; i++) {
		const expected = counts.reference[i] * scale;
		const observed = counts.current[i];
		if (expected === 0) {
			if (observed > 0) return { statistic: null, pValue: 0 };
			continue;
		}
		statistic += ((observed - expected) * (observed - expected)) / expected;
	}
	const df = counts.labels.length - 1;
	return { statistic, pValue: df > 0 ? chiSquareSf(statistic, df) : 1 };
}

/**
 * Returns Evidently's two-proportion Z-test for a column with at most two values: the pooled
 * z of the share of the first label, as |z| (which label is first does not change it), and the
 * two-sided normal p-value. When both samples hold the same single value the p-value is 1, as
 * Evidently has it.
 */
export function proportionsZTest(counts: AlignedCounts): TestResult {
	const nRef = sum(counts.reference);
	const nCur = sum(counts.current);
	const pRef = counts.reference[0] / nRef;
	const pCur = counts.current[0] / nCur;
	const pooled = (counts.reference[0] + counts.current[0]) / (nRef + nCur);
	const variance = pooled * (1 - pooled) * (1 / nRef + 1 / nCur);
	if (!(variance > 0)) return { statistic: 0, pValue: 1 };
	const z = Math.abs(pRef - pCur) / Math.sqrt(variance);
	return { statistic: z, pValue: normalTwoSidedPValue(z) };
}

/**
 * Returns the Jensen-Shannon distance (scipy's `jensenshannon`, natural logarithm) between two
 * non-negative weight vectors over the same labels, each normalised to sum 1: the square root of
 * the mean Kullback-Leibler divergence to their midpoint, between 0 and √ln 2 ≈ 0.833.
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
	const sp = sum(p);
	const sq = sum(q);
	let js = 0;
	for (let i = 0; i < p.length; i++) {
		const a = p[i] / sp;
		const b = q[i] / sq;
		const m = (a + b) / 2;
		if (a > 0) js += a * Math.log(a / m);
		if (b > 0) js += b * Math.log(b / m);
	}
	// Rounding can leave a sum of zero terms a hair below 0; the distance is then 0, not NaN.
	return Math.sqrt(Math.max(0, js / 2));
}

function sum(values: ArrayLike<number>): number {
	let total = 0;
	for (let i = 0; i < values.length; i++) total += values[i];
	return total;
}
