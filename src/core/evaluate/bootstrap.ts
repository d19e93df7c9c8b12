import type { Rng } from '../util/rng';

const DEFAULT_RESAMPLES = 1000;
const DEFAULT_LEVEL = 0.95;

/** How to bootstrap: the seeded generator, how many resamples, and the interval's coverage. */
export interface BootstrapOptions {
	rng: Rng;
	/** Resamples to draw (1000 by default). */
	resamples?: number;
	/** Coverage of the interval, strictly between 0 and 1 (0.95 by default). */
	level?: number;
}

/** A percentile bootstrap interval, with how many resamples were drawn and how many were skipped. */
export interface BootstrapInterval {
	/** Lower bound; NaN when more than half the resamples were skipped. */
	low: number;
	/** Upper bound; NaN when more than half the resamples were skipped. */
	high: number;
	resamples: number;
	level: number;
	/** Resamples whose statistic was NaN (for example a single class, where ROC-AUC is undefined). */
	skipped: number;
}

/** The q-quantile of ascending values, interpolated linearly between order statistics (numpy's default). */
function quantile(sorted: Float64Array, q: number): number {
	const position = q * (sorted.length - 1);
	const below = Math.floor(position);
	const above = Math.min(below + 1, sorted.length - 1);
	return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
}

/**
 * Returns a percentile-method bootstrap interval of a statistic over n rows: each resample draws n
 * row indices with replacement and `statistic(rows)` computes the metric on them (rows may repeat).
 * NaN statistics are skipped and counted; when more than half are, low and high are NaN, as they
 * are for n = 0, no resamples or a level outside (0, 1).
 */
export function bootstrapInterval(
	n: number,
	statistic: (rows: Int32Array) => number,
	options: BootstrapOptions
): BootstrapInterval {
	return (
		bootstrapIntervals(n, (rows) => ({ value: statistic(rows) }), options).value ?? empty(options)
	);
}

/**
 * Returns the intervals of several statistics over the same resamples, as `bootstrapInterval`
 * does for one: `statistic(rows)` returns every value of a resample by name (all the metrics of a
 * model, or a model's and its baseline's side by side), so each is computed once per resample and
 * a difference between two of them is judged on the rows both saw. A name absent from the first
 * resample is left out.
 */
export function bootstrapIntervals(
	n: number,
	statistic: (rows: Int32Array) => Record<string, number>,
	options: BootstrapOptions
): Record<string, BootstrapInterval> {
	const { resamples, level } = empty(options);
	if (n < 1 || resamples === 0 || !(level > 0 && level < 1)) return {};
	const values = new Map<string, number[]>();
	drawResamples(n, statistic, options.rng, 0, resamples, values);
	return intervalsFrom(values, options);
}

/** Resamples drawn between two ticks of `pacedBootstrapIntervals`. */
const RESAMPLES_PER_TICK = 25;

/**
 * Returns what `bootstrapIntervals` returns, bit for bit (the same draws in the same order),
 * calling `tick` with the fraction done every few resamples: for a worker, a tick that reports
 * progress and yields, so a long bootstrap shows its progress and can be cancelled.
 */
export async function pacedBootstrapIntervals(
	n: number,
	statistic: (rows: Int32Array) => Record<string, number>,
	options: BootstrapOptions,
	tick: (fraction: number) => Promise<void>
): Promise<Record<string, BootstrapInterval>> {
	const { resamples, level } = empty(options);
	if (n < 1 || resamples === 0 || !(level > 0 && level < 1)) return {};
	const values = new Map<string, number[]>();
	for (let done = 0; done < resamples; done += RESAMPLES_PER_TICK) {
		await tick(done / resamples);
		const count = Math.min(RESAMPLES_PER_TICK, resamples - done);
		drawResamples(n, statistic, options.rng, done, count, values);
	}
	return intervalsFrom(values, options);
}

/** Draws `count` resamples (the first being number `from`) and adds each value to `values`. */
function drawResamples(
	n: number,
	statistic: (rows: Int32Array) => Record<string, number>,
	rng: Rng,
	from: number,
	count: number,
	values: Map<string, number[]>
): void {
	for (let r = from; r < from + count; r++) {
		const rows = new Int32Array(n);
		for (let i = 0; i < n; i++) rows[i] = rng.int(n);
		for (const [name, value] of Object.entries(statistic(rows))) {
			if (r === 0) values.set(name, []);
			if (!Number.isNaN(value)) values.get(name)?.push(value);
		}
	}
}

/** Returns each statistic's percentile interval from its values over the resamples. */
function intervalsFrom(
	values: Map<string, number[]>,
	options: BootstrapOptions
): Record<string, BootstrapInterval> {
	const { resamples, level } = empty(options);
	const tail = (1 - level) / 2;
	const out: Record<string, BootstrapInterval> = {};
	for (const [name, kept] of values) {
		const skipped = resamples - kept.length;
		if (skipped * 2 > resamples) out[name] = { ...empty(options), skipped };
		else {
			const sorted = Float64Array.from(kept).sort();
			out[name] = {
				low: quantile(sorted, tail),
				high: quantile(sorted, 1 - tail),
				resamples,
				level,
				skipped
			};
		}
	}
	return out;
}

/** An interval with no bounds: every resample skipped. */
function empty(options: BootstrapOptions): BootstrapInterval {
	const resamples = Math.max(0, Math.floor(options.resamples ?? DEFAULT_RESAMPLES));
	const level = options.level ?? DEFAULT_LEVEL;
	return { low: NaN, high: NaN, resamples, level, skipped: resamples };
}

/** The typed arrays a metric reads: class codes or numbers. */
export type NumericArray = Int32Array | Float64Array;

/** The rows `rows` of a row-major array with `width` values per row, as a new array of its type. */
export function takeRows<A extends NumericArray>(values: A, rows: Int32Array, width: number): A {
	const out = new (values.constructor as new (length: number) => A)(rows.length * width);
	rows.forEach((row, i) => out.set(values.subarray(row * width, (row + 1) * width), i * width));
	return out;
}

/** A metric's value on all rows with its bootstrap interval. */
export interface MetricInterval extends BootstrapInterval {
	estimate: number;
}

/**
 * Returns a metric on truth and predictions with its bootstrap interval, resampling whole rows of
 * both: `predicted` may hold several values per row (rows x k probabilities), its width being
 * predicted.length / truth.length. For example
 * `metricInterval(y, proba, (t, p) => classificationMetrics(t, p, 2, decision).roc_auc ?? NaN, { rng })`.
 */
export function metricInterval<T extends NumericArray, P extends NumericArray>(
	truth: T,
	predicted: P,
	metric: (truth: T, predicted: P) => number,
	options: BootstrapOptions
): MetricInterval {
	const n = truth.length;
	const width = n === 0 ? 0 : predicted.length / n;
	if (!Number.isInteger(width)) {
		throw new RangeError(`${predicted.length} predictions do not divide into ${n} rows`);
	}
	const interval = bootstrapInterval(
		n,
		(rows) => metric(takeRows(truth, rows, 1), takeRows(predicted, rows, width)),
		options
	);
	return { ...interval, estimate: n === 0 ? NaN : metric(truth, predicted) };
}
