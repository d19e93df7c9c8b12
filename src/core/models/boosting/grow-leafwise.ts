import type { ValueTree } from '../tree/tree';
import {
	buildHistogram,
	STRIDE,
	subtractHistogram,
	type BoostingData,
	type NodeTotals
} from './histograms';

/** How one boosting tree grows. */
export interface LeafwiseOptions {
	maxLeaves: number;
	/** Deepest a leaf may be (the root is depth 0); null for no cap. */
	maxDepth: number | null;
	minDataInLeaf: number;
	/** Smallest Hessian sum a leaf may have (LightGBM's min_sum_hessian_in_leaf). */
	minHessianInLeaf: number;
	/** L2 penalty on leaf values (LightGBM's lambda_l2, scikit-learn's l2_regularization). */
	l2: number;
	/** Each leaf value is multiplied by this (the learning rate). */
	shrinkage: number;
	/** Which features this tree may split on (column subsampling); all when null. */
	features: Uint8Array | null;
}

/** A grown tree with, for the train rows it grew on, the leaf each one reached. */
export interface GrownTree {
	tree: ValueTree;
	/** Rows `index[leafStart[k] .. leafEnd[k])` are in leaf node `leafNode[k]`. */
	leafNode: number[];
	leafStart: number[];
	leafEnd: number[];
	/** The split's gain at each node (0 at leaves), for feature importance. */
	gain: number[];
}

interface Candidate {
	feature: number;
	bin: number;
	gain: number;
}

interface Leaf {
	node: number;
	start: number;
	end: number;
	depth: number;
	hist: Float64Array;
	totals: NodeTotals;
	split: Candidate | null;
}

/** Reuses histogram buffers across leaves and trees: each is STRIDE numbers per global bin. */
export class HistogramPool {
	private free: Float64Array[] = [];
	constructor(private readonly size: number) {}
	take(): Float64Array {
		return this.free.pop() ?? new Float64Array(this.size);
	}
	give(hist: Float64Array): void {
		this.free.push(hist);
	}
}

/**
 * Grows one regression tree on gradients and Hessians, leaf-wise as LightGBM does: the leaf whose
 * best split most lowers the second-order loss is split next, until `maxLeaves` leaves or no split
 * gains. Each split builds the histogram of the child with fewer rows and takes the other's as the
 * parent's minus it. Leaf values are -G / (H + l2) times the shrinkage. `index` holds the rows to
 * grow on and is reordered so each leaf's rows are contiguous.
 */
export function growLeafwise(
	data: BoostingData,
	grad: Float64Array,
	hess: Float64Array,
	index: Int32Array,
	options: LeafwiseOptions,
	pool: HistogramPool
): GrownTree {
	const tree: ValueTree = { feature: [], threshold: [], left: [], right: [], value: [] };
	const gain: number[] = [];
	const addNode = (): number => {
		tree.feature.push(-1);
		tree.threshold.push(0);
		tree.left.push(-1);
		tree.right.push(-1);
		tree.value.push(0);
		gain.push(0);
		return tree.feature.length - 1;
	};
	const hist = pool.take();
	const totals = buildHistogram(data, grad, hess, index, 0, index.length, hist);
	const root: Leaf = {
		node: addNode(),
		start: 0,
		end: index.length,
		depth: 0,
		hist,
		totals,
		split: null
	};
	root.split = bestSplit(data, root, options);
	const leaves: Leaf[] = [root];
	while (leaves.length < options.maxLeaves) {
		let pick = -1;
		for (let k = 0; k < leaves.length; k++) {
			const split = leaves[k].split;
			if (split && (pick < 0 || split.gain > leaves[pick].split!.gain)) pick = k;
		}
		if (pick < 0) break;
		const parent = leaves[pick];
		const split = parent.split!;
		const mid = partition(data, index, parent.start, parent.end, split);
		const left: Leaf = { ...parent, node: addNode(), end: mid, depth: parent.depth + 1 };
		const right: Leaf = { ...parent, node: addNode(), start: mid, depth: parent.depth + 1 };
		tree.feature[parent.node] = split.feature;
		tree.threshold[parent.node] = data.bins.thresholds[split.feature][split.bin];
		tree.left[parent.node] = left.node;
		tree.right[parent.node] = right.node;
		gain[parent.node] = split.gain;
		// Build the smaller child's histogram; the larger one's is the parent's minus it, in place.
		const [small, large] = mid - left.start <= right.end - mid ? [left, right] : [right, left];
		small.hist = pool.take();
		small.totals = buildHistogram(data, grad, hess, index, small.start, small.end, small.hist);
		large.hist = parent.hist;
		subtractHistogram(parent.hist, small.hist, large.hist);
		large.totals = {
			g: parent.totals.g - small.totals.g,
			h: parent.totals.h - small.totals.h,
			n: parent.totals.n - small.totals.n
		};
		left.split = bestSplit(data, left, options);
		right.split = bestSplit(data, right, options);
		leaves.splice(pick, 1, left, right);
	}
	const grown: GrownTree = { tree, leafNode: [], leafStart: [], leafEnd: [], gain };
	for (const leaf of leaves) {
		tree.value[leaf.node] = leafValue(leaf.totals, options);
		grown.leafNode.push(leaf.node);
		grown.leafStart.push(leaf.start);
		grown.leafEnd.push(leaf.end);
		pool.give(leaf.hist);
	}
	return grown;
}

