import { describe, expect, it } from 'vitest';
import { applyDerive, fitDerive, type DeriveStep } from '../../../../src/core/prepare/steps/derive';
import { categories, expectCoreError, numbers } from '../../helpers';
import { expectNumbers } from './step-helpers';

const ratio: DeriveStep = { kind: 'derive', op: 'ratio', left: 'a', right: 'b' };
const frame = [numbers('a', [6, 1, 0, NaN, 3]), numbers('b', [3, 0, 0, 1, -1])];

describe('derive', () => {
	it('adds a ratio, missing where the division is by zero or an operand is missing', () => {
		const step = fitDerive(ratio, frame);
		expect(step.name).toBe('a / b');
		const out = applyDerive(step, frame);
		expect(out.map((c) => c.name)).toEqual(['a', 'b', 'a / b']);
		expectNumbers(out[2], [2, NaN, NaN, NaN, -3]);
		expect(frame.length).toBe(2);
	});

	it('adds a difference, under its own name when given one', () => {
		const step = fitDerive({ ...ratio, op: 'difference', name: 'gap' }, frame);
		const out = applyDerive(step, frame);
		expect(out[2].name).toBe('gap');
		expectNumbers(out[2], [3, 1, 0, NaN, 4]);
		expect(fitDerive({ ...ratio, op: 'difference', name: '' }, frame).name).toBe('a - b');
	});

	it('needs two number columns and a new name', async () => {
		await expectCoreError(
			() => fitDerive(ratio, [numbers('a', [1]), categories('b', ['x'])]),
			'wrong-kind',
			/derive step on "b" needs numbers, but the column holds category/
		);
		await expectCoreError(() => fitDerive(ratio, [numbers('a', [1])]), 'missing-column', /"b"/);
		await expectCoreError(() => fitDerive({ ...ratio, name: 'a' }, frame), 'duplicate-column');
		await expectCoreError(
			() => fitDerive({ ...ratio, op: 'product' as 'ratio' }, frame),
			'bad-step',
			/"product"/
		);
	});
});
