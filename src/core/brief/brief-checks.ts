import { metricInfo, metricsForTask } from '../evaluate/metric-catalogue';
import type { Kpi } from '../evaluate/verdict';
import type { Brief } from './brief';
import { checkCostMatrix } from './cost-matrix';
import { taskLabel } from './task';

interface MetricRange {
	min: number;
	max: number;
	text: string;
}

const UNIT: MetricRange = { min: 0, max: 1, text: 'runs from 0 to 1' };
const ERROR: MetricRange = { min: 0, max: Infinity, text: 'is never negative' };
const UNIT_METRICS = [
	'roc_auc',
	'roc_auc_ovr',
	'pr_auc',
	'brier',
	'accuracy',
	'balanced_accuracy',
	'precision',
	'recall',
	'f1',
	'f1_macro',
	'f1_weighted',
	'precision_macro',
	'recall_macro',
	'precision_weighted',
	'recall_weighted'
];
const ERROR_METRICS = ['log_loss', 'rmse', 'mae', 'mape'];

/**
 * The values each metric can take, where they are bounded: a KPI outside them means nothing.
 * Keyed by name as text, so that a metric added to the catalogue without a range is unbounded.
 */
const RANGES: ReadonlyMap<string, MetricRange> = new Map<string, MetricRange>([
	...UNIT_METRICS.map((m) => [m, UNIT] as const),
	...ERROR_METRICS.map((m) => [m, ERROR] as const),
	['r2', { min: -Infinity, max: 1, text: 'is at most 1' }]
]);

/**
 * Returns what is wrong with an extra KPI, naming its metric, or null when the brief can take it.
 * `replacing` is the index of the extra KPI it would replace (null for a new one), so a KPI is
 * not refused as a repeat of itself.
 */
export function checkExtraKpi(brief: Brief, kpi: Kpi, replacing: number | null): string | null {
	if (!brief.task) return 'Choose the task before adding KPIs: which metrics fit depends on it.';
	const label = metricInfo(kpi.metric).label;
	const fitting = metricsForTask(brief.task);
	if (!fitting.includes(kpi.metric))
		return `${label} does not fit ${taskLabel(brief.task).toLowerCase()}; choose one of ${fitting.map((m) => metricInfo(m).label).join(', ')}.`;
	if (kpi.metric === brief.metric)
		return `${label} is already the primary metric: set its threshold in the primary KPI instead of adding it again.`;
	if (brief.extraKpis.some((other, i) => i !== replacing && other.metric === kpi.metric))
		return `There is already an extra KPI on ${label}: change its threshold instead.`;
	if (!Number.isFinite(kpi.threshold))
		return `The extra KPI on ${label} needs a threshold: a number.`;
	const range = RANGES.get(kpi.metric);
	if (range && (kpi.threshold < range.min || kpi.threshold > range.max))
		return `${label} ${range.text}: a KPI threshold of ${kpi.threshold} is outside that range.`;
	return null;
}

/**
 * Returns what is wrong with marking a column sensitive, naming it, or null when it can be:
 * it must be one of the dataset's `columns`, not the target, and not marked already.
 */
export function checkSensitiveColumn(
	brief: Brief,
	name: string,
	columns: readonly string[]
): string | null {
	if (name === brief.target)
		return `"${name}" is the target: fairness is checked across the groups of an input column, never the target.`;
	if (!columns.includes(name)) return `"${name}" is not a column of the dataset.`;
	if (brief.sensitiveColumns.includes(name)) return `"${name}" is already a sensitive column.`;
	return null;
}

/**
 * Returns the brief without what no longer fits it: a cost matrix outside a binary task (or an
 * unusable one), a query column outside a ranking task (or one that is the target), sensitive columns that are the target or repeated, and extra KPIs that the
 * checks refuse (a metric that does not fit the task, the primary metric, a repeat). Call it
 * after the target, the task or the primary metric changes, and on a loaded brief.
 */
export function tidyBrief(brief: Brief): Brief {
	const costMatrix =
		brief.task === 'binary' && brief.costMatrix && checkCostMatrix(brief.costMatrix) === null
			? brief.costMatrix
			: null;
	const queryColumn =
		brief.task === 'ranking' && brief.queryColumn !== brief.target ? brief.queryColumn : null;
	const sensitiveColumns = [...new Set(brief.sensitiveColumns)].filter((c) => c !== brief.target);
	const extraKpis: Kpi[] = [];
	for (const kpi of brief.extraKpis)
		if (checkExtraKpi({ ...brief, extraKpis }, kpi, null) === null) extraKpis.push(kpi);
	return { ...brief, costMatrix, queryColumn, sensitiveColumns, extraKpis };
}
