import { CoreError } from '../util/core-error';
import { createDictionary, findColumn, NUMBER_CELL, type RawColumn, type RawTable } from './table';

/**
 * Returns the rows of `a`, then those of `b`, in the columns named `names` (each in both tables,
 * found by name whatever the order). Cells keep their exact text; `b`'s labels join `a`'s
 * dictionary. Throws `missing-columns` naming what `b` lacks (`bName` says which file it is).
 */
export function concatRawTables(
	a: RawTable,
	b: RawTable,
	names: readonly string[],
	bName = 'the new rows'
): RawTable {
	const missing = names.filter((n) => !findColumn(b.columns, n));
	if (missing.length > 0)
		throw new CoreError(
			'missing-columns',
			`${bName} lacks ${missing.length === 1 ? 'the column' : 'the columns'} ${missing.map((n) => `"${n}"`).join(', ')}, which the model needs.`,
			{ column: missing[0] }
		);
	return {
		rowCount: a.rowCount + b.rowCount,
		columns: names.map((name) => {
			const first = findColumn(a.columns, name);
			if (!first) throw new CoreError('missing-columns', `There is no column "${name}".`);
			return concatColumns(first, findColumn(b.columns, name)!, a.rowCount, b.rowCount);
		})
	};
}

function concatColumns(a: RawColumn, b: RawColumn, aRows: number, bRows: number): RawColumn {
	const { levels, codeOf } = createDictionary();
	for (const level of a.levels) codeOf(level);
	const codes = new Int32Array(aRows + bRows);
	codes.set(a.codes.subarray(0, aRows));
	for (let i = 0; i < bRows; i++) {
		const code = b.codes[i];
		codes[aRows + i] = code === NUMBER_CELL ? NUMBER_CELL : codeOf(b.levels[code]);
	}
	let numbers: Float64Array | null = null;
	if (a.numbers || b.numbers) {
		numbers = new Float64Array(aRows + bRows).fill(NaN);
		if (a.numbers) numbers.set(a.numbers.subarray(0, aRows));
		if (b.numbers) numbers.set(b.numbers.subarray(0, bRows), aRows);
	}
	return { name: a.name, codes, levels, numbers };
}
