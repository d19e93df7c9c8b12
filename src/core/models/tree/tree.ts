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

interface Split {
	feature: number;
	bin: number;
}

interface Grower {
	data: BinnedData;
	target: TreeTarget;
	/** Statistics per bin: class counts, or [count, sum]. */
	stride: number;
	minSamplesLeaf: number;
	features: GrowOptions['features'];
	hist: Float64Array;
	left: Float64Array;
	right: Float64Array;
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
		const mid = partition(data, index, start, end, split);
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
	return {
		data,
		target,
		stride,
		minSamplesLeaf: Math.max(1, options.minSamplesLeaf),
		features: options.features,
		hist: new Float64Array(maxBins * stride),
		left: new Float64Array(stride),
		right: new Float64Array(stride)
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

/** Returns the node's statistics: class counts, or [count, sum]. */
function nodeTotals(g: Grower, index: Int32Array, start: number, end: number): Float64Array {
	const total = new Float64Array(g.stride);
	const { target } = g;
	if (target.kind === 'classes') for (let i = start; i < end; i++) total[target.y[index[i]]]++;
	else {
		total[0] = end - start;
		for (let i = start; i < end; i++) total[1] += target.y[index[i]];
	}
	return total;
}

function leafValue(target: TreeTarget, total: Float64Array, n: number): number[] | number {
	if (target.kind === 'values') return n > 0 ? total[1] / n : 0;
	return Array.from(total, (c) => (n > 0 ? c / n : 0));
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

/** Returns the features a node considers, ascending: all, or a draw without replacement. */
function candidateFeatures(g: Grower): number[] {
	const width = g.data.bins.thresholds.length;
	const all = Array.from({ length: width }, (_, j) => j);
	const draw = g.features;
	if (!draw || draw.count >= width) return all;
	for (let i = 0; i < draw.count; i++) {
		const j = i + draw.rng.int(width - i);
		[all[i], all[j]] = [all[j], all[i]];
	}
	return all.slice(0, Math.max(1, draw.count)).sort((a, b) => a - b);
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
	for (const feature of candidateFeatures(g)) {
		const bins = g.data.bins.thresholds[feature].length;
		if (bins < 2) continue;
		fillHistogram(g, index, start, end, feature, bins);
		const found = scanHistogram(g, bins, end - start, total, bestScore);
		if (found) {
			bestScore = found.score;
			best = { feature, bin: found.bin };
		}
	}
	return best;
}

function fillHistogram(
	g: Grower,
	index: Int32Array,
	start: number,
	end: number,
	feature: number,
	bins: number
): void {
	const { hist, stride, target } = g;
	const { codes, rows } = g.data;
	const base = feature * rows;
	hist.fill(0, 0, bins * stride);
	if (target.kind === 'classes') {
		for (let i = start; i < end; i++) {
			const r = index[i];
			hist[codes[base + r] * stride + target.y[r]]++;
		}
	} else {
		for (let i = start; i < end; i++) {
			const r = index[i];
			const at = codes[base + r] * 2;
			hist[at]++;
			hist[at + 1] += target.y[r];
		}
	}
}

/**
 * Scans the cumulative histogram for the split with the highest score above `beat` (the lowest
 * bin wins a tie). Hot loop: kept in one piece to avoid allocating per bin.
 */
function scanHistogram(
	g: Grower,
	bins: number,
	n: number,
	total: Float64Array,
	beat: number
): { bin: number; score: number } | null {
	const { hist, stride, left, right, minSamplesLeaf } = g;
	left.fill(0);
	let nLeft = 0;
	let best: { bin: number; score: number } | null = null;
	for (let b = 0; b < bins - 1; b++) {
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

/** Moves the node's rows going left before those going right; returns where the right ones start. */
function partition(
	data: BinnedData,
	index: Int32Array,
	start: number,
	end: number,
	split: Split
): number {
	const base = split.feature * data.rows;
	let i = start;
	let j = end - 1;
	while (i <= j) {
		if (data.codes[base + index[i]] <= split.bin) i++;
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
