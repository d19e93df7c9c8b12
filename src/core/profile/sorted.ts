// Sorted copies of numeric columns and searches in them: the profile sorts each column once and
// reads quantiles, distinct counts, outliers and histograms from the sorted copy.

/** Runs of at most this many values are sorted by insertion. */
const INSERTION_MAX = 24;
/** Below this many values a run is sorted natively rather than bucketed. */
const NATIVE_BELOW = 256;
/** Bucketing recursions before a run falls back to the native sort (heavily skewed data). */
const MAX_DEPTH = 3;

/** Returns the non-missing (non-NaN) values in ascending order. */
export function sortValues(values: Float64Array): Float64Array {
	return sortPresent(values, false).sorted;
}

/**
 * Returns the non-missing values in ascending order and, in `order`, the index of each in
 * `values`; equal values keep their index order (a stable argsort).
 */
export function sortWithOrder(values: Float64Array): { sorted: Float64Array; order: Int32Array } {
	const { sorted, order } = sortPresent(values, true);
	return { sorted, order: order! };
}

// Lays out -Infinity, the finite values, then +Infinity (each in index order), and sorts the
// finite middle, so the bucket sort only ever sees a finite range.
function sortPresent(
	values: Float64Array,
	withOrder: boolean
): { sorted: Float64Array; order: Int32Array | null } {
	let low = 0;
	let finite = 0;
	let high = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v === -Infinity) low++;
		else if (v === Infinity) high++;
		else if (v === v) finite++;
	}
	const m = low + finite + high;
	const sorted = new Float64Array(m);
	const order = withOrder ? new Int32Array(m) : null;
	let atLow = 0;
	let atFinite = low;
	let atHigh = low + finite;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== v) continue;
		const at = v === -Infinity ? atLow++ : v === Infinity ? atHigh++ : atFinite++;
		sorted[at] = v;
		if (order) order[at] = i;
	}
	const tmp = new Float64Array(m);
	sortRun(sorted, order, low, low + finite, 0, tmp, order ? new Int32Array(m) : null);
	return { sorted, order };
}

/**
 * Sorts a[lo, hi) (and `order` alongside) by an interpolation bucket sort: one counting pass and
 * one stable scatter into about (hi - lo) / 4 equal-width buckets, then each bucket by insertion
 * or recursively. On real columns this is 2-3x faster than the native typed sort (one pass per
 * level instead of log n); heavily skewed runs, or ranges that overflow, fall back to the native
 * sort. Values must be finite.
 */
function sortRun(
	a: Float64Array,
	order: Int32Array | null,
	lo: number,
	hi: number,
	depth: number,
	tmp: Float64Array,
	tmpOrder: Int32Array | null
): void {
	const m = hi - lo;
	if (m <= INSERTION_MAX) return insertionSort(a, order, lo, hi);
	let min = Infinity;
	let max = -Infinity;
	for (let i = lo; i < hi; i++) {
		const v = a[i];
		if (v < min) min = v;
		if (v > max) max = v;
	}
	if (!(max > min)) return;
	const buckets = m >> 2;
	const scale = buckets / (max - min);
	if (
		m < NATIVE_BELOW ||
		depth > MAX_DEPTH ||
		!Number.isFinite(max - min) ||
		!Number.isFinite(scale)
	) {
		return nativeSort(a, order, lo, hi);
	}
	// starts[b] is where bucket b begins; (v - min) * scale is monotone in v, so buckets are ordered.
	const starts = new Int32Array(buckets + 1);
	for (let i = lo; i < hi; i++) starts[Math.min(buckets - 1, ((a[i] - min) * scale) | 0) + 1]++;
	for (let b = 0; b < buckets; b++) starts[b + 1] += starts[b];
	const next = starts.slice(0, buckets);
	for (let i = lo; i < hi; i++) {
		const v = a[i];
		const at = lo + next[Math.min(buckets - 1, ((v - min) * scale) | 0)]++;
		tmp[at] = v;
		if (order) tmpOrder![at] = order[i];
	}
	a.set(tmp.subarray(lo, hi), lo);
	if (order) order.set(tmpOrder!.subarray(lo, hi), lo);
	for (let b = 0; b < buckets; b++) {
		const start = lo + starts[b];
		const end = lo + starts[b + 1];
		if (end - start > 1) sortRun(a, order, start, end, depth + 1, tmp, tmpOrder);
	}
}

function insertionSort(a: Float64Array, order: Int32Array | null, lo: number, hi: number): void {
	for (let i = lo + 1; i < hi; i++) {
		const v = a[i];
		const o = order ? order[i] : 0;
		let j = i - 1;
		while (j >= lo && a[j] > v) {
			a[j + 1] = a[j];
			if (order) order[j + 1] = order[j];
			j--;
		}
		a[j + 1] = v;
		if (order) order[j + 1] = o;
	}
}

/**
 * Sorts a[lo, hi) with the native typed sort; with `order`, places each index at the first slot of
 * its value in the sorted run, in its current (stable) order.
 */
function nativeSort(a: Float64Array, order: Int32Array | null, lo: number, hi: number): void {
	if (!order) {
		a.subarray(lo, hi).sort();
		return;
	}
	const sorted = a.slice(lo, hi).sort();
	const placed = new Int32Array(hi - lo);
	const filled = new Int32Array(hi - lo);
	for (let i = lo; i < hi; i++) {
		const first = lowerBound(sorted, a[i]);
		placed[first + filled[first]++] = order[i];
	}
	a.set(sorted, lo);
	order.set(placed, lo);
}

/** Returns the first index whose value is not below `x`: the count of values < x. */
export function lowerBound(sorted: Float64Array, x: number): number {
	let a = 0;
	let b = sorted.length;
	while (a < b) {
		const mid = (a + b) >>> 1;
		if (sorted[mid] < x) a = mid + 1;
		else b = mid;
	}
	return a;
}

/** Returns the first index whose value is above `x`: the count of values <= x. */
export function upperBound(sorted: Float64Array, x: number): number {
	let a = 0;
	let b = sorted.length;
	while (a < b) {
		const mid = (a + b) >>> 1;
		if (sorted[mid] <= x) a = mid + 1;
		else b = mid;
	}
	return a;
}

/** Returns the count of distinct values in an ascending array (-0 and +0 count as one). */
export function countDistinctSorted(sorted: Float64Array): number {
	if (sorted.length === 0) return 0;
	let distinct = 1;
	for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
	return distinct;
}

/**
 * Returns the q-quantile (0..1) of ascending values by linear interpolation between the two
 * nearest ranks (numpy's default, `method='linear'`); NaN when empty.
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const pos = (n - 1) * q;
	const lo = Math.floor(pos);
	const frac = pos - lo;
	return frac === 0 ? sorted[lo] : sorted[lo] + (sorted[lo + 1] - sorted[lo]) * frac;
}
