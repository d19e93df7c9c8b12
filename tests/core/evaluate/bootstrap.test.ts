import { describe, expect, it } from 'vitest';
import {
	bootstrapInterval,
	bootstrapIntervals,
	metricInterval,
	pacedBootstrapIntervals
} from '../../../src/core/evaluate/bootstrap';
import { classificationMetrics, rocAuc } from '../../../src/core/evaluate/metrics';
import { createRng, type Rng } from '../../../src/core/util/rng';
import { expectClose } from '../helpers';

/** `count` deterministic values spread around 10 (a fixed-seed normal-ish sample). */
function sample(count: number, seed = 99): Float64Array {
	const rng = createRng(seed);
	return Float64Array.from(
		{ length: count },
		() => 10 + rng.next() + rng.next() + rng.next() - 1.5
	);
}

/** The mean of `values` over the resampled rows. */
const meanOf = (values: Float64Array) => (rows: Int32Array) =>
	rows.reduce((a, row) => a + values[row], 0) / rows.length;

const mean = (values: Float64Array) => values.reduce((a, b) => a + b, 0) / values.length;

describe('bootstrapInterval', () => {
	const values = sample(200);

	it('is the same for the same seed and differs for another', () => {
		const a = bootstrapInterval(200, meanOf(values), { rng: createRng(1) });
		const b = bootstrapInterval(200, meanOf(values), { rng: createRng(1) });
		const c = bootstrapInterval(200, meanOf(values), { rng: createRng(2) });
		expect(a).toEqual(b);
		expect([c.low, c.high]).not.toEqual([a.low, a.high]);
		expect(a).toMatchObject({ resamples: 1000, level: 0.95, skipped: 0 });
	});

	it('contains the point estimate of a smooth statistic', () => {
		const interval = bootstrapInterval(200, meanOf(values), { rng: createRng(3) });
		expect(interval.low).toBeLessThan(mean(values));
		expect(interval.high).toBeGreaterThan(mean(values));
		// A sum of three uniforms has variance 3 / 12, so sd 0.5; the 95% interval of a mean of 200
		// is about 2 * 1.96 * 0.5 / sqrt(200) ~ 0.139 wide.
		expect(interval.high - interval.low).toBeGreaterThan(0.11);
		expect(interval.high - interval.low).toBeLessThan(0.17);
	});

	it('narrows as n grows and as the level falls', () => {
		const width = (n: number, level = 0.95) => {
			const interval = bootstrapInterval(n, meanOf(sample(n)), { rng: createRng(4), level });
			return interval.high - interval.low;
		};
		expect(width(800)).toBeLessThan(width(200));
		expect(width(200)).toBeLessThan(width(50));
		expect(width(200, 0.5)).toBeLessThan(width(200, 0.95));
	});

	it('takes the percentiles of the resampled statistics, interpolating linearly', () => {
		// The r-th resample's statistic is r: values 0..99, so the 90% interval runs from the
		// 5th percentile (0.05 * 99 = 4.95) to the 95th (0.95 * 99 = 94.05).
		let call = 0;
		const interval = bootstrapInterval(5, () => call++, {
			rng: createRng(5),
			resamples: 100,
			level: 0.9
		});
		expectClose([interval.low, interval.high], [4.95, 94.05], 1e-12);
	});

	it('draws row indices in [0, n) from the rng it is given', () => {
		const seen = new Set<number>();
		const draws: number[] = [];
		const rng: Rng = {
			next: () => 0,
			int: (n) => {
				draws.push(n);
				return draws.length % n;
			}
		};
		bootstrapInterval(
			3,
			(rows) => {
				rows.forEach((row) => seen.add(row));
				return rows.length;
			},
			{ rng, resamples: 4 }
		);
		expect(draws).toEqual(new Array<number>(12).fill(3));
		expect([...seen].sort()).toEqual([0, 1, 2]);
	});

	it('skips and counts NaN resamples, such as ROC-AUC on a resample of one class', () => {
		// Truth 0 0 1 on 3 rows: a resample is one class with probability (2/3)^3 + (1/3)^3 = 1/3.
		const positive = [false, false, true];
		const scores = [0.1, 0.4, 0.8];
		const interval = bootstrapInterval(
			3,
			(rows) =>
				rocAuc(
					Array.from(rows, (r) => scores[r]),
					Array.from(rows, (r) => positive[r])
				),
			{ rng: createRng(6) }
		);
		expect(interval.skipped).toBeGreaterThan(250);
		expect(interval.skipped).toBeLessThan(420);
		expect(interval.high).toBe(1);
	});

	it('gives NaN bounds when more than half the resamples are skipped', () => {
		// NaN unless the first drawn row is 0 (one time in four).
		const interval = bootstrapInterval(4, (rows) => (rows[0] === 0 ? 1 : NaN), {
			rng: createRng(7),
			resamples: 400
		});
		expect(interval.skipped).toBeGreaterThan(200);
		expect(interval.low).toBeNaN();
		expect(interval.high).toBeNaN();
	});

	it('gives NaN, not a throw, for no rows or a bad level', () => {
		expect(bootstrapInterval(0, () => 1, { rng: createRng(8) })).toEqual({
			low: NaN,
			high: NaN,
			resamples: 1000,
			level: 0.95,
			skipped: 1000
		});
		expect(bootstrapInterval(5, () => 1, { rng: createRng(8), level: 1 }).low).toBeNaN();
	});
});

