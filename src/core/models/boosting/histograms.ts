import type { Bins } from '../tree/bins';

/**
 * The train rows binned for boosting, in two layouts:
 * - `columns`: the bin code of every cell, column-major (feature j at [j * rows, (j + 1) * rows)),
 *   for moving a node's rows to its children;
 * - a sparse row list for building histograms: each row lists only its cells that are not in
 *   their feature's most frequent bin, as global bin numbers (`offsets[j] + code`). One-hot columns
 *   are mostly zeros, so a row of adult's ~100 features has about a dozen entries; the most
 *   frequent bin's statistics are recovered as the node total minus the feature's other bins.
 */
export interface BoostingData {
	rows: number;
	width: number;
	bins: Bins;
	columns: Uint8Array;
	/** Global number of feature j's first bin; `offsets[width]` is the total number of bins. */
	offsets: Int32Array;
	/** Feature j's most frequent bin (its code), left out of `entries`. */
	commonBin: Int32Array;
	/** Row r's entries are `entries[rowStart[r] .. rowStart[r + 1])`. */
	rowStart: Int32Array;
	entries: Int32Array;
}

/** Returns the two layouts of the binned train rows (`columns` from `binMatrix`). */
export function boostingData(bins: Bins, columns: Uint8Array, rows: number): BoostingData {
	const width = bins.thresholds.length;
	const offsets = new Int32Array(width + 1);
	for (let j = 0; j < width; j++) offsets[j + 1] = offsets[j] + bins.thresholds[j].length;
	const commonBin = new Int32Array(width);
	const counts = new Int32Array(offsets[width]);
	for (let j = 0; j < width; j++) {
		const base = j * rows;
		for (let r = 0; r < rows; r++) counts[offsets[j] + columns[base + r]]++;
		let best = 0;
		for (let b = 1; b < bins.thresholds[j].length; b++)
			if (counts[offsets[j] + b] > counts[offsets[j] + best]) best = b;
		commonBin[j] = best;
	}
	const rowStart = new Int32Array(rows + 1);
	for (let j = 0; j < width; j++) {
		const base = j * rows;
		for (let r = 0; r < rows; r++) if (columns[base + r] !== commonBin[j]) rowStart[r + 1]++;
	}
	for (let r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r];
	const entries = new Int32Array(rowStart[rows]);
	const fill = rowStart.slice(0, rows);
	for (let j = 0; j < width; j++) {
		const base = j * rows;
		for (let r = 0; r < rows; r++) {
			const code = columns[base + r];
			if (code !== commonBin[j]) entries[fill[r]++] = offsets[j] + code;
		}
	}
	return { rows, width, bins, columns, offsets, commonBin, rowStart, entries };
}

/** Statistics per bin, three numbers each: gradient sum, Hessian sum, row count. */
export const STRIDE = 3;

/** A node's totals: gradient sum, Hessian sum, row count. */
export interface NodeTotals {
	g: number;
	h: number;
	n: number;
}

/**
 * Fills `hist` (STRIDE numbers per global bin) with the statistics of the rows
 * `index[start .. end)` and returns their totals. Hot loop: one pass over the rows' sparse entries,
 * then each feature's most frequent bin is set to the total minus the feature's other bins.
 */
export function buildHistogram(
	data: BoostingData,
	grad: Float64Array,
	hess: Float64Array,
	index: Int32Array,
	start: number,
	end: number,
	hist: Float64Array
): NodeTotals {
	const { rowStart, entries, offsets, commonBin, width } = data;
	hist.fill(0);
	let g = 0;
	let h = 0;
	for (let i = start; i < end; i++) {
		const r = index[i];
		const gr = grad[r];
		const hr = hess[r];
		g += gr;
		h += hr;
		for (let k = rowStart[r], stop = rowStart[r + 1]; k < stop; k++) {
			const at = entries[k] * STRIDE;
			hist[at] += gr;
			hist[at + 1] += hr;
			hist[at + 2]++;
		}
	}
	const n = end - start;
	for (let j = 0; j < width; j++) {
		let fg = g;
		let fh = h;
		let fn = n;
		const common = (offsets[j] + commonBin[j]) * STRIDE;
		for (let at = offsets[j] * STRIDE, stop = offsets[j + 1] * STRIDE; at < stop; at += STRIDE) {
			if (at === common) continue;
			fg -= hist[at];
			fh -= hist[at + 1];
			fn -= hist[at + 2];
		}
		hist[common] = fg;
		hist[common + 1] = fh;
		hist[common + 2] = fn;
	}
	return { g, h, n };
}

/** Sets `into` to `parent - child`: the sibling's histogram, with no pass over its rows. */
export function subtractHistogram(parent: Float64Array, child: Float64Array, into: Float64Array) {
	for (let i = 0; i < parent.length; i++) into[i] = parent[i] - child[i];
}
