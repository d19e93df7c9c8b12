import { describe, expect, it } from 'vitest';
import { exp } from '../../../src/core/util/exp';
import { createRng } from '../../../src/core/util/rng';

const SMALLEST_NORMAL = 2 ** -1022;
const bits = new DataView(new ArrayBuffer(8));

/** Returns how many representable doubles lie between two finite non-negative doubles. */
function ulpDistance(a: number, b: number): number {
	bits.setFloat64(0, a);
	const ia = bits.getBigInt64(0);
	bits.setFloat64(0, b);
	const ib = bits.getBigInt64(0);
	return Number(ia > ib ? ia - ib : ib - ia);
}

/** Asserts exp(x) is within 1 ulp of Math.exp(x) at `count` seeded points of [lo, hi]. */
function expectWithinOneUlp(lo: number, hi: number, count: number, seed: number): void {
	const rng = createRng(seed);
	for (let i = 0; i < count; i++) {
		const x = lo + rng.next() * (hi - lo);
		const distance = ulpDistance(exp(x), Math.exp(x));
		if (distance > 1) expect.fail(`exp(${x}) = ${exp(x)}, Math.exp gives ${Math.exp(x)}`);
	}
}

describe('exp', () => {
	it('is within 1 ulp of Math.exp over the whole finite range', () => {
		expectWithinOneUlp(-745, 709, 20_000, 1);
	});

	it('is within 1 ulp of Math.exp where the argument reduction matters most', () => {
		expectWithinOneUlp(-1, 1, 5_000, 2);
		expectWithinOneUlp(-40, 40, 5_000, 3);
		expectWithinOneUlp(700, 709.78, 1_000, 4);
	});

	it('gives subnormal results, within 1 ulp, below about -708.4', () => {
		expectWithinOneUlp(-745, -708.4, 5_000, 5);
		const y = exp(-740);
		expect(y).toBeGreaterThan(0);
		expect(y).toBeLessThan(SMALLEST_NORMAL);
		expect(y).toBe(4.2e-322);
		expect(exp(-745)).toBe(Number.MIN_VALUE);
	});

	it('returns NaN for NaN and the limits for the infinities', () => {
		expect(exp(NaN)).toBeNaN();
		expect(exp(Infinity)).toBe(Infinity);
		expect(exp(-Infinity)).toBe(0);
	});

	it('returns exactly 1 for 0 and -0, and 1 + x for |x| < 2^-28', () => {
		expect(exp(0)).toBe(1);
		expect(exp(-0)).toBe(1);
		for (const x of [2 ** -29, -(2 ** -29), 1e-12, -1e-12, 1e-300, Number.MIN_VALUE]) {
			expect(exp(x)).toBe(1 + x);
		}
		expect(exp(2 ** -29)).toBe(1.0000000018626451);
		expect(exp(-(2 ** -29))).toBe(0.9999999981373549);
	});

	it('overflows to Infinity above ln(MAX_VALUE) and stays finite at it', () => {
		expect(exp(709.782712893384)).toBe(1.7976931348622732e308);
		expect(exp(709.7827128933841)).toBe(Infinity);
		expect(exp(709.79)).toBe(Infinity);
		expect(exp(1000)).toBe(Infinity);
	});

	it('underflows to 0 below about -745.13 and keeps the smallest subnormal at it', () => {
		expect(exp(-745.133219101941)).toBe(Number.MIN_VALUE);
		expect(exp(-745.1332191019412)).toBe(0);
		expect(exp(-746)).toBe(0);
		expect(exp(-1e6)).toBe(0);
	});

	it('keeps its pinned values, so a change of the algorithm shows', () => {
		expect(exp(1)).toBe(2.7182818284590455);
		expect(exp(-1)).toBe(0.36787944117144233);
		expect(exp(0.5)).toBe(1.6487212707001282);
		expect(exp(10)).toBe(22026.465794806718);
		expect(exp(-10)).toBe(0.00004539992976248485);
		expect(exp(100)).toBe(2.6881171418161356e43);
		expect(exp(-700)).toBe(9.85967654375977e-305);
		expect(exp(709.78)).toBe(1.7928227943945155e308);
	});
});
