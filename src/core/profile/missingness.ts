import { isMissingAt, type Table } from '../table/table';

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
			const missing = new Float64Array(used);
			for (let r = 0; r < rows; r++) if (isMissingAt(column, r)) missing[(r / rowsPerBand) | 0]++;
			const shares = Array.from(
				missing,
				(m, b) => m / Math.min(rowsPerBand, rows - b * rowsPerBand)
			);
			return { name: column.name, shares };
		})
	};
}
