import type { Rng } from '../../util/rng';
import type { Bins } from './bins';

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
	/** Each node considers `count` features drawn with `rng` (a forest); all by default. */
	features?: { count: number; rng: Rng };
}

/** The binned rows a tree grows on: `codes` from `binMatrix`, `rows` rows of `bins`' features. */
export interface BinnedData {
	codes: Uint8Array;
	rows: number;
	bins: Bins;
}

/** Called every few thousand rows of work with the fraction done; it may throw to cancel. */
export type GrowTick = (fraction: number) => Promise<void>;

/** Rows of work between two ticks. */
const TICK_ROWS = 4096;

/** Class histograms filled side by side, row after row in turn (see `fillClassHistogram`). */
const PARTIALS = 4;

/** Below this many rows per bin of a feature, a node fills a sparse histogram: measured best. */
const SPARSE_ROWS_PER_BIN = 0.5;

interface Split {
	feature: number;
	bin: number;
}

/** What one tree's growth reuses from node to node, so that a node allocates nothing. */
interface Grower {
	data: BinnedData;
	target: TreeTarget;
	/** Statistics per bin: class counts, or [count, sum]. */
	stride: number;
	minSamplesLeaf: number;
	features: GrowOptions['features'];
	/** The current node's statistics. */
	total: Float64Array;
	/** The statistics per bin of the feature being scanned. */
	hist: Float64Array;
	/** PARTIALS class histograms one after the other, summed into `hist`. */
	partial: Int32Array;
	left: Float64Array;
	right: Float64Array;
	/** All features, shuffled for a node's draw. */
	order: Int32Array;
	/** The features the node considers, ascending: all of them, or the draw sorted. */
	chosen: Int32Array;
	/** Where a stable partition parks the rows going right. */
	scratch: Int32Array;
	/** The bins a dense scan visits: 0, 1, 2... */
	allBins: Int32Array;
	/** The bins a small node's rows occupy, ascending (see `fillSparseHistogram`). */
	occupied: Int32Array;
	/** Per bin, the sparse histogram it was last cleared for; `sparseCount` numbers them. */
	clearedFor: Int32Array;
	sparseCount: number;
}

/**
 * Grows one CART tree on binned data: each node takes the split (feature, bin edge) that most
 * lowers the impurity summed over its children, scanning each feature's histogram; ties go to the
 * lowest feature, then the lowest bin. A node stays a leaf when it is pure, at `maxDepth`, has
 * fewer than `minSamplesSplit` rows, or has no split leaving `minSamplesLeaf` rows on each side.
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
		tree.threshold[node] = data.bins.thresholds[split.feature][split.bin];
		tree.left[node] = left;
		tree.right[node] = right;
		stack.push({ node: right, start: mid, end, depth: depth + 1 });
		stack.push({ node: left, start, end: mid, depth: depth + 1 });
	}
	return tree as ClassTree | ValueTree;
}

function createGrower(data: BinnedData, target: TreeTarget, options: GrowOptions): Grower {
	const stride = target.kind === 'classes' ? target.classes : 2;
	const maxBins = Math.max(1, ...data.bins.thresholds.map((t) => t.length));
	const width = data.bins.thresholds.length;
	const rows = options.rows ? options.rows.length : data.rows;
	return {
		data,
		target,
		stride,
		minSamplesLeaf: Math.max(1, options.minSamplesLeaf),
		features: options.features,
		total: new Float64Array(stride),
		hist: new Float64Array(maxBins * stride),
		partial: new Int32Array(target.kind === 'classes' ? PARTIALS * maxBins * stride : 0),
		left: new Float64Array(stride),
		right: new Float64Array(stride),
		order: new Int32Array(width),
		chosen: Int32Array.from({ length: width }, (_, j) => j),
		scratch: new Int32Array(target.kind === 'classes' ? rows : 0),
		allBins: Int32Array.from({ length: maxBins }, (_, b) => b),
		occupied: new Int32Array(maxBins),
		clearedFor: new Int32Array(maxBins),
		sparseCount: 0
	};
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
 * Sets the grower's `chosen` to the features a node considers, ascending, and returns how many:
 * all, or a draw without replacement (a partial Fisher-Yates shuffle of all the features).
 */
