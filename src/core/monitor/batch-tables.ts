import { inferColumn } from '../table/infer-kinds';
import { outputColumns, predictRaw, type Pipeline, type PredictedRows } from '../ship/pipeline';
import { typeTable, type ColumnSchema, type DatasetSchema } from '../table/schema';
import {
	cellText,
	columnLength,
	findColumn,
	isMissingAt,
	type Column,
	type ColumnKind,
	type RawColumn,
	type RawTable,
	type Table
} from '../table/table';
import { typeColumn, type TypingOptions } from '../table/type-column';
import { CoreError } from '../util/core-error';
import type { MonitorBatch } from './read-batch';
import type { ReferenceStats } from './reference-stats';
import { statsReference } from './stats-table';

/** Cells of one batch column that do not fit the kind the model reads: the server refuses their rows. */
export interface ColumnProblem {
	column: string;
	/** Cells that are neither missing nor of the column's kind (compared as missing). */
	cells: number;
	/** The current data has no value of the column's kind at all: compared by its own kind instead. */
	wholeColumn: boolean;
	/** The first few such cells, with where they are (`row 4`, `line 12`). */
	examples: { where: string; text: string }[];
	message: string;
}

/** The reference and the batch as the drift checks compare them, and what typing found. */
export interface ComparedTables {
	reference: Table;
	current: Table;
	problems: ColumnProblem[];
	/** The prediction column's name in both tables; null when the batch has no predictions. */
	prediction: string | null;
	/** Why the batch has no predictions, when it has none. */
	predictionNote: string | null;
	/** The target column's name when the batch has it (and so it is compared); else null. */
	target: string | null;
	/** The batch's columns that the model neither reads nor predicts, left out of the checks. */
	ignoredColumns: string[];
	/** The model's predictions of a CSV batch (null for a log, which brings its own). */
	predicted: PredictedRows | null;
	/** Where each batch row is: `row 4` in a CSV, `line 12` in a log. */
	where: (row: number) => string;
}

/**
 * The monitor's reference: the rows the model was trained on, every column of the dataset as
 * read, or their statistics (a retrained version's, or a bundle's `reference.json`).
 */
export type MonitorReference = RawTable | ReferenceStats;

/** What `compareTables` reads. */
export interface CompareInput {
	pipeline: Pipeline;
	reference: MonitorReference;
	batch: MonitorBatch;
	/** The target column as the project reads it. */
	target: ColumnSchema;
}

const EXAMPLES_SHOWN = 3;

/**
 * Returns the reference and the batch typed the same way, by the pipeline's input schema (and the
 * target's kind when the batch has the target), each with a prediction column: the shipped
 * pipeline's predictions (`predictRaw`) of the reference, and of a CSV batch, or a log's logged
 * predictions. A batch cell that does not fit its column is compared as missing and reported as
 * a `ColumnProblem`; a batch column with no fitting value at all is typed by its own kind, which
 * the drift report shows as a kind change. Throws `no-input-columns` for a batch that has none of
 * the model's inputs (the wrong file).
 */
export function compareTables(input: CompareInput): ComparedTables {
	const { pipeline, batch, target } = input;
	const raw = batch.kind === 'csv' ? batch.raw : batch.log.raw;
	const where = whereOf(batch);
	const inputs = pipeline.schema.columns;
	if (!inputs.some((c) => findColumn(raw.columns, c.name)))
		throw noInputs(batch.fileName, inputs, raw);
	const hasTarget = findColumn(raw.columns, target.name) !== undefined;
	const compared: DatasetSchema = {
		...pipeline.schema,
		columns: hasTarget ? [...inputs, target] : inputs
	};
	const options: TypingOptions = {
		missingTokens: compared.missingTokens,
		decimalComma: compared.decimalComma
	};
	const labels = hasTarget ? target.name : null;
	const { current, problems } = typeBatch(raw, compared, options, where, labels);
	const name = predictionName(compared.columns.map((c) => c.name));
	const predictions = batchPredictions(pipeline, batch, name, options, where);
	if (predictions.problem) problems.push(predictions.problem);
	const predicted = predictions.column;
	return {
		reference:
			'source' in input.reference
				? statsReference(
						input.reference,
						compared.columns.map((c) => c.name),
						predicted ? name : null
					)
				: typeReference(pipeline, input.reference, compared, predicted ? name : null),
		current: { rowCount: raw.rowCount, columns: predicted ? [...current, predicted] : current },
		problems,
		prediction: predicted ? name : null,
		predictionNote: predictions.note,
		target: labels,
		ignoredColumns: raw.columns
			.map((c) => c.name)
			.filter(
				(n) => !findColumn(compared.columns, n) && !outputColumns(pipeline.target).includes(n)
			),
		predicted: predictions.predicted,
		where
	};
}

