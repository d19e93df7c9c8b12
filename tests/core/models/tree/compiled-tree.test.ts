import { describe, expect, it } from 'vitest';
import {
	compiledValueTree,
	flatLeafValue,
	flatValueTree,
	type ValueTree
} from '../../../../src/core/models/tree/tree';
import { createRng } from '../../../../src/core/util/rng';

/** A random tree of `leaves` leaves over `width` features, thresholds of every sign and size. */
function randomTree(leaves: number, width: number, seed: number): ValueTree {
	const rng = createRng(seed);
	const tree: ValueTree = { feature: [-1], threshold: [0], left: [-1], right: [-1], value: [0] };
	const open = [0];
	const thresholds = [0, -0, -1.5, 1e-300, -2.5e17, 0.1 + 0.2, Math.PI, -Infinity];
	while (open.length < leaves) {
		const node = open.splice(rng.int(open.length), 1)[0];
		tree.feature[node] = rng.int(width);
		tree.threshold[node] = thresholds[rng.int(thresholds.length)];
		for (const side of ['left', 'right'] as const) {
			const child = tree.feature.length;
			tree.feature.push(-1);
			tree.threshold.push(0);
			tree.left.push(-1);
			tree.right.push(-1);
			tree.value.push(rng.next() * 2 - 1);
			tree[side][node] = child;
			open.push(child);
		}
	}
	tree.value[0] = 0;
	return tree;
}

/** The compiled tree's leaf value of one row (added to -0, which any number is unchanged by). */
function leafValue(tree: ValueTree, values: Float64Array, width: number, row: number): number {
	const sums = Float64Array.of(-0);
	compiledValueTree(tree)(values, width, row, row + 1, sums, 0, 0);
	return sums[0];
}

describe('compiledValueTree', () => {
	it('returns exactly the leaf value the walk returns, NaN and signed zeros included', () => {
		const rng = createRng(3);
		const width = 6;
		const cells = [0, -0, NaN, 1e-300, -1.5, Math.PI, -2.5e17, 0.30000000000000004];
		const values = Float64Array.from({ length: 500 * width }, () =>
			rng.next() < 0.5 ? cells[rng.int(cells.length)] : (rng.next() - 0.5) * 10
		);
		for (let seed = 1; seed <= 20; seed++) {
			const tree = randomTree(31, width, seed);
			const flat = flatValueTree(tree);
			for (let row = 0; row < 500; row++)
				expect(
					Object.is(leafValue(tree, values, width, row), flatLeafValue(flat, values, row * width))
				).toBe(true);
			// A block adds each row's value to its own sum.
			const sums = new Float64Array(1000).fill(1);
			compiledValueTree(tree)(values, width, 100, 200, sums, 2, 1);
			for (let row = 100; row < 200; row++)
				expect(sums[row * 2 + 1]).toBe(1 + flatLeafValue(flat, values, row * width));
			expect(sums[99 * 2 + 1]).toBe(1);
			expect(sums[200 * 2]).toBe(1);
		}
	});

	it('is built once per tree, and a single leaf is its value', () => {
		const tree = randomTree(8, 3, 9);
		expect(compiledValueTree(tree)).toBe(compiledValueTree(tree));
		const leaf: ValueTree = {
			feature: [-1],
			threshold: [0],
			left: [-1],
			right: [-1],
			value: [-0.25]
		};
		expect(leafValue(leaf, new Float64Array(1), 1, 0)).toBe(-0.25);
	});

	it('walks a tree too big to compile, with the same results as one just small enough', () => {
		const values = Float64Array.from({ length: 400 }, (_, i) => Math.sin(i) * 3);
		for (const leaves of [500, 600]) {
			const tree = randomTree(leaves, 4, 5);
			const flat = flatValueTree(tree);
			for (let row = 0; row < 100; row++)
				expect(leafValue(tree, values, 4, row)).toBe(flatLeafValue(flat, values, row * 4));
		}
	});

	it('walks a malformed tree whose nodes share children, at once', () => {
		// 1000 nodes in a chain where both children of each node are the next one: written out as
		// an expression it would have 2^1000 leaves.
		const n = 1000;
		const next = Array.from({ length: n }, (_, i) => (i + 1 < n ? i + 1 : -1));
		const tree: ValueTree = {
			feature: next.map((c) => (c < 0 ? -1 : 0)),
			threshold: next.map(() => 0.5),
			left: next,
			right: next,
			value: next.map((_, i) => i)
		};
		const start = performance.now();
		expect(leafValue(tree, Float64Array.of(1), 1, 0)).toBe(n - 1);
		expect(performance.now() - start).toBeLessThan(5000);
	});

	it('puts only numbers in the code: a hand-edited model.json with text in it is walked', () => {
		const host = globalThis as { tampered?: boolean };
		const tree = {
			feature: [0, -1, -1],
			threshold: ['0.5', 0, 0],
			left: [1, -1, -1],
			right: [2, -1, -1],
			value: [0, '1;globalThis.tampered=true', 3]
		} as unknown as ValueTree;
		expect(leafValue(tree, Float64Array.of(0), 1, 0)).toBe(
			flatLeafValue(flatValueTree(tree), Float64Array.of(0), 0)
		);
		expect(leafValue(tree, Float64Array.of(1), 1, 0)).toBe(3);
		expect(host.tampered).toBeUndefined();
	});
});
