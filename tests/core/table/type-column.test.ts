import { describe, expect, it } from 'vitest';
import { DEFAULT_MISSING_TOKENS } from '../../../src/core/table/parse-cell';
import { typeColumn } from '../../../src/core/table/type-column';
import { NUMBER_CELL, textColumn, type RawColumn } from '../../../src/core/table/table';

const column: RawColumn = textColumn('v', ['1.5', 'abc', '', ' 7 ', '?', '1.5']);
const defaults = { missingTokens: DEFAULT_MISSING_TOKENS };

describe('typeColumn', () => {
	it('types numbers, storing missing and unreadable cells as NaN and listing the unreadable rows', () => {
		const { column: typed, invalidRows } = typeColumn(column, 'number', defaults);
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
			const { column: typed, invalidRows } = typeColumn(column, kind, defaults);
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
		const { column: typed } = typeColumn(column, 'category', { missingTokens: ['abc'] });
		expect(typed.kind === 'category' && Array.from(typed.codes)).toEqual([0, -1, 1, 2, 3, 0]);
	});

	it('reads number cells as numbers, and as their shortest decimal when typed as labels', () => {
		const hybrid: RawColumn = {
			name: 'h',
			levels: ['NA', 'x'],
			codes: Int32Array.from([NUMBER_CELL, 0, 1, NUMBER_CELL]),
			numbers: Float64Array.from([1.5, 0, 0, 22])
		};
		const asNumber = typeColumn(hybrid, 'number', defaults);
		expect(asNumber.column.kind === 'number' && Array.from(asNumber.column.values)).toEqual([
			1.5,
			NaN,
			NaN,
			22
		]);
		expect(asNumber.invalidRows).toEqual([2]);
		const asLabels = typeColumn(hybrid, 'category', defaults);
		expect(asLabels.column).toEqual({
			kind: 'category',
			name: 'h',
			levels: ['x', '1.5', '22'],
			codes: Int32Array.from([1, -1, 0, 2])
		});
	});
});
