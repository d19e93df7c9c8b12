import { describe, expect, it } from 'vitest';
import { applyScale, fitScale, type ScaleStep } from '../../../../src/core/prepare/steps/scale';
import { categories, expectCoreError, numbers } from '../../helpers';
import { expectNumbers } from './step-helpers';

const minMax: ScaleStep = { kind: 'scale', column: 'x', method: 'min-max' };
const robust: ScaleStep = { kind: 'scale', column: 'x', method: 'robust' };

describe('scale', () => {
	it('maps the train range to 0..1, other rows beyond it', () => {
		const step = fitScale(minMax, [numbers('x', [2, NaN, 6, 4])]);
		expect(step).toMatchObject({ center: 2, scale: 4 });
		expectNumbers(applyScale(step, [numbers('x', [2, 6, 10, NaN])])[0], [0, 1, 2, NaN]);
	});

	it('centres on the train median and divides by the train interquartile range', () => {
		// 1..9: median 5, quartiles 3 and 7.
		const step = fitScale(robust, [numbers('x', [1, 2, 3, 4, 5, 6, 7, 8, 900])]);
		expect(step).toMatchObject({ center: 5, scale: 4 });
		expectNumbers(applyScale(step, [numbers('x', [5, 13, -3])])[0], [0, 2, -2]);
	});

	it('scales by 1 for a constant column, and leaves values alone after an all-missing train', () => {
		expect(fitScale(minMax, [numbers('x', [3, 3])])).toMatchObject({ center: 3, scale: 1 });
		expect(fitScale(robust, [numbers('x', [3, 3, 3, 9])])).toMatchObject({ center: 3, scale: 1.5 });
		expect(fitScale(robust, [numbers('x', [3, 3, 3])])).toMatchObject({ center: 3, scale: 1 });
		for (const method of [minMax, robust]) {
			const step = fitScale(method, [numbers('x', [NaN])]);
			expect(step).toMatchObject({ center: 0, scale: 1 });
			expectNumbers(applyScale(step, [numbers('x', [7, NaN])])[0], [7, NaN]);
		}
	});

	it('rejects an unknown method, a wrong kind and a missing column', async () => {
		await expectCoreError(
			() => fitScale({ ...minMax, method: 'z' as 'robust' }, [numbers('x', [1])]),
			'bad-step',
			/no method "z"/
		);
		await expectCoreError(
			() => fitScale(minMax, [categories('x', ['a'])]),
			'wrong-kind',
			/scale step on "x" needs numbers/
		);
		await expectCoreError(
			() => applyScale({ ...minMax, center: 0, scale: 1 }, []),
			'missing-column'
		);
	});
});