function candidateFeatures(g: Grower): number {
	const { order, chosen, features: draw } = g;
	const width = order.length;
	// `chosen` starts as all the features and is only changed below.
	if (!draw || draw.count >= width) return width;
	for (let j = 0; j < width; j++) order[j] = j;
	for (let i = 0; i < draw.count; i++) {
		const j = i + draw.rng.int(width - i);
		const tmp = order[i];
		order[i] = order[j];
		order[j] = tmp;
	}
	// A fractional count keeps its whole part (after drawing one more: the rng's sequence is kept).
	const count = Math.trunc(Math.max(1, draw.count));
	// Insertion sort: about ten distinct features.
	for (let i = 0; i < count; i++) {
		const feature = order[i];
		let at = i;
		for (; at > 0 && chosen[at - 1] > feature; at--) chosen[at] = chosen[at - 1];
		chosen[at] = feature;
	}
	return count;
}

/** Returns the best split of the node, or null when none leaves enough rows on each side. */
function findSplit(
	g: Grower,
	index: Int32Array,
	start: number,
	end: number,
	total: Float64Array
): Split | null {
	let best: Split | null = null;
	let bestScore = -Infinity;
	const features = candidateFeatures(g);
	for (let k = 0; k < features; k++) {
		const feature = g.chosen[k];
		const bins = g.data.bins.thresholds[feature].length;
		if (bins < 2) continue;
		let visit = g.allBins;
		let count = bins - 1;
		if (end - start < bins * SPARSE_ROWS_PER_BIN) {
			visit = g.occupied;
			count = fillSparseHistogram(g, index, start, end, feature, bins);
		} else if (g.target.kind === 'classes')
			fillClassHistogram(g, g.target.y, index, start, end, feature, bins);
		else fillValueHistogram(g, g.target.y, index, start, end, feature, bins);
		const found = scanHistogram(g, visit, count, end - start, total, bestScore);
		if (found) {
			bestScore = found.score;
			best = { feature, bin: found.bin };
		}
	}
	return best;
}

/**
 * Sets `hist` to the class counts per bin of the node's rows. Hot loop: consecutive rows often
 * land in the same cell (a one-hot feature's zero bin, the node's main class), and in a single
 * histogram each increment would wait for the store of the one before. So rows go in turn to
 * PARTIALS (4) histograms, whose increments do not wait on each other, summed at the end: counts
 * are whole numbers, so the sum is exact and the same as one histogram's.
 */
function fillClassHistogram(
	g: Grower,
	y: Int32Array,
	index: Int32Array,
	start: number,
	end: number,
	feature: number,
	bins: number
): void {
	const { hist, partial, stride } = g;
	const { codes, rows } = g.data;
	const base = feature * rows;
	const size = bins * stride;
	let i = start;
	for (; i + 3 < end; i += 4) {
		const r0 = index[i];
		const r1 = index[i + 1];
		const r2 = index[i + 2];
		const r3 = index[i + 3];
		partial[codes[base + r0] * stride + y[r0]]++;
		partial[size + codes[base + r1] * stride + y[r1]]++;
		partial[2 * size + codes[base + r2] * stride + y[r2]]++;
		partial[3 * size + codes[base + r3] * stride + y[r3]]++;
	}
	for (; i < end; i++) partial[codes[base + index[i]] * stride + y[index[i]]]++;
	// Summed and cleared in one pass: the partial histograms are all zeros between two nodes.
	for (let k = 0; k < size; k++) {
		hist[k] = partial[k] + partial[size + k] + partial[2 * size + k] + partial[3 * size + k];
		partial[k] = partial[size + k] = partial[2 * size + k] = partial[3 * size + k] = 0;
	}
}

/**
 * Sets `hist` to the row count and sum of values per bin of the node's rows. One histogram, rows
 * in the node's order: a float sum depends on the order of its terms, and this is the order the
 * sums have always been taken in, so regression trees stay the same bit for bit.
 */
