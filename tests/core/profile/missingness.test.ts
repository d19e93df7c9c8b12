import { describe, expect, it } from 'vitest';
import { missingnessMap } from '../../../src/core/profile/missingness';
import { categories, numbers } from '../helpers';
import { booleans, dates, tableOf, texts } from './tables';

const N = NaN;

describe('missingnessMap', () => {
	// Ten rows; a misses rows 0-2, b misses row 9, c misses none.
	const table = tableOf(
		numbers('a', [N, N, N, 4, 5, 6, 7, 8, 9, 10]),
		categories('b', ['x', 'y', 'x', 'y', 'x', 'y', 'x', 'y', 'x', null]),
		numbers('c', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
	);

	it('cuts the rows into equal bands with a shorter last band', () => {
		// 10 rows in 4 bands: 3, 3, 3 and 1 rows.
		const map = missingnessMap(table, 4);
		expect(map).toEqual({
			rowCount: 10,
			rowsPerBand: 3,
			bands: 4,
			columns: [
				{ name: 'a', shares: [1, 0, 0, 0] },
				{ name: 'b', shares: [0, 0, 0, 1] },
				{ name: 'c', shares: [0, 0, 0, 0] }
			]
		});
	});

	it('divides by the rows in the band, giving fractional shares', () => {
		// 10 rows in 3 bands of 4, 4 and 2 rows.
		const map = missingnessMap(table, 3);
		expect(map.rowsPerBand).toBe(4);
		expect(map.bands).toBe(3);
		expect(map.columns[0].shares).toEqual([0.75, 0, 0]);
		expect(map.columns[1].shares).toEqual([0, 0, 0.5]);
	});

	it('uses fewer bands than asked when equal bands need fewer', () => {
		// 10 rows asked in 6 bands: 2 rows each, so 5 bands.
		const map = missingnessMap(table, 6);
		expect(map.rowsPerBand).toBe(2);
		expect(map.bands).toBe(5);
		expect(map.columns[0].shares).toEqual([1, 0.5, 0, 0, 0]);
		for (const column of map.columns) expect(column.shares).toHaveLength(5);
	});

	it('gives one band per row when the table has fewer rows than bands', () => {
		const map = missingnessMap(table);
		expect(map).toMatchObject({ rowCount: 10, rowsPerBand: 1, bands: 10 });
		expect(map.columns[0].shares).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
		expect(map.columns[1].shares).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
	});

	it('uses 50 bands by default on a larger table', () => {
		const values = Array.from({ length: 1000 }, (_, i) => (i >= 900 ? N : i));
		const map = missingnessMap(tableOf(numbers('late', values)));
		expect(map).toMatchObject({ rowCount: 1000, rowsPerBand: 20, bands: 50 });
		expect(map.columns[0].shares.slice(0, 45)).toEqual(Array(45).fill(0));
		expect(map.columns[0].shares.slice(45)).toEqual([1, 1, 1, 1, 1]);
	});

	it('keeps a single band when asked for none', () => {
		const map = missingnessMap(table, 0);
		expect(map).toMatchObject({ rowsPerBand: 10, bands: 1 });
		expect(map.columns.map((c) => c.shares)).toEqual([[0.3], [0.1], [0]]);
	});

	it('reads missing cells of every column kind', () => {
		const kinds = tableOf(
			booleans('yes', [true, null, false, null]),
			dates('when', ['2020-01-01T00:00:00', null, null, '2020-01-04T00:00:00']),
			texts('note', [null, 'a', 'b', 'c'])
		);
		expect(missingnessMap(kinds, 2).columns).toEqual([
			{ name: 'yes', shares: [0.5, 0.5] },
			{ name: 'when', shares: [0.5, 0.5] },
			{ name: 'note', shares: [0.5, 0] }
		]);
	});
});
