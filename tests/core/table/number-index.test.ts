import { describe, expect, it } from 'vitest';
import { NumberIndex } from '../../../src/core/table/number-index';
import { createRng } from '../../../src/core/util/rng';

describe('NumberIndex', () => {
	it('numbers distinct values in order of first sight, as a Map would', () => {
		const rng = createRng(3);
		const pool = [0, -0, 1, 2 ** 20 - 1, 2 ** 20, -1, 0.5, 1e300, -1e-300, Infinity, -Infinity];
		for (let i = 0; i < 300; i++) pool.push(rng.int(5000), rng.next() * 1000 - 500);
		const index = new NumberIndex();
		const reference = new Map<number, number>();
		for (let i = 0; i < 20000; i++) {
			const v = pool[rng.int(pool.length)];
			if (!reference.has(v)) reference.set(v, reference.size);
			expect(index.indexOf(v)).toBe(reference.get(v));
		}
		expect(index.size).toBe(reference.size);
		expect(index.indexOf(-0)).toBe(index.indexOf(0));
	});
});
