import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fitBins, wideBinMatrix } from '../../../../src/core/models/tree/bins';
import {
	growTree,
	leafOf,
	type BinnedData,
	type GrowOptions,
	type TreeTarget
} from '../../../../src/core/models/tree/tree';
import { createRng } from '../../../../src/core/util/rng';
import { featureMatrix } from '../../helpers';

const x = featureMatrix([
	[1, 0],
	[2, 0],
	[3, 1],
	[4, 1]
]);
const bins = fitBins(x);
const data = { codes: wideBinMatrix(bins, x), rows: 4, bins };
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

	it('breaks a tie by a drawn order when every feature is drawn, each feature in turn', async () => {
		const roots = new Set<number>();
		for (let seed = 0; seed < 20; seed++) {
			const draw = { count: 2, rng: createRng(seed) };
			const tree = await growTree(data, target, { maxDepth: 3, minSamplesLeaf: 1, features: draw });
			roots.add(tree.feature[0]);
		}
		expect([...roots].sort()).toEqual([0, 1]);
	});

	it('skips features constant in the node without counting them towards the draw', async () => {
		// Feature 0 is constant: a draw of one feature must still find feature 1's split.
		const flat = featureMatrix([
			[7, 1],
			[7, 2],
			[7, 3],
			[7, 4]
		]);
		const flatBins = fitBins(flat);
		const binned = { codes: wideBinMatrix(flatBins, flat), rows: 4, bins: flatBins };
		for (let seed = 0; seed < 10; seed++) {
			const draw = { count: 1, rng: createRng(seed) };
			const tree = await growTree(binned, target, {
				maxDepth: 1,
				minSamplesLeaf: 1,
				features: draw
			});
			expect(tree.feature[0]).toBe(1);
		}
	});

	it("places a threshold halfway between the node's own values, not the feature's next bin", async () => {
		// Feature 0 separates class 2 at the root. In the other child, feature 1 takes only 0 and 5;
		// over all rows its next value after 0 is 1, so its bin edge is 0.5, but the split lies at 2.5.
		const rows = featureMatrix([
			[0, 0],
			[0, 0],
			[0, 5],
			[0, 5],
			[1, 1],
			[1, 1],
			[1, 1],
			[1, 1]
		]);
		const rowBins = fitBins(rows);
		expect(rowBins.thresholds[1]).toEqual([0.5, 3, 5]);
		const binned = { codes: wideBinMatrix(rowBins, rows), rows: 8, bins: rowBins };
		const y = Int32Array.from([0, 0, 1, 1, 2, 2, 2, 2]);
		const classes = { kind: 'classes' as const, y, classes: 3, criterion: 'gini' as const };
		const tree = await growTree(binned, classes, { maxDepth: 2, minSamplesLeaf: 1 });
		expect(tree.feature[0]).toBe(0);
		const left = tree.left[0];
		expect([tree.feature[left], tree.threshold[left]]).toEqual([1, 2.5]);
		// An unseen 2 goes with the 0s, an unseen 3 with the 5s.
		const probe = featureMatrix([
			[0, 2],
			[0, 3]
		]).values;
		expect(tree.value[leafOf(tree, probe, 0)]).toEqual([1, 0, 0]);
		expect(tree.value[leafOf(tree, probe, 2)]).toEqual([0, 1, 0]);
	});

	it('keeps a node a leaf when a split would leave too few rows', async () => {
		const tree = await growTree(data, target, { maxDepth: 3, minSamplesLeaf: 3 });
		expect(tree.feature).toEqual([-1]);
	});
});

/**
 * 900 seeded rows whose features cover every kind of bin layout: continuous (more values than
 * bins), a few integers, a one-hot column and its copy (ties go to the lower feature), a rare flag,
 * missing values (bin 0), a constant column (one bin, never split) and 300 integers.
 */
