import { describe, expect, it } from 'vitest';
import {
	applyRareLevels,
	fitRareLevels,
	rareThreshold
} from '../../../../src/core/prepare/steps/rare-levels';
import { categories, expectCoreError, numbers } from '../../helpers';
import { labelsOf } from './clean-helpers';

const TRAIN = [categories('c', ['a', 'a', 'a', 'b', 'b', 'c', null, null])];

describe('rare-levels', () => {
	it('keeps the labels with enough train rows; the rest, unseen ones too, become Other', () => {
		const step = fitRareLevels({ kind: 'rare-levels', column: 'c', minCount: 2 }, TRAIN);
		expect(step).toMatchObject({ kept: ['a', 'b'], other: 'Other' });
		const out = applyRareLevels(step, [categories('c', ['c', 'a', null, 'zzz', 'b'])]);
		expect(labelsOf(out[0])).toEqual(['Other', 'a', null, 'Other', 'b']);
	});

	it('measures shares among the present train labels, with both thresholds applying', () => {
		// 6 present labels: a 3/6, b 2/6, c 1/6.
		const share = fitRareLevels({ kind: 'rare-levels', column: 'c', minShare: 0.4 }, TRAIN);
		expect(share.kept).toEqual(['a']);
		const both = fitRareLevels(
			{ kind: 'rare-levels', column: 'c', minCount: 1, minShare: 0.3, other: 'rest' },
			TRAIN
		);
		expect(both).toMatchObject({ kept: ['a', 'b'], other: 'rest' });
		expect(rareThreshold({ kind: 'rare-levels', column: 'c' }, 1000)).toBe(10);
	});

	it('merges rare labels into a kept label of the same name as the other label', () => {
		const step = fitRareLevels(
			{ kind: 'rare-levels', column: 'c', minCount: 2, other: 'a' },
			TRAIN
		);
		const out = applyRareLevels(step, [categories('c', ['c', 'a', 'b'])]);
		expect(labelsOf(out[0])).toEqual(['a', 'a', 'b']);
		const column = out[0];
		expect(column.kind === 'category' && column.levels).toEqual(['a', 'b']);
	});

	it('maps every label to Other after an empty or all-missing train', () => {
		for (const train of [[categories('c', [])], [categories('c', [null, null])]]) {
			const step = fitRareLevels({ kind: 'rare-levels', column: 'c', minCount: 1 }, train);
			expect(step.kept).toEqual([]);
			expect(labelsOf(applyRareLevels(step, [categories('c', ['a', null])])[0])).toEqual([
				'Other',
				null
			]);
		}
	});

	it('rejects bad thresholds, a number column and a missing column', async () => {
		for (const bad of [{ minCount: -1 }, { minShare: 1.5 }, { minShare: NaN }, { other: '' }])
			await expectCoreError(
				() => fitRareLevels({ kind: 'rare-levels', column: 'c', ...bad }, TRAIN),
				'bad-option'
			);
		await expectCoreError(
			() => fitRareLevels({ kind: 'rare-levels', column: 'x' }, [numbers('x', [1])]),
			'wrong-kind'
		);
		const step = fitRareLevels({ kind: 'rare-levels', column: 'c' }, TRAIN);
		await expectCoreError(() => applyRareLevels(step, [numbers('x', [1])]), 'missing-column');
	});
});
