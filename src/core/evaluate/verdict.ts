import {
	isBetter,
	meetsThreshold,
	metricInfo,
	type MetricName,
	type MetricValues
} from './metric-catalogue';

/** The brief's contract: a primary metric and the value it must reach on the test set. */
export interface Kpi {
	metric: MetricName;
	threshold: number;
}

/** The judgement of a test evaluation against the KPI and the baseline. */
export interface Verdict {
	pass: boolean;
	kpiMet: boolean;
	beatsBaseline: boolean;
	value: number;
	baselineValue: number;
	summary: string;
}

function format(value: number): string {
	return Number.isFinite(value) ? value.toFixed(4) : 'undefined';
}

/** Returns pass when the model meets the KPI and beats the baseline on the primary metric. */
export function judge(kpi: Kpi, metrics: MetricValues, baseline: MetricValues): Verdict {
	const info = metricInfo(kpi.metric);
	const value = metrics[kpi.metric] ?? NaN;
	const baselineValue = baseline[kpi.metric] ?? NaN;
	const kpiMet = Number.isFinite(value) && meetsThreshold(kpi.metric, value, kpi.threshold);
	const beatsBaseline =
		Number.isFinite(value) &&
		(!Number.isFinite(baselineValue) || isBetter(kpi.metric, value, baselineValue));
	const pass = kpiMet && beatsBaseline;
	const op = info.higherIsBetter ? '≥' : '≤';
	const kpiText = `${info.label} on test is ${format(value)}; the KPI asks ${op} ${kpi.threshold} (${kpiMet ? 'met' : 'not met'})`;
	const baseText = `the baseline scores ${format(baselineValue)} (${beatsBaseline ? 'beaten' : 'not beaten'})`;
	return {
		pass,
		kpiMet,
		beatsBaseline,
		value,
		baselineValue,
		summary: `${kpiText}; ${baseText}.`
	};
}
