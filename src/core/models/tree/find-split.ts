// Where a CART node splits: per feature, a histogram of the node's rows over the feature's bins,
// scanned for the split that most lowers the impurity. The hot loops of `growTree`.
import type { BinnedData, GrowOptions, TreeTarget } from './tree';

/** Class histograms filled side by side, row after row in turn (see `fillClassHistogram`). */
const PARTIALS = 4;

/** Below this many rows per bin of a feature, a node fills a sparse histogram: measured best. */
const SPARSE_ROWS_PER_BIN = 0.5;

/** A split: rows whose bin code is at most `bin` go left. */
export interface Split {
	feature: number;
	bin: number;
}

/** What one tree's growth reuses from node to node, so that a node allocates nothing. */
export interface Grower {
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
	/** A drawn node's features, shuffled in place (see `findSplit`). */
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

/** Returns the buffers for growing one tree, sized for its widest feature and its rows. */
export function createGrower(data: BinnedData, target: TreeTarget, options: GrowOptions): Grower {
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
		chosen: Int32Array.from({ length: width }, (_, j) => j),
		scratch: new Int32Array(target.kind === 'classes' ? rows : 0),
		allBins: Int32Array.from({ length: maxBins }, (_, b) => b),
		occupied: new Int32Array(maxBins),
		clearedFor: new Int32Array(maxBins),
		sparseCount: 0
	};
}

/**
 * Returns the best split of the node, or null when none leaves enough rows on each side. Without
 * a draw it scans every feature, ascending. With one it scans features in an order drawn anew for
 * the node (a Fisher-Yates shuffle, one step per feature taken) until `count` of them vary among
 * the node's rows: as in scikit-learn, a feature constant in the node is skipped without counting
 * towards the draw. A tie between features goes to the one scanned first, so a single tree that
 * draws every feature breaks ties at random, as scikit-learn's `random_state` does, rather than
 * always in favour of the leftmost columns.
 */
export function findSplit(
	g: Grower,
	index: Int32Array,
	start: number,
	end: number,
	total: Float64Array
): Split | null {
	const { chosen, features: draw } = g;
	const width = chosen.length;
	const best: BestSplit = { split: null, score: -Infinity };
	if (!draw) {
		for (let feature = 0; feature < width; feature++)
			scanFeature(g, index, start, end, total, feature, best);
		return best.split;
	}
	for (let j = 0; j < width; j++) chosen[j] = j;
	let scanned = 0;
	for (let i = 0; i < width && scanned < draw.count; i++) {
		const j = i + draw.rng.int(width - i);
		const feature = chosen[j];
		chosen[j] = chosen[i];
		chosen[i] = feature;
		if (!varies(g.data, index, start, end, feature)) continue;
		scanFeature(g, index, start, end, total, feature, best);
		scanned++;
	}
	return best.split;
}

/** The best split found so far in a node, and its score. */
interface BestSplit {
	split: Split | null;
	score: number;
}

/** Whether the feature takes more than one bin among the node's rows. */
function varies(
	data: BinnedData,
	index: Int32Array,
	start: number,
	end: number,
	feature: number
): boolean {
	const { codes, rows } = data;
	const base = feature * rows;
	const first = codes[base + index[start]];
	for (let i = start + 1; i < end; i++) if (codes[base + index[i]] !== first) return true;
	return false;
}

/** Fills the feature's histogram for the node's rows and records its split in `best` if better. */
function scanFeature(
	g: Grower,
	index: Int32Array,
	start: number,
	end: number,
	total: Float64Array,
	feature: number,
	best: BestSplit
): void {
	const bins = g.data.bins.thresholds[feature].length;
	if (bins < 2) return;
	let visit = g.allBins;
	let count = bins - 1;
	if (end - start < bins * SPARSE_ROWS_PER_BIN) {
		visit = g.occupied;
		count = fillSparseHistogram(g, index, start, end, feature, bins);
	} else if (g.target.kind === 'classes')
		fillClassHistogram(g, g.target.y, index, start, end, feature, bins);
	else fillValueHistogram(g, g.target.y, index, start, end, feature, bins);
	const found = scanHistogram(g, visit, count, end - start, total, best.score);
	if (found) {
		best.score = found.score;
		best.split = { feature, bin: found.bin };
	}
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
