// The answers to POST /predict requests: predictRaw, the one implementation of prediction that
// predict.mjs and the app share, over the requests' rows, with a precise error for each bad row.
import { predictRaw, type Pipeline, type PredictedRows } from '../../src/core/ship/pipeline';
import { RawColumnBuilder } from '../../src/core/table/column-builder';
import { typeTable } from '../../src/core/table/schema';
import type { RawTable } from '../../src/core/table/table';
import type { RequestRows, RowError } from './request-rows';

/** One row's answer: `prediction`, then `probability_<class>` for each class of a classifier. */
export type RowPrediction = Record<string, string | number>;

/** The predictions of a request, null for each row that has an error. */
export interface RequestPredictions {
	predictions: (RowPrediction | null)[];
	/** Every problem found, by row, then in the schema's column order. */
	errors: RowError[];
}

function rowOutput(rows: PredictedRows, i: number): RowPrediction {
	const { prediction, decided } = rows;
	if (prediction.kind === 'values') return { prediction: prediction.values[i] };
	const k = prediction.classes.length;
	// Object.fromEntries defines own properties, so a class called "__proto__" stays a key.
	return Object.fromEntries([
		['prediction', prediction.classes[decided![i]]],
		...prediction.classes.map((c, j) => [`probability_${c}`, prediction.proba[i * k + j]])
	]) as RowPrediction;
}

/** Returns the rows of several tables with the same columns, one after another. */
function concatRows(tables: RawTable[]): RawTable {
	if (tables.length === 1) return tables[0];
	const columns = tables[0].columns.map((column, j) => {
		const builder = new RawColumnBuilder(false);
		for (const table of tables) builder.append(table.columns[j]);
		return builder.finish(column.name);
	});
	return { rowCount: tables.reduce((n, t) => n + t.rowCount, 0), columns };
}

/**
 * Returns the predictions of each request's rows, predicted together in one predictRaw call
 * (each row's prediction depends on that row alone, so a batch changes no number). A row with an
 * error from its request (a field absent, a value that is not a cell) or from typing (text in a
 * number column) gets null and its errors; the other rows get exactly what predict.mjs writes.
 */
export function predictRequests(pipeline: Pipeline, requests: RequestRows[]): RequestPredictions[] {
	const raw = concatRows(requests.map((r) => r.raw));
	const predicted = predictRaw(pipeline, raw);
	// predictRaw keeps one message per row; typing again lists every cell, with its column.
	const invalid = predicted.errors.some((e) => e !== null)
		? typeTable(raw, pipeline.schema).invalid
		: [];
	const order = new Map(pipeline.schema.columns.map((c, j) => [c.name, j]));
	const rank = (e: RowError) => (e.column === null ? -1 : (order.get(e.column) ?? -1));
	let start = 0;
	return requests.map((rows) => {
		const end = start + rows.raw.rowCount;
		const errors = [...rows.errors];
		for (const cell of invalid)
			if (cell.row >= start && cell.row < end)
				errors.push({ row: cell.row - start, column: cell.column, reason: cell.problem });
		// A number model can overflow (a weight times 1e308): JSON has no Infinity or NaN, so the
		// row gets an error rather than a null prediction a client or the Monitor would misread.
		if (predicted.prediction.kind === 'values')
			for (let i = 0; i < rows.raw.rowCount; i++)
				if (
					!Number.isFinite(predicted.prediction.values[start + i]) &&
					!errors.some((e) => e.row === i)
				)
					errors.push({
						row: i,
						column: null,
						reason: 'the model predicts no finite number for this row (a value too large?)'
					});
		errors.sort((a, b) => a.row - b.row || rank(a) - rank(b));
		const bad = new Set(errors.map((e) => e.row));
		const offset = start;
		const predictions = Array.from({ length: rows.raw.rowCount }, (_, i) =>
			bad.has(i) ? null : rowOutput(predicted, offset + i)
		);
		start = end;
		return { predictions, errors };
	});
}
