import { alignCounts, numberCounts, type ColumnSample } from './column-sample';

/** Evidently bins a number column for PSI when its reference has more distinct values than this. */
export const PSI_BIN_MIN_DISTINCT = 20;

/**
 * The reference and current shares of one column on shared bins: the PSI's bins, and what a
 * chart draws. A histogram has `edges.length - 1` bins, each [edge, next edge) with the last one
 * closed; category labels are in `alignCounts` order (number values ascending).
 */
export type DriftBins =
	| { kind: 'histogram'; edges: number[]; reference: number[]; current: number[] }
	| { kind: 'categories'; labels: string[]; reference: number[]; current: number[] };

/**
 * Returns the shares Evidently's PSI compares (its `get_binned_data`): for a number column with
 * more than `PSI_BIN_MIN_DISTINCT` distinct reference values, numpy's Sturges histogram edges of
 * both samples pooled; otherwise the share of each value or label over the union of both. Each
 * side's shares sum to 1. Null when either side has no values.
 */
export function driftBins(reference: ColumnSample, current: ColumnSample): DriftBins | null {
	if (reference.kind === 'numbers' && current.kind === 'numbers') {
		if (reference.values.length === 0 || current.values.length === 0) return null;
		if (new Set(reference.values).size > PSI_BIN_MIN_DISTINCT) {
			const edges = sturgesEdges(reference.values, current.values);
			return {
				kind: 'histogram',
				edges,
				reference: histogramShares(reference.values, edges),
				current: histogramShares(current.values, edges)
			};
		}
		const counts = alignCounts(numberCounts(reference.values), numberCounts(current.values));
		const order = counts.labels
			.map((_, i) => i)
			.sort((a, b) => +counts.labels[a] - +counts.labels[b]);
		return categoryBins({
			labels: order.map((i) => counts.labels[i]),
			reference: Float64Array.from(order, (i) => counts.reference[i]),
			current: Float64Array.from(order, (i) => counts.current[i])
		});
	}
	if (reference.kind === 'labels' && current.kind === 'labels') {
		if (reference.counts.size === 0 || current.counts.size === 0) return null;
		return categoryBins(alignCounts(reference.counts, current.counts));
	}
	return null;
}

/**
 * Returns numpy's `histogram_bin_edges(pooled, bins='sturges')`: ceil(range / width) equal bins
 * of width range / (log2(n) + 1) from the pooled minimum to the maximum (one bin of width 1
 * around a single value), edges computed as numpy's `linspace` does (start + i·step, the last
 * edge exactly the maximum).
 */
export function sturgesEdges(a: Float64Array, b: Float64Array): number[] {
	let min = Infinity;
	let max = -Infinity;
	for (const values of [a, b]) {
		for (const v of values) {
			if (v < min) min = v;
			if (v > max) max = v;
		}
	}
	const width = (max - min) / (Math.log2(a.length + b.length) + 1);
	const bins = width > 0 ? Math.ceil((max - min) / width) : 1;
	if (min === max) {
		min -= 0.5;
		max += 0.5;
	}
	const step = (max - min) / bins;
	const edges = Array.from({ length: bins + 1 }, (_, i) => i * step + min);
	edges[bins] = max;
	return edges;
}

/**
 * Returns each bin's share of the values, as `np.histogram(values, edges)[0] / len(values)`: bin i
 * holds edges[i] <= v < edges[i + 1], the last bin also its right edge; values outside the edges
 * count in no bin.
 */
export function histogramShares(values: Float64Array, edges: readonly number[]): number[] {
	const bins = edges.length - 1;
	const counts = new Float64Array(bins);
	for (const v of values) {
		if (!(v >= edges[0] && v <= edges[bins])) continue;
		let lo = 0;
		let hi = bins;
		// Largest lo with edges[lo] <= v, capped at the last bin.
		while (hi - lo > 1) {
			const mid = (lo + hi) >> 1;
			if (edges[mid] <= v) lo = mid;
			else hi = mid;
		}
		counts[lo]++;
	}
	return Array.from(counts, (count) => count / values.length);
}

function categoryBins(counts: {
	labels: string[];
	reference: Float64Array;
	current: Float64Array;
}): DriftBins {
	const shares = (c: Float64Array) => {
		const total = c.reduce((s, v) => s + v, 0);
		return Array.from(c, (v) => v / total);
	};
	return {
		kind: 'categories',
		labels: counts.labels,
		reference: shares(counts.reference),
		current: shares(counts.current)
	};
}

/**
 * Returns the shares with Evidently's floor for PSI (`feel_zeroes`): each 0 becomes 0.0001, or a
 * millionth of the smallest non-zero share when that share is itself <= 0.0001.
 */
export function floorShares(shares: readonly number[]): number[] {
	const smallest = shares.reduce((low, s) => (s > 0 && s < low ? s : low), Infinity);
	if (smallest === Infinity) return [...shares];
	const floor = smallest <= 0.0001 ? smallest / 1e6 : 0.0001;
	return shares.map((s) => (s === 0 ? floor : s));
}

/**
 * Returns the population stability index of the bins, Evidently's `psi`: Σ (ref - cur) ·
 * ln(ref / cur) over the floored shares; >= 0, read as < 0.1 small, 0.1-0.2 moderate, > 0.2 a
 * large shift.
 */
export function psi(bins: DriftBins): number {
	const ref = floorShares(bins.reference);
	const cur = floorShares(bins.current);
	let total = 0;
	for (let i = 0; i < ref.length; i++) total += (ref[i] - cur[i]) * Math.log(ref[i] / cur[i]);
	return total;
}
