import { CoreError } from '../util/core-error';
import { DEFAULT_MISSING_TOKENS } from './parse-cell';
import { findColumn, type ColumnKind, type RawTable, type Table } from './table';
import { typeColumn } from './type-column';

/** One input column as the model expects it. */
export interface ColumnSchema {
	name: string;
	kind: ColumnKind;
}

/** How raw text becomes typed columns: the contract shared by the app and the exported bundle. */
export interface DatasetSchema {
	columns: ColumnSchema[];
	missingTokens: string[];
}

/** Returns the default schema for a set of (possibly overridden) column kinds. */
export function toSchema(columns: readonly ColumnSchema[]): DatasetSchema {
	return {
		columns: columns.map(({ name, kind }) => ({ name, kind })),
		missingTokens: [...DEFAULT_MISSING_TOKENS]
	};
}

/** A cell whose text does not fit its column's kind. */
export interface InvalidCell {
	row: number;
	column: string;
	text: string;
}

/**
 * Returns the raw table typed by the schema, plus every cell that did not fit (stored as missing).
 * Throws `missing-column` naming each schema column the table lacks.
 */
export function typeTable(
	raw: RawTable,
	schema: DatasetSchema
): { table: Table; invalid: InvalidCell[] } {
	const absent = schema.columns
		.filter((c) => !findColumn(raw.columns, c.name))
		.map((c) => `"${c.name}"`);
	if (absent.length > 0) {
		throw new CoreError(
			'missing-column',
			`The data has no column ${absent.join(', ')}; the model needs ${absent.length > 1 ? 'them' : 'it'}.`,
			{
				column: absent[0]
			}
		);
	}
	const invalid: InvalidCell[] = [];
	const columns = schema.columns.map((spec) => {
		const source = findColumn(raw.columns, spec.name)!;
		const typed = typeColumn(source, spec.kind, schema.missingTokens);
		for (const row of typed.invalidRows)
			invalid.push({ row, column: spec.name, text: source.levels[source.codes[row]] });
		return typed.column;
	});
	return { table: { rowCount: raw.rowCount, columns }, invalid };
}