/**
 * Returns the reference rows typed by `compared`, with the pipeline's predictions of them as the
 * column `prediction` (none when null): the monitor's reference, and what a bundle's reference
 * statistics describe.
 */
export function typeReference(
	pipeline: Pipeline,
	reference: RawTable,
	compared: DatasetSchema,
	prediction: string | null
): Table {
	const columns = typeTable(reference, compared).table.columns;
	if (prediction === null) return { rowCount: reference.rowCount, columns };
	const predicted = predictionColumn(predictRaw(pipeline, reference), prediction);
	return { rowCount: reference.rowCount, columns: [...columns, predicted] };
}

/** Returns the batch's compared columns typed as the model reads them, and their problems. */
function typeBatch(
	raw: RawTable,
	compared: DatasetSchema,
	options: TypingOptions,
	where: (row: number) => string,
	target: string | null
): { current: Column[]; problems: ColumnProblem[] } {
	const problems: ColumnProblem[] = [];
	const current: Column[] = [];
	for (const spec of compared.columns) {
		const source = findColumn(raw.columns, spec.name);
		if (!source) continue;
		const role = spec.name === target ? 'target' : 'input';
		const typed = typeBatchColumn(source, spec, options, where, role);
		current.push(typed.column);
		if (typed.problem) problems.push(typed.problem);
	}
	return { current, problems };
}

function whereOf(batch: MonitorBatch): (row: number) => string {
	if (batch.kind === 'csv') return (row) => `row ${row + 1}`;
	const { lines } = batch.log;
	return (row) => `line ${lines[row]}`;
}

function noInputs(fileName: string, inputs: readonly ColumnSchema[], raw: RawTable): CoreError {
	const list = (names: string[]) =>
		names.length > 8 ? `${names.slice(0, 8).join(', ')}, …` : names.join(', ');
	return new CoreError(
		'no-input-columns',
		`${fileName} has none of the model's input columns (${list(inputs.map((c) => c.name))}); its columns are ${list(raw.columns.map((c) => c.name)) || 'none'}. Is it the right file?`
	);
}

/** Returns `prediction`, or `prediction_2`, ... when the model reads a column of that name. */
export function predictionName(taken: readonly string[]): string {
	let name = 'prediction';
	for (let i = 2; taken.includes(name); i++) name = `prediction_${i}`;
	return name;
}

/**
 * Returns a batch column typed as the model reads it. When no value fits (a number column that
 * now holds words), it is typed by the kind its cells suggest, so the report shows a kind change.
 */
function typeBatchColumn(
	source: RawColumn,
	spec: ColumnSchema,
	options: TypingOptions,
	where: (row: number) => string,
	role: ColumnRole
): { column: Column; problem: ColumnProblem | null } {
	const typed = typeColumn(source, spec.kind, { ...options, dateOrder: spec.dateOrder });
	const { invalidRows } = typed;
	if (invalidRows.length === 0) return { column: typed.column, problem: null };
	const wholeColumn = presentCount(typed.column) === 0;
	const problem = columnProblem(source, spec.kind, invalidRows, wholeColumn, where, role);
	if (!wholeColumn) return { column: typed.column, problem };
	const { kind } = inferColumn(source, options.missingTokens, {}, options.decimalComma);
	const column = kind === spec.kind ? typed.column : typeColumn(source, kind, options).column;
	return { column, problem };
}

