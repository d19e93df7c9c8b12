import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT_PLAN, DROPPED, type SplitPlan } from '../../../src/core/split/split';
import { splitByPlan } from '../../../src/core/split/split-by-plan';
import { splitByTime } from '../../../src/core/split/split-by-time';
import { expectCoreError } from '../helpers';
import { expectPartition } from './expect-split';

const plan: SplitPlan = { ...DEFAULT_SPLIT_PLAN, kind: 'time', column: 'day' };
const N = NaN;

/** Returns the largest time of a part and the smallest of the next, for every boundary. */
function boundaries(assignment: Int8Array, time: Float64Array): [number, number][] {
	const min = [Infinity, Infinity, Infinity];
	const max = [-Infinity, -Infinity, -Infinity];
	assignment.forEach((part, row) => {
		if (part < 0) return;
		min[part] = Math.min(min[part], time[row]);
		max[part] = Math.max(max[part], time[row]);
	});
	return [
		[max[0], min[1]],
		[max[1], min[2]]
	];
}

describe('splitByTime', () => {
	it('puts the earliest rows in train, then validation, then test, without shuffling', () => {
		const time = Float64Array.from([9, 0, 8, 1, 7, 2, 6, 3, 5, 4]);
		const split = splitByTime(10, plan, time, new Int32Array(10));
		expect(Array.from(split.assignment)).toEqual([2, 0, 2, 0, 1, 0, 1, 0, 0, 0]);
		expect(split.counts).toEqual({ train: 6, val: 2, test: 2, dropped: 0, noTime: 0 });
		for (const [before, after] of boundaries(split.assignment, time))
			expect(before).toBeLessThanOrEqual(after);
	});

	it('breaks ties by row order, so equal times keep the file order', () => {
		const time = new Float64Array(10).fill(5);
		const split = splitByTime(10, plan, time, new Int32Array(10));
		expect(Array.from(split.assignment)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 2, 2]);
	});

	it('drops rows without a time value or a target, counting those without a time', () => {
		const time = Float64Array.from([1, N, 2, 3, 4, 5, N, 6, 7, 8, 9, 10, 11]);
		const keep = Int32Array.from([0, 0, -1, 0, 0, 0, -1, 0, 0, 0, 0, 0, 0]);
		const split = splitByTime(13, plan, time, keep);
		expect(split.counts).toEqual({ train: 6, val: 2, test: 2, dropped: 3, noTime: 1 });
		expect([1, 2, 6].map((row) => split.assignment[row])).toEqual([DROPPED, DROPPED, DROPPED]);
		expectPartition(split, (row) => keep[row] >= 0 && !Number.isNaN(time[row]), plan.fractions);
		for (const [before, after] of boundaries(split.assignment, time))
			expect(before).toBeLessThanOrEqual(after);
	});

	it('keeps the shares and the order on a larger shuffled series', () => {
		const time = Float64Array.from({ length: 97 }, (_, i) => (i * 37) % 97);
		const split = splitByTime(
			97,
			{ ...plan, fractions: { train: 0.7, val: 0.15, test: 0.15 } },
			time,
			new Int32Array(97)
		);
		expectPartition(split, () => true, { train: 0.7, val: 0.15, test: 0.15 });
		for (const [before, after] of boundaries(split.assignment, time))
			expect(before).toBeLessThan(after);
	});

	it('does not depend on the seed', () => {
		const time = Float64Array.from({ length: 30 }, (_, i) => (i * 7) % 30);
		const keep = new Int32Array(30);
		const a = splitByTime(30, plan, time, keep).assignment;
		expect(splitByTime(30, { ...plan, seed: 99 }, time, keep).assignment).toEqual(a);
	});

	it('refuses a column with no time value in any kept row', async () => {
		await expectCoreError(
			() => splitByTime(3, plan, Float64Array.from([N, N, 4]), Int32Array.from([0, 0, -1])),
			'no-time-values',
			/"day" has no value/
		);
	});

	it('is chosen by splitByPlan, which needs the time values', async () => {
		const time = Float64Array.from({ length: 10 }, (_, i) => 10 - i);
		const split = splitByPlan(10, plan, { strata: new Int32Array(10), time });
		expect(Array.from(split.assignment)).toEqual([2, 2, 1, 1, 0, 0, 0, 0, 0, 0]);
		await expectCoreError(
			() => splitByPlan(10, plan, { strata: new Int32Array(10) }),
			'missing-split-column',
			/time split needs a time column/
		);
	});

	it('refuses too few rows for a test part', async () => {
		const time = Float64Array.from([1, 2, N, N]);
		await expectCoreError(
			() => splitByPlan(4, plan, { strata: new Int32Array(4), time }),
			'empty-part',
			/leave the test part empty: 2 row\(s\) are too few/
		);
	});
});
