import { describe, expect, it } from 'vitest';
import { normedWasserstein, wassersteinDistance } from '../../../src/core/monitor/wasserstein';
import { expectCoreError } from '../helpers';
import { expectRelative } from './monitor-helpers';

describe('wassersteinDistance', () => {
	it('is the shift between a sample and its translate', () => {
		expect(wassersteinDistance(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8))).toBe(5);
		expect(wassersteinDistance(Float64Array.of(2, 2), Float64Array.of(2))).toBe(0);
	});

	it('matches scipy wasserstein_distance on unequal sizes with ties', () => {
		// scipy 1.10.1: wasserstein_distance([3.4, 3.9, 7.5, 7.8, 1.0, 1.0], [4.5, 1.4, 2.0, 9.25]).
		const a = Float64Array.of(3.4, 3.9, 7.5, 7.8, 1.0, 1.0);
		const b = Float64Array.of(4.5, 1.4, 2.0, 9.25);
		expectRelative(wassersteinDistance(a, b), 1.1541666666666668, 1e-13);
	});
});

describe('normedWasserstein', () => {
	it('divides by the reference population standard deviation', () => {
		// std([0, 1, 3]) = √(14/9); scipy: 5 / np.std([0, 1, 3]) = 4.0089186286863665.
		expectRelative(
			normedWasserstein(Float64Array.of(0, 1, 3), Float64Array.of(5, 6, 8)),
			5 / Math.sqrt(14 / 9),
			1e-13
		);
		const a = Float64Array.of(3.4, 3.9, 7.5, 7.8, 1.0, 1.0);
		expectRelative(
			normedWasserstein(a, Float64Array.of(4.5, 1.4, 2.0, 9.25)),
			0.42144207896925284,
			1e-12
		);
	});

	it("floors a constant reference's deviation at 0.001, as Evidently does", () => {
		expectRelative(normedWasserstein(Float64Array.of(2, 2), Float64Array.of(2.5)), 500, 1e-13);
	});

	it('refuses an empty sample', async () => {
		await expectCoreError(
			() => normedWasserstein(Float64Array.of(1), new Float64Array()),
			'drift-empty-sample'
		);
	});
});
