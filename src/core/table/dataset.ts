import { summarizeTarget, encodeClasses, type TargetSummary } from '../brief/target';
import type { TaskKind } from '../brief/task';
import { splitRows, type Split, type SplitPlan } from '../split/split';
import { CoreError } from '../util/core-error';
import { createFileHasher } from '../util/hash';
import type { TaskContext } from '../util/task';
import { columnSchema, inferColumn, type ColumnReport, type InferChoices } from './infer-kinds';
import { ingestCsv, type ByteSource, type IngestOptions } from './ingest';
import type { CsvDialect, DialectChoice, DialectQuestion, RaggedRows } from './parse-csv';
import type { DateOrder } from './parse-date';
import { toSchema, typeTable, type ColumnSchema, type DatasetSchema } from './schema';
import {
	cellText,
	findColumn,
	rawRows,
	type Column,
	type ColumnKind,
	type RawTable
} from './table';
import { typeColumn } from './type-column';

/** The user's choices about how the file is read; replayed when it is read again. */
export interface ReadChoices {
	dialect: DialectChoice;
	missingTokens: string[] | null;
	/** Per column name: kind and date-order choices. */
	columns: [string, InferChoices][];
}

/** A loaded file: its raw cells, how it was read, and the kind of each column. */
export interface Dataset {
	fileName: string;
	bytes: number;
	fingerprint: string;
	raw: RawTable;
	dialect: CsvDialect;
	questions: DialectQuestion[];
	ragged: RaggedRows;
	lines: number;
	notes: string[];
	reports: ColumnReport[];
	missingTokens: string[];
	choices: ReadChoices;
}

/** What the UI knows about the loaded dataset: summaries, never the whole table. */
export interface DatasetSummary {
	fileName: string;
	bytes: number;
	/** SHA-256 of the file (over 1 MiB blocks for a larger file; see `createFileHasher`). */
	fingerprint: string;
	rowCount: number;
	lines: number;
	dialect: CsvDialect;
	questions: DialectQuestion[];
	ragged: RaggedRows;
	notes: string[];
	reports: ColumnReport[];
	missingTokens: string[];
	choices: ReadChoices;
	/** Each column considered as a target, in column order. */
	targets: TargetSummary[];
	/** The first rows' cell text. */
	preview: string[][];
}

const PREVIEW_ROWS = 20;
const MAX_LISTED_EXAMPLES = 3;

/** No choices: everything detected. */
export const NO_CHOICES: ReadChoices = Object.freeze({
	dialect: Object.freeze({}),
	missingTokens: null,
	columns: Object.freeze([])
}) as unknown as ReadChoices;

/** Wraps a source so that the bytes read, in order, feed a file hasher. */
function hashing(source: ByteSource): { source: ByteSource; digest: () => Promise<string> } {
	const hasher = createFileHasher();
	let hashed = 0;
	return {
		source: {
			size: source.size,
			async read(start, end) {
				const bytes = await source.read(start, end);
				if (start <= hashed && start + bytes.length > hashed) {
					await hasher.update(bytes.subarray(hashed - start));
					hashed = start + bytes.length;
				}
				return bytes;
			}
		},
		digest: () => hasher.digest()
	};
}

/** Returns the dataset read from a file, with the user's reading choices applied. */
export async function loadDataset(
	file: ByteSource,
	fileName: string,
	choices: ReadChoices = NO_CHOICES,
	ctx: TaskContext = {}
): Promise<Dataset> {
	const { source, digest } = hashing(file);
	const options: IngestOptions = {
		dialect: choices.dialect,
		missingTokens: choices.missingTokens ?? undefined,
		columns: choices.columns
	};
	const ingested = await ingestCsv(source, options, ctx);
	const dataset: Dataset = {
		fileName,
		bytes: file.size,
		fingerprint: await digest(),
		raw: ingested.raw,
		dialect: ingested.dialect,
		questions: ingested.questions,
		ragged: ingested.ragged,
		lines: ingested.lines,
		notes: ingested.notes,
		reports: ingested.reports,
		missingTokens: ingested.missingTokens,
		choices: keepKnownColumns(choices, ingested.reports)
	};
	// A kind chosen for the file as read before (another separator or decimal mark) may not fit
	// now: check every chosen kind, and drop with a note those that would blank cells.
	const chosenKind = dataset.choices.columns.some(([, c]) => c.kind !== undefined);
	return chosenKind ? setMissingTokens(dataset, dataset.missingTokens) : dataset;
}

