import { describe, expect, it } from 'vitest';
import {
	findDuplicates,
	findDuplicatesByHash,
	findDuplicatesIgnoring,
	hashRows
} from '../../../src/core/profile/duplicates';
import { NUMBER_CELL, type RawTable } from '../../../src/core/table/table';
import { rawTableOf } from './tables';

// Rows 2 and 3 repeat row 0, row 5 repeats row 1; row 4 differs from row 0 only in `b`.
const raw = rawTableOf(
	['id', 'a', 'b', 'c'],
	[
		[1, 'x', 1.5, 'p'],
		[2, 'y', 2, 'q'],
		[3, 'x', 1.5, 'p'],
		[4, 'x', 1.5, 'p'],
		[5, 'x', 1.25, 'p'],
		[6, 'y', 2, 'q']
	]
);

describe('findDuplicates', () => {
	it('counts every later copy, as pandas duplicated() does', () => {
		expect(findDuplicates(raw, ['id'])).toEqual({
			duplicateRows: 3,
			firstExamples: [
				{ row: 2, firstRow: 0 },
				{ row: 3, firstRow: 0 },
				{ row: 5, firstRow: 1 }
			],
			ignoredColumns: ['id']
		});
	});

	it('finds none when an id column makes every row unique', () => {
		expect(findDuplicates(raw)).toEqual({
			duplicateRows: 0,
			firstExamples: [],
			ignoredColumns: []
		});
	});

	it('tells a number cell from a text cell and compares numbers by value bits', () => {
		const mixed = rawTableOf(['v'], [[1], ['1'], [1], [0.1 + 0.2], [0.3], ['1']]);
		const report = findDuplicates(mixed);
		expect(report.duplicateRows).toBe(2);
		expect(report.firstExamples).toEqual([
			{ row: 2, firstRow: 0 },
			{ row: 5, firstRow: 1 }
		]);
	});

	it('ignores the number slot of text cells', () => {
		const table: RawTable = {
			rowCount: 3,
			columns: [
				{
					name: 'v',
					codes: Int32Array.of(0, 0, NUMBER_CELL),
					levels: ['n/a'],
					numbers: Float64Array.of(7, 8, 9)
				}
			]
		};
		expect(findDuplicates(table).duplicateRows).toBe(1);
	});

	it('keeps the first five examples and names only existing ignored columns', () => {
		const rows = Array.from({ length: 20 }, (_, i) => [i % 3, 'same']);
		const report = findDuplicates(rawTableOf(['k', 'v'], rows), ['nope']);
		expect(report.duplicateRows).toBe(17);
		expect(report.firstExamples).toHaveLength(5);
		expect(report.firstExamples[0]).toEqual({ row: 3, firstRow: 0 });
		expect(report.ignoredColumns).toEqual([]);
	});

	it('never counts colliding hashes as duplicates', () => {
		// Every row hashes alike, so each lookup meets stored rows that differ in one column.
		const columns = raw.columns.slice(1);
		const zeros = new Int32Array(raw.rowCount);
		const forced = findDuplicatesByHash(raw.rowCount, columns, zeros, zeros);
		const [h1, h2] = hashRows(raw.rowCount, columns);
		expect(forced).toEqual(findDuplicatesByHash(raw.rowCount, columns, h1, h2));
		expect(forced.duplicateRows).toBe(3);
		const allColumns = findDuplicatesByHash(raw.rowCount, raw.columns, zeros, zeros);
		expect(allColumns.duplicateRows).toBe(0);
	});

	it('hashes rows that differ in one cell differently', () => {
		const rows = Array.from({ length: 1000 }, (_, i) => [i, 'a', 'b']);
		const [h1, h2] = hashRows(1000, rawTableOf(['n', 'a', 'b'], rows).columns);
		const pairs = new Set(Array.from(h1, (h, i) => `${h}:${h2[i]}`));
		expect(pairs.size).toBe(1000);
	});
});

describe('findDuplicatesIgnoring', () => {
	it('gives the same reports as two separate passes', () => {
		expect(findDuplicatesIgnoring(raw, ['id', 'nope'])).toEqual({
			all: findDuplicates(raw),
			ignoring: findDuplicates(raw, ['id'])
		});
		expect(findDuplicatesIgnoring(raw, ['nope'])).toEqual({
			all: findDuplicates(raw),
			ignoring: null
		});
	});

	it('takes an ignored column known to be unique as proof that no row repeats', () => {
		// `id` differs in every row, so the full comparison is known without hashing.
		expect(findDuplicatesIgnoring(raw, ['id'], new Set(['id']))).toEqual(
			findDuplicatesIgnoring(raw, ['id'])
		);
	});
});
