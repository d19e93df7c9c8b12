import { describe, expect, it } from 'vitest';
import { applyClip, fitClip, type ClipStep } from '../../../../src/core/prepare/steps/clip';
import { categories, expectCoreError, numbers } from '../../helpers';
import { expectNumbers } from './step-helpers';

const iqr: ClipStep = { kind: 'clip', column: 'x', method: 'iqr' };

describe('clip', () => {
	it('clips to Tukey fences learned on train, missing staying missing', () => {
		// Quartiles of 1..9 are 3 and 7: fences 3 - 1.5 * 4 = -3 and 7 + 6 = 13.
		const train = [numbers('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, NaN])];
		const step = fitClip(iqr, train);
		expect(step).toMatchObject({ low: -3, high: 13 });
		expectNumbers(applyClip(step, [numbers('x', [-10, 0, NaN, 100])])[0], [-3, 0, NaN, 13]);
		expect(fitClip({ ...iqr, k: 0 }, train)).toMatchObject({ low: 3, high: 7 });
	});

	it('clips to train percentiles, 1st and 99th by default', () => {
		const train = [
			numbers(
				'x',
				Array.from({ length: 101 }, (_, i) => i)
			)
		];
		expect(fitClip({ ...iqr, method: 'percentiles' }, train)).toMatchObject({ low: 1, high: 99 });
		const step = fitClip({ ...iqr, method: 'percentiles', lower: 0.1, upper: 0.5 }, train);
		expect(step).toMatchObject({ low: 10, high: 50 });
		expectNumbers(applyClip(step, [numbers('x', [0, 20, 1e9])])[0], [10, 20, 50]);
	});

	it('keeps no bounds when train has no value, and clips nothing then', () => {
		const step = fitClip(iqr, [numbers('x', [NaN, NaN])]);
		expect(step).toMatchObject({ low: null, high: null });
		expect(JSON.parse(JSON.stringify(step))).toEqual(step);
		expectNumbers(applyClip(step, [numbers('x', [-1e300, NaN, 5])])[0], [-1e300, NaN, 5]);
		expect(fitClip({ ...iqr, method: 'percentiles' }, [numbers('x', [])]).low).toBeNull();
	});

	it('leaves its input frame alone', () => {
		const frame = [numbers('x', [1, 2, 100])];
		applyClip({ ...iqr, low: 0, high: 10 }, frame);
		expect(Array.from(frame[0].values)).toEqual([1, 2, 100]);
	});

	it('rejects bad options, a wrong kind and a missing column', async () => {
		const frame = [numbers('x', [1, 2])];
		await expectCoreError(() => fitClip({ ...iqr, k: -1 }, frame), 'bad-step', /k must be/);
		await expectCoreError(
			() => fitClip({ ...iqr, method: 'percentiles', lower: 0.9, upper: 0.1 }, frame),
			'bad-step',
			/0 ≤ lower < upper ≤ 1/
		);
		await expectCoreError(
			() => fitClip(iqr, [categories('x', ['a'])]),
			'wrong-kind',
			/clip step on "x" needs numbers/
		);
		await expectCoreError(() => applyClip({ ...iqr, low: 0, high: 1 }, []), 'missing-column');
	});
});
