import { describe, expect, it } from 'vitest';
import { columnDrift } from '../../../src/core/monitor/column-drift';
import { resolveDriftOptions, type DriftOptions } from '../../../src/core/monitor/drift-options';
import type { BooleanColumn, Column, DateColumn, TextColumn } from '../../../src/core/table/table';
import { categories, expectCoreError, numbers } from '../helpers';
import { expectAllFinite, expectRelative } from './monitor-helpers';

const drift = (reference: Column, current: Column, options: DriftOptions = {}) =>
	columnDrift(reference, current, resolveDriftOptions(options));
const repeat = <T>(value: T, n: number): T[] => Array<T>(n).fill(value);
const range = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => f(i));

describe('columnDrift: the default method', () => {
	it('runs K-S on a small number column with more than 5 distinct values', () => {
		// scipy 1.10.1: ks_2samp([1, 2, 2, 3, 5], [2, 3, 3, 4, 6, 7, 8]) = (0.45714285714285713,
		// 0.43434343434343425); PSI by Evidently's binning re-implemented in Python: 7.482369432517586.
		const result = drift(numbers('x', [1, 2, NaN, 2, 3, 5]), numbers('x', [2, 3, 3, 4, 6, 7, 8]));
		expect(result).toMatchObject({
			method: 'ks',
			threshold: 0.05,
			distributionDrifted: false,
			drifted: false
		});
		expectRelative(result.statistic, 16 / 35, 1e-14);
		expectRelative(result.pValue, 0.43434343434343425, 1e-10);
		expectRelative(result.psi, 7.482369432517586, 1e-12);
		expect(result.missing).toMatchObject({
			referenceMissing: 1,
			referenceRows: 6,
			currentMissing: 0
		});
	});

	it('counts distinct values over both samples (3 in the reference, 6 together: K-S)', () => {
		expect(drift(numbers('x', [1, 2, 3, 1]), numbers('x', [4, 5, 6])).method).toBe('ks');
		expect(drift(numbers('x', [1, 2, 3, 1]), numbers('x', [4, 5, 1])).method).toBe('chisquare');
		expect(drift(numbers('x', [0, 1, 1]), numbers('x', [1, 0])).method).toBe('z');
	});

	it('runs chi-square on a small category column with more than 2 labels', () => {
		// By hand: expected 50, 30, 20 -> chi-square 28, p = e^-14; PSI (Python) 0.2407945608651872.
		const ref = [...repeat('a', 50), ...repeat('b', 30), ...repeat('c', 20)];
		const cur = [...repeat('c', 40), ...repeat('a', 30), ...repeat('b', 30)];
		const result = drift(categories('c', ref), categories('c', cur));
		expect(result).toMatchObject({ method: 'chisquare', statistic: 28, distributionDrifted: true });
		expectRelative(result.pValue, Math.exp(-14), 1e-12);
		expectRelative(result.psi, 0.2407945608651872, 1e-12);
	});

	it('runs the Z-test on a small column with two values', () => {
		// |z| = 2√2 by hand; scipy p = 0.004677734981047177; PSI (Python) 0.1621860432432657.
		const ref = [...repeat('x', 40), ...repeat('y', 60)];
		const cur = [...repeat('y', 40), ...repeat('x', 60)];
		const result = drift(categories('c', ref), categories('c', cur));
		expect(result).toMatchObject({ method: 'z', distributionDrifted: true });
		expectRelative(result.statistic, 2 * Math.SQRT2, 1e-14);
		expectRelative(result.pValue, 0.004677734981047177, 1e-12);
		expectRelative(result.psi, 0.1621860432432657, 1e-12);
	});

	it('switches to the distances above 1000 non-missing reference values', () => {
		const big = range(1001, (i) => i % 50);
		expect(drift(numbers('x', big), numbers('x', [1, 2, 3, 4, 5, 6])).method).toBe('wasserstein');
		expect(
			drift(
				numbers(
					'x',
					big.map((v) => v % 3)
				),
				numbers('x', [0, 1])
			).method
		).toBe('jensenshannon');
		const labels = big.map((v) => (v % 2 ? 'odd' : 'even'));
		expect(drift(categories('c', labels), categories('c', ['odd'])).method).toBe('jensenshannon');
		// 1001 rows but 1000 values: still small.
		expect(
			drift(numbers('x', [...range(1000, (i) => i), NaN]), numbers('x', [1, 2, 3, 4, 5, 6])).method
		).toBe('ks');
		// The cutoff is editable.
		expect(
			drift(numbers('x', [1, 2, 3, 4, 5, 6]), numbers('x', [1, 2, 3, 4, 5, 6]), {
				referenceSizeCutoff: 5
			}).method
		).toBe('wasserstein');
	});
});

