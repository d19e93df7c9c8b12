import type { Rng } from '../../util/rng';
import { between, type Bins } from './bins';
import { createGrower, findSplit, type Grower, type Split } from './find-split';

/** How a split is scored: class impurity (Gini, entropy) or the squared error of a number. */
export type SplitCriterion = 'gini' | 'entropy' | 'squared_error';

/**
 * A fitted tree as flat arrays, plain JSON, node 0 the root. Node i splits on `feature[i]`: rows
 * with a value at most `threshold[i]` (raw units; NaN too) go to `left[i]`, the others to
 * `right[i]`. A leaf has feature, left and right -1 and threshold 0. `value[i]` is what the node
 * predicts: class probabilities, or the mean. `count[i]` is the number of train rows that reached
 * node i (bootstrap repeats counted); absent on trees saved before it was recorded.
 */
export interface Tree<V extends number[] | number> {
	feature: number[];
	threshold: number[];
	left: number[];
	right: number[];
	value: V[];
	count?: number[];
}

/** A tree that predicts class probabilities. */
export type ClassTree = Tree<number[]>;
/** A tree that predicts a number. */
export type ValueTree = Tree<number>;

/** What a tree learns: class indices with their count, or numbers. */
export type TreeTarget =
	| { kind: 'classes'; y: Int32Array; classes: number; criterion: 'gini' | 'entropy' }
	| { kind: 'values'; y: Float64Array };

/** How a tree grows. */
export interface GrowOptions {
	maxDepth: number;
	minSamplesLeaf: number;
	/** Fewest rows a node needs to be split; 2 * minSamplesLeaf by default. */
	minSamplesSplit?: number;
	/** The rows to learn from, repeats allowed (a bootstrap sample); all rows by default. */
	rows?: Int32Array;
	/**
	 * Each node considers `count` features that vary in it, drawn with `rng` (a forest draws a few;
	 * a seeded single tree draws all, to break ties at random); all, ascending, by default.
	 */
	features?: { count: number; rng: Rng };
}

/** The binned rows a tree grows on: `codes` from `wideBinMatrix`, `rows` rows of `bins`' features. */
export interface BinnedData {
	codes: Uint16Array;
	rows: number;
	bins: Bins;
}

/** Called every few thousand rows of work with the fraction done; it may throw to cancel. */
export type GrowTick = (fraction: number) => Promise<void>;

/** Rows of work between two ticks. */
const TICK_ROWS = 4096;

/**
 * Grows one CART tree on binned data: each node takes the split that most lowers the impurity
 * summed over its children, scanning each feature's histogram; ties go to the feature scanned
 * first (see `findSplit`), then the lowest bin. The threshold lies halfway between the node's own
 * values on either side (see `splitThreshold`). A node stays a leaf when it is pure, at
 * `maxDepth`, has fewer than `minSamplesSplit` rows, or has no split leaving `minSamplesLeaf`
 * rows on each side.
 */
export async function growTree(
	data: BinnedData,
	target: TreeTarget,
	options: GrowOptions,
	tick: GrowTick = async () => {}
): Promise<ClassTree | ValueTree> {
	const index = options.rows
		? Int32Array.from(options.rows)
		: Int32Array.from({ length: data.rows }, (_, i) => i);
	const grower = createGrower(data, target, options);
	const minSplit = Math.max(options.minSamplesSplit ?? 2 * options.minSamplesLeaf, 2);
	const tree: Tree<number[] | number> & { count: number[] } = {
		feature: [],
		threshold: [],
		left: [],
		right: [],
		value: [],
		count: []
	};
	const stack = [{ node: addNode(tree), start: 0, end: index.length, depth: 0 }];
	const budget = Math.max(1, index.length * (options.maxDepth + 1));
	let work = 0;
	let ticked = 0;
	while (stack.length > 0) {
		const { node, start, end, depth } = stack.pop()!;
		const total = nodeTotals(grower, index, start, end);
		tree.value[node] = leafValue(target, total, end - start);
		tree.count[node] = end - start;
		if (
			depth >= options.maxDepth ||
			end - start < minSplit ||
			isPure(grower, total, index, start, end)
		)
			continue;
		const split = findSplit(grower, index, start, end, total);
		work += end - start;
		if (work - ticked >= TICK_ROWS) {
			ticked = work;
			await tick(work / budget);
		}
		if (!split) continue;
		const mid = partition(grower, index, start, end, split);
		const left = addNode(tree);
		const right = addNode(tree);
		tree.feature[node] = split.feature;
		tree.threshold[node] = splitThreshold(data, index, start, end, split);
		tree.left[node] = left;
		tree.right[node] = right;
		stack.push({ node: right, start: mid, end, depth: depth + 1 });
		stack.push({ node: left, start, end: mid, depth: depth + 1 });
	}
	return tree as ClassTree | ValueTree;
}

