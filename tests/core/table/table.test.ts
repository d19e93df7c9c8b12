import { describe, expect, it } from 'vitest';
import { findColumn, rawRows, selectRawRows, type RawTable } from '../../../src/core/table/table';

const raw: RawTable = {
	rowCount: 4,
	columns: [
		{ name: 'a', levels: ['x', 'y'], codes: Int32Array.from([0, 1, 1, 0]) },
		{ name: '__proto__', levels: ['1', '2', '3', '4'], codes: Int32Array.from([0, 1, 2, 3]) }
	]
};

describe('table', () => {
	it('selects rows in the given order, sharing the dictionaries', () => {
		const picked = selectRawRows(raw, [3, 1]);
		expect(picked.rowCount).toBe(2);
		expect(rawRows(picked, 0, 10)).toEqual([
			['x', '4'],
			['y', '2']
		]);
		expect(picked.columns[0].levels).toBe(raw.columns[0].levels);
	});

	it('returns a page of rows, clipped at the end', () => {
		expect(rawRows(raw, 3, 5)).toEqual([['x', '4']]);
		expect(rawRows(raw, 9, 5)).toEqual([]);
	});

	it('finds columns by name, __proto__ included', () => {
		expect(findColumn(raw.columns, '__proto__')).toBe(raw.columns[1]);
		expect(findColumn(raw.columns, 'constructor')).toBeUndefined();
	});
});
