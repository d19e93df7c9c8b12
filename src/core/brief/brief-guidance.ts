import {
	meetsThreshold,
	metricInfo,
	type MetricName,
	type MetricValues
} from '../evaluate/metric-catalogue';
import type { Kpi } from '../evaluate/verdict';
import { kpisOf, type Brief } from './brief';
import { missCostRatio } from './cost-matrix';
import type { TaskKind } from './task';

/** The scores of a baseline that learns nothing, which the KPIs are compared with. */
export interface KpiBaseline {
	metrics: MetricValues;
	/** What it is, in lower case, to follow "The": "majority-class baseline", "mean baseline". */
	label: string;
}

/** How many times one mistake must cost the other before the metric choice is questioned. */
const COST_RATIO_WARNING = 5;

/** Metrics on which a baseline that learns nothing scores chance whatever the data (0.5, 0). */
const CHANCE_ANCHORED: ReadonlySet<MetricName> = new Set([
	'roc_auc',
	'roc_auc_ovr',
	'balanced_accuracy',
	'r2'
]);

/** Returns a metric's label as it reads inside a sentence ("accuracy", but "ROC-AUC"). */
export function metricPhrase(metric: MetricName): string {
	const { label } = metricInfo(metric);
	return /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
}

/** Returns a number as a KPI reads: at least two decimals, at most four. */
export function formatScore(value: number): string {
	const rounded = Math.round(value * 1e4) / 1e4;
	return Number(rounded.toFixed(2)) === rounded ? rounded.toFixed(2) : String(rounded);
}

/** Returns the question a KPI deserves when the baseline already meets it, else null. */
function baselineMeets(kpi: Kpi, task: TaskKind | null, baseline: KpiBaseline): string | null {
	const value = baseline.metrics[kpi.metric];
	if (value === undefined || !Number.isFinite(value)) return null;
	if (!meetsThreshold(kpi.metric, value, kpi.threshold)) return null;
	const head = `The ${baseline.label} already scores ${formatScore(value)} ${metricPhrase(kpi.metric)}, which meets your KPI of ${formatScore(kpi.threshold)}: a model that learns nothing passes.`;
	if (CHANCE_ANCHORED.has(kpi.metric) || task === null || task === 'ranking')
		return `${head} Raise the KPI above the baseline's score.`;
	const better = task === 'regression' ? 'R², on which the mean scores 0' : 'balanced accuracy';
	return `${head} Raise the KPI or pick a metric that baseline cannot game, such as ${better}.`;
}

/** Returns the advice a cost matrix gives on the primary metric when one mistake costs far more. */
function costAdvice(brief: Brief): string | null {
	if (brief.task !== 'binary' || !brief.costMatrix || !brief.metric) return null;
	const ratio = missCostRatio(brief.costMatrix);
	const times = (r: number) => (Number.isFinite(r) ? `${formatRatio(r)} times` : 'more than');
	if (ratio >= COST_RATIO_WARNING && (brief.metric === 'accuracy' || brief.metric === 'precision'))
		return `A false negative costs ${times(ratio)} a false positive, but ${metricPhrase(brief.metric)} ${brief.metric === 'accuracy' ? 'counts both mistakes alike' : 'ignores the misses'}. Prefer recall as the metric, or let Evaluate choose the decision threshold by cost.`;
	if (1 / ratio >= COST_RATIO_WARNING && brief.metric === 'recall')
		return `A false positive costs ${times(1 / ratio)} a false negative, but recall ignores the false alarms. Prefer precision as the metric, or let Evaluate choose the decision threshold by cost.`;
	return null;
}

function formatRatio(ratio: number): string {
	return String(Math.round(ratio * 10) / 10);
}

/**
 * Returns the guidance to show beside the KPIs, as sentences: that the brief has no KPI yet;
 * for each KPI the baseline already meets, a question (pass null until a baseline is scored);
 * and when the cost matrix makes one mistake far costlier than the primary metric assumes.
 */
export function kpiGuidance(brief: Brief, baseline: KpiBaseline | null): string[] {
	const kpis = kpisOf(brief);
	const messages: string[] = [];
	if (kpis.length === 0)
		messages.push(
			'No KPI yet: the brief is not finished, and Evaluate will have nothing to judge against.'
		);
	if (baseline)
		for (const kpi of kpis) {
			const question = baselineMeets(kpi, brief.task, baseline);
			if (question) messages.push(question);
		}
	const advice = costAdvice(brief);
	if (advice) messages.push(advice);
	return messages;
}