function addNode(tree: Tree<number[] | number> & { count: number[] }): number {
	tree.count.push(0);
	tree.feature.push(-1);
	tree.threshold.push(0);
	tree.left.push(-1);
	tree.right.push(-1);
	tree.value.push(0);
	return tree.feature.length - 1;
}

/** Returns the node's statistics (the grower's `total`): class counts, or [count, sum]. */
function nodeTotals(g: Grower, index: Int32Array, start: number, end: number): Float64Array {
	const { total, target } = g;
	total.fill(0);
	if (target.kind === 'classes') for (let i = start; i < end; i++) total[target.y[index[i]]]++;
	else {
		total[0] = end - start;
		for (let i = start; i < end; i++) total[1] += target.y[index[i]];
	}
	return total;
}

function leafValue(target: TreeTarget, total: Float64Array, n: number): number[] | number {
	if (target.kind === 'values') return n > 0 ? total[1] / n : 0;
	const value: number[] = [];
	for (let c = 0; c < total.length; c++) value.push(n > 0 ? total[c] / n : 0);
	return value;
}

function isPure(
	g: Grower,
	total: Float64Array,
	index: Int32Array,
	start: number,
	end: number
): boolean {
	const { target } = g;
	if (target.kind === 'classes') return total.some((c) => c === end - start);
	const first = target.y[index[start]];
	for (let i = start + 1; i < end; i++) if (target.y[index[i]] !== first) return false;
	return true;
}

/**
 * Moves the node's rows going left before those going right; returns where the right ones start.
 * Class trees keep each side's rows in their order (ascending when the rows came ascending), which
 * the histograms read faster; value trees swap rows in place as they always have, since their sums
 * depend on the order of the rows (see `fillValueHistogram`).
 */
function partition(g: Grower, index: Int32Array, start: number, end: number, split: Split): number {
	const { codes, rows } = g.data;
	const base = split.feature * rows;
	if (g.target.kind === 'classes') {
		const { scratch } = g;
		let mid = start;
		let parked = 0;
		for (let i = start; i < end; i++) {
			const r = index[i];
			// Both sides written, one kept: no branch to mispredict. `mid` never passes `i`.
			const goesLeft = codes[base + r] <= split.bin ? 1 : 0;
			index[mid] = r;
			scratch[parked] = r;
			mid += goesLeft;
			parked += 1 - goesLeft;
		}
		index.set(scratch.subarray(0, parked), mid);
		return mid;
	}
	let i = start;
	let j = end - 1;
	while (i <= j) {
		if (codes[base + index[i]] <= split.bin) i++;
		else {
			const tmp = index[i];
			index[i] = index[j];
			index[j--] = tmp;
		}
	}
	return i;
}

/**
 * Returns the split's threshold in raw units: halfway between the largest train value of the
 * highest bin the node sends left and the smallest of the lowest bin it sends right, as
 * scikit-learn places it between the node's own neighbouring values. The bin's edge would lie
 * halfway to the feature's next bin over all train rows, which in a small node can sit just above
 * its left rows and send the unseen values in the gap to the right.
 */
function splitThreshold(
	data: BinnedData,
	index: Int32Array,
	start: number,
	end: number,
	split: Split
): number {
	const { codes, rows, bins } = data;
	const base = split.feature * rows;
	let lastLeft = 0;
	let firstRight = Infinity;
	for (let i = start; i < end; i++) {
		const b = codes[base + index[i]];
		if (b <= split.bin) lastLeft = Math.max(lastLeft, b);
		else firstRight = Math.min(firstRight, b);
	}
	return between(bins.high[split.feature][lastLeft], bins.low[split.feature][firstRight]);
}

/** A number tree's nodes in typed arrays: the form its walks are fastest in. */
export interface FlatValueTree {
	feature: Int32Array;
	threshold: Float64Array;
	left: Int32Array;
	right: Int32Array;
	value: Float64Array;
}

const flatTrees = new WeakMap<ValueTree, FlatValueTree>();

/**
 * Returns the tree in typed arrays, built once per tree object and then cached: a fitted tree is
 * never changed (one changed after its first prediction would be predicted from the old copy).
 */
