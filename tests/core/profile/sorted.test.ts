import { describe, expect, it } from 'vitest';
import {
	countDistinctSorted,
	lowerBound,
	quantileSorted,
	sortValues,
	sortWithOrder,
	upperBound
} from '../../../src/core/profile/sorted';
import { expectClose } from '../helpers';

// A small deterministic generator (tests never use Math.random).
function lcg(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

const generators: Record<string, (random: () => number, i: number) => number> = {
	uniform: (random) => random() * 100,
	'few integers': (random) => Math.floor(random() * 7),
	'heavy tail': (random) => Math.exp(20 * random()) * (random() < 0.5 ? -1 : 1),
	'one outlier': (random, i) => (i === 3 ? 1e300 : random()),
	'missing and infinite': (random, i) =>
		i % 5 === 0 ? NaN : i % 17 === 0 ? Infinity : i % 19 === 0 ? -Infinity : random(),
	'signed zeros': (random) => (random() < 0.5 ? -0 : 0),
	subnormal: (_, i) => (i % 4) * 5e-324
};

describe('sortValues and sortWithOrder', () => {
	for (const [name, generate] of Object.entries(generators)) {
		it(`agree with the native sort on ${name} values`, () => {
			for (const n of [0, 1, 7, 40, 3000, 20000]) {
				const random = lcg(n + 1);
				const values = Float64Array.from({ length: n }, (_, i) => generate(random, i));
				const expected = values.filter((v) => !Number.isNaN(v)).sort();
				const sorted = sortValues(values);
				const withOrder = sortWithOrder(values);
				// -0 and +0 are equal values and may come in either order.
				const plain = (a: Float64Array) => Array.from(a, (v) => v + 0);
				expect(plain(sorted)).toEqual(plain(expected));
				expect(plain(withOrder.sorted)).toEqual(plain(expected));
				const { order } = withOrder;
				const misplaced = Array.from(order).filter(
					(row, k) =>
						values[row] !== withOrder.sorted[k] ||
						(k > 0 && values[row] === values[order[k - 1]] && row < order[k - 1])
				);
				expect(misplaced).toEqual([]);
			}
		});
	}

	it('leaves the input untouched', () => {
		const values = Float64Array.of(3, NaN, 1, 2);
		sortValues(values);
		sortWithOrder(values);
		expect(Array.from(values)).toEqual([3, NaN, 1, 2]);
	});
});

describe('searches and quantiles', () => {
	const sorted = Float64Array.of(1, 1, 2, 3, 4, 5, 6, 9);

	it('finds bounds and distinct values', () => {
		expect(lowerBound(sorted, 1)).toBe(0);
		expect(upperBound(sorted, 1)).toBe(2);
		expect(lowerBound(sorted, 3.5)).toBe(4);
		expect(upperBound(sorted, 10)).toBe(8);
		expect(countDistinctSorted(sorted)).toBe(7);
		expect(countDistinctSorted(Float64Array.of(-0, 0))).toBe(1);
	});

	it("matches numpy.percentile's linear interpolation", () => {
		// numpy.percentile([3, 1, 4, 1, 5, 9, 2, 6], [1, 5, 25, 50, 75, 95, 99])
		const qs = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99].map((q) => quantileSorted(sorted, q));
		expectClose(qs, [1, 1, 1.75, 3.5, 5.25, 7.95, 8.79], 1e-12);
		expect(quantileSorted(sorted, 0)).toBe(1);
		expect(quantileSorted(sorted, 1)).toBe(9);
		expect(quantileSorted(new Float64Array(0), 0.5)).toBeNaN();
	});
});
