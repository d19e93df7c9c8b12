import { CoreError } from '../../util/core-error';
import type { FeatureMatrix } from '../../prepare/recipe';

/** The most bins a feature can have: a bin code is one byte. */
export const MAX_BINS = 256;

/**
 * Per feature, the sorted upper edges of its bins in raw units: a value falls in the first bin
 * whose edge is at least the value; values above the last edge (unseen in train) fall in the last
 * bin, and NaN in the first. Each edge but the last lies halfway between the largest train value
 * of its bin and the smallest of the next, as scikit-learn's and LightGBM's thresholds do, so a
 * split learned on train rows sends an unseen value to the nearer side. The last edge is the
 * largest train value.
 */
export interface Bins {
	thresholds: number[][];
}

/**
 * Returns up to `maxBins` quantile bins per feature learned from the (train) rows of `x`: one per
 * distinct value when there are no more than `maxBins` of them. NaN is ignored; a feature with no
 * finite value gets a single bin.
 */
export function fitBins(x: FeatureMatrix, maxBins = MAX_BINS - 1): Bins {
	if (!(Number.isInteger(maxBins) && maxBins >= 2 && maxBins <= MAX_BINS))
		throw new CoreError('bad-spec', `The number of bins must be 2 to ${MAX_BINS}; got ${maxBins}.`);
	const thresholds: number[][] = [];
	const column = new Float64Array(x.rows);
	for (let j = 0; j < x.width; j++) {
		let m = 0;
		for (let i = 0; i < x.rows; i++) {
			const v = x.values[i * x.width + j];
			if (!Number.isNaN(v)) column[m++] = v;
		}
		const values = column.subarray(0, m);
		thresholds.push(
			m === 0 ? [0] : (fewValues(values, maxBins) ?? featureEdges(values.sort(), maxBins))
		);
	}
	return { thresholds };
}

/**
 * Returns the edges when the feature has at most `maxBins` distinct values (a bin each), else
 * null. Most features (one-hot columns, small integers) have few values, and a pass over a set is
 * much cheaper than sorting the column.
 */
function fewValues(values: Float64Array, maxBins: number): number[] | null {
	const seen = new Set<number>();
	for (let i = 0; i < values.length; i++) {
		seen.add(values[i]);
		if (seen.size > maxBins) return null;
	}
	const distinct = [...seen].sort((a, b) => a - b);
	return distinct.map((v, i) => (i + 1 < distinct.length ? between(v, distinct[i + 1]) : v));
}

/** Returns a number halfway from `low` to `high` (low < high), never `high` itself. */
function between(low: number, high: number): number {
	const mid = low + (high - low) / 2;
	return mid < high ? mid : low;
}

/** Returns the quantile edges of one feature's sorted values, which have more than `maxBins`. */
function featureEdges(sorted: Float64Array, maxBins: number): number[] {
	const n = sorted.length;
	const edges: number[] = [];
	let last = -Infinity;
	for (let b = 1; b <= maxBins; b++) {
		const at = Math.ceil((b * n) / maxBins) - 1;
		const value = sorted[at];
		if (value <= last) continue;
		last = value;
		if (value === sorted[n - 1]) break;
		// The bin holds the values up to `value`; the next bin starts at the next larger one.
		let next = at + 1;
		while (sorted[next] === value) next++;
		edges.push(between(value, sorted[next]));
	}
	edges.push(sorted[n - 1]);
	return edges;
}

/** Returns the bin code of a value: the first edge at or above it, the last bin above them all. */
export function binOf(edges: readonly number[], value: number): number {
	if (Number.isNaN(value)) return 0;
	let lo = 0;
	let hi = edges.length - 1;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (value <= edges[mid]) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/**
 * Returns the bin codes of `x`, column-major with one byte per cell: feature j's codes are at
 * [j * rows, (j + 1) * rows).
 */
export function binMatrix(bins: Bins, x: FeatureMatrix): Uint8Array {
	if (bins.thresholds.length !== x.width)
		throw new CoreError(
			'feature-mismatch',
			`The bins cover ${bins.thresholds.length} features but the matrix has ${x.width}.`
		);
	const codes = new Uint8Array(x.rows * x.width);
	for (let j = 0; j < x.width; j++) {
		const edges = bins.thresholds[j];
		const base = j * x.rows;
		for (let i = 0; i < x.rows; i++) codes[base + i] = binOf(edges, x.values[i * x.width + j]);
	}
	return codes;
}
