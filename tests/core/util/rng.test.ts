import { describe, expect, it } from 'vitest';
import { createRng, shuffleInPlace } from '../../../src/core/util/rng';

const draw = (seed: number, n: number) => {
	const rng = createRng(seed);
	return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
	it('repeats its sequence for a seed and differs for another seed', () => {
		expect(draw(42, 20)).toEqual(draw(42, 20));
		expect(draw(43, 20)).not.toEqual(draw(42, 20));
		expect(new Set(draw(1, 1000)).size).toBe(1000);
	});

	it('draws floats in [0, 1) with a mean near 1/2', () => {
		const values = draw(5, 10000);
		expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
		const mean = values.reduce((a, b) => a + b, 0) / values.length;
		expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
	});

	it('draws every integer of [0, n) and nothing else', () => {
		const rng = createRng(9);
		const counts = new Array<number>(7).fill(0);
		for (let i = 0; i < 7000; i++) {
			const k = rng.int(7);
			expect(Number.isInteger(k) && k >= 0 && k < 7).toBe(true);
			counts[k]++;
		}
		expect(Math.min(...counts)).toBeGreaterThan(800);
	});
});

describe('shuffleInPlace', () => {
	it('returns a seeded permutation of the items', () => {
		const a = shuffleInPlace(
			Int32Array.from({ length: 50 }, (_, i) => i),
			createRng(3)
		);
		const b = shuffleInPlace(
			Int32Array.from({ length: 50 }, (_, i) => i),
			createRng(3)
		);
		expect(a).toEqual(b);
		expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
		expect(Array.from(a)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
	});
});
