import { describe, expect, it } from 'vitest';
import { describeInjection, injectionOf } from '../../../../src/ui/stages/ship/simulate.svelte';

describe('the drift form', () => {
	const form = { column: 'age', amount: 2, label: 'NEW', group: 'yes' };

	it('makes the injection of each kind from the same fields', () => {
		expect(injectionOf({ ...form, kind: 'shift' })).toEqual({
			kind: 'shift',
			column: 'age',
			sds: 2
		});
		expect(injectionOf({ ...form, kind: 'scale' })).toEqual({
			kind: 'scale',
			column: 'age',
			factor: 2
		});
		expect(injectionOf({ ...form, kind: 'new-category', amount: 0.3 })).toEqual({
			kind: 'new-category',
			column: 'age',
			label: 'NEW',
			share: 0.3
		});
		expect(injectionOf({ ...form, kind: 'label-shift', amount: 0.8 })).toEqual({
			kind: 'label-shift',
			group: 'yes',
			share: 0.8
		});
	});

	it('says each injection in words', () => {
		expect(describeInjection({ kind: 'shift', column: 'age', sds: -0.5 })).toBe(
			'age shifted by -0.5 standard deviation(s)'
		);
		expect(describeInjection({ kind: 'new-category', column: 'c', label: 'Z', share: 0.25 })).toBe(
			'c: "Z" in 25% of rows'
		);
	});
});