/** Drops choices about columns the file (as now read) does not have. */
function keepKnownColumns(choices: ReadChoices, reports: readonly ColumnReport[]): ReadChoices {
	const names = new Set(reports.map((r) => r.name));
	return { ...choices, columns: choices.columns.filter(([name]) => names.has(name)) };
}

/** Returns the schema that types the dataset's columns as its reports say. */
export function datasetSchema(dataset: Dataset, columns?: readonly ColumnSchema[]): DatasetSchema {
	const schema = toSchema(columns ?? dataset.reports.map(columnSchema), dataset.missingTokens);
	return dataset.dialect.decimal === ',' ? { ...schema, decimalComma: true } : schema;
}

const commaOf = (dataset: Dataset) => dataset.dialect.decimal === ',';

/** Returns the typed column, as its report's kind says. */
export function typedColumn(dataset: Dataset, name: string): Column {
	const report = findColumn(dataset.reports, name);
	if (!report)
		throw new CoreError('missing-column', `There is no column "${name}".`, { column: name });
	return typeTable(dataset.raw, datasetSchema(dataset, [columnSchema(report)])).table.columns[0];
}

/** Returns the dataset's summaries for the UI: reports, target summaries and the first rows. */
export function summarizeDataset(dataset: Dataset): DatasetSummary {
	return {
		fileName: dataset.fileName,
		bytes: dataset.bytes,
		fingerprint: dataset.fingerprint,
		rowCount: dataset.raw.rowCount,
		lines: dataset.lines,
		dialect: dataset.dialect,
		questions: dataset.questions,
		ragged: dataset.ragged,
		notes: dataset.notes,
		reports: dataset.reports,
		missingTokens: dataset.missingTokens,
		choices: dataset.choices,
		targets: dataset.reports.map((r) => summarizeTarget(typedColumn(dataset, r.name))),
		preview: rawRows(dataset.raw, 0, PREVIEW_ROWS)
	};
}

/** Returns the choices with one more choice about a column (merged with earlier ones). */
export function withColumnChoice(
	choices: ReadChoices,
	name: string,
	choice: InferChoices
): ReadChoices {
	const previous = choices.columns.find(([n]) => n === name)?.[1] ?? {};
	return {
		...choices,
		columns: [...choices.columns.filter(([n]) => n !== name), [name, { ...previous, ...choice }]]
	};
}

const KIND_WORDS: Record<ColumnKind, string> = {
	number: 'numbers',
	category: 'categories',
	text: 'text',
	boolean: 'true/false values',
	date: 'dates'
};

/**
 * Returns the dataset with one column's kind or date order chosen by the user. Refuses a kind
 * that some of the column's values do not fit, naming examples, so no value silently becomes
 * missing.
 */
