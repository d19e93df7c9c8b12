import { metricInfo, type MetricValues } from '../evaluate/metric-catalogue';
import type { Kpi } from '../evaluate/verdict';
import type { Pipeline } from '../ship/pipeline';
import type { ColumnSchema } from '../table/schema';
import { batchPerformance, type BatchPerformance } from './batch-performance';
import { compareTables, type ColumnProblem, type MonitorReference } from './batch-tables';
import { formatStat, type DriftAlertKind } from './drift-alerts';
import type { DriftOptions } from './drift-options';
import { driftReport, type DriftReport } from './drift-report';
import type { LogSummary } from './prediction-log';
import type { MonitorBatch } from './read-batch';

/** What a monitor alert is about: a drift finding, or a problem of the batch itself. */
export type MonitorAlertKind =
	DriftAlertKind | 'kpi-missed' | 'refused-rows' | 'invalid-cells' | 'no-predictions';

/** One finding worth a look, with its evidence in a plain sentence. */
export interface MonitorAlert {
	kind: MonitorAlertKind;
	/** The column it is about; null for the batch or the dataset. */
	column: string | null;
	message: string;
}

/** What `monitorBatch` compares: the shipped pipeline, its reference rows and a batch. */
export interface MonitorInput {
	/** The shipped pipeline (the evaluated run's, at the threshold the test judged). */
	pipeline: Pipeline;
	/** The reference: the project's train rows, every column as read, or a version's statistics. */
	reference: MonitorReference;
	batch: MonitorBatch;
	/** The target column as the project reads it. */
	target: ColumnSchema;
	options?: DriftOptions;
	/** The brief's KPIs, the primary first: held against a labelled batch. */
	kpis?: readonly Kpi[];
	/** The model's metrics on the test set, quoted beside a missed KPI. */
	testMetrics?: MetricValues;
}

/** Where the batch came from: a CSV of rows, or a prediction log with its summary. */
export type BatchSource =
	{ kind: 'csv'; rows: number; notes: string[] } | { kind: 'log'; summary: LogSummary };

/** The monitor's check of one batch against the reference. */
export interface MonitorReport {
	fileName: string;
	source: BatchSource;
	/** Inputs, the target when the batch has it, and the prediction column. */
	drift: DriftReport;
	/** The prediction column's name in `drift`; null when the batch has no predictions. */
	prediction: string | null;
	predictionNote: string | null;
	/** The target column's name in `drift` when the batch has labels; else null. */
	target: string | null;
	problems: ColumnProblem[];
	/** Batch columns that the model neither reads nor predicts: not compared. */
	ignoredColumns: string[];
	/** The model's scores on a labelled batch; null when the batch has no labels. */
	performance: BatchPerformance | null;
	/** KPIs missed, refused rows, cells that do not fit, then the drift report's alerts. */
	alerts: MonitorAlert[];
}

/**
 * Returns the monitor's report on a batch: the reference (train rows) and the batch typed the
 * same way with a prediction column each (`compareTables`), their drift report, the model's
 * performance when the batch has labels (a CSV with the target column), and every alert. A batch
 * that does not fit the model gets findings and messages, not an error; throws a `CoreError` only
 * for bad options or a batch without any of the model's inputs.
 */
export function monitorBatch(input: MonitorInput): MonitorReport {
	const { pipeline, batch, target } = input;
	const tables = compareTables(input);
	const drift = driftReport(tables.reference, tables.current, input.options);
	const performance =
		batch.kind === 'csv' && tables.predicted
			? batchPerformance(pipeline, batch.raw, tables.predicted, target, input.kpis)
			: null;
	const source: BatchSource =
		batch.kind === 'csv'
			? { kind: 'csv', rows: batch.raw.rowCount, notes: batch.notes }
			: { kind: 'log', summary: batch.log.summary };
	const alerts: MonitorAlert[] = [
		...kpiAlerts(performance, input.testMetrics ?? {}),
		...(source.kind === 'log' ? refusedAlerts(source.summary) : []),
		...tables.problems.map((p) => ({
			kind: 'invalid-cells' as const,
			column: p.column,
			message: p.message
		})),
		...(tables.predictionNote
			? [{ kind: 'no-predictions' as const, column: null, message: tables.predictionNote }]
			: []),
		...drift.alerts
	];
	return {
		fileName: batch.fileName,
		source,
		drift,
		prediction: tables.prediction,
		predictionNote: tables.predictionNote,
		target: tables.target,
		problems: tables.problems,
		ignoredColumns: tables.ignoredColumns,
		performance,
		alerts
	};
}

function kpiAlerts(performance: BatchPerformance | null, test: MetricValues): MonitorAlert[] {
	return (performance?.kpis ?? [])
		.filter((check) => !check.met)
		.map(({ kpi, value }) => {
			const info = metricInfo(kpi.metric);
			const op = info.higherIsBetter ? '≥' : '≤';
			const onTest = test[kpi.metric];
			const was = onTest === undefined ? '' : ` (on the test set: ${formatStat(onTest)})`;
			const now = Number.isFinite(value) ? formatStat(value) : 'undefined';
			return {
				kind: 'kpi-missed',
				column: null,
				message: `${info.label} on this batch is ${now}${was}; the KPI asks ${op} ${kpi.threshold}.`
			};
		});
}

function refusedAlerts(summary: LogSummary): MonitorAlert[] {
	if (summary.refused === 0) return [];
	const rows = summary.predicted + summary.refused;
	const share = formatStat((100 * summary.refused) / rows);
	const causes = summary.refusals
		.slice(0, 3)
		.map((r) => `${r.column ?? 'the whole row'}: ${r.rows} (${r.example})`)
		.join('; ');
	return [
		{
			kind: 'refused-rows',
			column: null,
			message: `The server refused ${summary.refused} of ${rows} logged rows (${share}%); they are left out of the drift checks. Most often ${causes}.`
		}
	];
}