describe('columnDrift: thresholds', () => {
	it('compares as Evidently does: K-S and chi-square p <= threshold, Z p < threshold, distances >= threshold', () => {
		const ref = numbers('x', [1, 2, 2, 3, 5]);
		const cur = numbers('x', [2, 3, 3, 4, 6, 7, 8]);
		const p = drift(ref, cur).pValue!;
		expect(drift(ref, cur, { thresholds: { ks: p } }).distributionDrifted).toBe(true);
		const zRef = categories('c', [...repeat('x', 40), ...repeat('y', 60)]);
		const zCur = categories('c', [...repeat('x', 60), ...repeat('y', 40)]);
		const zp = drift(zRef, zCur).pValue!;
		expect(drift(zRef, zCur, { thresholds: { z: zp } }).distributionDrifted).toBe(false);
		expect(drift(zRef, zCur, { thresholds: { z: zp * 1.0000001 } }).distributionDrifted).toBe(true);
		const wRef = numbers('x', [0, 1, 3]);
		const wCur = numbers('x', [5, 6, 8]);
		const distance = drift(wRef, wCur, { referenceSizeCutoff: 0 }).statistic!;
		expectRelative(distance, 5 / Math.sqrt(14 / 9), 1e-13);
		const at = drift(wRef, wCur, { referenceSizeCutoff: 0, thresholds: { wasserstein: distance } });
		expect(at).toMatchObject({
			method: 'wasserstein',
			pValue: null,
			threshold: distance,
			distributionDrifted: true
		});
	});
});

describe('columnDrift: degenerate inputs', () => {
	it('skips the test when the current data has no rows, with finite or null numbers', () => {
		const result = drift(numbers('x', [1, 2, 3]), numbers('x', []));
		expect(result).toMatchObject({
			method: null,
			statistic: null,
			pValue: null,
			threshold: null,
			psi: null,
			bins: null,
			drifted: false
		});
		expect(result.skipped).toMatch(/current data has no values/);
		expect(result.missing).toMatchObject({
			currentRows: 0,
			currentRate: null,
			change: null,
			pValue: null,
			alert: false
		});
		expectAllFinite(result);
	});

	it('flags an all-missing current column by its missing rate alone', () => {
		// 0 of 5 missing -> 5 of 5: pooled 0.5, |z| = 1 / √(0.25 · 0.4); scipy 2 * norm.sf = 0.001565402258002548.
		const result = drift(numbers('x', [1, 2, 3, 4, 5]), numbers('x', repeat(NaN, 5)));
		expect(result).toMatchObject({ method: null, distributionDrifted: false, drifted: true });
		expect(result.missing).toMatchObject({ currentRate: 1, change: 1, alert: true });
		expectRelative(result.missing.pValue, 0.001565402258002548, 1e-12);
		expectAllFinite(result);
		const noReference = drift(categories('c', [null, null]), categories('c', ['a']));
		expect(noReference.skipped).toMatch(/reference has no values/);
		expect(noReference.unseenCategories).toEqual([{ label: 'a', count: 1 }]);
		expectAllFinite(noReference);
	});

	it('gives p = 1 and PSI 0 for one constant on both sides', () => {
		const result = drift(numbers('x', [3, 3, 3, 3]), numbers('x', [3, 3, 3]));
		expect(result).toMatchObject({ method: 'z', statistic: 0, pValue: 1, psi: 0, drifted: false });
		expect(result.bins).toEqual({
			kind: 'categories',
			labels: ['3'],
			reference: [1],
			current: [1]
		});
	});

	it('flags a constant that changed', () => {
		// |z| = 1 / √(4/7 · 3/7 · (1/4 + 1/3)) = √7 by hand; scipy 2 * norm.sf(√7) = 0.008150971593502691.
		// PSI: shares (1, 0) and (0, 1) floored at 0.0001: 2 (1 - 0.0001) ln(10^4).
		const result = drift(numbers('x', [3, 3, 3, 3]), numbers('x', [4, 4, 4]));
		expect(result).toMatchObject({ method: 'z', distributionDrifted: true });
		expectRelative(result.statistic, Math.sqrt(7), 1e-14);
		expectRelative(result.pValue, 0.008150971593502691, 1e-12);
		expectRelative(result.psi, 2 * (1 - 1e-4) * Math.log(1e4), 1e-12);
	});

	it('handles a single value a side', () => {
		// |z| = √2; scipy 2 * norm.sf(√2) = 0.15729920705028502.
		const result = drift(numbers('x', [5]), numbers('x', [7]));
		expect(result).toMatchObject({ method: 'z', distributionDrifted: false });
		expectRelative(result.pValue, 0.15729920705028502, 1e-12);
		expectAllFinite(result);
		expectAllFinite(drift(numbers('x', [5]), numbers('x', [7]), { referenceSizeCutoff: 0 }));
	});

	it('keeps a constant large reference finite under the distances', () => {
		const result = drift(numbers('x', repeat(2, 1500)), numbers('x', [2, 2, 3]));
		expect(result.method).toBe('jensenshannon');
		expectAllFinite(result);
	});

	it('treats infinities as missing, as Evidently drops them', () => {
		const result = drift(
			numbers('x', [1, 2, Infinity, 3, 4, 5, 6]),
			numbers('x', [1, 2, 3, 4, 5, -Infinity])
		);
		expect(result.missing).toMatchObject({ referenceMissing: 1, currentMissing: 1 });
		expectAllFinite(result);
	});
});

