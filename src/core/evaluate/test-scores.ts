// The test scores with their uncertainty: every metric of the model and of its baseline, and the
// bootstrap intervals of both and of their difference on the primary metric.
import type { EncodedTarget } from '../brief/target';
import type { Prediction } from '../models/model';
import { scorePrediction, type TargetSpec } from '../ship/pipeline';
import type { Rng } from '../util/rng';
import { pacedBootstrapIntervals, takeRows } from './bootstrap';
import { groupByQuery } from './ranking-metrics';
import { createPacer, type TaskContext } from '../util/task';
import type { MetricName, MetricValues } from './metric-catalogue';
import type { Interval } from './verdict';

/** Resamples behind each interval: 95 % percentile intervals settle within about 0.005 by then. */
export const TEST_RESAMPLES = 1000;

/** The metrics of the model and the baseline on the test rows, with their intervals. */
export interface TestScores {
	metrics: MetricValues;
	baselineMetrics: MetricValues;
	intervals: Partial<Record<MetricName, Interval>>;
	/** The interval of model minus baseline on the primary metric, over the same resamples. */
	difference: Interval | null;
	resamples: number;
}

/** Returns the rows `rows` of a prediction, as a prediction. */
function takePrediction(prediction: Prediction, rows: Int32Array): Prediction {
	if (prediction.kind === 'values')
		return { kind: 'values', values: takeRows(prediction.values, rows, 1) };
	const proba = takeRows(prediction.proba, rows, prediction.classes.length);
	return { kind: 'classes', classes: prediction.classes, proba };
}

/** A resample: the rows drawn, and for ranking each drawn row's query in the resample. */
interface Resample {
	rows: Int32Array;
	queries: Int32Array | null;
}

function takeTruth(truth: EncodedTarget, { rows, queries }: Resample): EncodedTarget {
	if (truth.kind === 'classes')
		return { kind: 'classes', classes: truth.classes, y: takeRows(truth.y, rows, 1) };
	const y = takeRows(truth.y, rows, 1);
	return queries ? { kind: 'values', y, queries } : { kind: 'values', y };
}

/**
 * Returns what the bootstrap draws with replacement, and how a draw becomes rows: single rows, or
 * for ranking whole queries (a query is scored as a whole, so resampling its rows apart would
 * change what is measured). A query drawn twice counts as two queries, as a case bootstrap does.
 */
function resampling(truth: EncodedTarget): {
	units: number;
	draw: (units: Int32Array) => Resample;
} {
	if (truth.kind !== 'values' || !truth.queries)
		return { units: truth.y.length, draw: (rows) => ({ rows, queries: null }) };
	const groups = groupByQuery(truth.queries).rows;
	return {
		units: groups.length,
		draw(units) {
			const rows: number[] = [];
			const queries: number[] = [];
			units.forEach((unit, i) => {
				for (const row of groups[unit]) {
					rows.push(row);
					queries.push(i);
				}
			});
			return { rows: Int32Array.from(rows), queries: Int32Array.from(queries) };
		}
	};
}

/** A prediction and the target that decides it (a binary model's threshold is in its target). */
export interface Scored {
	target: TargetSpec;
	prediction: Prediction;
}

/**
 * Returns every metric of the model and the baseline on the test rows, and bootstrap intervals
 * (seeded by `rng`) for the model's metrics and for its difference from the baseline on
 * `primary`; a ranking resamples whole queries. Each resample scores both on the same rows, so the difference is judged on rows both
 * saw rather than from two separate intervals. Each decides at its own threshold: the baseline
 * is what always predicting the majority scores, whatever threshold the model was given.
 */
export async function scoreTest(
	truth: EncodedTarget,
	model: Scored,
	baseline: Scored,
	primary: MetricName,
	rng: Rng,
	ctx: TaskContext = {}
): Promise<TestScores> {
	const metrics = scorePrediction(model.target, truth, model.prediction);
	const baselineMetrics = scorePrediction(baseline.target, truth, baseline.prediction);
	const pace = createPacer(ctx);
	const { units, draw } = resampling(truth);
	const bootstrapped = await pacedBootstrapIntervals(
		units,
		(drawn) => {
			const resample = draw(drawn);
			const sample = takeTruth(truth, resample);
			const { rows } = resample;
			const ours = scorePrediction(model.target, sample, takePrediction(model.prediction, rows));
			const theirs = scorePrediction(
				baseline.target,
				sample,
				takePrediction(baseline.prediction, rows)
			);
			const difference = (ours[primary] ?? NaN) - (theirs[primary] ?? NaN);
			return { ...(ours as Record<string, number>), ' difference': difference };
		},
		{ rng, resamples: TEST_RESAMPLES },
		(fraction) => pace('Bootstrapping the test scores', fraction)
	);
	const intervals: Partial<Record<MetricName, Interval>> = {};
	for (const name of Object.keys(metrics) as MetricName[]) {
		const interval = bootstrapped[name];
		if (interval) intervals[name] = { low: interval.low, high: interval.high };
	}
	const difference = bootstrapped[' difference'];
	return {
		metrics,
		baselineMetrics,
		intervals,
		difference: difference ? { low: difference.low, high: difference.high } : null,
		resamples: TEST_RESAMPLES
	};
}
