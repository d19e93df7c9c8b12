import { describe, expect, it } from 'vitest';
import { meanStd, quantile } from '../../../src/core/util/stats';
import { expectClose } from '../helpers';

describe('stats', () => {
	it('interpolates quantiles over the finite values, as numpy does', () => {
		expect(quantile([3, 1, NaN, 2, 10], 0.5)).toBe(2.5);
		expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
		expect(quantile([5], 0.5)).toBe(5);
		expect(quantile([NaN], 0.5)).toBeNaN();
	});

	it('returns the mean and population standard deviation of the finite values', () => {
		const { mean, std, count } = meanStd([2, 4, NaN, 4, 4, 5, 5, 7, 9]);
		expect(count).toBe(8);
		expectClose(mean, 5, 1e-12);
		expectClose(std, 2, 1e-12);
		expect(meanStd([]).mean).toBeNaN();
	});
});