describe('columnDrift: kinds', () => {
	it('lists unseen categories, most frequent first, and matches labels by text', () => {
		const ref = categories('c', ['a', 'b', 'a']);
		const cur = categories('c', ['z', 'b', 'y', 'z', 'a']);
		expect(drift(ref, cur).unseenCategories).toEqual([
			{ label: 'z', count: 2 },
			{ label: 'y', count: 1 }
		]);
		expect(drift(ref, categories('c', ['b', 'a', 'a'])).unseenCategories).toEqual([]);
	});

	it("compares booleans by truth value, in the reference's words", () => {
		const bool = (values: number[], words: [string, string]): BooleanColumn => ({
			kind: 'boolean',
			name: 'b',
			values: Uint8Array.from(values),
			words
		});
		const result = drift(
			bool([0, 1, 1, 255], ['no', 'yes']),
			bool([1, 1, 0, 0], ['false', 'true'])
		);
		expect(result).toMatchObject({ method: 'z', unseenCategories: [] });
		expect(result.bins).toMatchObject({ kind: 'categories', labels: ['yes', 'no'] });
		expect(result.missing.referenceMissing).toBe(1);
	});

	it('checks only the missing rate of text and date columns', () => {
		const text = (codes: number[]): TextColumn => ({
			kind: 'text',
			name: 't',
			codes: Int32Array.from(codes),
			levels: ['p', 'q', 'r']
		});
		const textResult = drift(text([0, 1, 2, 0]), text([-1, -1, 2, -1]));
		expect(textResult).toMatchObject({ method: null, psi: null, bins: null, unseenCategories: [] });
		expect(textResult.skipped).toMatch(/only its missing rate is checked/);
		expect(textResult.missing).toMatchObject({ referenceMissing: 0, currentMissing: 3 });
		const date = (values: number[]): DateColumn => ({
			kind: 'date',
			name: 'd',
			values: Float64Array.from(values),
			offsets: null
		});
		const dateResult = drift(date([0, 1e12, NaN]), date([2e12, 3e12]));
		expect(dateResult).toMatchObject({ method: null, drifted: false });
		expect(dateResult.missing.referenceMissing).toBe(1);
	});

	it('refuses two kinds', async () => {
		const error = await expectCoreError(
			() => drift(numbers('x', [1]), categories('x', ['a'])),
			'drift-kind-mismatch',
			/"x" is number in the reference but category/
		);
		expect(error.place.column).toBe('x');
	});
});