function leafValue(totals: NodeTotals, options: LeafwiseOptions): number {
	const denominator = totals.h + options.l2;
	return denominator > 0 ? (-totals.g / denominator) * options.shrinkage : 0;
}

/**
 * Returns the leaf's best split, or null when it may not split (depth, rows) or no split gains.
 * The gain is G_L^2/(H_L+l2) + G_R^2/(H_R+l2) - G^2/(H+l2) (half the loss reduction); ties go to
 * the lowest feature, then the lowest bin. Hot loop: no allocation per bin.
 */
function bestSplit(data: BoostingData, leaf: Leaf, options: LeafwiseOptions): Candidate | null {
	const { totals, hist } = leaf;
	const { minDataInLeaf, minHessianInLeaf, l2, features } = options;
	if (options.maxDepth !== null && leaf.depth >= options.maxDepth) return null;
	if (totals.n < 2 * minDataInLeaf) return null;
	const parentScore = (totals.g * totals.g) / (totals.h + l2);
	let best: Candidate | null = null;
	let bestGain = 1e-12;
	for (let j = 0; j < data.width; j++) {
		if (features && !features[j]) continue;
		const from = data.offsets[j];
		const bins = data.offsets[j + 1] - from;
		let gl = 0;
		let hl = 0;
		let nl = 0;
		for (let b = 0; b < bins - 1; b++) {
			const at = (from + b) * STRIDE;
			gl += hist[at];
			hl += hist[at + 1];
			nl += hist[at + 2];
			if (nl < minDataInLeaf || hl < minHessianInLeaf) continue;
			const nr = totals.n - nl;
			if (nr < minDataInLeaf) break;
			const hr = totals.h - hl;
			if (hr < minHessianInLeaf) break;
			const gr = totals.g - gl;
			const gain = (gl * gl) / (hl + l2) + (gr * gr) / (hr + l2) - parentScore;
			if (gain > bestGain) {
				bestGain = gain;
				best = { feature: j, bin: b, gain };
			}
		}
	}
	return best;
}

/** Moves the leaf's rows going left before those going right; returns where the right ones start. */
function partition(
	data: BoostingData,
	index: Int32Array,
	start: number,
	end: number,
	split: Candidate
): number {
	const { columns, rows } = data;
	const base = split.feature * rows;
	let i = start;
	let j = end - 1;
	while (i <= j) {
		if (columns[base + index[i]] <= split.bin) i++;
		else {
			const tmp = index[i];
			index[i] = index[j];
			index[j--] = tmp;
		}
	}
	return i;
}
