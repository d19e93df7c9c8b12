import { summarizeTarget, encodeClasses, type TargetSummary } from '../brief/target';
import { predictsValues, taskLabel, type TaskKind } from '../brief/task';
import { splitKindOf, type Split, type SplitPlan } from '../split/split';
import { developmentFolds } from '../split/k-fold';
import { identifierColumns } from '../profile/profile-dataset';
import { splitByPlan, type SplitInputs } from '../split/split-by-plan';
import { duplicateKeys, groupCodes, timeValues } from '../split/split-columns';
import { CoreError } from '../util/core-error';
import type { TaskContext } from '../util/task';
import {
	columnSchema,
	inferChosen,
	inferColumn,
	InferScratch,
	type ColumnReport,
	type InferChoices
} from './infer-kinds';
import { ingestCsv, type ByteSource, type Ingested, type IngestOptions } from './ingest';
import type { DialectChoice } from './parse-csv';
import type { DateOrder } from './parse-date';
import { toSchema, typeTable, type ColumnSchema, type DatasetSchema } from './schema';
import { cellText, findColumn, rawRows, type Column, type ColumnKind } from './table';
import { typeColumn } from './type-column';

/** The user's choices about how the file is read; replayed when it is read again. */
export interface ReadChoices {
	dialect: DialectChoice;
	missingTokens: string[] | null;
	/** Per column name: kind and date-order choices. */
	columns: [string, InferChoices][];
}

/** A loaded file: its raw cells, how it was read, and the kind of each column. */
export interface Dataset extends Omit<Ingested, 'columns'> {
	fileName: string;
	bytes: number;
	/** The user's reading choices that hold for the file as now read. */
	choices: ReadChoices;
}

