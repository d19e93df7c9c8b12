import { describe, expect, it } from 'vitest';
import {
	cellText,
	findColumn,
	NUMBER_CELL,
	rawRows,
	selectRawRows,
	textColumn,
	type RawTable
} from '../../../src/core/table/table';

const raw: RawTable = {
	rowCount: 4,
	columns: [
		{ name: 'a', levels: ['x', 'y'], codes: Int32Array.from([0, 1, 1, 0]), numbers: null },
		{
			// Hybrid: rows 0, 1 and 3 are number cells, row 2 keeps its text.
			name: '__proto__',
			levels: ['three'],
			codes: Int32Array.from([NUMBER_CELL, NUMBER_CELL, 0, NUMBER_CELL]),
			numbers: Float64Array.from([1, 2.5, 0, 4])
		}
	]
};

describe('table', () => {
	it('selects rows in the given order, sharing the dictionaries and copying the numbers', () => {
		const picked = selectRawRows(raw, [3, 1, 2]);
		expect(picked.rowCount).toBe(3);
		expect(rawRows(picked, 0, 10)).toEqual([
			['x', '4'],
			['y', '2.5'],
			['y', 'three']
		]);
		expect(picked.columns[0].levels).toBe(raw.columns[0].levels);
		expect(picked.columns[0].numbers).toBeNull();
		expect(Array.from(picked.columns[1].codes)).toEqual([NUMBER_CELL, NUMBER_CELL, 0]);
		expect(Array.from(picked.columns[1].numbers!.subarray(0, 2))).toEqual([4, 2.5]);
	});

	it('returns a page of rows, clipped at the end', () => {
		expect(rawRows(raw, 3, 5)).toEqual([['x', '4']]);
		expect(rawRows(raw, 9, 5)).toEqual([]);
	});

	it('finds columns by name, __proto__ included', () => {
		expect(findColumn(raw.columns, '__proto__')).toBe(raw.columns[1]);
		expect(findColumn(raw.columns, 'constructor')).toBeUndefined();
	});

	it('gives a number cell as its shortest decimal and a text cell exactly', () => {
		const column = {
			name: 'n',
			levels: ['1.50'],
			codes: Int32Array.from([NUMBER_CELL, 0]),
			numbers: Float64Array.from([1.5, 0])
		};
		expect(cellText(column, 0)).toBe('1.5');
		expect(cellText(column, 1)).toBe('1.50');
	});

	it('builds an all-text column from cell texts, one level per distinct text', () => {
		const column = textColumn('t', ['1', 'b', '1', '']);
		expect(column).toEqual({
			name: 't',
			levels: ['1', 'b', ''],
			codes: Int32Array.from([0, 1, 0, 2]),
			numbers: null
		});
	});
});
