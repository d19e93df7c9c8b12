import { summarizeTarget, encodeClasses, type TargetSummary } from '../brief/target';
import type { TaskKind } from '../brief/task';
import { splitRows, type Split, type SplitPlan } from '../split/split';
import { CoreError } from '../util/core-error';
import { sha256Hex } from '../util/hash';
import type { TaskContext } from '../util/task';
import { inferColumn, type ColumnReport } from './infer-kinds';
import { ingestCsv } from './ingest';
import { DEFAULT_MISSING_TOKENS } from './parse-cell';
import type { CsvDialect } from './parse-csv';
import { typeTable, type ColumnSchema } from './schema';
import { findColumn, rawRows, type Column, type ColumnKind, type RawTable } from './table';
import { typeColumn } from './type-column';

/** A loaded file: its raw cells, how it was read, and the kind of each column. */
export interface Dataset {
	fileName: string;
	bytes: number;
	fingerprint: string;
	raw: RawTable;
	dialect: CsvDialect;
	notes: string[];
	reports: ColumnReport[];
}

/** What the UI knows about the loaded dataset: summaries, never the whole table. */
export interface DatasetSummary {
	fileName: string;
	bytes: number;
	/** SHA-256 of the file's bytes. */
	fingerprint: string;
	rowCount: number;
	dialect: CsvDialect;
	notes: string[];
	reports: ColumnReport[];
	/** Each column considered as a target, in column order. */
	targets: TargetSummary[];
	/** The first rows' cell text. */
	preview: string[][];
}

const PREVIEW_ROWS = 20;
const MAX_LISTED_EXAMPLES = 3;

/** Returns the dataset read from a file's bytes, with the user's kind overrides applied. */
export async function loadDataset(
	bytes: Uint8Array,
	fileName: string,
	overrides: readonly (readonly [string, ColumnKind])[],
	ctx: TaskContext = {}
): Promise<Dataset> {
	const fingerprint = await sha256Hex(bytes);
	const { raw, dialect, reports, notes } = await ingestCsv(bytes, overrides, ctx);
	return { fileName, bytes: bytes.length, fingerprint, raw, dialect, notes, reports };
}

/** Returns the typed column, as its report's kind says. */
export function typedColumn(dataset: Dataset, name: string): Column {
	const report = findColumn(dataset.reports, name);
	if (!report)
		throw new CoreError('missing-column', `There is no column "${name}".`, { column: name });
	return typeTable(dataset.raw, {
		columns: [{ name, kind: report.kind }],
		missingTokens: [...DEFAULT_MISSING_TOKENS]
	}).table.columns[0];
}

/** Returns the dataset's summaries for the UI: reports, target summaries and the first rows. */
export function summarizeDataset(dataset: Dataset): DatasetSummary {
	return {
		fileName: dataset.fileName,
		bytes: dataset.bytes,
		fingerprint: dataset.fingerprint,
		rowCount: dataset.raw.rowCount,
		dialect: dataset.dialect,
		notes: dataset.notes,
		reports: dataset.reports,
		targets: dataset.reports.map((r) => summarizeTarget(typedColumn(dataset, r.name))),
		preview: rawRows(dataset.raw, 0, PREVIEW_ROWS)
	};
}

/**
 * Returns the dataset with one column's kind overridden. Refuses `number` for a column whose text
 * is not all numbers, naming examples, so no value silently becomes missing.
 */
export function retypeColumn(
	dataset: Dataset,
	name: string,
	kind: ColumnKind
): { dataset: Dataset; report: ColumnReport; target: TargetSummary } {
	const raw = findColumn(dataset.raw.columns, name);
	if (!raw)
		throw new CoreError('missing-column', `There is no column "${name}".`, { column: name });
	const { invalidRows } = typeColumn(raw, kind, DEFAULT_MISSING_TOKENS);
	if (invalidRows.length > 0) {
		const examples = [...new Set(invalidRows.map((row) => raw.levels[raw.codes[row]]))].slice(
			0,
			MAX_LISTED_EXAMPLES
		);
		throw new CoreError(
			'not-numbers',
			`"${name}" cannot be a number column: ${invalidRows.length} value(s) are not numbers, such as ${examples.map((e) => `"${e}"`).join(', ')}.`,
			{ column: name }
		);
	}
	const report = inferColumn(raw, DEFAULT_MISSING_TOKENS, kind);
	const next = { ...dataset, reports: dataset.reports.map((r) => (r.name === name ? report : r)) };
	return { dataset: next, report, target: summarizeTarget(typedColumn(next, name)) };
}

/** Returns the seeded split of the dataset's rows; rows without a target value are dropped. */
export function splitDataset(
	dataset: Dataset,
	target: ColumnSchema,
	task: TaskKind,
	classes: readonly string[],
	plan: SplitPlan
): Split {
	const column = typeTable(dataset.raw, {
		columns: [target],
		missingTokens: [...DEFAULT_MISSING_TOKENS]
	}).table.columns[0];
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