/** What the UI knows about the loaded dataset: summaries, never the whole table. */
export interface DatasetSummary extends Omit<Dataset, 'raw'> {
	rowCount: number;
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

/**
 * Returns the dataset read from a file, with the user's reading choices applied; `parts` reads
 * the second half of a large file in another worker (see `IngestOptions`).
 */
export async function loadDataset(
	file: ByteSource,
	fileName: string,
	choices: ReadChoices = NO_CHOICES,
	ctx: TaskContext = {},
	parts: Pick<IngestOptions, 'readPart' | 'partMinBytes' | 'chunkBytes'> = {}
): Promise<Dataset> {
	const options: IngestOptions = {
		dialect: choices.dialect,
		missingTokens: choices.missingTokens ?? undefined,
		columns: choices.columns,
		...parts
	};
	const { columns, ...ingested } = await ingestCsv(file, options, ctx);
	return { ...ingested, fileName, bytes: file.size, choices: { ...choices, columns } };
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
	const { raw, ...rest } = dataset;
	return {
		...rest,
		rowCount: raw.rowCount,
		targets: dataset.reports.map((r) => summarizeTarget(typedColumn(dataset, r.name))),
		preview: rawRows(raw, 0, PREVIEW_ROWS)
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
	const scratch = new InferScratch();
	const reports = dataset.raw.columns.map((raw) => {
		const choice = dataset.choices.columns.find(([n]) => n === raw.name)?.[1];
		const chosen = inferChosen(raw, missingTokens, choice, commaOf(dataset), scratch);
		if (chosen.note) notes.push(chosen.note);
		columns.push([raw.name, chosen.choice]);
		return chosen.report;
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

/**
 * Returns the seeded split of the dataset's rows, of the plan's kind (see `splitByPlan`); rows
 * without a target value are dropped, and in a time split rows without a time value too. With
 * `keepDuplicatesTogether`, rows equal in every column but the target and the identifiers share a
 * part (a copy entered under a new id is still a copy). Throws
 * a `CoreError` when the plan names a column the dataset lacks, the target itself, or (for a time
 * split) a column that holds neither dates nor numbers. A ranking task (`query` its query column)
 * must split by group on the query, so a query's rows never straddle train and test; its rows
 * without a query are dropped.
 */
export function splitDataset(
	dataset: Dataset,
	target: ColumnSchema,
	task: TaskKind,
	classes: readonly string[],
	plan: SplitPlan,
	query: string | null = null
): Split {
	const column = typeTable(dataset.raw, datasetSchema(dataset, [target])).table.columns[0];
	let strata: Int32Array;
	// A ranking's groups: its queries, read once to drop rows without one and to split by.
	let queryGroups: Int32Array | null = null;
	if (predictsValues(task)) {
		if (column.kind !== 'number')
			throw new CoreError(
				'target-not-numeric',
				`${taskLabel(task)} needs a numeric target; "${target.name}" is not.`
			);
		strata = Int32Array.from(column.values, (v) => (Number.isNaN(v) ? -1 : 0));
		if (task === 'ranking') queryGroups = rankingGroups(strata, dataset, plan, query);
	} else {
		strata = encodeClasses(column, classes);
	}
	const kind = splitKindOf(plan);
	const regression = predictsValues(task);
	const resolved: SplitPlan =
		kind === 'stratified' && regression && plan.kind !== undefined
			? { ...plan, kind: 'random', stratify: false }
			: { ...plan, stratify: plan.stratify && !regression };
	const inputs: SplitInputs = { strata };
	if (kind === 'time') inputs.time = timeValues(splitColumn(dataset, plan, target.name));
	if (kind === 'group')
		inputs.groups = queryGroups ?? groupCodes(splitColumn(dataset, plan, target.name));
	if (plan.keepDuplicatesTogether && (kind === 'random' || kind === 'stratified'))
		inputs.keepTogether = duplicateKeys(dataset.raw, [target.name, ...identifierColumns(dataset)]);
	const split = splitByPlan(dataset.raw.rowCount, resolved, inputs);
	return plan.folds ? { ...split, folds: developmentFolds(split, plan.folds, inputs) } : split;
}

/**
 * Returns each row's query code, the column read as categories (as scoring reads it: its cells
 * only name the query, so "1" and "1.0" are two queries everywhere); -1 where missing.
 */
export function queryCodes(dataset: Dataset, query: string): Int32Array {
	const schema = datasetSchema(dataset, [{ name: query, kind: 'category' }]);
	return groupCodes(typeTable(dataset.raw, schema).table.columns[0]);
}

/**
 * Refuses a ranking plan that is not a group split on the query; marks rows without a query -1
 * in `strata`; returns each row's query code, the groups of the split.
 */
function rankingGroups(
	strata: Int32Array,
	dataset: Dataset,
	plan: SplitPlan,
	query: string | null
): Int32Array {
	if (!query)
		throw new CoreError(
			'missing-query',
			'A ranking task needs its query column; choose it in Define.'
		);
	if (splitKindOf(plan) !== 'group' || plan.column !== query)
		throw new CoreError(
			'ranking-split',
			`A ranking task keeps each query's rows together: split by group on its query column "${query}".`,
			{ column: query }
		);
	const codes = queryCodes(dataset, query);
	codes.forEach((code, row) => {
		if (code < 0) strata[row] = -1;
	});
	return codes;
}

/** Returns the typed time or group column a plan names, refusing a missing one or the target. */
function splitColumn(dataset: Dataset, plan: SplitPlan, targetName: string): Column {
	const name = plan.column;
	const role = plan.kind === 'time' ? 'time' : 'group';
	if (name === undefined || name === '')
		throw new CoreError(
			'missing-split-column',
			`A ${role} split needs a ${role} column; choose one.`
		);
	if (!findColumn(dataset.reports, name))
		throw new CoreError(
			'missing-split-column',
			`The ${role} column "${name}" is not in this dataset; choose another.`,
			{ column: name }
		);
	if (name === targetName)
		throw new CoreError(
			'split-column-is-target',
			`The ${role} column cannot be the target "${name}"; choose another.`,
			{ column: name }
		);
	return typedColumn(dataset, name);
}
