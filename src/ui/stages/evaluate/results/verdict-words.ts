// The verdict's parts in words: the KPI bound, how sure a check is, and the baseline line.
import { metricInfo, type MetricName } from '../../../../core/evaluate/metric-catalogue';
import type { Interval, KpiCheck, Verdict } from '../../../../core/evaluate/verdict';
import { formatInterval, formatScore } from './format';

/** Returns the bound a KPI sets, as "≥ 0.8" for a score or "≤ 12" for an error. */
export function kpiBound(check: KpiCheck): string {
	const op = metricInfo(check.kpi.metric).higherIsBetter ? '≥' : '≤';
	return `${op} ${check.kpi.threshold}`;
}

/** Returns whether a met KPI holds over its whole interval, or only on the point estimate. */
export function certaintyOf(check: KpiCheck): string {
	if (!check.met) return '—';
	if (check.sure) return 'sure: the whole interval meets it';
	if (!check.interval) return 'no interval to judge by';
	return 'only on the point estimate';
}

function isFiniteInterval(interval: Interval | null): interval is Interval {
	return interval !== null && Number.isFinite(interval.low) && Number.isFinite(interval.high);
}

/**
 * Returns the baseline line: the baseline's score on the primary metric, whether the model beats
 * it, and the interval of model minus baseline with what it says about luck.
 */
export function baselineWords(
	verdict: Verdict,
	difference: Interval | null,
	metric: MetricName
): string {
	const head = `The baseline scores ${formatScore(verdict.baselineValue)} on ${metricInfo(metric).label}; the model ${verdict.beatsBaseline ? 'beats' : 'does not beat'} it`;
	if (!isFiniteInterval(difference)) return `${head}.`;
	const gap = `${head}. Model minus baseline: ${formatInterval(difference)} (95 % interval over the same resamples)`;
	if (verdict.clearOfBaseline)
		return `${gap}, clear of zero: the gain is not the luck of the test rows.`;
	if (verdict.beatsBaseline)
		return `${gap}, which includes zero: the gain could be the luck of the test rows.`;
	return `${gap}.`;
}
