import { CoreError } from '../util/core-error';
import { createDictionary, NUMBER_CELL, type RawColumn, type RawTable } from '../table/table';

const sameLevels = (a: readonly string[], b: readonly string[]) =>
	a === b || (a.length === b.length && a.every((level, i) => level === b[i]));

function concatColumns(a: RawColumn, b: RawColumn): RawColumn {
	const n = a.codes.length;
	const codes = new Int32Array(n + b.codes.length);
	codes.set(a.codes);
	let levels = a.levels;
	if (sameLevels(a.levels, b.levels)) codes.set(b.codes, n);
	else {
		// Parts read apart (or copied across a worker) may number their texts differently.
		const dictionary = createDictionary();
		a.levels.forEach(dictionary.codeOf);
		const remap = b.levels.map(dictionary.codeOf);
		b.codes.forEach((code, i) => (codes[n + i] = code === NUMBER_CELL ? code : remap[code]));
		levels = dictionary.levels;
	}
	let numbers: Float64Array | null = null;
	if (a.numbers || b.numbers) {
		numbers = new Float64Array(codes.length);
		if (a.numbers) numbers.set(a.numbers);
		if (b.numbers) numbers.set(b.numbers, n);
	}
	return { name: a.name, codes, levels, numbers };
}

/**
 * Returns the rows of `a` followed by the rows of `b`, which must have the same columns in the
 * same order (two parts of one dataset). Throws `column-mismatch` otherwise.
 */
export function concatRawTables(a: RawTable, b: RawTable): RawTable {
	const names = (t: RawTable) => t.columns.map((c) => c.name).join('\u0000');
	if (names(a) !== names(b))
		throw new CoreError('column-mismatch', 'The two parts do not have the same columns.');
	return {
		rowCount: a.rowCount + b.rowCount,
		columns: a.columns.map((column, j) => concatColumns(column, b.columns[j]))
	};
}
