import { metricsForTask, type MetricName } from '../evaluate/metric-catalogue';
import type { Kpi } from '../evaluate/verdict';
import { EMPTY_BRIEF, type Brief } from './brief';
import { tidyBrief } from './brief-checks';
import { parseCostMatrix } from './cost-matrix';
import { TASK_KINDS } from './task';

const METRICS: ReadonlySet<unknown> = new Set<MetricName>(TASK_KINDS.flatMap(metricsForTask));

function isKpi(value: unknown): value is Kpi {
	if (typeof value !== 'object' || value === null) return false;
	const { metric, threshold } = value as Record<string, unknown>;
	return METRICS.has(metric) && typeof threshold === 'number' && Number.isFinite(threshold);
}

/**
 * Returns a stored brief as a brief of this version: fields an older save lacks get their
 * defaults (no cost matrix, no extra KPIs, no sensitive columns), and stored values of those
 * fields that are unusable or no longer fit the brief are dropped rather than refusing the project.
 */
export function parseBrief(value: object): Brief {
	const raw = value as Partial<Record<keyof Brief, unknown>>;
	const { extraKpis, sensitiveColumns } = raw;
	return tidyBrief({
		...EMPTY_BRIEF,
		...(value as Partial<Brief>),
		costMatrix: parseCostMatrix(raw.costMatrix),
		queryColumn: typeof raw.queryColumn === 'string' ? raw.queryColumn : null,
		extraKpis: Array.isArray(extraKpis)
			? extraKpis.filter(isKpi).map(({ metric, threshold }) => ({ metric, threshold }))
			: [],
		sensitiveColumns: Array.isArray(sensitiveColumns)
			? sensitiveColumns.filter((c): c is string => typeof c === 'string')
			: []
	});
}