function fillValueHistogram(
	g: Grower,
	y: Float64Array,
	index: Int32Array,
	start: number,
	end: number,
	feature: number,
	bins: number
): void {
	const { hist } = g;
	const { codes, rows } = g.data;
	const base = feature * rows;
	hist.fill(0, 0, bins * 2);
	for (let i = start; i < end; i++) {
		const r = index[i];
		const at = codes[base + r] * 2;
		hist[at]++;
		hist[at + 1] += y[r];
	}
}

/**
 * Sets `hist` for only the bins that the node's rows occupy, lists them ascending in `occupied`
 * and returns how many of them can end a left side (all but the feature's last bin). For a node
 * with far fewer rows than bins, this spares clearing and scanning the empty ones. Scanning only
 * occupied bins finds the same split: an empty bin splits the rows as the occupied bin below it
 * does, and a tie goes to the lower bin. The rows are added in the node's order, as in the dense
 * histograms, so the sums of values are the same too.
 */
function fillSparseHistogram(
	g: Grower,
	index: Int32Array,
	start: number,
	end: number,
	feature: number,
	bins: number
): number {
	const { hist, occupied, clearedFor, stride, target } = g;
	const { codes, rows } = g.data;
	const base = feature * rows;
	// A bin's cells are cleared when this histogram first meets it, not all beforehand.
	const id = ++g.sparseCount;
	let m = 0;
	for (let i = start; i < end; i++) {
		const r = index[i];
		const b = codes[base + r];
		if (clearedFor[b] !== id) {
			clearedFor[b] = id;
			occupied[m++] = b;
			for (let s = 0; s < stride; s++) hist[b * stride + s] = 0;
		}
		if (target.kind === 'classes') hist[b * stride + target.y[r]]++;
		else {
			hist[b * 2]++;
			hist[b * 2 + 1] += target.y[r];
		}
	}
	occupied.subarray(0, m).sort();
	return occupied[m - 1] === bins - 1 ? m - 1 : m;
}

/**
 * Scans the cumulative histogram, bin after bin of the first `count` in `visit`, for the split
 * with the highest score above `beat` (the lowest bin wins a tie). Hot loop: kept in one piece to
 * avoid allocating per bin.
 */
function scanHistogram(
	g: Grower,
	visit: Int32Array,
	count: number,
	n: number,
	total: Float64Array,
	beat: number
): { bin: number; score: number } | null {
	const { hist, stride, left, right, minSamplesLeaf } = g;
	left.fill(0);
	let nLeft = 0;
	let best: { bin: number; score: number } | null = null;
	for (let k = 0; k < count; k++) {
		const b = visit[k];
		for (let s = 0; s < stride; s++) left[s] += hist[b * stride + s];
		nLeft = g.target.kind === 'classes' ? nLeft + binCount(hist, b, stride) : left[0];
		const nRight = n - nLeft;
		if (nLeft < minSamplesLeaf) continue;
		if (nRight < minSamplesLeaf) break;
		for (let s = 0; s < stride; s++) right[s] = total[s] - left[s];
		const score = sideScore(g.target, left, nLeft) + sideScore(g.target, right, nRight);
		if (score > (best ? best.score : beat)) best = { bin: b, score };
	}
	return best;
}

function binCount(hist: Float64Array, bin: number, stride: number): number {
	let n = 0;
	for (let s = 0; s < stride; s++) n += hist[bin * stride + s];
	return n;
}

/**
 * Returns minus one side's impurity times its rows, up to a constant shared by all splits:
 * Gini sum(c^2)/n, entropy sum(c log c) - n log n, squared error sum^2/n.
 */
function sideScore(target: TreeTarget, stats: Float64Array, n: number): number {
	if (target.kind === 'values') return (stats[1] * stats[1]) / n;
	let s = 0;
	if (target.criterion === 'gini') {
		for (let c = 0; c < stats.length; c++) s += stats[c] * stats[c];
		return s / n;
	}
	for (let c = 0; c < stats.length; c++) if (stats[c] > 0) s += stats[c] * Math.log(stats[c]);
	return s - n * Math.log(n);
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
