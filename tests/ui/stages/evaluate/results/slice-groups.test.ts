import { describe, expect, it } from 'vitest';
import type { Slice } from '../../../../../src/core/evaluate/slices';
import {
	sliceKey,
	slicesByColumn
} from '../../../../../src/ui/stages/evaluate/results/slice-groups';

function slice(column: string, label: string, missing = false): Slice {
	return {
		column,
		label,
		missing,
		rows: 40,
		value: 0.8,
		error: 0.2,
		positives: null,
		small: false,
		note: null
	};
}

describe('slicesByColumn', () => {
	it('groups slices by column, keeping the order they came in', () => {
		const groups = slicesByColumn([slice('b', 'x'), slice('a', 'p'), slice('b', 'y')]);
		expect(groups.map((g) => [g.column, g.slices.map((s) => s.label)])).toEqual([
			['b', ['x', 'y']],
			['a', ['p']]
		]);
	});

	it('gives nothing for no slices', () => {
		expect(slicesByColumn([])).toEqual([]);
	});
});

describe('sliceKey', () => {
	it('tells a level written "missing" from the missing cells', () => {
		expect(sliceKey(slice('a', 'missing'))).not.toBe(sliceKey(slice('a', 'missing', true)));
		expect(sliceKey(slice('a', 'x'))).toBe(sliceKey({ ...slice('a', 'x') }));
		expect(sliceKey(slice('a/b', 'c'))).not.toBe(sliceKey(slice('a', 'b/c')));
	});
});
