import {
	isBetter,
	meetsThreshold,
	metricInfo,
	type MetricName,
	type MetricValues
} from './metric-catalogue';

/** The brief's contract: a metric and the value it must reach on the test set. */
export interface Kpi {
	metric: MetricName;
	threshold: number;
}

/** A 95 % (or other) confidence interval from the bootstrap; NaN ends when it is undefined. */
export interface Interval {
	low: number;
	high: number;
}

/** One KPI held against the test score. */
export interface KpiCheck {
	kpi: Kpi;
	value: number;
	interval: Interval | null;
	met: boolean;
	/** The whole interval meets the KPI, so the pass does not hang on the luck of the test rows. */
	sure: boolean;
}

/** What the verdict is judged from: every score on the same test rows. */
export interface VerdictInput {
	/** The primary KPI first, then the brief's others. */
	kpis: readonly Kpi[];
	metrics: MetricValues;
	intervals: Partial<Record<MetricName, Interval>>;
	baseline: MetricValues;
	/** The interval of model minus baseline on the primary metric, over the same resamples. */
	difference: Interval | null;
}

/** The judgement of a test evaluation against the KPIs and the baseline. */
export interface Verdict {
	pass: boolean;
	/** Every KPI is met. */
	kpiMet: boolean;
	beatsBaseline: boolean;
	/** The interval of the difference from the baseline excludes zero. */
	clearOfBaseline: boolean;
	/** The primary metric's value, interval and baseline value. */
	value: number;
	interval: Interval | null;
	baselineValue: number;
	checks: KpiCheck[];
	summary: string;
	/** When it fails or is unsure: what to go back to, one sentence each. */
	advice: string[];
}

function format(value: number): string {
	return Number.isFinite(value) ? value.toFixed(4) : 'undefined';
}

function formatInterval(interval: Interval | null): string {
	return interval && Number.isFinite(interval.low) && Number.isFinite(interval.high)
		? ` (95 % CI ${format(interval.low)} to ${format(interval.high)})`
		: '';
}

function check(kpi: Kpi, input: VerdictInput): KpiCheck {
	const value = input.metrics[kpi.metric] ?? NaN;
	// An interval with undefined ends (most resamples had one class) is no interval at all.
	const given = input.intervals[kpi.metric];
	const interval =
		given && Number.isFinite(given.low) && Number.isFinite(given.high) ? given : null;
	const met = Number.isFinite(value) && meetsThreshold(kpi.metric, value, kpi.threshold);
	const worst = interval && (metricInfo(kpi.metric).higherIsBetter ? interval.low : interval.high);
	const sure =
		met &&
		worst !== null &&
		Number.isFinite(worst) &&
		meetsThreshold(kpi.metric, worst, kpi.threshold);
	return { kpi, value, interval, met, sure };
}

/** Returns whether the difference interval lies wholly on the better side of zero. */
function clearOf(metric: MetricName, difference: Interval | null): boolean {
	if (!difference || !Number.isFinite(difference.low) || !Number.isFinite(difference.high))
		return false;
	return metricInfo(metric).higherIsBetter ? difference.low > 0 : difference.high < 0;
}

function checkText(c: KpiCheck): string {
	const info = metricInfo(c.kpi.metric);
	const op = info.higherIsBetter ? '≥' : '≤';
	return `${info.label} on test is ${format(c.value)}${formatInterval(c.interval)}; the KPI asks ${op} ${c.kpi.threshold} (${c.met ? 'met' : 'not met'})`;
}

/**
 * Returns the verdict: pass when every KPI is met and the model beats the baseline on the primary
 * metric. Beating it by a margin the test rows cannot tell from luck (the difference's interval
 * spans zero), or meeting a KPI only on the point estimate, still passes but says so in `advice`.
 */
export function judge(input: VerdictInput): Verdict {
	if (input.kpis.length === 0) throw new Error('A verdict needs at least one KPI.');
	const checks = input.kpis.map((kpi) => check(kpi, input));
	const primary = checks[0];
	const metric = primary.kpi.metric;
	const baselineValue = input.baseline[metric] ?? NaN;
	const beatsBaseline =
		Number.isFinite(primary.value) &&
		(!Number.isFinite(baselineValue) || isBetter(metric, primary.value, baselineValue));
	const kpiMet = checks.every((c) => c.met);
	const clearOfBaseline = beatsBaseline && clearOf(metric, input.difference);
	const baseText = `the baseline scores ${format(baselineValue)} (${beatsBaseline ? 'beaten' : 'not beaten'})`;
	return {
		pass: kpiMet && beatsBaseline,
		kpiMet,
		beatsBaseline,
		clearOfBaseline,
		value: primary.value,
		interval: primary.interval,
		baselineValue,
		checks,
		summary: `${checks.map(checkText).join('; ')}; ${baseText}.`,
		advice: advise(checks, beatsBaseline, clearOfBaseline, input.difference !== null)
	};
}

function advise(
	checks: KpiCheck[],
	beatsBaseline: boolean,
	clearOfBaseline: boolean,
	hasDifference: boolean
): string[] {
	const advice: string[] = [];
	if (!beatsBaseline)
		advice.push(
			'The model does no better than the baseline: go back to Prepare (are the inputs related to the target? is the target right?) or to Define (would a rule do?).'
		);
	else if (hasDifference && !clearOfBaseline)
		advice.push(
			"The model beats the baseline, but by less than the test rows can tell from luck (the difference's interval spans zero): more data, or a stronger model, before trusting it."
		);
	const missed = checks.filter((c) => !c.met);
	if (missed.length > 0 && beatsBaseline)
		advice.push(
			`${missed.map((c) => metricInfo(c.kpi.metric).label).join(' and ')} misses the KPI: go back to Choose and Train (another family, tuning, a threshold chosen on validation) or to Prepare (better features). Do not tune on the test score: that makes it one more validation set.`
		);
	const unsure = checks.filter((c) => c.met && !c.sure && c.interval);
	if (unsure.length > 0)
		advice.push(
			`${unsure.map((c) => metricInfo(c.kpi.metric).label).join(' and ')} meets the KPI only on the point estimate: the worse end of its interval falls short, so a new sample of rows could fail it.`
		);
	return advice;
}