describe('metricInterval', () => {
	const truth = Int32Array.from([1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1]);
	const proba = Float64Array.from(
		[0.9, 0.4, 0.65, 0.4, 0.1, 0.65, 0.3, 0.2, 0.4, 0.8, 0.55, 0.4].flatMap((p) => [1 - p, p])
	);
	const auc = (t: Int32Array, p: Float64Array) =>
		classificationMetrics(t, p, 2, { kind: 'threshold', positive: 1, threshold: 0.5 }).roc_auc ??
		NaN;

	it('resamples whole rows of both arrays and reports the metric on all rows', () => {
		const interval = metricInterval(truth, proba, auc, { rng: createRng(9) });
		// roc_auc_score(y, p) from scikit-learn 1.2.1.
		expectClose(interval.estimate, 0.7083333333333334, 1e-12);
		expect(interval.low).toBeLessThan(interval.estimate);
		expect(interval.high).toBeGreaterThan(interval.estimate);
		expect(interval.high).toBeLessThanOrEqual(1);
		expect(metricInterval(truth, proba, auc, { rng: createRng(9) })).toEqual(interval);
	});

	it('hands the metric row-aligned copies', () => {
		// Class 1's probability is above 0.5 exactly on the rows whose truth is 1: every resample
		// keeps the pairing, so accuracy is 1 on each.
		const paired = Float64Array.from(
			Array.from(truth).flatMap((t) => (t ? [0.2, 0.8] : [0.7, 0.3]))
		);
		const accuracy = (t: Int32Array, p: Float64Array) =>
			classificationMetrics(t, p, 2, { kind: 'threshold', positive: 1, threshold: 0.5 }).accuracy ??
			NaN;
		const interval = metricInterval(truth, paired, accuracy, { rng: createRng(10), resamples: 50 });
		expect([interval.low, interval.high, interval.estimate]).toEqual([1, 1, 1]);
	});

	it('gives NaN for no rows and refuses predictions that do not divide into rows', () => {
		const empty = metricInterval(new Int32Array(0), new Float64Array(0), auc, {
			rng: createRng(11)
		});
		expect([empty.low, empty.high, empty.estimate]).toEqual([NaN, NaN, NaN]);
		expect(() => metricInterval(truth, new Float64Array(5), auc, { rng: createRng(11) })).toThrow(
			RangeError
		);
	});
});

describe('bootstrapIntervals', () => {
	const values = sample(200);
	const shifted = values.map((v, i) => v + 1 + (i % 2) * 0.01);

	it('gives each statistic the interval bootstrapInterval gives it on the same resamples', () => {
		const both = bootstrapIntervals(
			200,
			(rows) => ({ a: meanOf(values)(rows), b: meanOf(shifted)(rows) }),
			{ rng: createRng(5), resamples: 300 }
		);
		const a = bootstrapInterval(200, meanOf(values), { rng: createRng(5), resamples: 300 });
		expect(both.a).toEqual(a);
		expect(Object.keys(both)).toEqual(['a', 'b']);
	});

	it('judges a difference on the rows both statistics saw, so it is far narrower', () => {
		const out = bootstrapIntervals(
			200,
			(rows) => ({
				a: meanOf(values)(rows),
				difference: meanOf(shifted)(rows) - meanOf(values)(rows)
			}),
			{ rng: createRng(6), resamples: 300 }
		);
		// shifted - values is 1 or 1.01 on every row: the difference barely moves between resamples.
		expect(out.difference.low).toBeGreaterThanOrEqual(1);
		expect(out.difference.high).toBeLessThanOrEqual(1.01);
		expect(out.difference.high - out.difference.low).toBeLessThan((out.a.high - out.a.low) / 5);
	});

	it('returns no intervals for no rows, and counts skipped resamples per statistic', () => {
		expect(bootstrapIntervals(0, () => ({ a: 1 }), { rng: createRng(1) })).toEqual({});
		const out = bootstrapIntervals(10, (rows) => ({ a: 1, b: rows[0] < 5 ? NaN : 1 }), {
			rng: createRng(2),
			resamples: 100
		});
		expect(out.a).toMatchObject({ low: 1, high: 1, skipped: 0 });
		expect(out.b.skipped).toBeGreaterThan(30);
		expect(out.b.skipped).toBeLessThan(70);
	});
});

describe('pacedBootstrapIntervals', () => {
	const values = sample(120);
	const statistic = (rows: Int32Array) => ({ mean: meanOf(values)(rows) });

	it('gives the same intervals as bootstrapIntervals, ticking with the fraction done', async () => {
		const ticks: number[] = [];
		const paced = await pacedBootstrapIntervals(
			120,
			statistic,
			{ rng: createRng(9), resamples: 110 },
			async (fraction) => {
				ticks.push(fraction);
			}
		);
		expect(paced).toEqual(
			bootstrapIntervals(120, statistic, { rng: createRng(9), resamples: 110 })
		);
		expect(ticks).toHaveLength(5);
		expect(ticks[0]).toBe(0);
		expect(ticks.every((t, i) => i === 0 || t > ticks[i - 1])).toBe(true);
	});

	it('stops when a tick throws, as a cancel does', async () => {
		let calls = 0;
		const cancelled = pacedBootstrapIntervals(120, statistic, { rng: createRng(9) }, async () => {
			if (++calls === 3) throw new Error('cancelled');
		});
		await expect(cancelled).rejects.toThrow('cancelled');
		expect(calls).toBe(3);
	});
});
