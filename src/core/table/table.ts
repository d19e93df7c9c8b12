/** `RawColumn.codes` value of a cell that was read as a number (its value is in `numbers`). */
export const NUMBER_CELL = -1;

/**
 * A column's cells as read from the file. A cell that reads as a plain number (bit-identical to
 * `Number(text)`, see `parseNumber`) has code `NUMBER_CELL` and its value in `numbers[row]`; any
 * other cell keeps its exact text, dictionary-encoded: `levels[codes[row]]`. Every later typing
 * starts from this, so an override never loses what the file said, and a numeric column costs 12
 * bytes a row instead of a string each.
 */
export interface RawColumn {
	name: string;
	codes: Int32Array;
	levels: string[];
	/** Present when at least one cell was read as a number. */
	numbers: Float64Array | null;
}

/** A file's cells as raw columns; the data worker's source of truth. */
export interface RawTable {
	rowCount: number;
	columns: RawColumn[];
}

/** The closed set of column kinds a user sees and can override. */
export type ColumnKind = 'number' | 'category' | 'text' | 'boolean' | 'date';

export const COLUMN_KINDS: readonly ColumnKind[] = [
	'number',
	'category',
	'text',
	'boolean',
	'date'
];

/** Numbers, with NaN for a missing cell. */
export interface NumberColumn {
	kind: 'number';
	name: string;
	values: Float64Array;
}

/** A few distinct labels; code -1 is a missing cell. */
export interface CategoryColumn {
	kind: 'category';
	name: string;
	codes: Int32Array;
	levels: string[];
}

/** Free text or identifiers: many distinct strings; code -1 is a missing cell. */
export interface TextColumn {
	kind: 'text';
	name: string;
	codes: Int32Array;
	levels: string[];
}

/** `BooleanColumn.values` of a missing cell. */
export const MISSING_BOOLEAN = 255;

/** True / false as 1 / 0, `MISSING_BOOLEAN` for a missing cell. */
export interface BooleanColumn {
	kind: 'boolean';
	name: string;
	values: Uint8Array;
	/** The words for false and true as the file writes them, lower-cased (`no`, `yes`). */
	words: [string, string];
}

/** `DateColumn.offsets` of a cell whose text carried no time-zone offset. */
export const NO_OFFSET = -32768;

/**
 * Instants as epoch milliseconds (NaN for a missing cell). A text with a time-zone offset
 * (`2019-07-02T10:00+02:00`) is the instant it names, and its offset in minutes is kept in
 * `offsets`; a text without one is its wall-clock time read as UTC (the source time zone is a
 * cleaning choice), and `offsets` is null when no cell had an offset.
 */
export interface DateColumn {
	kind: 'date';
	name: string;
	values: Float64Array;
	offsets: Int16Array | null;
}

export type Column = NumberColumn | CategoryColumn | TextColumn | BooleanColumn | DateColumn;

/** Typed columns of equal length. Columns are found by index or by name, never as object keys. */
export interface Table {
	rowCount: number;
	columns: Column[];
}

/** Returns the number of rows of a typed column. */
export function columnLength(column: Column): number {
	return column.kind === 'category' || column.kind === 'text'
		? column.codes.length
		: column.values.length;
}

/** True when a typed column's cell is missing. */
export function isMissingAt(column: Column, row: number): boolean {
	switch (column.kind) {
		case 'number':
		case 'date':
			return Number.isNaN(column.values[row]);
		case 'boolean':
			return column.values[row] === MISSING_BOOLEAN;
		default:
			return column.codes[row] < 0;
	}
}

/** Returns the column with that name, or undefined. */
export function findColumn<C extends { name: string }>(
	columns: readonly C[],
	name: string
): C | undefined {
	return columns.find((column) => column.name === name);
}

/** Returns a cell's text: its exact text, or for a number cell the number's shortest decimal. */
export function cellText(column: RawColumn, row: number): string {
	const code = column.codes[row];
	return code === NUMBER_CELL ? String(column.numbers![row]) : column.levels[code];
}

/** Returns a dictionary of texts: `codeOf(text)` gives each distinct text a code, in order. */
export function createDictionary(): { levels: string[]; codeOf: (text: string) => number } {
	const index = new Map<string, number>();
	const levels: string[] = [];
	const codeOf = (text: string) => {
		let code = index.get(text);
		if (code === undefined) {
			code = levels.length;
			index.set(text, code);
			levels.push(text);
		}
		return code;
	};
	return { levels, codeOf };
}

/** Returns a raw column built from cell texts, each kept as text (no number cells). */
export function textColumn(name: string, texts: readonly string[]): RawColumn {
	const { levels, codeOf } = createDictionary();
	const codes = Int32Array.from(texts, codeOf);
	return { name, codes, levels, numbers: null };
}

/** Returns a raw table with only the given rows, in the given order. */
export function selectRawRows(raw: RawTable, rows: ArrayLike<number>): RawTable {
	return {
		rowCount: rows.length,
		columns: raw.columns.map((column) => {
			const codes = new Int32Array(rows.length);
			for (let i = 0; i < rows.length; i++) codes[i] = column.codes[rows[i]];
			let numbers: Float64Array | null = null;
			if (column.numbers) {
				const source = column.numbers;
				numbers = new Float64Array(rows.length);
				for (let i = 0; i < rows.length; i++) numbers[i] = source[rows[i]];
			}
			return { name: column.name, codes, levels: column.levels, numbers };
		})
	};
}

/** Returns the cell texts of rows `start` to `start + count` (for previews), row by row. */
export function rawRows(raw: RawTable, start: number, count: number): string[][] {
	const end = Math.min(raw.rowCount, start + count);
	const rows: string[][] = [];
	for (let r = start; r < end; r++) rows.push(raw.columns.map((c) => cellText(c, r)));
	return rows;
}

/** Returns the typed column's cells at `rows`, in that order. */
export function selectColumnRows(column: Column, rows: Int32Array): Column {
	switch (column.kind) {
		case 'number':
			return { ...column, values: gather(column.values, rows, new Float64Array(rows.length)) };
		case 'date': {
			const { offsets } = column;
			return {
				...column,
				values: gather(column.values, rows, new Float64Array(rows.length)),
				offsets: offsets && gather(offsets, rows, new Int16Array(rows.length))
			};
		}
		case 'boolean':
			return { ...column, values: gather(column.values, rows, new Uint8Array(rows.length)) };
		default:
			return { ...column, codes: gather(column.codes, rows, new Int32Array(rows.length)) };
	}
}

function gather<A extends Float64Array | Int32Array | Int16Array | Uint8Array>(
	source: A,
	rows: Int32Array,
	out: A
): A {
	for (let i = 0; i < rows.length; i++) out[i] = source[rows[i]];
	return out;
}