function presentCount(column: Column): number {
	let present = 0;
	const n = columnLength(column);
	for (let i = 0; i < n; i++) if (!isMissingAt(column, i)) present++;
	return present;
}

/** What a batch column is to the model: what a cell that does not fit costs depends on it. */
type ColumnRole = 'input' | 'target' | 'prediction';

const CONSEQUENCE: Record<ColumnRole, [one: string, many: string]> = {
	input: ["the model's server refuses that row", "the model's server refuses those rows"],
	target: [
		'that row is left out of the performance check',
		'those rows are left out of the performance check'
	],
	prediction: ['it is compared as missing', 'they are compared as missing']
};

const KIND_WORDS: Record<ColumnKind, string> = {
	number: 'a number',
	category: 'a category',
	text: 'text',
	boolean: 'true or false',
	date: 'a date'
};

function columnProblem(
	source: RawColumn,
	kind: ColumnKind,
	invalidRows: readonly number[],
	wholeColumn: boolean,
	where: (row: number) => string,
	role: ColumnRole
): ColumnProblem {
	const examples = invalidRows
		.slice(0, EXAMPLES_SHOWN)
		.map((row) => ({ where: where(row), text: cellText(source, row) }));
	const first = examples.map((e) => `"${e.text}" in ${e.where}`).join(', ');
	const cells = invalidRows.length;
	const count = wholeColumn
		? `none of its values is ${KIND_WORDS[kind]}`
		: `${cells} ${cells === 1 ? 'value is' : 'values are'} not ${KIND_WORDS[kind]}`;
	return {
		column: source.name,
		cells,
		wholeColumn,
		examples,
		message: `${source.name}: ${count} (${first}${cells > examples.length ? ', …' : ''}); ${CONSEQUENCE[role][cells === 1 ? 0 : 1]}.`
	};
}

/** Returns the prediction column of rows predicted by the pipeline; rows it refused are missing. */
function predictionColumn(rows: PredictedRows, name: string): Column {
	const { prediction, decided, errors } = rows;
	if (prediction.kind === 'values') {
		const values = Float64Array.from(prediction.values, (v, i) => (errors[i] === null ? v : NaN));
		return { kind: 'number', name, values };
	}
	const codes = Int32Array.from(decided!, (k, i) => (errors[i] === null ? k : -1));
	return { kind: 'category', name, codes, levels: [...prediction.classes] };
}

/** The kind of a pipeline's prediction column: the answer of a classifier, else the number. */
function predictionKind(pipeline: Pipeline): ColumnKind {
	const { task } = pipeline.target;
	return task === 'binary' || task === 'multiclass' ? 'category' : 'number';
}

interface BatchPredictions {
	column: Column | null;
	note: string | null;
	problem: ColumnProblem | null;
	predicted: PredictedRows | null;
}

/** Returns the batch's prediction column: the log's logged predictions, or the pipeline's. */
function batchPredictions(
	pipeline: Pipeline,
	batch: MonitorBatch,
	name: string,
	options: TypingOptions,
	where: (row: number) => string
): BatchPredictions {
	if (batch.kind === 'log') {
		const logged = { ...batch.log.predictions, name };
		const spec = { name, kind: predictionKind(pipeline) };
		const typed = typeBatchColumn(logged, spec, options, where, 'prediction');
		return { column: typed.column, note: null, problem: typed.problem, predicted: null };
	}
	const absent = pipeline.schema.columns
		.filter((c) => !findColumn(batch.raw.columns, c.name))
		.map((c) => `"${c.name}"`);
	if (absent.length > 0) {
		const note = `The batch has no column ${absent.join(', ')}, which the model reads, so its rows cannot be predicted and prediction drift is not checked.`;
		return { column: null, note, problem: null, predicted: null };
	}
	const predicted = predictRaw(pipeline, batch.raw);
	return { column: predictionColumn(predicted, name), note: null, problem: null, predicted };
}
