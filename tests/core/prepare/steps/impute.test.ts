import { describe, expect, it } from 'vitest';
import { applyImpute, fitImpute } from '../../../../src/core/prepare/steps/impute';
import { categories, numbers } from '../../helpers';

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
});
