// Inline fixtures for the profile tests: typed and raw columns built by hand (no CSV ingest).
import {
	MISSING_BOOLEAN,
	NUMBER_CELL,
	type BooleanColumn,
	type Column,
	type DateColumn,
	type RawColumn,
	type RawTable,
	type Table,
	type TextColumn
} from '../../../src/core/table/table';

/** Returns a table of equal-length columns. */
export function tableOf(...columns: Column[]): Table {
	const rowCount = columns.length === 0 ? 0 : lengthOf(columns[0]);
	return { rowCount, columns };
}

function lengthOf(column: Column): number {
	return column.kind === 'category' || column.kind === 'text'
		? column.codes.length
		: column.values.length;
}

/** Returns a boolean column (null for a missing value) written as `words` for false and true. */
export function booleans(
	name: string,
	values: readonly (boolean | null)[],
	words: [string, string] = ['false', 'true']
): BooleanColumn {
	return {
		kind: 'boolean',
		name,
		values: Uint8Array.from(values, (v) => (v === null ? MISSING_BOOLEAN : v ? 1 : 0)),
		words
	};
}

/** Returns a text column from strings (null for a missing value), levels in first-seen order. */
export function texts(name: string, labels: readonly (string | null)[]): TextColumn {
	const levels: string[] = [];
	const index = new Map<string, number>();
	const codes = Int32Array.from(labels, (label) => {
		if (label === null) return -1;
		let code = index.get(label);
		if (code === undefined) {
			code = levels.length;
			index.set(label, code);
			levels.push(label);
		}
		return code;
	});
	return { kind: 'text', name, codes, levels };
}

/** Returns a date column from ISO texts read as UTC (null for a missing value). */
export function dates(name: string, isos: readonly (string | null)[]): DateColumn {
	return {
		kind: 'date',
		name,
		values: Float64Array.from(isos, (iso) => (iso === null ? NaN : Date.parse(`${iso}Z`))),
		offsets: null
	};
}

/** Returns a raw column from cells: a number is a number cell, a string a text cell. */
export function rawCells(name: string, cells: readonly (number | string)[]): RawColumn {
	const hasNumbers = cells.some((cell) => typeof cell === 'number');
	const numbers = hasNumbers ? new Float64Array(cells.length) : null;
	const levels: string[] = [];
	const codes = new Int32Array(cells.length);
	cells.forEach((cell, row) => {
		if (typeof cell === 'number') {
			codes[row] = NUMBER_CELL;
			numbers![row] = cell;
		} else {
			let code = levels.indexOf(cell);
			if (code < 0) code = levels.push(cell) - 1;
			codes[row] = code;
		}
	});
	return { name, codes, levels, numbers };
}

/** Returns a raw table from rows of cells, with columns named by `names`. */
export function rawTableOf(
	names: readonly string[],
	rows: readonly (number | string)[][]
): RawTable {
	return {
		rowCount: rows.length,
		columns: names.map((name, c) =>
			rawCells(
				name,
				rows.map((row) => row[c])
			)
		)
	};
}
