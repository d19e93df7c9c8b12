/**
 * Cell text as read from the file, dictionary-encoded: `levels[codes[row]]` is the exact text of a
 * cell. Every later typing starts from this, so an override never loses what the file said.
 */
export interface RawColumn {
	name: string;
	codes: Int32Array;
	levels: string[];
}

/** A file's cells as dictionary-encoded text columns; the data worker's source of truth. */
export interface RawTable {
	rowCount: number;
	columns: RawColumn[];
}

/** The closed set of column kinds a user sees and can override. */
export type ColumnKind = 'number' | 'category' | 'text';

export const COLUMN_KINDS: readonly ColumnKind[] = ['number', 'category', 'text'];

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

export type Column = NumberColumn | CategoryColumn | TextColumn;

/** Typed columns of equal length. Columns are found by index or by name, never as object keys. */
export interface Table {
	rowCount: number;
	columns: Column[];
}

/** Returns the column with that name, or undefined. */
export function findColumn<C extends { name: string }>(
	columns: readonly C[],
	name: string
): C | undefined {
	return columns.find((column) => column.name === name);
}

/** Returns a raw table with only the given rows, in the given order. */
export function selectRawRows(raw: RawTable, rows: ArrayLike<number>): RawTable {
	return {
		rowCount: rows.length,
		columns: raw.columns.map((column) => {
			const codes = new Int32Array(rows.length);
			for (let i = 0; i < rows.length; i++) codes[i] = column.codes[rows[i]];
			return { name: column.name, codes, levels: column.levels };
		})
	};
}

/** Returns the exact cell texts of rows `start` to `start + count` (for previews), row by row. */
export function rawRows(raw: RawTable, start: number, count: number): string[][] {
	const end = Math.min(raw.rowCount, start + count);
	const rows: string[][] = [];
	for (let r = start; r < end; r++) rows.push(raw.columns.map((c) => c.levels[c.codes[r]]));
	return rows;
}
