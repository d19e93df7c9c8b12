import { describe, expect, it } from 'vitest';
import { applyOrdinal, fitOrdinal } from '../../../../src/core/prepare/steps/ordinal';
import { categories, expectCoreError, numbers } from '../../helpers';
import { namesOf, valuesOf } from './clean-helpers';

describe('ordinal', () => {
	it('encodes labels by their position in the given order; others and missing are -1', () => {
		const step = fitOrdinal({ kind: 'ordinal', column: 'size', order: ['S', 'M', 'L'] }, [
			categories('size', ['L', 'XL'])
		]);
		expect(step.order).toEqual(['S', 'M', 'L']);
		const out = applyOrdinal(step, [
			numbers('a', [0, 0, 0, 0, 0]),
			categories('size', ['M', 'L', 'S', 'XL', null])
		]);
		expect(namesOf(out)).toEqual(['a', 'size']);
		expect(valuesOf(out[1])).toEqual([1, 2, 0, -1, -1]);
	});

	it('learns the sorted train labels when no order is given', () => {
		const column = categories('c', ['b', 'a', null, 'b']);
		column.levels.push('never-used');
		const step = fitOrdinal({ kind: 'ordinal', column: 'c' }, [column]);
		expect(step.order).toEqual(['a', 'b']);
		expect(valuesOf(applyOrdinal(step, [categories('c', ['b', 'z', 'a'])])[0])).toEqual([1, -1, 0]);
	});

	it('gives an empty order after an empty or all-missing train, and -1 everywhere', () => {
		const step = fitOrdinal({ kind: 'ordinal', column: 'c' }, [categories('c', [null])]);
		expect(step.order).toEqual([]);
		expect(valuesOf(applyOrdinal(step, [categories('c', ['a'])])[0])).toEqual([-1]);
	});

	it('rejects an empty or repeating order, a number column and a missing column', async () => {
		const train = [categories('c', ['a'])];
		await expectCoreError(
			() => fitOrdinal({ kind: 'ordinal', column: 'c', order: [] }, train),
			'bad-option'
		);
		await expectCoreError(
			() => fitOrdinal({ kind: 'ordinal', column: 'c', order: ['a', 'b', 'a'] }, train),
			'bad-option',
			/"a" twice/
		);
		const step = fitOrdinal({ kind: 'ordinal', column: 'c' }, train);
		await expectCoreError(() => applyOrdinal(step, [numbers('c', [1])]), 'wrong-kind');
		await expectCoreError(() => applyOrdinal(step, []), 'missing-column');
	});
});
