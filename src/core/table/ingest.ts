import { CoreError } from '../util/core-error';
import type { TaskContext } from '../util/task';
import { decodeText } from './decode-text';
import { inferColumn, type ColumnReport } from './infer-kinds';
import { DEFAULT_MISSING_TOKENS } from './parse-cell';
import { parseCsv, type CsvDialect, type Delimiter } from './parse-csv';
import type { ColumnKind, RawTable } from './table';

/** A loaded file: its cells, how it was written, and what inference concluded per column. */
export interface Ingested {
	raw: RawTable;
	dialect: CsvDialect;
	reports: ColumnReport[];
	notes: string[];
}

/**
 * Reads a CSV file's bytes into raw columns and infers each column's kind, applying the user's
 * kind overrides (pairs of column name and kind). Throws a `CoreError` for unreadable input.
 */
export async function ingestCsv(
	bytes: Uint8Array,
	overrides: readonly (readonly [string, ColumnKind])[] = [],
	ctx: TaskContext = {}
): Promise<Ingested> {
	const decoded = decodeText(bytes);
	const { raw, dialect, notes } = await parseCsv(decoded, ctx);
	if (raw.columns.length === 1) throw oneColumnError(raw.columns[0].name, dialect.delimiter);
	if (decoded.encoding !== 'utf-8')
		notes.push(`The file is not UTF-8; it was read as ${decoded.encoding}.`);
	const overrideOf = new Map(overrides);
	const reports = raw.columns.map((column) =>
		inferColumn(column, DEFAULT_MISSING_TOKENS, overrideOf.get(column.name))
	);
	return { raw, dialect, reports, notes };
}

function oneColumnError(name: string, delimiter: Delimiter): CoreError {
	const shown = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
	return new CoreError(
		'one-column',
		`Only one column ("${name}") was found, with separator ${shown}. A model needs a target column and at least one feature column. ` +
			'If the file uses another separator, check that every row uses the same one.'
	);
}
