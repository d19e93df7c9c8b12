import { describe, expect, it } from 'vitest';
import {
	frameColumn,
	labelColumn,
	numberColumn,
	replaceColumn
} from '../../../src/core/prepare/frame';
import { categories, expectCoreError, numbers } from '../helpers';

const frame = [numbers('a', [1]), categories('b', ['x']), numbers('c', [2])];

describe('frame', () => {
	it('finds columns by name and checks their kind', async () => {
		expect(frameColumn(frame, 'b')).toBe(frame[1]);
		expect(numberColumn(frame, 'a', 'step')).toBe(frame[0]);
		expect(labelColumn(frame, 'b', 'step')).toBe(frame[1]);
		const missing = await expectCoreError(() => frameColumn(frame, 'zz'), 'missing-column', /"zz"/);
		expect(missing.place.column).toBe('zz');
		await expectCoreError(
			() => numberColumn(frame, 'b', 'scale'),
			'wrong-kind',
			/scale step on "b"/
		);
		await expectCoreError(() => labelColumn(frame, 'a', 'encode'), 'wrong-kind');
	});

	it('replaces one column by zero or more, keeping the order', () => {
		expect(
			replaceColumn(frame, 'b', [numbers('b1', [0]), numbers('b2', [1])]).map((c) => c.name)
		).toEqual(['a', 'b1', 'b2', 'c']);
		expect(replaceColumn(frame, 'a', []).map((c) => c.name)).toEqual(['b', 'c']);
		expect(frame.map((c) => c.name)).toEqual(['a', 'b', 'c']);
	});
});
