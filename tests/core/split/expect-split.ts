import { expect } from 'vitest';
import {
	countParts,
	DROPPED,
	partSizes,
	rowsOf,
	SPLIT_PARTS,
	type Split,
	type SplitFractions
} from '../../../src/core/split/split';

/**
 * Asserts that a split is a partition: every kept row in exactly one part, every other row
 * dropped, the counts agreeing with the assignment, and (unless `exact` is false) the part sizes
 * those of `partSizes` for the kept rows.
 */
export function expectPartition(
	split: Split,
	kept: (row: number) => boolean,
	fractions: SplitFractions,
	exact = true
): void {
	const { assignment, counts } = split;
	const keptRows: number[] = [];
	assignment.forEach((part, row) => {
		if (kept(row)) {
			keptRows.push(row);
			expect([0, 1, 2]).toContain(part);
		} else expect(part).toBe(DROPPED);
	});
	expect({ ...pick(counts), dropped: counts.dropped }).toEqual(countParts(assignment));
	const parts = SPLIT_PARTS.map((p) => Array.from(rowsOf(assignment, p)));
	expect(parts.flat().sort((a, b) => a - b)).toEqual(keptRows);
	if (exact) expect(pick(counts)).toEqual(partSizes(keptRows.length, fractions));
}

/** Returns the train, val and test counts. */
export function pick(counts: SplitFractions): SplitFractions {
	return { train: counts.train, val: counts.val, test: counts.test };
}

/** Returns, per part, how many rows of each class it holds (`counts[part][class]`). */
export function classCounts(
	assignment: Int8Array,
	strata: Int32Array,
	classes: number
): number[][] {
	const counts = SPLIT_PARTS.map(() => new Array<number>(classes).fill(0));
	assignment.forEach((part, row) => {
		if (part >= 0 && strata[row] >= 0) counts[part][strata[row]]++;
	});
	return counts;
}

/** Asserts that each class's rows per part are within one row of its exact share. */
export function expectStratified(
	assignment: Int8Array,
	strata: Int32Array,
	classes: number,
	fractions: SplitFractions
): void {
	const counts = classCounts(assignment, strata, classes);
	for (let c = 0; c < classes; c++) {
		const total = counts[0][c] + counts[1][c] + counts[2][c];
		SPLIT_PARTS.forEach((part, p) => {
			expect(Math.abs(counts[p][c] - total * fractions[part])).toBeLessThanOrEqual(1);
		});
	}
}

/** Asserts that no group (a key >= 0) has rows in two parts or in two folds. */
export function expectGroupsIntact(place: ArrayLike<number>, groups: ArrayLike<number>): void {
	const where = new Map<number, number>();
	for (let i = 0; i < place.length; i++) {
		if (groups[i] < 0 || place[i] === DROPPED) continue;
		const seen = where.get(groups[i]);
		if (seen === undefined) where.set(groups[i], place[i]);
		else if (seen !== place[i])
			expect.fail(`group ${groups[i]} is in part ${seen} and in part ${place[i]}`);
	}
}
