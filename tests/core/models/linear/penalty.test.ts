import { describe, expect, it } from 'vitest';
import { bestShift, kktViolation, softThreshold } from '../../../../src/core/models/linear/penalty';
import { expectClose } from '../../helpers';

/** The penalty of weights a shifted by v, summed: what bestShift minimises. */
const shifted = (a: number[], v: number, l1: number, l2: number) =>
	a.reduce((s, ac) => s + l1 * Math.abs(ac + v) + 0.5 * l2 * (ac + v) ** 2, 0);

describe('softThreshold', () => {
	it('shrinks towards 0 by t and is exactly 0 (not -0) inside [-t, t]', () => {
		expect([3, -3, 1, -1, 2, -2].map((z) => softThreshold(z, 2))).toEqual([1, -1, 0, 0, 0, 0]);
		expect(Object.is(softThreshold(-1, 2), 0)).toBe(true);
	});
});

describe('kktViolation', () => {
	it('is |g + l1 sign(w)| for a non-zero weight and max(|g| - l1, 0) for a zero one', () => {
		expect(kktViolation(-2, 0.5, 2)).toBe(0);
		expect(kktViolation(2, -0.5, 2)).toBe(0);
		expect(kktViolation(-1.5, 0.5, 2)).toBe(0.5);
		expect(kktViolation(1.5, 0, 2)).toBe(0);
		expect(kktViolation(-2.5, 0, 2)).toBe(0.5);
	});
});

describe('bestShift', () => {
	it('moves to the median under L1 alone, and stays put when 0 is already a minimiser', () => {
		expect(bestShift([1, 2, 5], 1, 0)).toBe(-2);
		expect(bestShift([-4, -1, 3], 1, 0)).toBe(1);
		// Any v in [-2, -1] minimises |1 + v| + |2 + v|: the one nearest 0 is -1.
		expect(bestShift([1, 2], 1, 0)).toBe(-1);
		expect(bestShift([-1, 2], 1, 0)).toBe(0);
	});

	it('moves to the mean under L2 alone, and between them under both', () => {
		expectClose(bestShift([1, 2, 6], 0, 1), -3, 1e-15);
		// l1 = 1, l2 = 1 on [1, 2, 6]: a root inside a segment, checked against a fine grid.
		for (const [a, l1, l2] of [
			[[1, 2, 6], 1, 1],
			[[0.3, -2, 5, 1], 0.7, 0.2],
			[[1, 1, 1], 5, 1]
		] as const) {
			const v = bestShift([...a], l1, l2);
			let best = Infinity;
			for (let u = -10; u <= 10; u += 1e-3) best = Math.min(best, shifted([...a], u, l1, l2));
			expect(shifted([...a], v, l1, l2)).toBeLessThanOrEqual(best + 1e-9);
		}
	});
});