export function chooseColumn(
	dataset: Dataset,
	name: string,
	choice: InferChoices
): { dataset: Dataset; report: ColumnReport; target: TargetSummary } {
	const raw = findColumn(dataset.raw.columns, name);
	const current = findColumn(dataset.reports, name);
	if (!raw || !current)
		throw new CoreError('missing-column', `There is no column "${name}".`, { column: name });
	const choices = withColumnChoice(dataset.choices, name, choice);
	const merged = choices.columns.find(([n]) => n === name)![1];
	const kind = merged.kind ?? current.inferredKind;
	const { invalidRows } = typeColumn(raw, kind, {
		missingTokens: dataset.missingTokens,
		dateOrder: merged.dateOrder ?? current.dates?.order,
		decimalComma: commaOf(dataset)
	});
	if (invalidRows.length > 0) {
		const examples = [...new Set(invalidRows.map((row) => cellText(raw, row)))].slice(
			0,
			MAX_LISTED_EXAMPLES
		);
		throw new CoreError(
			'wrong-kind',
			`"${name}" cannot be read as ${KIND_WORDS[kind]}: ${invalidRows.length} value(s) do not fit, such as ${examples.map((e) => `"${e}"`).join(', ')}. ` +
				'Add them to the missing-value tokens if they mean "no value", or clean them first.',
			{ column: name }
		);
	}
	const report = inferColumn(raw, dataset.missingTokens, merged, commaOf(dataset));
	const next = {
		...dataset,
		choices,
		reports: dataset.reports.map((r) => (r.name === name ? report : r))
	};
	return { dataset: next, report, target: summarizeTarget(typedColumn(next, name)) };
}

/** Returns the dataset with `kind` chosen for a column (see `chooseColumn`). */
export function retypeColumn(dataset: Dataset, name: string, kind: ColumnKind) {
	return chooseColumn(dataset, name, { kind });
}

/** Returns the dataset with the date order chosen for a column (see `chooseColumn`). */
export function setDateOrder(dataset: Dataset, name: string, dateOrder: DateOrder) {
	return chooseColumn(dataset, name, { dateOrder });
}

/**
 * Returns the dataset read with a new list of missing-value tokens: every column is inferred
 * again. A kind the user chose that no longer fits (a token removed from a number column) is
 * dropped, with a note naming the column.
 */
export function setMissingTokens(dataset: Dataset, tokens: readonly string[]): Dataset {
	const missingTokens = [...new Set(tokens.map((t) => t.trim()))];
	const notes = dataset.notes.filter((n) => !n.startsWith('Your choice of kind for'));
	const columns: [string, InferChoices][] = [];
	const reports = dataset.raw.columns.map((raw) => {
		const choice = dataset.choices.columns.find(([n]) => n === raw.name)?.[1] ?? {};
		let report = inferColumn(raw, missingTokens, choice, commaOf(dataset));
		if (choice.kind && choice.kind !== report.inferredKind) {
			const { invalidRows } = typeColumn(raw, choice.kind, {
				missingTokens,
				dateOrder: report.dates?.order,
				decimalComma: commaOf(dataset)
			});
			if (invalidRows.length > 0) {
				notes.push(
					`Your choice of kind for "${raw.name}" (${choice.kind}) no longer fits its values as the file is now read, so it is back to ${report.inferredKind}.`
				);
				const rest: InferChoices = { dateOrder: choice.dateOrder };
				report = inferColumn(raw, missingTokens, rest, commaOf(dataset));
				columns.push([raw.name, rest]);
				return report;
			}
		}
		columns.push([raw.name, choice]);
		return report;
	});
	return {
		...dataset,
		missingTokens,
		notes,
		reports,
		choices: {
			...dataset.choices,
			missingTokens,
			columns: columns.filter(([, c]) => c.kind !== undefined || c.dateOrder !== undefined)
		}
	};
}

/** Returns the seeded split of the dataset's rows; rows without a target value are dropped. */
export function splitDataset(
	dataset: Dataset,
	target: ColumnSchema,
	task: TaskKind,
	classes: readonly string[],
	plan: SplitPlan
): Split {
	const column = typeTable(dataset.raw, datasetSchema(dataset, [target])).table.columns[0];
	let strata: Int32Array;
	if (task === 'regression') {
		if (column.kind !== 'number')
			throw new CoreError(
				'target-not-numeric',
				`Regression needs a numeric target; "${target.name}" is not.`
			);
		strata = Int32Array.from(column.values, (v) => (Number.isNaN(v) ? -1 : 0));
	} else {
		strata = encodeClasses(column, classes);
	}
	return splitRows(
		dataset.raw.rowCount,
		{ ...plan, stratify: plan.stratify && task !== 'regression' },
		strata
	);
}
