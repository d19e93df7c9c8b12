import { describe, expect, it } from 'vitest';
import { applyDropColumns, fitDropColumns } from '../../../../src/core/prepare/steps/drop-columns';
import { categories, numbers } from '../../helpers';
import { namesOf } from './clean-helpers';

describe('drop-columns', () => {
	const frame = () => [numbers('id', [1, 2]), categories('c', ['a', 'b']), numbers('x', [3, 4])];

	it('drops the named columns and keeps the others in order', () => {
		const step = fitDropColumns({ kind: 'drop-columns', columns: ['id'], reason: 'identifier' });
		expect(step).toEqual({ kind: 'drop-columns', columns: ['id'], reason: 'identifier' });
		expect(namesOf(applyDropColumns(step, frame()))).toEqual(['c', 'x']);
	});

	it('treats a column already gone as dropped, never an error', () => {
		const step = fitDropColumns({ kind: 'drop-columns', columns: ['x', 'gone', '__proto__'] });
		expect(namesOf(applyDropColumns(step, frame()))).toEqual(['id', 'c']);
		expect(applyDropColumns(step, [])).toEqual([]);
	});

	it('does not change the frame it is applied to, nor share the step it was given', () => {
		const given = { kind: 'drop-columns' as const, columns: ['c'] };
		const step = fitDropColumns(given);
		given.columns.push('x');
		const input = frame();
		expect(namesOf(applyDropColumns(step, input))).toEqual(['id', 'x']);
		expect(namesOf(input)).toEqual(['id', 'c', 'x']);
	});
});
