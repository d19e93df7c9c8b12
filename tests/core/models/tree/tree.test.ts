import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { binMatrix, fitBins } from '../../../../src/core/models/tree/bins';
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
	return { data: { codes: binMatrix(bins, x), rows: x.rows, bins }, y3, y2, yv };
}

/** A bootstrap sample, ascending as the forest passes it, or in draw order. */
function bootstrapRows(rows: number, seed: number, ascending: boolean): Int32Array {
	const rng = createRng(seed);
	const drawn = Int32Array.from({ length: rows }, () => rng.int(rows));
	return ascending ? drawn.sort() : drawn;
}

const sha256 = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

describe('growTree pinned', () => {
	// Hashes of the trees' JSON as grown before the histogram loops were reworked for speed: every
	// split, threshold, value and count must stay bit for bit the same.
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
			'8a100fdad3900de500f1ad0c059cc62425e15d63307ea025013d95391b33d76b'
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
			'c5553f2bba4d734d3fa4888476cf58a9b6a780578eb37081635274f006fda25d'
		],
		[
			'gini, all rows and features, minSamplesSplit',
			{ kind: 'classes', y: y3, classes: 3, criterion: 'gini' },
			() => ({ maxDepth: 64, minSamplesLeaf: 1, minSamplesSplit: 7 }),
			'dafa4a31bcc3f20926f90e2b4afb01c6f0a4cc7e5278a59d8c99e13eab3e9ac6'
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
			'6c719a416ddf35d8bd58bb64464a06aeab07fecb39be1e100c60059347742d82'
		],
		[
			'squared error, all rows and features, leaves of 3',
			{ kind: 'values', y: yv },
			() => ({ maxDepth: 8, minSamplesLeaf: 3 }),
			'1389029495763ecf2cdfe9e220e5511d85120cc18a246d670cd21f504900d0a3'
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
