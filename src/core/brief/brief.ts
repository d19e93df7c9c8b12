import { assertNever } from '../util/assert-never';
import type { MetricName } from '../evaluate/metric-catalogue';
import type { Kpi } from '../evaluate/verdict';
import type { TargetSpec } from '../ship/pipeline';
import type { CostMatrix } from './cost-matrix';
import type { TargetSummary } from './target';
import type { TaskKind } from './task';

/** The problem brief: what the model is for, what it predicts, and the KPIs it must reach. */
export interface Brief {
	decision: string;
	users: string;
	/** What a false positive and a false negative cost, in the user's words. */
	costs: string;
	/** For binary tasks: what each mistake costs in numbers (the threshold choice reads them). */
	costMatrix: CostMatrix | null;
	target: string | null;
	task: TaskKind | null;
	/** For binary tasks: the class the metrics call positive. */
	positiveClass: string | null;
	/** For ranking: the column naming each row's query (rows are ranked within their query). */
	queryColumn: string | null;
	metric: MetricName | null;
	kpiThreshold: number | null;
	/** Further KPIs beyond the primary metric's, each on another metric that fits the task. */
	extraKpis: Kpi[];
	/** Input columns whose groups Evaluate compares for fairness (never the target). */
	sensitiveColumns: string[];
	// Constraints the model must meet; they guide the Choose stage's recommendation.
	/** The model must be one a person can read (a weighted sum, a small tree). */
	interpretable: boolean;
	/** Most microseconds a prediction of one row may take; null for no budget. */
	latencyBudgetUs: number | null;
	/** Most bytes the shipped pipeline may take; null for no budget. */
	modelBytesBudget: number | null;
}

export const EMPTY_BRIEF: Brief = {
	decision: '',
	users: '',
	costs: '',
	costMatrix: null,
	target: null,
	task: null,
	positiveClass: null,
	queryColumn: null,
	metric: null,
	kpiThreshold: null,
	extraKpis: [],
	sensitiveColumns: [],
	interpretable: false,
	latencyBudgetUs: null,
	modelBytesBudget: null
};

/** Share of rows below which the smallest class makes accuracy misleading. */
const IMBALANCE_SHARE = 0.25;

/** Returns what the brief still lacks, in the order a user fills it in; empty when complete. */
export function briefGaps(brief: Brief): string[] {
	const gaps: string[] = [];
	if (!brief.target) gaps.push('choose the target column');
	if (!brief.task) gaps.push('choose the task');
	if (brief.task === 'binary' && !brief.positiveClass) gaps.push('choose the positive class');
	if (brief.task === 'ranking' && !brief.queryColumn) gaps.push('choose the query column');
	if (!brief.metric) gaps.push('choose the primary metric');
	if (brief.kpiThreshold === null || !Number.isFinite(brief.kpiThreshold))
		gaps.push('set the KPI threshold');
	return gaps;
}

/** Returns the columns the brief keeps out of the model's inputs: the target, a ranking's query. */
export function outputColumnsOf(brief: Brief): string[] {
	const query = brief.task === 'ranking' ? brief.queryColumn : null;
	return [brief.target, query].filter((name): name is string => name !== null);
}

/** Returns the brief's primary KPI (metric and threshold) when it is complete. */
export function kpiOf(brief: Brief): Kpi | null {
	return brief.metric && brief.kpiThreshold !== null && Number.isFinite(brief.kpiThreshold)
		? { metric: brief.metric, threshold: brief.kpiThreshold }
		: null;
}

/** Returns every KPI of the brief, the primary one first (when complete), then the extra ones. */
export function kpisOf(brief: Brief): Kpi[] {
	const primary = kpiOf(brief);
	const extras = brief.extraKpis.filter(
		(kpi) => Number.isFinite(kpi.threshold) && kpi.metric !== primary?.metric
	);
	return primary ? [primary, ...extras] : extras;
}

/** Returns a warning when accuracy is chosen on an imbalanced target, else null. */
export function metricWarning(brief: Brief, target: TargetSummary | null): string | null {
	if (brief.metric !== 'accuracy' || !target?.classes) return null;
	const smallest = Math.min(...target.classes.map((c) => c.count));
	const share = smallest / target.present;
	if (share >= IMBALANCE_SHARE) return null;
	const majority = Math.max(...target.classes.map((c) => c.count)) / target.present;
	return `The smallest class is only ${(share * 100).toFixed(1)}% of rows: a model that always predicts the majority class already scores ${(majority * 100).toFixed(1)}% accuracy. Prefer ROC-AUC, balanced accuracy or F1.`;
}

/** Decision threshold on the positive class's probability (scikit-learn's predict()). */
export const DEFAULT_THRESHOLD = 0.5;

/** Returns what the model will predict, from a complete brief and its target's summary. */
export function toTargetSpec(brief: Brief, target: TargetSummary): TargetSpec | null {
	if (!brief.target || !brief.task) return null;
	const classes = target.classes?.map((c) => c.label) ?? [];
	switch (brief.task) {
		case 'regression':
			return { name: brief.target, task: 'regression' };
		case 'ranking':
			return brief.queryColumn
				? { name: brief.target, task: 'ranking', query: brief.queryColumn }
				: null;
		case 'binary':
			return brief.positiveClass
				? {
						name: brief.target,
						task: 'binary',
						classes,
						positive: brief.positiveClass,
						threshold: DEFAULT_THRESHOLD
					}
				: null;
		case 'multiclass':
			return { name: brief.target, task: 'multiclass', classes };
		default:
			return assertNever(brief.task, 'task');
	}
}

/** Returns the default positive class: the rarer one (ties: the later one), which metrics focus on. */
export function defaultPositiveClass(target: TargetSummary): string | null {
	const classes = target.classes ?? [];
	if (classes.length !== 2) return null;
	return classes[0].count < classes[1].count ? classes[0].label : classes[1].label;
}
