import type { ErrorValue } from '../util/core-error';
import { metricInfo, type MetricName, type MetricValues } from '../evaluate/metric-catalogue';
import { formatParam, readParam, type ParamInfo } from './param-info';
import type { TunableSpec } from './space';

/** Where a trial stands; a search runs its queued trials one after another. */
export type TrialStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** One point of a trial's learning curve, from the fit's loss events. */
export interface CurvePoint {
	iteration: number;
	loss: number;
	validation?: number;
}

/**
 * One spec tried in a tuning session, and what came of it: plain JSON, stored with the project.
 * `metrics` are validation scores, or cross-validation means with their spread in `sd`.
 */
export interface Trial {
	id: number;
	spec: TunableSpec;
	status: TrialStatus;
	metrics?: MetricValues;
	sd?: MetricValues;
	curve?: CurvePoint[];
	fitMs?: number;
	error?: ErrorValue;
}

/** Returns a queued trial per spec, numbered from `firstId`. */
export function queueTrials(specs: readonly TunableSpec[], firstId = 0): Trial[] {
	return specs.map((spec, i) => ({ id: firstId + i, spec, status: 'queued' }));
}

/**
 * Returns the finished trial with the best value of `metric` (higher or lower as the metric
 * catalogue says; the earliest wins a tie), or null when no finished trial has it.
 */
export function bestTrial(trials: readonly Trial[], metric: MetricName): Trial | null {
	const { higherIsBetter } = metricInfo(metric);
	let best: Trial | null = null;
	let bestValue = NaN;
	for (const trial of trials) {
		const value = trial.status === 'done' ? trial.metrics?.[metric] : undefined;
		if (value === undefined || !Number.isFinite(value)) continue;
		if (best === null || (higherIsBetter ? value > bestValue : value < bestValue)) {
			best = trial;
			bestValue = value;
		}
	}
	return best;
}

/** A column of the trials table: a hyperparameter, a metric's mean or spread, or the fit time. */
export interface TrialColumn {
	key: string;
	label: string;
	kind: 'param' | 'metric' | 'sd' | 'time';
}

/** A row of the trials table; cells follow the columns (null where there is no value yet). */
export interface TrialRow {
	id: number;
	status: TrialStatus;
	/** True for the best trial on the first metric. */
	best: boolean;
	cells: (string | number | null)[];
}

/**
 * Returns the trials as a table: the tuned hyperparameters as their forms show them, then each
 * metric's value and spread, then the fit time; the best trial on `metrics[0]` is marked.
 */
export function trialsToRows(
	trials: readonly Trial[],
	params: readonly ParamInfo[],
	metrics: readonly MetricName[]
): { columns: TrialColumn[]; rows: TrialRow[] } {
	const columns: TrialColumn[] = [
		...params.map((p): TrialColumn => ({ key: p.key, label: p.label, kind: 'param' })),
		...metrics.flatMap((name): TrialColumn[] => [
			{ key: name, label: metricInfo(name).label, kind: 'metric' },
			{ key: `${name}:sd`, label: `${metricInfo(name).label} SD`, kind: 'sd' }
		]),
		{ key: 'fitMs', label: 'Fit time (ms)', kind: 'time' }
	];
	const best = metrics.length > 0 ? bestTrial(trials, metrics[0]) : null;
	const rows = trials.map((trial): TrialRow => ({
		id: trial.id,
		status: trial.status,
		best: trial === best,
		cells: [
			...params.map((p) => formatParam(p, readParam(trial.spec, p))),
			...metrics.flatMap((name) => [trial.metrics?.[name] ?? null, trial.sd?.[name] ?? null]),
			trial.fitMs ?? null
		]
	}));
	return { columns, rows };
}
