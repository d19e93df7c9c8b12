import { describe, expect, it } from 'vitest';
import { applyBin, fitBin, type BinStep } from '../../../../src/core/prepare/steps/bin';
import { categories, expectCoreError, numbers } from '../../helpers';
import { expectNumbers } from './step-helpers';

const quantile: BinStep = { kind: 'bin', column: 'x', method: 'quantile', bins: 4 };
const width: BinStep = { ...quantile, method: 'width' };

describe('bin', () => {
	it('cuts at train quantiles, outside values going to the end bins', () => {
		const step = fitBin(quantile, [numbers('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, NaN])]);
		expect(step.edges).toEqual([3, 5, 7]);
		expectNumbers(applyBin(step, [numbers('x', [-100, 3, 4.9, 5, 8, 100, NaN])])[0], [
			0,
			1,
			1,
			2,
			3,
			3,
			NaN
		]);
	});

	it('merges equal quantile edges', () => {
		const step = fitBin(quantile, [numbers('x', [0, 0, 0, 0, 0, 0, 1, 2])]);
		expect(step.edges).toEqual([0.25]);
		expectNumbers(applyBin(step, [numbers('x', [0, 0.5, 2])])[0], [0, 1, 1]);
	});

	it('cuts at equal widths across the train range', () => {
		const step = fitBin(width, [numbers('x', [0, 10, 1, NaN])]);
		expect(step.edges).toEqual([2.5, 5, 7.5]);
		expectNumbers(applyBin(step, [numbers('x', [2.5, 9, 11, -1])])[0], [1, 3, 3, 0]);
	});

	it('puts everything in bin 0 after a constant, empty or all-missing train column', () => {
		for (const values of [[4, 4], [], [NaN, NaN]]) {
			const step = fitBin(quantile, [numbers('x', values)]);
			expect(step.edges).toEqual([]);
			expectNumbers(applyBin(step, [numbers('x', [1, NaN, 9])])[0], [0, NaN, 0]);
		}
	});

	it('rejects a bad bin count or method, a wrong kind and a missing column', async () => {
		const frame = [numbers('x', [1, 2])];
		for (const bins of [1, 2.5, 1001])
			await expectCoreError(() => fitBin({ ...quantile, bins }, frame), 'bad-step', /whole number/);
		await expectCoreError(
			() => fitBin({ ...quantile, method: 'kmeans' as 'width' }, frame),
			'bad-step',
			/"kmeans"/
		);
		await expectCoreError(
			() => fitBin(quantile, [categories('x', ['a'])]),
			'wrong-kind',
			/bin step on "x" needs numbers/
		);
		await expectCoreError(() => applyBin({ ...quantile, edges: [] }, []), 'missing-column');
	});
});
