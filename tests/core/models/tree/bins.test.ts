import { describe, expect, it } from 'vitest';
import { binMatrix, binOf, fitBins, wideBinMatrix } from '../../../../src/core/models/tree/bins';
import { featureMatrix } from '../../helpers';

describe('fitBins', () => {
	it('gives each distinct value a bin, cut halfway to the next, when there are few', () => {
		const x = featureMatrix([[3], [1], [2], [1], [3]]);
		expect(fitBins(x)).toEqual({
			thresholds: [[1.5, 2.5, 3]],
			low: [[1, 2, 3]],
			high: [[1, 2, 3]]
		});
		// Adjacent doubles have no number between them: the edge is the lower one.
		const tight = featureMatrix([[1], [1 + Number.EPSILON]]);
		expect(fitBins(tight).thresholds).toEqual([[1, 1 + Number.EPSILON]]);
	});

	it('cuts many values into equal-count quantile bins, the last edge the maximum', () => {
		const x = featureMatrix(Array.from({ length: 100 }, (_, i) => [i]));
		const bins = fitBins(x, 4);
		expect(bins).toEqual({
			thresholds: [[24.5, 49.5, 74.5, 99]],
			low: [[0, 25, 50, 75]],
			high: [[24, 49, 74, 99]]
		});
		const codes = binMatrix(bins, x);
		for (let b = 0; b < 4; b++) expect(codes.filter((c) => c === b).length).toBe(25);
	});

	it('never exceeds the bin count; one-byte codes hold 256 bins, two-byte codes 65,536', () => {
		const x = featureMatrix(Array.from({ length: 1000 }, (_, i) => [Math.sqrt(i)]));
		expect(fitBins(x).thresholds[0].length).toBeLessThanOrEqual(255);
		const exact = fitBins(x, 65536);
		expect(exact.thresholds[0].length).toBe(1000);
		expect(() => binMatrix(exact, x)).toThrow(/at most 256 bins/);
		expect(Array.from(wideBinMatrix(exact, x))).toEqual(Array.from({ length: 1000 }, (_, i) => i));
		expect(() => fitBins(x, 65537)).toThrow(/2 to 65536/);
	});

	it('ignores NaN when fitting and puts it in the lowest bin', () => {
		const x = featureMatrix([[NaN], [5], [7], [NaN]]);
		const bins = fitBins(x);
		expect(bins.thresholds).toEqual([[6, 7]]);
		expect(Array.from(binMatrix(bins, x))).toEqual([0, 0, 1, 0]);
		expect(fitBins(featureMatrix([[NaN], [NaN]])).thresholds).toEqual([[0]]);
	});

	it('lays the codes out column by column, unseen large values in the last bin', () => {
		const x = featureMatrix([
			[1, 10],
			[2, 20],
			[3, 30]
		]);
		const bins = fitBins(x);
		expect(Array.from(binMatrix(bins, x))).toEqual([0, 1, 2, 0, 1, 2]);
		expect(binOf(bins.thresholds[0], 99)).toBe(2);
		expect(binOf(bins.thresholds[0], -5)).toBe(0);
		expect(binOf(bins.thresholds[0], 1.5)).toBe(0);
		expect(binOf(bins.thresholds[0], 1.6)).toBe(1);
	});
});
