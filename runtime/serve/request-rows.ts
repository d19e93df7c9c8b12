// The rows of a POST /predict request (JSON or CSV), as the raw cell text the app reads from a
// CSV, checked against the bundle's input schema: the trust boundary of the server.
import { RawColumnBuilder } from '../../src/core/table/column-builder';
import { decodeText } from '../../src/core/table/decode-text';
import { listLines, parseCsv } from '../../src/core/table/parse-csv';
import type { DatasetSchema } from '../../src/core/table/schema';
import { cellText, findColumn, type RawColumn, type RawTable } from '../../src/core/table/table';
import { CoreError } from '../../src/core/util/core-error';
import { jsonCellText } from '../../src/core/monitor/prediction-log';

/** Why one row of a request has no prediction; `column` is null when the whole row is wrong. */
export interface RowError {
	/** 0-based index of the row in the request (the first data row of a CSV is 0). */
	row: number;
	column: string | null;
	reason: string;
}

/** A request's rows: the schema's columns as raw cells, and what is wrong before typing. */
export interface RequestRows {
	/** One column per schema column, in schema order; a cell the request lacks is empty. */
	raw: RawTable;
	/** Per row, the model's inputs as the request sent them (absent fields left out), for the log. */
	inputs: Map<string, unknown>[];
	/** Rows that are not objects, required fields that are absent, values that are not cells. */
	errors: RowError[];
	/** Fields the request sent that the model does not read (ignored), sorted. */
	ignoredFields: string[];
}

/** The largest number of ignored field names a response lists. */
const MAX_IGNORED_FIELDS = 50;

function kindOfValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The cell text of a JSON value, as the app reads it from a CSV (the one definition, in core). */
export const cellOfJson = jsonCellText;

function sortedIgnored(fields: Set<string>): string[] {
	return [...fields].sort().slice(0, MAX_IGNORED_FIELDS);
}

/** Returns the row objects of a JSON body: `{"rows": [...]}` or a bare array of rows. */
function jsonRowList(body: unknown): unknown[] {
	if (Array.isArray(body)) return body;
	if (typeof body === 'object' && body !== null && Object.hasOwn(body, 'rows')) {
		const rows = (body as { rows: unknown }).rows;
		if (Array.isArray(rows)) return rows;
		throw new CoreError(
			'bad-request',
			`"rows" must be an array of row objects, not ${kindOfValue(rows)}.`
		);
	}
	throw new CoreError(
		'bad-request',
		'The body must be {"rows": [{"column": value, ...}, ...]} or an array of row objects.'
	);
}

const ABSENT = 'The row has no value for this column (send null for a missing value).';

/** Pushes one JSON row's cells into the column builders; returns its inputs as sent. */
function readJsonRow(
	item: unknown,
	row: number,
	names: string[],
	builders: RawColumnBuilder[],
	errors: RowError[]
): Map<string, unknown> {
	const input = new Map<string, unknown>();
	if (typeof item !== 'object' || item === null || Array.isArray(item)) {
		errors.push({ row, column: null, reason: `The row is ${kindOfValue(item)}, not an object.` });
		for (const builder of builders) builder.push('');
		return input;
	}
	// A Map, so that a field called "__proto__" or "constructor" is an ordinary column.
	const fields = new Map(Object.entries(item));
	names.forEach((column, j) => {
		const value = fields.get(column);
		const cell = fields.has(column) ? cellOfJson(value) : null;
		if (fields.has(column)) input.set(column, value);
		if (cell === null) {
			const reason = fields.has(column)
				? `The value is ${kindOfValue(value)}; a cell is a number, a string, true, false or null.`
				: ABSENT;
			errors.push({ row, column, reason });
		}
		builders[j].push(cell ?? '');
	});
	return input;
}

/**
 * Returns the rows of a parsed JSON body. Every schema column is required in every row (null
 * means a missing value, which the recipe imputes); fields the model does not read are ignored and
 * listed. Throws `bad-request` for a body of the wrong shape and `no-rows` for no rows.
 */
export function rowsFromJson(body: unknown, schema: DatasetSchema): RequestRows {
	const list = jsonRowList(body);
	if (list.length === 0) throw new CoreError('no-rows', 'The request has no rows to predict.');
	const names = schema.columns.map((c) => c.name);
	const known = new Set(names);
	const builders = names.map(() => new RawColumnBuilder(false));
	const errors: RowError[] = [];
	const ignored = new Set<string>();
	const inputs = list.map((item, row) => {
		if (typeof item === 'object' && item !== null)
			for (const field of Object.keys(item)) if (!known.has(field)) ignored.add(field);
		return readJsonRow(item, row, names, builders, errors);
	});
	const columns = names.map((name, j) => builders[j].finish(name));
	return {
		raw: { rowCount: list.length, columns },
		inputs,
		errors,
		ignoredFields: sortedIgnored(ignored)
	};
}

function blankColumn(name: string, rowCount: number): RawColumn {
	return { name, codes: new Int32Array(rowCount), levels: [''], numbers: null };
}

/**
 * Returns the rows of a CSV body, read by the app's CSV reader; the first line must be a header.
 * A schema column the header lacks is an error on every row. Throws a `CoreError` for a CSV the
 * reader refuses (no rows) and `ragged-rows` for rows whose field count differs from the header's.
 */
export async function rowsFromCsv(bytes: Uint8Array, schema: DatasetSchema): Promise<RequestRows> {
	const parsed = await parseCsv(decodeText(bytes), {}, { header: true });
	const { raw, ragged } = parsed;
	if (ragged.count > 0) {
		const lines = listLines(
			ragged.examples.map((r) => r.line),
			ragged.count
		);
		throw new CoreError(
			'ragged-rows',
			`${ragged.count} CSV row(s) have a different number of fields than the header: ${lines}. Each row needs one field per column; quote values that hold the separator.`,
			{ line: ragged.examples[0].line }
		);
	}
	const known = new Set(schema.columns.map((c) => c.name));
	const ignored = new Set(raw.columns.map((c) => c.name).filter((name) => !known.has(name)));
	const found = schema.columns.map(({ name }) => findColumn(raw.columns, name));
	const errors: RowError[] = [];
	found.forEach((column, j) => {
		if (column) return;
		const name = schema.columns[j].name;
		for (let row = 0; row < raw.rowCount; row++)
			errors.push({ row, column: name, reason: 'The CSV header has no column of this name.' });
	});
	const columns = found.map(
		(column, j) => column ?? blankColumn(schema.columns[j].name, raw.rowCount)
	);
	const present = found.filter((column) => column !== undefined);
	const inputs = Array.from({ length: raw.rowCount }, (_, row) => {
		const input = new Map<string, unknown>();
		for (const column of present) input.set(column.name, cellText(column, row));
		return input;
	});
	errors.sort((a, b) => a.row - b.row);
	return {
		raw: { rowCount: raw.rowCount, columns },
		inputs,
		errors,
		ignoredFields: sortedIgnored(ignored)
	};
}
