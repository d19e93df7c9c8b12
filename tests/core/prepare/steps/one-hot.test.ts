import { describe, expect, it } from 'vitest';
import { applyOneHot, fitOneHot, oneHotName } from '../../../../src/core/prepare/steps/one-hot';
import { categories, expectCoreError, numbers } from '../../helpers';
import type { Frame } from '../../../../src/core/prepare/frame';

function valuesOf(frame: Frame): [string, number[]][] {
	return frame.map((c) => [c.name, c.kind === 'number' ? Array.from(c.values) : []]);
}

describe('one-hot', () => {
	it('learns the labels present in train, sorted, ignoring unused dictionary levels', () => {
		const column = categories('c', ['b', 'a', null, 'b']);
		column.levels.push('never-used');
		const step = fitOneHot({ kind: 'one-hot', column: 'c' }, [column]);
		expect(step.levels).toEqual(['a', 'b']);
	});

	it('replaces the column in place; unseen and missing labels are all zeros', () => {
		const step = fitOneHot({ kind: 'one-hot', column: 'c' }, [categories('c', ['b', 'a'])]);
		const frame: Frame = [
			numbers('before', [1, 2, 3, 4]),
			categories('c', ['a', 'Z', null, 'b']),
			numbers('after', [0, 0, 0, 0])
		];
		expect(valuesOf(applyOneHot(step, frame))).toEqual([
			['before', [1, 2, 3, 4]],
			['c=a', [1, 0, 0, 0]],
			['c=b', [0, 0, 0, 1]],
			['after', [0, 0, 0, 0]]
		]);
		expect(oneHotName('c', 'a')).toBe('c=a');
	});

	it('needs labels', async () => {
		await expectCoreError(
			() => fitOneHot({ kind: 'one-hot', column: 'x' }, [numbers('x', [1])]),
			'wrong-kind'
		);
	});
});

describe('one-hot names', () => {
	it('refuses to add a column whose name the data already uses', async () => {
		const frame = [categories('c', ['a', 'b']), numbers('c=a', [1, 2])];
		const fitted = fitOneHot({ kind: 'one-hot', column: 'c' }, frame);
		await expectCoreError(() => applyOneHot(fitted, frame), 'duplicate-column', /"c=a"/);
	});
});
