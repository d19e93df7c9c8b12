import { CoreError } from '../util/core-error';
import { DEFAULT_MISSING_TOKENS } from './parse-cell';
import type { DateOrder } from './parse-date';
import { cellText, findColumn, type ColumnKind, type RawTable, type Table } from './table';
import { typeColumn } from './type-column';

/** One input column as the model expects it. */
export interface ColumnSchema {
	name: string;
	kind: ColumnKind;
	/** For a date column: how `nn/nn/yyyy` cells are read. */
	dateOrder?: DateOrder;
}

/** How raw text becomes typed columns: the contract shared by the app and the exported bundle. */
export interface DatasetSchema {
	columns: ColumnSchema[];
	missingTokens: string[];
	/** The file writes numbers with a decimal comma; absent means a decimal point. */
	decimalComma?: boolean;
}

/** Returns the schema for a set of (possibly overridden) column kinds and the missing tokens. */
export function toSchema(
	columns: readonly ColumnSchema[],
	missingTokens: readonly string[] = DEFAULT_MISSING_TOKENS
): DatasetSchema {
	return {
		columns: columns.map(({ name, kind, dateOrder }) =>
			dateOrder ? { name, kind, dateOrder } : { name, kind }
		),
		missingTokens: [...missingTokens]
	};
}

/** A cell whose text does not fit its column's kind. */
export interface InvalidCell {
	row: number;
	column: string;
	text: string;
	/** Why, in words: `"abc" is not a number`. */
	problem: string;
}

const NOT_A: Record<ColumnKind, string> = {
	number: 'a number',
	category: 'a category',
	text: 'text',
	boolean: 'true or false',
	date: 'a date'
};

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
		const typed = typeColumn(source, spec.kind, {
			missingTokens: schema.missingTokens,
			dateOrder: spec.dateOrder,
			decimalComma: schema.decimalComma
		});
		for (const row of typed.invalidRows) {
			const text = cellText(source, row);
			invalid.push({
				row,
				column: spec.name,
				text,
				problem: `"${text}" is not ${NOT_A[spec.kind]}`
			});
		}
		return typed.column;
	});
	return { table: { rowCount: raw.rowCount, columns }, invalid };
}