function mixedData(): { data: BinnedData; y3: Int32Array; y2: Int32Array; yv: Float64Array } {
	const rng = createRng(2024);
	const rows = Array.from({ length: 900 }, () => {
		const hot = rng.next() < 0.3 ? 1 : 0;
		const v = rng.next();
		return [
			rng.next(),
			rng.int(10),
			hot,
			hot,
			v < 0.2 ? NaN : v,
			7,
			rng.next() < 0.05 ? 1 : 0,
			rng.int(300)
		];
	});
	const noise = createRng(7);
	const y3 = Int32Array.from(rows, (r) =>
		r[0] + 0.3 * r[2] + 0.4 * noise.next() < 0.7 ? 0 : r[1] < 5 ? 1 : 2
	);
	const y2 = Int32Array.from(rows, (r) => (r[7] / 300 + r[6] + noise.next() > 1 ? 1 : 0));
	const yv = Float64Array.from(
		rows,
		(r) => Math.sin(6 * r[0]) + r[1] / 3 + r[2] + 0.1 * noise.next()
	);
	const x = featureMatrix(rows);
	const bins = fitBins(x);
	return { data: { codes: wideBinMatrix(bins, x), rows: x.rows, bins }, y3, y2, yv };
}

/** A bootstrap sample, ascending as the forest passes it, or in draw order. */
function bootstrapRows(rows: number, seed: number, ascending: boolean): Int32Array {
	const rng = createRng(seed);
	const drawn = Int32Array.from({ length: rows }, () => rng.int(rows));
	return ascending ? drawn.sort() : drawn;
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('growTree pinned', () => {
	// Hashes of the trees' JSON, recorded when thresholds moved to the node's own neighbouring
	// values, drawn features to scikit-learn's rule (skip the constant ones) and quantile bins to
	// scikit-learn's percentiles. A change made for
	// speed must keep every split, threshold, value and count bit for bit the same.
	const { data, y3, y2, yv } = mixedData();
	const cases: [string, TreeTarget, () => GrowOptions, string][] = [
		[
			'gini, 3 classes, bootstrap, 3 features per node',
			{ kind: 'classes', y: y3, classes: 3, criterion: 'gini' },
			() => ({
				maxDepth: Infinity,
				minSamplesLeaf: 1,
				rows: bootstrapRows(900, 1, true),
				features: { count: 3, rng: createRng(11) }
			}),
			'9691e32b2f1411e43b57de008ab24f63d06f6df302f3f9d34b59f543d435e844'
		],
		[
			'entropy, 2 classes, rows in draw order, 4 features per node',
			{ kind: 'classes', y: y2, classes: 2, criterion: 'entropy' },
			() => ({
				maxDepth: 12,
				minSamplesLeaf: 2,
				rows: bootstrapRows(900, 2, false),
				features: { count: 4, rng: createRng(12) }
			}),
			'65f9798e0197cfa7af2f3307153a8d484e6c40da4287ff28f64d768ca5024b38'
		],
		[
			'gini, all rows and features, minSamplesSplit',
			{ kind: 'classes', y: y3, classes: 3, criterion: 'gini' },
			() => ({ maxDepth: 64, minSamplesLeaf: 1, minSamplesSplit: 7 }),
			'b621f610afc86771fc90dfcc6d2f6c43bac0b362f8376cb344460b82e28c74b1'
		],
		[
			'squared error, bootstrap, 3 features per node',
			{ kind: 'values', y: yv },
			() => ({
				maxDepth: Infinity,
				minSamplesLeaf: 1,
				rows: bootstrapRows(900, 3, true),
				features: { count: 3, rng: createRng(13) }
			}),
			'0d1051c7a63b380ffd7dc35620c837a483f8512c24349a0e586d4b33c972d0a4'
		],
		[
			'squared error, all rows and features, leaves of 3',
			{ kind: 'values', y: yv },
			() => ({ maxDepth: 8, minSamplesLeaf: 3 }),
			'800981bf6d8155d6b8711377ab34e4ad05c294f4b1ceac0b27d685d443684c20'
		]
	];
	it('grows the same class tree whatever the order of its rows', async () => {
		const target: TreeTarget = { kind: 'classes', y: y3, classes: 3, criterion: 'entropy' };
		const drawn = bootstrapRows(900, 4, false);
		const grow = (rows: Int32Array) =>
			growTree(data, target, { maxDepth: Infinity, minSamplesLeaf: 1, rows });
		expect(await grow(Int32Array.from(drawn).sort())).toEqual(await grow(drawn));
	});

	it.each(cases)('grows the same tree: %s', async (_name, target, options, hash) => {
		const tree = await growTree(data, target, options());
		expect(sha256(tree)).toBe(hash);
	});
});
