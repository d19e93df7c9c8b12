import { describe, expect, it } from 'vitest';
import {
	applyImpute,
	fitImpute,
	imputeIndicatorName,
	type FittedImpute
} from '../../../../src/core/prepare/steps/impute';
import type { DateColumn } from '../../../../src/core/table/table';
import { categories, expectCoreError, numbers } from '../../helpers';
import { columnOf, labelsOf, namesOf, valuesOf } from './clean-helpers';

describe('impute', () => {
	it('fills numbers with the train median or mean, leaving present values alone', () => {
		const train = [numbers('x', [1, NaN, 3, 10])];
		const median = fitImpute({ kind: 'impute', column: 'x', strategy: 'median' }, train);
		const mean = fitImpute({ kind: 'impute', column: 'x', strategy: 'mean' }, train);
		expect(median.fill).toBe(3);
		expect(mean.fill).toBeCloseTo(14 / 3, 14);
		const test = [numbers('x', [NaN, 100, NaN])];
		const filled = applyImpute(median, test)[0];
		expect(filled.kind === 'number' && Array.from(filled.values)).toEqual([3, 100, 3]);
		expect(test[0].values[0]).toBeNaN();
	});

	it('fills numbers with the most frequent value, the smallest on a tie', () => {
		const step = fitImpute({ kind: 'impute', column: 'x', strategy: 'most-frequent' }, [
			numbers('x', [5, 2, 5, 2, NaN, 9])
		]);
		expect(step.fill).toBe(2);
	});

	it('fills labels with the most frequent train label, the first in sort order on a tie', () => {
		const step = fitImpute({ kind: 'impute', column: 'c', strategy: 'most-frequent' }, [
			categories('c', ['b', 'a', null, 'b'])
		]);
		expect(step.fill).toBe('b');
		const tie = fitImpute({ kind: 'impute', column: 'c', strategy: 'most-frequent' }, [
			categories('c', ['b', 'a', null])
		]);
		expect(tie.fill).toBe('a');
		const filled = applyImpute(step, [categories('c', [null, 'z', null])])[0];
		if (filled.kind !== 'category') throw new Error('expected labels');
		expect(Array.from(filled.codes, (code) => filled.levels[code])).toEqual(['b', 'z', 'b']);
	});

	it('fills with 0 when the train column is all missing, so apply never yields NaN', () => {
		const step = fitImpute({ kind: 'impute', column: 'x', strategy: 'median' }, [
			numbers('x', [NaN, NaN])
		]);
		expect(step.fill).toBe(0);
	});

	it('fills with a constant: a number for numbers, a label for labels', () => {
		const x = fitImpute({ kind: 'impute', column: 'x', strategy: 'constant', value: -1 }, [
			numbers('x', [1, NaN])
		]);
		expect(x.fill).toBe(-1);
		expect(valuesOf(applyImpute(x, [numbers('x', [NaN, 2])])[0])).toEqual([-1, 2]);
		const text = fitImpute({ kind: 'impute', column: 'x', strategy: 'constant', value: ' 0 ' }, [
			numbers('x', [1])
		]);
		expect(text.fill).toBe(0);
		const c = fitImpute({ kind: 'impute', column: 'c', strategy: 'constant', value: 'unknown' }, [
			categories('c', ['a', null])
		]);
		expect(labelsOf(applyImpute(c, [categories('c', [null, 'z'])])[0])).toEqual(['unknown', 'z']);
		const zero = fitImpute({ kind: 'impute', column: 'c', strategy: 'constant', value: 0 }, [
			categories('c', ['a'])
		]);
		expect(zero.fill).toBe('0');
	});

	it('rejects a constant that does not suit the column', async () => {
		for (const value of ['n/a', '', NaN, Infinity])
			await expectCoreError(
				() =>
					fitImpute({ kind: 'impute', column: 'x', strategy: 'constant', value }, [
						numbers('x', [1])
					]),
				'bad-option',
				/fills numbers/
			);
		await expectCoreError(
			() =>
				fitImpute({ kind: 'impute', column: 'c', strategy: 'constant', value: '' }, [
					categories('c', ['a'])
				]),
			'bad-option'
		);
	});

	it('adds a 0/1 missing indicator right after the column, from the rows it is applied to', () => {
		const step = fitImpute({ kind: 'impute', column: 'x', strategy: 'mean', indicator: true }, [
			numbers('x', [2, 4, NaN])
		]);
		const out = applyImpute(step, [
			numbers('a', [0, 0, 0]),
			numbers('x', [NaN, 5, NaN]),
			categories('c', ['u', null, 'v'])
		]);
		expect(namesOf(out)).toEqual(['a', 'x', 'x missing', 'c']);
		expect(valuesOf(out[1])).toEqual([3, 5, 3]);
		expect(valuesOf(out[2])).toEqual([1, 0, 1]);
		const labels = fitImpute(
			{ kind: 'impute', column: 'c', strategy: 'most-frequent', indicator: true },
			[categories('c', ['u', null, 'u'])]
		);
		const flagged = applyImpute(labels, [categories('c', [null, 'v'])]);
		expect(labelsOf(flagged[0])).toEqual(['u', 'v']);
		expect(valuesOf(columnOf(flagged, imputeIndicatorName('c')))).toEqual([1, 0]);
	});

	it('still applies fitted steps saved before constants and indicators', () => {
		const saved = JSON.parse(
			'{"kind":"impute","column":"x","strategy":"median","fill":3}'
		) as FittedImpute;
		expect(namesOf(applyImpute(saved, [numbers('x', [NaN])]))).toEqual(['x']);
		expect(valuesOf(applyImpute(saved, [numbers('x', [NaN, 1])])[0])).toEqual([3, 1]);
	});

	it('rejects a missing column, a date column and a taken indicator name, and never fills NaN', async () => {
		const step = fitImpute({ kind: 'impute', column: 'x', strategy: 'median' }, [
			numbers('x', [1])
		]);
		await expectCoreError(() => applyImpute(step, [numbers('y', [1])]), 'missing-column', /"x"/);
		const date: DateColumn = { kind: 'date', name: 'x', values: Float64Array.of(0), offsets: null };
		await expectCoreError(() => applyImpute(step, [date]), 'wrong-kind', /holds date/);
		const flag = { ...step, indicator: true };
		await expectCoreError(
			() => applyImpute(flag, [numbers('x', [NaN]), numbers('x missing', [0])]),
			'duplicate-column'
		);
		const broken = { ...step, fill: 'Rio' };
		await expectCoreError(() => applyImpute(broken, [numbers('x', [NaN])]), 'bad-option');
	});

	it('does not change the frame it is applied to', () => {
		const step = fitImpute({ kind: 'impute', column: 'x', strategy: 'median', indicator: true }, [
			numbers('x', [1])
		]);
		const frame = [numbers('x', [NaN, 2])];
		applyImpute(step, frame);
		expect(namesOf(frame)).toEqual(['x']);
		expect(Number.isNaN(frame[0].values[0])).toBe(true);
	});
});
