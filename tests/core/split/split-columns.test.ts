import { describe, expect, it } from 'vitest';
import { duplicateKeys, groupCodes, timeValues } from '../../../src/core/split/split-columns';
import { MISSING_BOOLEAN, textColumn, type Column } from '../../../src/core/table/table';
import { categories, expectCoreError, numbers } from '../helpers';

describe('timeValues', () => {
	it('reads a date or number column as it is and refuses any other', async () => {
		const days: Column = {
			kind: 'date',
			name: 'day',
			values: Float64Array.from([2, NaN, 1]),
			offsets: null
		};
		expect(timeValues(days)).toBe(days.values);
		expect(Array.from(timeValues(numbers('year', [2020, 2021])))).toEqual([2020, 2021]);
		await expectCoreError(
			() => timeValues(categories('shop', ['a'])),
			'wrong-split-column',
			/"shop" holds category values/
		);
	});
});

describe('groupCodes', () => {
	it('gives equal values one code and a missing value -1, for every kind', () => {
		expect(Array.from(groupCodes(categories('c', ['a', null, 'b', 'a'])))).toEqual([0, -1, 1, 0]);
		expect(Array.from(groupCodes(numbers('n', [7.5, NaN, 7.5, 3])))).toEqual([0, -1, 0, 1]);
		const flags: Column = {
			kind: 'boolean',
			name: 'b',
			values: Uint8Array.from([1, MISSING_BOOLEAN, 0, 1]),
			words: ['no', 'yes']
		};
		expect(Array.from(groupCodes(flags))).toEqual([1, -1, 0, 1]);
	});
});

describe('duplicateKeys', () => {
	it('gives rows equal in every column but the ignored one the same key', () => {
		const raw = {
			rowCount: 4,
			columns: [
				textColumn('x', ['a', 'b', 'a', 'a']),
				textColumn('z', ['1', '2', '1', '3']),
				textColumn('y', ['no', 'no', 'yes', 'no'])
			]
		};
		expect(Array.from(duplicateKeys(raw, ['y']))).toEqual([0, 1, 0, 2]);
		expect(Array.from(duplicateKeys(raw, []))).toEqual([0, 1, 2, 3]);
	});
});
