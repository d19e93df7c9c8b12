import { describe, expect, it } from 'vitest';
import {
	chiSquareSf,
	kolmogorovSf,
	logGamma,
	normalTwoSidedPValue,
	regularizedGammaQ
} from '../../../src/core/monitor/special-functions';
import { expectClose } from '../helpers';
import { expectRelative } from './monitor-helpers';

describe('special functions', () => {
	it('computes ln Γ at known points', () => {
		expectClose(logGamma(1), 0, 1e-14);
		expectClose(logGamma(2), 0, 1e-14);
		expectClose(logGamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14);
		expectRelative(logGamma(10), Math.log(362880), 1e-14);
		expectRelative(logGamma(500), 2605.115850361734, 1e-14); // Python: math.lgamma(500)
	});

	it('gives Q(1, x) = e^-x and the chi-square with 2 degrees of freedom e^(-x/2)', () => {
		for (const x of [0.1, 1, 5, 40]) expectRelative(regularizedGammaQ(1, x), Math.exp(-x), 1e-13);
		expectRelative(chiSquareSf(28, 2), Math.exp(-14), 1e-13);
		expect(regularizedGammaQ(3, 0)).toBe(1);
		expect(regularizedGammaQ(3, Infinity)).toBe(0);
	});

	// scipy 1.10.1: [chi2.sf(x, df) for x, df in cases], pasted as printed by repr.
	it('matches scipy chi2.sf, tiny tails included', () => {
		const cases: [number, number, number][] = [
			[0.5, 1, 0.47950012218695337],
			[3.84, 1, 0.05004352124870519],
			[10, 3, 0.01856613546304325],
			[25, 4, 5.0309817823062075e-5],
			[300, 4, 1.083439491947837e-63],
			[1, 10, 0.9998278843700441],
			[9.3, 12, 0.6771152935592488],
			[120, 80, 0.0025481923036133444],
			[1500, 1000, 1.0454640385980825e-22]
		];
		for (const [x, df, p] of cases) expectRelative(chiSquareSf(x, df), p, 1e-11);
	});

	// scipy 1.10.1: 2 * norm.sf(z).
	it('matches scipy two-sided normal p-values', () => {
		const cases: [number, number][] = [
			[0, 1],
			[0.5, 0.6170750774519738],
			[1.96, 0.04999579029644087],
			[3, 0.0026997960632601866],
			[6, 1.973175290075389e-9],
			[10, 1.523970604832094e-23]
		];
		for (const [z, p] of cases) {
			expectRelative(normalTwoSidedPValue(z), p, 1e-13);
			expectRelative(normalTwoSidedPValue(-z), p, 1e-13);
		}
	});

	// scipy 1.10.1: kstwobign.sf(lam).
	it('matches scipy kstwobign.sf on both sides of its switch at λ = 1', () => {
		const cases: [number, number][] = [
			[0.2, 0.999999999999495],
			[0.5, 0.9639452436648751],
			[0.8, 0.5441424115741981],
			[1.0, 0.26999967167735456],
			[1.36, 0.049485876755377876],
			[2.0, 0.0006709252557796953],
			[3.5, 4.579469691291106e-11]
		];
		for (const [lambda, p] of cases) expectRelative(kolmogorovSf(lambda), p, 1e-13);
		expect(kolmogorovSf(0)).toBe(1);
	});
});
