import { describe, expect, it } from 'vitest';
import { encodeClasses, orderClasses, summarizeTarget } from '../../../src/core/brief/target';
import { categories, expectCoreError, numbers } from '../helpers';

describe('summarizeTarget', () => {
	it('suggests binary for two values, with classes in order and counts', () => {
		const summary = summarizeTarget(numbers('y', [1, 0, 1, NaN, 1]));
		expect(summary).toMatchObject({
			present: 4,
			missing: 1,
			suggestedTask: 'binary',
			allowedTasks: ['binary', 'regression', 'ranking'],
			problem: null
		});
		expect(summary.classes).toEqual([
			{ label: '0', count: 1 },
			{ label: '1', count: 3 }
		]);
	});

	it('orders number classes numerically and label classes by code unit', () => {
		expect(orderClasses(numbers('y', []), ['10', '2', '1'])).toEqual(['1', '2', '10']);
		expect(orderClasses(categories('y', []), ['b', 'B', 'a'])).toEqual(['B', 'a', 'b']);
	});

	it('suggests multiclass for labels and regression for many numbers', () => {
		expect(summarizeTarget(categories('y', ['a', 'b', 'c', 'a'])).suggestedTask).toBe('multiclass');
		const values = Array.from({ length: 30 }, (_, i) => i * 1.5);
		expect(summarizeTarget(numbers('y', values)).suggestedTask).toBe('regression');
	});

	it('explains why a constant or empty column cannot be a target', () => {
		expect(summarizeTarget(categories('y', ['a', 'a', null])).problem).toMatch(
			/same value \("a"\) in all 2 rows/
		);
		expect(summarizeTarget(numbers('y', [NaN])).problem).toMatch(/has no values/);
	});
});

describe('encodeClasses', () => {
	it('returns class indices, -1 for missing, and names the row of an unknown class', async () => {
		expect(Array.from(encodeClasses(categories('y', ['b', null, 'a']), ['a', 'b']))).toEqual([
			1, -1, 0
		]);
		expect(Array.from(encodeClasses(numbers('y', [1, 0]), ['0', '1']))).toEqual([1, 0]);
		await expectCoreError(
			() => encodeClasses(categories('y', ['a', 'c']), ['a', 'b']),
			'unknown-class',
			/Row 2 .*"c"/
		);
	});
});
