import { encodeClasses, encodeValues, type EncodedTarget } from '../brief/target';
import {
	classificationMetrics,
	decide,
	regressionMetrics,
	type Decision
} from '../evaluate/metrics';
import type { MetricValues } from '../evaluate/metric-catalogue';
import { rankingMetrics } from '../evaluate/ranking-metrics';
import { groupCodes } from '../split/split-columns';
import { CoreError } from '../util/core-error';
import type { Model, Prediction } from '../models/model';
import { predictModel } from '../models/registry';
import { applyRecipe, type FittedRecipe } from '../prepare/recipe';
import { typeTable, type ColumnSchema, type DatasetSchema } from '../table/schema';
import { findColumn, type RawTable, type Table } from '../table/table';

/** What the model predicts and how scores become answers. */
export type TargetSpec =
	| { name: string; task: 'regression' }
	/** Pointwise ranking: the model predicts a relevance score; rows compare within a query. */
	| { name: string; task: 'ranking'; query: string }
	| { name: string; task: 'binary'; classes: string[]; positive: string; threshold: number }
	| { name: string; task: 'multiclass'; classes: string[] };

/** Everything needed to turn raw input rows into predictions: the unit the bundle ships. */
export interface Pipeline {
	/** The input columns the model reads, and which cell texts mean missing. */
	schema: DatasetSchema;
	recipe: FittedRecipe;
	model: Model;
	target: TargetSpec;
}

/** Predictions for a batch, with a message for each row that could not be predicted. */
export interface PredictedRows {
	prediction: Prediction;
	/** Predicted class index per row (classification only). */
	decided: Int32Array | null;
	/** Per row: null, or why the row has no prediction (a cell that does not fit its column). */
	errors: (string | null)[];
}

/** Returns the decision rule of a target: a threshold on the positive class, or the most likely class. */
export function decisionOf(target: TargetSpec): Decision {
	if (target.task === 'binary')
		return {
			kind: 'threshold',
			positive: target.classes.indexOf(target.positive),
			threshold: target.threshold
		};
	return { kind: 'argmax' };
}

/** Returns the pipeline deciding at `threshold` when it is binary; any other pipeline as it is. */
export function withThreshold(pipeline: Pipeline, threshold: number): Pipeline {
	return pipeline.target.task === 'binary'
		? { ...pipeline, target: { ...pipeline.target, threshold } }
		: pipeline;
}

/** Returns the predictions of the pipeline for typed rows. */
export function predictTable(pipeline: Pipeline, table: Table): Prediction {
	return predictModel(pipeline.model, applyRecipe(pipeline.recipe, table));
}

/**
 * Returns the predictions for raw rows (cell text, as read from a CSV): the one implementation the
 * app's evaluation and the exported bundle share. A row with a cell that does not fit its column
 * (text in a number column) gets an error message instead of a prediction.
 */
export function predictRaw(pipeline: Pipeline, raw: RawTable): PredictedRows {
	const { table, invalid } = typeTable(raw, pipeline.schema);
	const errors: (string | null)[] = new Array<string | null>(raw.rowCount).fill(null);
	for (const cell of invalid) {
		errors[cell.row] ??= `column "${cell.column}": ${cell.problem}`;
	}
	const prediction = predictTable(pipeline, table);
	const decided =
		prediction.kind === 'classes'
			? decide(prediction.proba, prediction.classes.length, decisionOf(pipeline.target))
			: null;
	return { prediction, decided, errors };
}

/** Returns the header and cell texts of a predictions table: the answer, then each class's probability. */
export function predictionCells(rows: PredictedRows): { header: string[]; cells: string[][] } {
	const { prediction, decided, errors } = rows;
	const classes = prediction.kind === 'classes' ? prediction.classes : [];
	const header = ['prediction', ...classes.map((c) => `probability_${c}`), 'error'];
	const cells = errors.map((error, i) => {
		if (error !== null) return [...header.slice(0, -1).map(() => ''), error];
		if (prediction.kind === 'values') return [String(prediction.values[i]), ''];
		const k = classes.length;
		const proba = Array.from(prediction.proba.subarray(i * k, (i + 1) * k), String);
		return [classes[decided![i]], ...proba, ''];
	});
	return { header, cells };
}

/**
 * Returns the columns besides the target that scoring a prediction reads: a ranking's query
 * column, read as categories (its values only name the query). Never a model input.
 */
export function scoringColumns(target: TargetSpec): ColumnSchema[] {
	return target.task === 'ranking' ? [{ name: target.query, kind: 'category' }] : [];
}

/** Returns the columns that are never model inputs: the target, and a ranking's query column. */
export function outputColumns(target: TargetSpec): string[] {
	return [target.name, ...scoringColumns(target).map((c) => c.name)];
}

function columnOf(table: Table, name: string) {
	const column = findColumn(table.columns, name);
	if (!column)
		throw new CoreError('missing-column', `The rows have no column "${name}".`, { column: name });
	return column;
}

/** Returns the target of typed rows encoded for the target spec (a ranking's with its queries). */
export function encodeTargetOf(target: TargetSpec, table: Table): EncodedTarget {
	const column = columnOf(table, target.name);
	switch (target.task) {
		case 'regression':
			return { kind: 'values', y: encodeValues(column) };
		case 'ranking': {
			const queries = groupCodes(columnOf(table, target.query));
			const missing = queries.indexOf(-1);
			if (missing >= 0)
				throw new CoreError(
					'missing-query',
					`Row ${missing + 1} has no value in the query column "${target.query}": a ranked row needs its query.`,
					{ column: target.query }
				);
			return { kind: 'values', y: encodeValues(column), queries };
		}
		default:
			return { kind: 'classes', classes: target.classes, y: encodeClasses(column, target.classes) };
	}
}

/** Returns the metrics of a prediction against the true target values. */
export function scorePrediction(
	target: TargetSpec,
	truth: EncodedTarget,
	prediction: Prediction
): MetricValues {
	if (truth.kind === 'values' && prediction.kind === 'values') {
		if (target.task !== 'ranking') return regressionMetrics(truth.y, prediction.values);
		if (truth.queries) return rankingMetrics(truth.y, prediction.values, truth.queries);
	}
	if (truth.kind === 'classes' && prediction.kind === 'classes') {
		return classificationMetrics(
			truth.y,
			prediction.proba,
			prediction.classes.length,
			decisionOf(target)
		);
	}
	throw new Error('The prediction does not match the task of the target.');
}
