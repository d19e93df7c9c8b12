import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT_PLAN, type SplitKind, type SplitPlan } from '../../../src/core/split/split';
import { splitByPlan, type SplitInputs } from '../../../src/core/split/split-by-plan';
import { expectGroupsIntact, expectPartition, expectStratified } from './expect-split';

/** 157 rows: three classes of unequal size, a few without a target, a time and a group each. */
const ROWS = 157;
const strata = Int32Array.from({ length: ROWS }, (_, i) =>
	i % 31 === 5 ? -1 : i % 7 < 4 ? 0 : i % 7 < 6 ? 1 : 2
);
const inputs: SplitInputs = {
	strata,
	time: Float64Array.from({ length: ROWS }, (_, i) => (i * 53) % ROWS),
	groups: Int32Array.from({ length: ROWS }, (_, i) => (i * 11) % 40)
};
const kept = (row: number) => strata[row] >= 0;
const fractions = { train: 0.7, val: 0.1, test: 0.2 };
const KINDS: SplitKind[] = ['random', 'stratified', 'time', 'group'];
const planOf = (kind: SplitKind, seed = 42): SplitPlan => ({
	...DEFAULT_SPLIT_PLAN,
	seed,
	fractions,
	kind,
	column: 'c'
});

describe('splitByPlan', () => {
	it('gives every kept row exactly one part, whatever the kind', () => {
		for (const kind of KINDS) {
			const split = splitByPlan(ROWS, planOf(kind), inputs);
			expectPartition(split, kept, fractions, kind !== 'group');
		}
	});

	it('keeps each class within one row of its share when stratified', () => {
		for (const seed of [1, 2, 3]) {
			const { assignment } = splitByPlan(ROWS, planOf('stratified', seed), inputs);
			expectStratified(assignment, strata, 3, fractions);
		}
	});

	it('keeps groups whole and time in order', () => {
		expectGroupsIntact(splitByPlan(ROWS, planOf('group'), inputs).assignment, inputs.groups!);
		const { assignment } = splitByPlan(ROWS, planOf('time'), inputs);
		const times = [0, 1, 2].map((p) =>
			Array.from(inputs.time!).filter((_, row) => assignment[row] === p)
		);
		expect(Math.max(...times[0])).toBeLessThan(Math.min(...times[1]));
		expect(Math.max(...times[1])).toBeLessThan(Math.min(...times[2]));
	});

	it('is deterministic, and the seed changes every kind but time', () => {
		for (const kind of KINDS) {
			const a = splitByPlan(ROWS, planOf(kind), inputs).assignment;
			expect(splitByPlan(ROWS, planOf(kind), inputs).assignment).toEqual(a);
			const b = splitByPlan(ROWS, planOf(kind, 43), inputs).assignment;
			if (kind === 'time') expect(b).toEqual(a);
			else expect(b).not.toEqual(a);
		}
	});
});
