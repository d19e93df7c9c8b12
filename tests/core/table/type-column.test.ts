import { describe, expect, it } from 'vitest';
import { DEFAULT_MISSING_TOKENS } from '../../../src/core/table/parse-cell';
import { typeColumn } from '../../../src/core/table/type-column';
import type { RawColumn } from '../../../src/core/table/table';

const column: RawColumn = {
	name: 'v',
	levels: ['1.5', 'abc', '', ' 7 ', '?'],
	codes: Int32Array.from([0, 1, 2, 3, 4, 0])
};

describe('typeColumn', () => {
	it('types numbers, storing missing and unreadable cells as NaN and listing the unreadable rows', () => {
		const { column: typed, invalidRows } = typeColumn(column, 'number', DEFAULT_MISSING_TOKENS);
		expect(typed.kind).toBe('number');
		expect(typed.kind === 'number' && Array.from(typed.values)).toEqual([
			1.5,
			NaN,
			NaN,
			7,
			NaN,
			1.5
		]);
		expect(invalidRows).toEqual([1]);
	});

	it('types labels with code -1 for missing cells and only non-missing levels', () => {
		for (const kind of ['category', 'text'] as const) {
			const { column: typed, invalidRows } = typeColumn(column, kind, DEFAULT_MISSING_TOKENS);
			expect(typed).toEqual({
				kind,
				name: 'v',
				levels: ['1.5', 'abc', ' 7 '],
				codes: Int32Array.from([0, 1, -1, 2, -1, 0])
			});
			expect(invalidRows).toEqual([]);
		}
	});

	it('uses the missing tokens it is given', () => {
		const { column: typed } = typeColumn(column, 'category', ['abc']);
		expect(typed.kind !== 'number' && Array.from(typed.codes)).toEqual([0, -1, 1, 2, 3, 0]);
	});
});
