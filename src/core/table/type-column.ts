import { assertNever } from '../util/assert-never';
import { isMissingText, parseNumber } from './parse-cell';
import type { Column, ColumnKind, RawColumn } from './table';

/** A typed column and the rows whose text did not fit its kind (read as missing). */
export interface TypedColumn {
	column: Column;
	invalidRows: number[];
}

/**
 * Returns the column typed as `kind`. For numbers, text that is neither missing nor a number is
 * listed in `invalidRows` and stored as NaN; the caller decides whether that is an error.
 */
export function typeColumn(
	raw: RawColumn,
	kind: ColumnKind,
	missingTokens: readonly string[]
): TypedColumn {
	switch (kind) {
		case 'number':
			return typeNumbers(raw, missingTokens);
		case 'category':
		case 'text':
			return {
				column: { kind, name: raw.name, ...typeLabels(raw, missingTokens) },
				invalidRows: []
			};
		default:
			return assertNever(kind, 'column kind');
	}
}

function typeNumbers(raw: RawColumn, missingTokens: readonly string[]): TypedColumn {
	const missing = raw.levels.map((text) => isMissingText(text, missingTokens));
	const parsed = raw.levels.map((text, l) => (missing[l] ? NaN : parseNumber(text)));
	const values = new Float64Array(raw.codes.length);
	const invalidRows: number[] = [];
	for (let i = 0; i < raw.codes.length; i++) {
		const v = parsed[raw.codes[i]];
		if (v === null) {
			invalidRows.push(i);
			values[i] = NaN;
		} else {
			values[i] = v;
		}
	}
	return { column: { kind: 'number', name: raw.name, values }, invalidRows };
}

function typeLabels(
	raw: RawColumn,
	missingTokens: readonly string[]
): { codes: Int32Array; levels: string[] } {
	const levels: string[] = [];
	const remap = raw.levels.map((text) => {
		if (isMissingText(text, missingTokens)) return -1;
		levels.push(text);
		return levels.length - 1;
	});
	const codes = new Int32Array(raw.codes.length);
	for (let i = 0; i < codes.length; i++) codes[i] = remap[raw.codes[i]];
	return { codes, levels };
}
