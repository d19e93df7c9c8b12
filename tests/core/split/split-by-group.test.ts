import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT_PLAN, type SplitPlan } from '../../../src/core/split/split';
import { splitByGroup } from '../../../src/core/split/split-by-group';
import { splitByPlan } from '../../../src/core/split/split-by-plan';
import { expectCoreError } from '../helpers';
import { expectGroupsIntact, expectPartition, expectStratified, pick } from './expect-split';

const plan: SplitPlan = { ...DEFAULT_SPLIT_PLAN, kind: 'group', column: 'patient' };

/** 190 rows in 40 groups of 1 to 9 rows (group g has 1 + g % 9 rows), interleaved. */
function makeGroups(): Int32Array {
	const keys: number[] = [];
	for (let g = 0; g < 40; g++) for (let r = 0; r <= g % 9; r++) keys.push(g);
	// 7 is prime to 190, so this visits every key once, in a scrambled order.
	return Int32Array.from(keys, (_, i) => keys[(i * 7) % keys.length]);
}

describe('splitByGroup', () => {
	const groups = makeGroups();
	const strata = new Int32Array(190);

	it('never puts one group in two parts and keeps sizes near the fractions', () => {
		for (const seed of [1, 2, 3, 42]) {
			const split = splitByGroup(190, { ...plan, seed }, groups, strata);
			expectGroupsIntact(split.assignment, groups);
			expectPartition(split, () => true, plan.fractions, false);
			const largest = 9;
			expect(Math.abs(split.counts.train - 114)).toBeLessThanOrEqual(largest);
			expect(Math.abs(split.counts.val - 38)).toBeLessThanOrEqual(largest);
			expect(Math.abs(split.counts.test - 38)).toBeLessThanOrEqual(largest);
		}
	});

	it('gives the same split for the same seed and another for another seed', () => {
		const a = splitByGroup(190, plan, groups, strata).assignment;
		expect(splitByGroup(190, plan, groups, strata).assignment).toEqual(a);
		expect(splitByGroup(190, { ...plan, seed: 7 }, groups, strata).assignment).not.toEqual(a);
	});

	it('makes each row with a missing group value a group of its own', () => {
		const missing = new Int32Array(10).fill(-1);
		const split = splitByGroup(10, plan, missing, new Int32Array(10));
		expect(pick(split.counts)).toEqual({ train: 6, val: 2, test: 2 });
	});

	it('drops rows without a target and splits exactly when every group is one row', () => {
		const own = Int32Array.from({ length: 50 }, (_, i) => i);
		const keep = Int32Array.from({ length: 50 }, (_, i) => (i % 10 === 3 ? -1 : 0));
		const split = splitByGroup(50, plan, own, keep);
		expectPartition(split, (row) => keep[row] >= 0, plan.fractions);
		expect(split.counts.dropped).toBe(5);
	});

	it('refuses a column with one group, which would leave the test part empty', async () => {
		await expectCoreError(
			() => splitByPlan(10, plan, { strata: new Int32Array(10), groups: new Int32Array(10) }),
			'empty-part',
			/test part empty: the rows fall into too few groups of "patient"/
		);
	});

	it('needs the group codes in splitByPlan', async () => {
		await expectCoreError(
			() => splitByPlan(10, plan, { strata: new Int32Array(10) }),
			'missing-split-column',
			/group split needs a group column/
		);
	});
});

describe('keeping rows together in a random or stratified split', () => {
	// 120 rows: 60 distinct keys, each twice (a duplicate row), class 1 for every third key.
	const keys = Int32Array.from({ length: 120 }, (_, i) => i % 60);
	const strata = Int32Array.from(keys, (k) => (k % 3 === 0 ? 1 : 0));

	it('puts both copies of a row in the same part, with class shares kept', () => {
		const split = splitByPlan(120, DEFAULT_SPLIT_PLAN, { strata, keepTogether: keys });
		expectGroupsIntact(split.assignment, keys);
		expectPartition(split, () => true, DEFAULT_SPLIT_PLAN.fractions);
		expectStratified(split.assignment, strata, 2, DEFAULT_SPLIT_PLAN.fractions);
	});

	it('keeps rows together in a random split too', () => {
		const random: SplitPlan = { ...DEFAULT_SPLIT_PLAN, kind: 'random' };
		const split = splitByPlan(120, random, { strata, keepTogether: keys });
		expectGroupsIntact(split.assignment, keys);
		expectPartition(split, () => true, random.fractions);
		expect(split.plan.stratify).toBe(false);
	});
});
