import { describe, expect, it } from 'vitest';
import { ksTest } from '../../../src/core/monitor/ks-test';
import { kolmogorovSf } from '../../../src/core/monitor/special-functions';
import { expectCoreError } from '../helpers';
import { expectRelative } from './monitor-helpers';

/** ((i * mult) % mod) * scale + shift for i < n: integer arithmetic, so numpy gets the same doubles. */
function grid(n: number, mult: number, mod: number, shift = 0, scale = 1): Float64Array {
	return Float64Array.from({ length: n }, (_, i) => ((i * mult) % mod) * scale + shift);
}

describe('ksTest', () => {
	// Golden values: scipy 1.10.1 `ks_2samp(a, b)` (method 'auto', exact below 10,000 values a
	// side) on the same arrays, built in Python as np.array([((i*mult) % mod)*scale + shift ...]).
	it('matches scipy ks_2samp, ties, equal and unequal sizes and a tiny p-value included', () => {
		const cases: [string, Float64Array, Float64Array, number, number][] = [
			[
				'ties',
				Float64Array.of(1, 2, 2, 3, 5),
				Float64Array.of(2, 3, 3, 4, 6, 7, 8),
				0.45714285714285713,
				0.43434343434343425
			],
			['equal sizes', grid(8, 5, 13), grid(8, 7, 13, 6), 0.5, 0.2826728826728826],
			[
				'40 vs 55',
				grid(40, 37, 101),
				grid(55, 53, 101, 10),
				0.1159090909090909,
				0.8722369049132588
			],
			[
				'1000 vs 1500',
				grid(1000, 7919, 1000, 0, 0.1),
				grid(1500, 104729, 1500, 3, 0.0667),
				0.03133333333333333,
				0.5900079401522201
			],
			[
				'300 vs 300 shifted',
				grid(300, 7919, 300),
				grid(300, 104729, 300, 60),
				0.2,
				1.1562157228282306e-5
			],
			[
				'997 vs 1201',
				grid(997, 7919, 997),
				grid(1201, 104729, 1201, 400),
				0.5029142381348876,
				6.722875791354654e-126
			]
		];
		for (const [name, a, b, d, p] of cases) {
			const result = ksTest(a, b);
			expect(result.exact, name).toBe(true);
			expectRelative(result.statistic, d, 1e-12);
			expectRelative(result.pValue, p, 1e-10);
			// Symmetric in its two samples.
			expectRelative(ksTest(b, a).pValue, p, 1e-10);
		}
	});

	it('gives D = 0 and p = 1 for identical samples, and D = 1 for disjoint ones', () => {
		expect(ksTest(Float64Array.of(1, 2, 3), Float64Array.of(3, 2, 1))).toEqual({
			statistic: 0,
			pValue: 1,
			exact: true
		});
		expect(ksTest(Float64Array.of(7), Float64Array.of(7, 7))).toMatchObject({
			statistic: 0,
			pValue: 1
		});
		// Disjoint samples of 3 and 3: only the 2 of C(6, 3) = 20 orderings that separate them reach D = 1.
		const disjoint = ksTest(Float64Array.of(1, 2, 3), Float64Array.of(4, 5, 6));
		expect(disjoint.statistic).toBe(1);
		expectRelative(disjoint.pValue, 2 / 20, 1e-14);
		// One value each, different: D = 1, and both orderings reach it.
		expect(ksTest(Float64Array.of(1), Float64Array.of(2))).toEqual({
			statistic: 1,
			pValue: 1,
			exact: true
		});
	});

	it('switches to the Kolmogorov limit when the lattice is too large', () => {
		// scipy 1.10.1 on the same arrays: ks_2samp(a, b) gives D = 0.029220000000000024 and, by its
		// asymptotic kstwo.sf(D, 9091), p = 3.5439654242544125e-07; method='exact' gives
		// 3.5580198742406477e-07; kstwobign.sf(sqrt(mn/(m+n))·D) = 3.6235483053525e-07 (1.8% high).
		const a = Float64Array.from({ length: 10_000 }, (_, i) => ((i * 7919) % 10_000) / 10_000);
		const b = Float64Array.from(
			{ length: 100_000 },
			(_, i) => (((i * 104729) % 100_000) / 100_000) * 1.03
		);
		const result = ksTest(a, b);
		expect(result.exact).toBe(false);
		expectRelative(result.statistic, 0.029220000000000024, 1e-12);
		expectRelative(result.pValue, 3.6235483053525e-7, 1e-10);
		expectRelative(result.pValue, kolmogorovSf(Math.sqrt(1e9 / 110_000) * result.statistic), 1e-12);
	});

	it("stays exact past scipy's 10,000-value switch while the lattice is affordable", () => {
		// scipy 1.10.1: ks_2samp(a, b, method='exact') = 0.0030174376034943443, D = 0.057525; its
		// default ('auto', asymptotic at these sizes) gives 0.0030036209023177017.
		const a = Float64Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) / 1000);
		const b = Float64Array.from(
			{ length: 40_000 },
			(_, i) => (((i * 104729) % 40_000) / 40_000) * 1.06
		);
		const result = ksTest(a, b);
		expect(result.exact).toBe(true);
		expectRelative(result.statistic, 0.057525, 1e-12);
		expectRelative(result.pValue, 0.0030174376034943443, 1e-10);
	});

	it('refuses an empty sample', async () => {
		await expectCoreError(
			() => ksTest(new Float64Array(), Float64Array.of(1)),
			'drift-empty-sample'
		);
	});
});