export function flatValueTree(tree: ValueTree): FlatValueTree {
	let flat = flatTrees.get(tree);
	if (!flat) {
		flat = {
			feature: Int32Array.from(tree.feature),
			threshold: Float64Array.from(tree.threshold),
			left: Int32Array.from(tree.left),
			right: Int32Array.from(tree.right),
			value: Float64Array.from(tree.value)
		};
		flatTrees.set(tree, flat);
	}
	return flat;
}

/** Returns the leaf value of a row of raw values (at `offset` in `values`), as `leafOf` walks. */
export function flatLeafValue(tree: FlatValueTree, values: Float64Array, offset: number): number {
	const { feature, threshold, left, right } = tree;
	let node = 0;
	while (feature[node] >= 0) {
		node = values[offset + feature[node]] > threshold[node] ? right[node] : left[node];
	}
	return tree.value[node];
}

/**
 * Adds a tree's leaf value of each row from `start` to `end` (row i at `i * width` in `values`,
 * row-major) to `sums[i * stride + out]`.
 */
export type TreeBlock = (
	values: Float64Array,
	width: number,
	start: number,
	end: number,
	sums: Float64Array,
	stride: number,
	out: number
) => void;

/** Trees with more nodes stay walked: a bigger function is not optimised by the engine. */
const COMPILE_MAX_NODES = 1023;
const compiledTrees = new WeakMap<ValueTree, TreeBlock>();

/**
 * Returns a number literal that reads back as exactly `x` (JavaScript's shortest round-trip
 * decimal), in parentheses when negative; the non-finite values as expressions.
 */
function numberLiteral(x: number): string {
	if (Number.isNaN(x)) return '(0/0)';
	if (!Number.isFinite(x)) return x > 0 ? '(1/0)' : '(-1/0)';
	if (Object.is(x, -0)) return '(-0)';
	return x < 0 ? `(${String(x)})` : String(x);
}

/**
 * Returns the expression of the subtree at `node`; `written` counts the nodes written out, so a
 * malformed tree whose nodes share children (written once per path) stops at the limit.
 */
function nodeExpression(tree: ValueTree, node: number, written: { nodes: number }): string {
	if (++written.nodes > COMPILE_MAX_NODES) throw new RangeError('too big');
	const feature = tree.feature[node];
	const threshold = tree.threshold[node];
	const value = tree.value[node];
	if (typeof feature !== 'number' || !Number.isInteger(feature)) throw new RangeError('not a tree');
	if (feature < 0) {
		if (typeof value !== 'number') throw new RangeError('not a tree');
		return numberLiteral(value);
	}
	if (typeof threshold !== 'number') throw new RangeError('not a tree');
	const right = nodeExpression(tree, tree.right[node], written);
	const left = nodeExpression(tree, tree.left[node], written);
	return `(v[o+${feature}]>${numberLiteral(threshold)}?${right}:${left})`;
}

/**
 * Returns the tree as a JavaScript function over a block of rows, cached per tree object: its
 * splits become branches on constants inside the function's own loop, which the engine runs
 * several times faster than a walk over the node arrays. It takes exactly the branches
 * `flatLeafValue` takes (the same comparisons, the thresholds written as the same doubles), so
 * it adds the same leaf values. Only numbers from
 * the tree go into the code (anything else in its arrays, as in a hand-edited model.json, and
 * it is walked). A big tree, or a host that refuses to compile code (a Content Security Policy
 * without 'unsafe-eval'), gets the walk instead.
 */
export function compiledValueTree(tree: ValueTree): TreeBlock {
	let compiled = compiledTrees.get(tree);
	if (!compiled) {
		const flat = flatValueTree(tree);
		const walk: TreeBlock = (values, width, start, end, sums, stride, out) => {
			for (let i = start; i < end; i++)
				sums[i * stride + out] += flatLeafValue(flat, values, i * width);
		};
		try {
			const expression = nodeExpression(tree, 0, { nodes: 0 });
			compiled = new Function(
				'v',
				'w',
				'start',
				'end',
				'sums',
				'stride',
				'out',
				`for (let i = start; i < end; i++) { const o = i * w; sums[i * stride + out] += ${expression}; }`
			) as TreeBlock;
		} catch {
			compiled = walk;
		}
		compiledTrees.set(tree, compiled);
	}
	return compiled;
}

/** Returns the leaf a row of raw values (at `offset` in `values`) falls in. */
export function leafOf(
	tree: Tree<number[] | number>,
	values: Float64Array,
	offset: number
): number {
	let node = 0;
	while (tree.feature[node] >= 0) {
		const v = values[offset + tree.feature[node]];
		node = v > tree.threshold[node] ? tree.right[node] : tree.left[node];
	}
	return node;
}
