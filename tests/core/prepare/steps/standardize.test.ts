import { describe, expect, it } from 'vitest';
import { applyStandardize, fitStandardize } from '../../../../src/core/prepare/steps/standardize';
import { categories, expectClose, expectCoreError, numbers } from '../../helpers';

describe('standardize', () => {
	it('uses the train mean and population standard deviation', () => {
		const step = fitStandardize({ kind: 'standardize', column: 'x' }, [numbers('x', [1, 2, 3])]);
		expect(step.mean).toBe(2);
		expectClose(step.std, Math.sqrt(2 / 3), 1e-15);
		const out = applyStandardize(step, [numbers('x', [2, 5])])[0];
		expectClose(out.kind === 'number' ? out.values : [], [0, 3 / Math.sqrt(2 / 3)], 1e-12);
	});

	it('keeps scale 1 for a constant column', () => {
		const step = fitStandardize({ kind: 'standardize', column: 'x' }, [numbers('x', [4, 4, 4])]);
		expect(step).toMatchObject({ mean: 4, std: 1 });
		const out = applyStandardize(step, [numbers('x', [4, 6])])[0];
		expect(out.kind === 'number' && Array.from(out.values)).toEqual([0, 2]);
	});

	it('needs numbers', async () => {
		await expectCoreError(
			() => fitStandardize({ kind: 'standardize', column: 'c' }, [categories('c', ['a'])]),
			'wrong-kind',
			/standardize step on "c" needs numbers/
		);
	});
});
