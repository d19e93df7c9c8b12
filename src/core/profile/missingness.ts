import { columnLength, MISSING_BOOLEAN, type Column, type Table } from '../table/table';

/** Where the missing cells are: per column, the share missing in each band of rows. */
export interface MissingnessMap {
	rowCount: number;
	/** Rows per band (the last band may hold fewer). */
	rowsPerBand: number;
	bands: number;
	/** Per column, in table order: missing share in each band, in [0, 1]. */
	columns: { name: string; shares: number[] }[];
}

const DEFAULT_BANDS = 50;

/**
 * Returns the missingness map of a table: rows cut into at most `bands` consecutive bands, and for
 * each column the share of missing cells in each band. Blocks of missing rows (a sensor down, a
 * field added later) show as dark stretches; columns missing together line up.
 */
export function missingnessMap(table: Table, bands = DEFAULT_BANDS): MissingnessMap {
	const rows = table.rowCount;
	const count = Math.max(1, Math.min(bands, rows));
	const rowsPerBand = Math.max(1, Math.ceil(rows / count));
	const used = Math.ceil(rows / rowsPerBand);
	return {
		rowCount: rows,
		rowsPerBand,
		bands: used,
		columns: table.columns.map((column) => {
			const missing = missingCells(column);
			const shares = Array.from({ length: used }, (_, b) => {
				let count = 0;
				const end = Math.min(rows, (b + 1) * rowsPerBand);
				for (let r = b * rowsPerBand; r < end; r++) count += missing[r];
				return count / (end - b * rowsPerBand);
			});
			return { name: column.name, shares };
		})
	};
}

/** 1 for each missing cell, 0 for each present one (one tight loop per kind). */
function missingCells(column: Column): Uint8Array {
	const n = columnLength(column);
	const missing = new Uint8Array(n);
	switch (column.kind) {
		case 'number':
		case 'date': {
			const values = column.values;
			for (let r = 0; r < n; r++) missing[r] = values[r] !== values[r] ? 1 : 0;
			break;
		}
		case 'boolean': {
			const values = column.values;
			for (let r = 0; r < n; r++) missing[r] = values[r] === MISSING_BOOLEAN ? 1 : 0;
			break;
		}
		default: {
			const codes = column.codes;
			for (let r = 0; r < n; r++) missing[r] = codes[r] < 0 ? 1 : 0;
		}
	}
	return missing;
}
