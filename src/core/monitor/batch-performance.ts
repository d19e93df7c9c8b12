import { meetsThreshold, type MetricValues } from '../evaluate/metric-catalogue';
import type { Kpi } from '../evaluate/verdict';
import type { Prediction } from '../models/model';
import {
	encodeTargetOf,
	scorePrediction,
	scoringColumns,
	type Pipeline,
	type PredictedRows
} from '../ship/pipeline';
import { typeTable, type ColumnSchema } from '../table/schema';
import {
	findColumn,
	isMissingAt,
	selectColumnRows,
	type RawTable,
	type Table
} from '../table/table';
import { CoreError } from '../util/core-error';

/** One KPI of the brief held against the batch's score. */
export interface BatchKpiCheck {
	kpi: Kpi;
	/** The batch's value of the KPI's metric; NaN when it is undefined on these rows. */
	value: number;
	met: boolean;
}

/** How the shipped model did on a labelled batch. */
export interface BatchPerformance {
	/** Rows with a label and a prediction: the rows scored. */
	rows: number;
	/** Rows left out: no label, or a row the model's server would refuse. */
	leftOut: number;
	/** The task's metrics on the scored rows; null when the batch could not be scored. */
	metrics: MetricValues | null;
	/** Why the batch could not be scored, in a sentence; null when it was. */
	problem: string | null;
	kpis: BatchKpiCheck[];
}

/**
 * Returns the model's scores on the batch rows that have a label and a prediction
 * (`scorePrediction`, as on the test set) and each KPI held against them; null when the batch has
 * no target column. A batch that cannot be scored (a class the model never saw, a ranking row
 * without its query, no labelled row) gets a `problem` instead of metrics, never an error.
 */
export function batchPerformance(
	pipeline: Pipeline,
	batch: RawTable,
	predicted: PredictedRows,
	target: ColumnSchema,
	kpis: readonly Kpi[] = []
): BatchPerformance | null {
	if (!findColumn(batch.columns, target.name)) return null;
	const none = (problem: string, rows = 0): BatchPerformance => ({
		rows,
		leftOut: batch.rowCount - rows,
		metrics: null,
		problem,
		kpis: []
	});
	const [query] = scoringColumns(pipeline.target);
	if (query && !findColumn(batch.columns, query.name))
		return none(`The batch has no query column "${query.name}", which ranking scores need.`);
	const columns = [target, ...scoringColumns(pipeline.target)];
	const { table } = typeTable(batch, { ...pipeline.schema, columns });
	const rows = scoredRows(table, predicted.errors);
	if (rows.length === 0)
		return none(
			'No row of the batch has both a label and a prediction, so there is nothing to score.'
		);
	const scored: Table = {
		rowCount: rows.length,
		columns: table.columns.map((c) => selectColumnRows(c, rows))
	};
	let metrics: MetricValues;
	try {
		const truth = encodeTargetOf(pipeline.target, scored);
		metrics = scorePrediction(pipeline.target, truth, selectPrediction(predicted.prediction, rows));
	} catch (error) {
		if (!(error instanceof CoreError)) throw error;
		return none(`The batch could not be scored: ${error.message}`, rows.length);
	}
	return {
		rows: rows.length,
		leftOut: batch.rowCount - rows.length,
		metrics,
		problem: null,
		kpis: kpis.map((kpi) => kpiCheck(kpi, metrics))
	};
}

/** Returns the rows with every scoring column present and a prediction. */
function scoredRows(table: Table, errors: readonly (string | null)[]): Int32Array {
	const rows: number[] = [];
	for (let i = 0; i < table.rowCount; i++) {
		if (errors[i] !== null) continue;
		if (table.columns.every((c) => !isMissingAt(c, i))) rows.push(i);
	}
	return Int32Array.from(rows);
}

function selectPrediction(prediction: Prediction, rows: Int32Array): Prediction {
	if (prediction.kind === 'values')
		return { kind: 'values', values: Float64Array.from(rows, (r) => prediction.values[r]) };
	const k = prediction.classes.length;
	const proba = new Float64Array(rows.length * k);
	rows.forEach((r, i) => proba.set(prediction.proba.subarray(r * k, (r + 1) * k), i * k));
	return { kind: 'classes', classes: prediction.classes, proba };
}

function kpiCheck(kpi: Kpi, metrics: MetricValues): BatchKpiCheck {
	const value = metrics[kpi.metric] ?? NaN;
	return {
		kpi,
		value,
		met: Number.isFinite(value) && meetsThreshold(kpi.metric, value, kpi.threshold)
	};
}
