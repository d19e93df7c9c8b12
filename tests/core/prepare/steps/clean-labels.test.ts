import { describe, expect, it } from 'vitest';
import {
	applyCleanLabels,
	fitCleanLabels,
	labelCleaner,
	type CleanLabelsStep
} from '../../../../src/core/prepare/steps/clean-labels';
import { categories, expectCoreError, numbers } from '../../helpers';
import { labelsOf } from './clean-helpers';

const step = (changes: Partial<CleanLabelsStep> = {}): CleanLabelsStep => ({
	kind: 'clean-labels',
	column: 'c',
	trim: true,
	caseFold: 'lower',
	merge: [],
	...changes
});

describe('clean-labels', () => {
	it('trims, folds the case, then merges spellings; missing stays missing', () => {
		const fitted = fitCleanLabels(step({ merge: [['NY', 'New York']] }), [categories('c', ['x'])]);
		const out = applyCleanLabels(fitted, [
			categories('c', ['  New York', 'new york ', 'NY', null, 'Lima', 'ny '])
		]);
		expect(labelsOf(out[0])).toEqual([
			'new york',
			'new york',
			'new york',
			null,
			'lima',
			'new york'
		]);
		const column = out[0];
		expect(column.kind === 'category' && column.levels).toEqual(['new york', 'lima']);
	});

	it('passes labels unseen in train through cleaned, and makes a blank label missing', () => {
		const fitted = fitCleanLabels(step({ caseFold: 'upper' }), [categories('c', ['a'])]);
		const out = applyCleanLabels(fitted, [categories('c', [' never seen ', '   ', 'a'])]);
		expect(labelsOf(out[0])).toEqual(['NEVER SEEN', null, 'A']);
	});

	it('leaves spaces and case alone when asked to', () => {
		const fitted = fitCleanLabels(step({ trim: false, caseFold: 'none', merge: [[' b', 'B']] }), [
			categories('c', ['a'])
		]);
		expect(labelsOf(applyCleanLabels(fitted, [categories('c', [' b', 'b ', 'A'])])[0])).toEqual([
			'B',
			'b ',
			'A'
		]);
	});

	it('treats labels such as __proto__ as ordinary text', () => {
		const clean = labelCleaner(
			step({
				merge: [
					['__proto__', 'proto'],
					['constructor', 'toString']
				]
			})
		);
		expect(['__proto__', 'constructor', 'hasOwnProperty'].map(clean)).toEqual([
			'proto',
			'tostring',
			'hasownproperty'
		]);
	});

	it('applies merges once, without following chains', () => {
		const clean = labelCleaner(
			step({
				merge: [
					['a', 'b'],
					['b', 'c']
				]
			})
		);
		expect(['a', 'b'].map(clean)).toEqual(['b', 'c']);
	});

	it('needs a label column that the frame has, and does not change its input', async () => {
		await expectCoreError(
			() => fitCleanLabels(step(), [numbers('c', [1])]),
			'wrong-kind',
			/clean-labels step on "c" needs categories or text/
		);
		const fitted = fitCleanLabels(step(), [categories('c', [])]);
		await expectCoreError(
			() => applyCleanLabels(fitted, [categories('d', ['a'])]),
			'missing-column'
		);
		const input = [categories('c', [' A '])];
		applyCleanLabels(fitted, input);
		expect(labelsOf(input[0])).toEqual([' A ']);
	});
});
