import { describe, expect, it } from 'vitest';
import { developmentFolds, foldRows, kFold, MAX_FOLDS } from '../../../src/core/split/k-fold';
import { countParts, type Split } from '../../../src/core/split/split';
import { expectCoreError } from '../helpers';
import { expectGroupsIntact } from './expect-split';

/** Returns how many entries each fold holds, per class when `classOf` is given. */
function foldCounts(folds: Int8Array, k: number, classOf: (i: number) => number = () => 0) {
	const counts: number[][] = [];
	folds.forEach((fold, i) => {
		const c = classOf(i);
		counts[c] ??= new Array<number>(k).fill(0);
		counts[c][fold]++;
	});
	return counts;
}

const spread = (counts: number[]) => Math.max(...counts) - Math.min(...counts);

// Row ids 3..102 (train and validation, say), with the rest of the table around them.
const rows = Int32Array.from({ length: 100 }, (_, i) => i + 3);

describe('kFold', () => {
	it('spreads the rows over k folds within one row of an equal share', () => {
		for (const k of [2, 3, 7, 100]) {
			const folds = kFold(rows, k, { seed: 1 });
			expect(folds).toHaveLength(100);
			const [counts] = foldCounts(folds, k);
			expect(counts.every((c) => c > 0)).toBe(true);
			expect(spread(counts)).toBeLessThanOrEqual(1);
		}
	});

	it('spreads every class within one row of its equal share when stratified', () => {
		// Classes of 51, 31 and 18 rows, indexed by row id.
		const strata = Int32Array.from({ length: 110 }, (_, row) =>
			row % 5 < 2 ? 0 : row % 5 < 4 ? 1 : 2
		);
		for (const k of [3, 5, 10]) {
			const folds = kFold(rows, k, { seed: 4, strata });
			for (const counts of foldCounts(folds, k, (i) => strata[rows[i]]))
				expect(spread(counts)).toBeLessThanOrEqual(1);
			expect(spread(foldCounts(folds, k)[0])).toBeLessThanOrEqual(1);
		}
	});

	it('never puts one group in two folds and keeps fold sizes close', () => {
		// Groups of 1 to 6 rows, by row id; row id 50 has no group (a group of its own).
		const groups = Int32Array.from({ length: 110 }, (_, row) =>
			row === 50 ? -1 : Math.floor(Math.sqrt(row * 3))
		);
		const folds = kFold(rows, 4, { seed: 9, groups });
		expectGroupsIntact(
			folds,
			Array.from(rows, (row) => groups[row])
		);
		expect(spread(foldCounts(folds, 4)[0])).toBeLessThanOrEqual(6);
	});

	it('assigns the largest groups first, each to the smallest fold', () => {
		const groups = Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2, 2, 3]);
		const folds = kFold(Int32Array.from(groups.keys()), 2, { seed: 3, groups });
		const [counts] = foldCounts(folds, 2);
		expect(counts.sort()).toEqual([5, 5]);
		expectGroupsIntact(folds, groups);
	});

	it('is seeded: the same seed gives the same folds, another seed others', () => {
		const a = kFold(rows, 5, { seed: 1 });
		expect(kFold(rows, 5, { seed: 1 })).toEqual(a);
		expect(kFold(rows, 5, { seed: 2 })).not.toEqual(a);
	});

	it('refuses k below 2, above the rows, not whole, or more folds than groups', async () => {
		for (const k of [1, 0, 101, 2.5, NaN, MAX_FOLDS + 1])
			await expectCoreError(() => kFold(rows, k, { seed: 1 }), 'bad-fold-count', /from 2 to 100/);
		const twoGroups = Int32Array.from({ length: 110 }, (_, row) => row % 2);
		await expectCoreError(
			() => kFold(rows, 3, { seed: 1, groups: twoGroups }),
			'bad-fold-count',
			/3 folds need at least 3 groups, and the rows fall into 2/
		);
	});
});

describe('foldRows', () => {
	it('holds out one fold and fits on the others, every row held out once', () => {
		const folds = kFold(rows, 4, { seed: 5 });
		const held: number[] = [];
		for (let fold = 0; fold < 4; fold++) {
			const parts = foldRows(rows, folds, fold);
			expect(parts.fit.length + parts.held.length).toBe(100);
			expect(Array.from(parts.fit).some((row) => parts.held.includes(row))).toBe(false);
			held.push(...parts.held);
		}
		expect(held.sort((a, b) => a - b)).toEqual(Array.from(rows));
	});
});

describe('developmentFolds', () => {
	const assignment = Int8Array.from([0, 0, 1, 2, 0, 1, -1, 0, 2, 1, 0, 0]);
	const split = (kind: 'random' | 'stratified' | 'time' | 'group'): Split => ({
		plan: { seed: 3, fractions: { train: 0.6, val: 0.2, test: 0.2 }, stratify: false, kind },
		assignment,
		counts: countParts(assignment)
	});
	const strata = Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);

	it('puts every train and validation row in one fold, and test and left-out rows in none', () => {
		const folds = developmentFolds(split('random'), 3, { strata });
		assignment.forEach((part, row) => {
			if (part === 0 || part === 1) expect(folds[row]).toBeGreaterThanOrEqual(0);
			else expect(folds[row]).toBe(-1);
		});
		const sizes = [0, 1, 2].map((f) => folds.filter((x) => x === f).length);
		expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
	});

	it('cuts a time split into consecutive blocks of time, without shuffling', () => {
		const time = Float64Array.from([5, 1, 9, 0, 3, 7, 2, 11, 4, 6, 10, 8]);
		const folds = developmentFolds(split('time'), 3, { strata, time });
		const dev = [...assignment.keys()].filter((r) => assignment[r] === 0 || assignment[r] === 1);
		const byTime = dev.sort((a, b) => time[a] - time[b]).map((r) => folds[r]);
		expect(byTime).toEqual([...byTime].sort((a, b) => a - b));
		expect(new Set(byTime)).toEqual(new Set([0, 1, 2]));
	});

	it('keeps each group in one fold in a group split', () => {
		const groups = Int32Array.from([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
		const folds = developmentFolds(split('group'), 2, { strata, groups });
		for (let g = 0; g <= 5; g++) {
			const seen = new Set(
				[...groups.keys()].filter((r) => groups[r] === g && folds[r] >= 0).map((r) => folds[r])
			);
			expect(seen.size).toBeLessThanOrEqual(1);
		}
	});

	it('refuses more folds than rows', () => {
		expect(() =>
			developmentFolds(split('time'), 20, { strata, time: new Float64Array(12) })
		).toThrow(/number of folds/);
	});
});
