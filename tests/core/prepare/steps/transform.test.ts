import { describe, expect, it } from 'vitest';
import { applyTransform, fitTransform } from '../../../../src/core/prepare/steps/transform';
import type { TransformFn } from '../../../../src/core/prepare/steps/transform';
import { categories, expectCoreError, numbers } from '../../helpers';
import { expectNumbers } from './step-helpers';

const step = (fn: TransformFn) => ({ kind: 'transform', column: 'x', fn }) as const;

describe('transform', () => {
	it('applies a signed log and square root, defined for every real', () => {
		const frame = [numbers('x', [0, Math.E - 1, -(Math.E - 1), 4, -9, NaN])];
		expectNumbers(applyTransform(fitTransform(step('log'), frame), frame)[0], [
			0,
			1,
			-1,
			Math.log(5),
			-Math.log(10),
			NaN
		]);
		expectNumbers(applyTransform(fitTransform(step('sqrt'), frame), frame)[0], [
			0,
			Math.sqrt(Math.E - 1),
			-Math.sqrt(Math.E - 1),
			2,
			-3,
			NaN
		]);
	});

	it('learns nothing, and fits on an empty column', () => {
		expect(fitTransform(step('log'), [numbers('x', [])])).toEqual(step('log'));
	});

	it('rejects an unknown function, a wrong kind and a missing column', async () => {
		const frame = [numbers('x', [1])];
		await expectCoreError(
			() => fitTransform(step('exp' as TransformFn), frame),
			'bad-step',
			/cannot apply "exp"/
		);
		await expectCoreError(() => applyTransform(step('exp' as TransformFn), frame), 'bad-step');
		await expectCoreError(
			() => applyTransform(step('log'), [categories('x', ['a'])]),
			'wrong-kind',
			/transform step on "x" needs numbers/
		);
		await expectCoreError(() => fitTransform(step('log'), []), 'missing-column');
	});
});
