import { createRng, shuffleInPlace } from '../util/rng';

/** Where a row goes: -1 for rows left out (no target value). */
export const SPLIT_PARTS = ['train', 'val', 'test'] as const;
export type SplitPart = (typeof SPLIT_PARTS)[number];
export const DROPPED = -1;

/** How to split: share of rows per part, the seed, and whether to keep class shares equal. */
export interface SplitPlan {
	seed: number;
	fractions: { train: number; val: number; test: number };
	stratify: boolean;
}

/** The result: one part index per row (0 train, 1 val, 2 test, -1 dropped) and the counts. */
export interface Split {
	plan: SplitPlan;
	assignment: Int8Array;
	counts: { train: number; val: number; test: number; dropped: number };
}

export const DEFAULT_SPLIT_PLAN: SplitPlan = {
	seed: 42,
	fractions: { train: 0.6, val: 0.2, test: 0.2 },
	stratify: true
};

/**
 * Returns a seeded random split of the rows. `strata` gives each row's class (-1 drops the row);
 * with `plan.stratify` each class is split on its own, so every part keeps the class shares.
 */
export function splitRows(rowCount: number, plan: SplitPlan, strata: Int32Array): Split {
	const rng = createRng(plan.seed);
	const groups = new Map<number, number[]>();
	for (let i = 0; i < rowCount; i++) {
		if (strata[i] < 0) continue;
		const key = plan.stratify ? strata[i] : 0;
		const group = groups.get(key);
		if (group) group.push(i);
		else groups.set(key, [i]);
	}
	const assignment = new Int8Array(rowCount).fill(DROPPED);
	const keys = [...groups.keys()].sort((a, b) => a - b);
	for (const key of keys) {
		const rows = shuffleInPlace(Int32Array.from(groups.get(key)!), rng);
		const test = Math.round(rows.length * plan.fractions.test);
		const val = Math.round(rows.length * plan.fractions.val);
		rows.forEach((row, i) => (assignment[row] = i < test ? 2 : i < test + val ? 1 : 0));
	}
	return { plan, assignment, counts: countParts(assignment) };
}

/** Returns how many rows each part holds. */
export function countParts(assignment: Int8Array): Split['counts'] {
	const counts = { train: 0, val: 0, test: 0, dropped: 0 };
	for (const a of assignment) {
		if (a === DROPPED) counts.dropped++;
		else counts[SPLIT_PARTS[a]]++;
	}
	return counts;
}

/** Returns the row indices assigned to a part, in row order. */
export function rowsOf(assignment: Int8Array, part: SplitPart): Int32Array {
	const code = SPLIT_PARTS.indexOf(part);
	const rows: number[] = [];
	for (let i = 0; i < assignment.length; i++) if (assignment[i] === code) rows.push(i);
	return Int32Array.from(rows);
}
