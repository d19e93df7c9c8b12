import { describe, expect, it } from 'vitest';
import {
	chiSquareTest,
	jensenShannonDistance,
	proportionsZTest
} from '../../../src/core/monitor/category-tests';
import { alignCounts } from '../../../src/core/monitor/column-sample';
import { expectRelative } from './monitor-helpers';

const counts = (entries: [string, number][]) => new Map(entries);

describe('alignCounts', () => {
	it('orders the reference labels by count, then the labels only the current has', () => {
		const aligned = alignCounts(
			counts([
				['b', 3],
				['a', 5],
				['c', 3]
			]),
			counts([
				['z', 1],
				['a', 2],
				['y', 4]
			])
		);
		expect(aligned.labels).toEqual(['a', 'b', 'c', 'y', 'z']);
		expect(Array.from(aligned.reference)).toEqual([5, 3, 3, 0, 0]);
		expect(Array.from(aligned.current)).toEqual([2, 0, 0, 4, 1]);
	});
});

describe('chiSquareTest', () => {
	it('compares current counts with the reference shares scaled to the current total', () => {
		// By hand: expected 50, 30, 20; (30-50)²/50 + 0 + (40-20)²/20 = 28, and with 2 degrees of
		// freedom the p-value is e^(-28/2) (scipy chisquare: 8.31528719103568e-07).
		const result = chiSquareTest(
			alignCounts(
				counts([
					['a', 50],
					['b', 30],
					['c', 20]
				]),
				counts([
					['a', 30],
					['b', 30],
					['c', 40]
				])
			)
		);
		expectRelative(result.statistic, 28, 1e-14);
		expectRelative(result.pValue, Math.exp(-14), 1e-12);
		expectRelative(result.pValue, 8.31528719103568e-7, 1e-12);
	});

	it('scales a reference of another size (scipy chisquare: 4.083333333333334, 0.12981217685543797)', () => {
		const result = chiSquareTest(
			alignCounts(
				counts([
					['a', 500],
					['b', 300],
					['c', 200]
				]),
				counts([
					['a', 60],
					['b', 25],
					['c', 15]
				])
			)
		);
		expectRelative(result.statistic, 4.083333333333334, 1e-13);
		expectRelative(result.pValue, 0.12981217685543797, 1e-12);
	});

	it('gives p = 0 and no statistic when the current has a label the reference never had', () => {
		const result = chiSquareTest(
			alignCounts(
				counts([
					['a', 5],
					['b', 5],
					['c', 5]
				]),
				counts([
					['a', 5],
					['d', 1],
					['c', 5]
				])
			)
		);
		expect(result).toEqual({ statistic: null, pValue: 0 });
	});
});

describe('proportionsZTest', () => {
	it('gives the pooled |z| and two-sided p-value', () => {
		// By hand: shares 0.4 and 0.6, pooled 0.5, se = √(0.25 · 0.02), |z| = 0.2 / se = 2√2.
		// scipy: 2 * (1 - norm.cdf(2.8284271247461894)) = 0.004677734981047177.
		const result = proportionsZTest(
			alignCounts(
				counts([
					['x', 40],
					['y', 60]
				]),
				counts([
					['x', 60],
					['y', 40]
				])
			)
		);
		expectRelative(result.statistic, 2 * Math.SQRT2, 1e-14);
		expectRelative(result.pValue, 0.004677734981047177, 1e-12);
	});

	it('gives p = 1 when both samples hold the same single value', () => {
		expect(proportionsZTest(alignCounts(counts([['x', 4]]), counts([['x', 9]])))).toEqual({
			statistic: 0,
			pValue: 1
		});
	});
});

describe('jensenShannonDistance', () => {
	it('matches scipy jensenshannon (natural logarithm), weights normalised', () => {
		// scipy 1.10.1: jensenshannon([5, 3, 2, 0], [2, 2, 0, 4]) = 0.5147589988220792.
		expectRelative(jensenShannonDistance([5, 3, 2, 0], [2, 2, 0, 4]), 0.5147589988220792, 1e-13);
		expectRelative(
			jensenShannonDistance([0.5, 0.3, 0.2, 0], [0.25, 0.25, 0, 0.5]),
			0.5147589988220792,
			1e-13
		);
	});

	it('is 0 for equal distributions and √ln 2 for disjoint ones', () => {
		expect(jensenShannonDistance([0.5, 0.5], [1, 1])).toBe(0);
		expectRelative(jensenShannonDistance([1, 0], [0, 1]), Math.sqrt(Math.LN2), 1e-14);
	});
});
