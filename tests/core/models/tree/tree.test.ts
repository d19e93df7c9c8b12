import { describe, expect, it } from 'vitest';
import { binMatrix, fitBins } from '../../../../src/core/models/tree/bins';
import { growTree, leafOf } from '../../../../src/core/models/tree/tree';
import { createRng } from '../../../../src/core/util/rng';
import { featureMatrix } from '../../helpers';

const x = featureMatrix([
	[1, 0],
	[2, 0],
	[3, 1],
	[4, 1]
]);
const bins = fitBins(x);
const data = { codes: binMatrix(bins, x), rows: 4, bins };
const target = {
	kind: 'classes' as const,
	y: Int32Array.from([0, 0, 1, 1]),
	classes: 2,
	criterion: 'gini' as const
};

describe('growTree', () => {
	it('breaks a tie between equally good splits by the lowest feature', async () => {
		const tree = await growTree(data, target, { maxDepth: 3, minSamplesLeaf: 1 });
		expect(tree.feature).toEqual([0, -1, -1]);
		expect(tree.threshold[0]).toBe(2.5);
		expect(tree.value).toEqual([
			[0.5, 0.5],
			[1, 0],
			[0, 1]
		]);
	});

	it('grows on a subset of rows, repeats counted', async () => {
		const tree = await growTree(data, target, {
			maxDepth: 3,
			minSamplesLeaf: 1,
			rows: Int32Array.from([0, 0, 0, 3])
		});
		expect(tree.value[0]).toEqual([0.75, 0.25]);
		expect(leafOf(tree, x.values, 3 * 2)).not.toBe(leafOf(tree, x.values, 0));
	});

	it('considers only the drawn features at each node', async () => {
		const tree = await growTree(data, target, {
			maxDepth: 1,
			minSamplesLeaf: 1,
			features: { count: 1, rng: createRng(5) }
		});
		expect(tree.feature[0]).toBeGreaterThanOrEqual(0);
		expect(tree.feature.length).toBe(3);
	});

	it('keeps a node a leaf when a split would leave too few rows', async () => {
		const tree = await growTree(data, target, { maxDepth: 3, minSamplesLeaf: 3 });
		expect(tree.feature).toEqual([-1]);
	});
});
