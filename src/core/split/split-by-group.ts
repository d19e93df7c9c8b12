import { createRng, shuffleInPlace, type Rng } from '../util/rng';
import {
	countParts,
	DROPPED,
	partSizes,
	SPLIT_PARTS,
	type Split,
	type SplitFractions,
	type SplitPlan
} from './split';

/**
 * Returns the kept rows (`strata` not -1) gathered by group key, groups in the order of their
 * first row. A row whose key is negative (a missing group value) is a group of its own.
 */
export function gatherGroups(rowCount: number, groups: Int32Array, strata: Int32Array): number[][] {
	const byKey = new Map<number, number[]>();
	const gathered: number[][] = [];
	for (let i = 0; i < rowCount; i++) {
		if (strata[i] < 0) continue;
		const key = groups[i];
		const group = key < 0 ? undefined : byKey.get(key);
		if (group) group.push(i);
		else {
			const rows = [i];
			gathered.push(rows);
			if (key >= 0) byKey.set(key, rows);
		}
	}
	return gathered;
}

/**
 * Returns a seeded split that never puts one group in two parts: the distinct groups are shuffled
 * and each goes, whole, to the part furthest below its row target (relative to that target), so
 * part sizes stay close to the fractions. `groups` is a key per row (a code of the group column);
 * a row with a missing value (-1) is a group of its own. Rows whose `strata` is -1 are dropped.
 * With `stratifyGroups`, the groups of each class (the class of a group's first row) are
 * split on their own, which keeps class shares when a group holds one class (duplicate rows).
 */
export function splitByGroup(
	rowCount: number,
	plan: SplitPlan,
	groups: Int32Array,
	strata: Int32Array,
	stratifyGroups = false
): Split {
	const rng = createRng(plan.seed);
	const assignment = new Int8Array(rowCount).fill(DROPPED);
	const gathered = gatherGroups(rowCount, groups, strata);
	const byClass = new Map<number, number[][]>();
	for (const group of gathered) {
		const key = stratifyGroups ? strata[group[0]] : 0;
		const list = byClass.get(key);
		if (list) list.push(group);
		else byClass.set(key, [group]);
	}
	for (const key of [...byClass.keys()].sort((a, b) => a - b))
		fillParts(byClass.get(key)!, plan.fractions, rng, assignment);
	return { plan, assignment, counts: countParts(assignment) };
}

/** Order in which parts win a tie: train first, so two groups make a train and a test part. */
const TIE_ORDER = [0, 2, 1] as const;

/** Assigns shuffled groups, whole, to the part with the largest relative shortfall of rows. */
function fillParts(
	groups: number[][],
	fractions: SplitFractions,
	rng: Rng,
	assignment: Int8Array
): void {
	const order = shuffleInPlace(Int32Array.from(groups.keys()), rng);
	const rows = groups.reduce((sum, g) => sum + g.length, 0);
	const sizes = partSizes(rows, fractions);
	const targets = SPLIT_PARTS.map((part) => sizes[part]);
	const filled = [0, 0, 0];
	for (const g of order) {
		let best = -1;
		let bestShortfall = -Infinity;
		for (const part of TIE_ORDER) {
			if (targets[part] <= 0) continue;
			const shortfall = (targets[part] - filled[part]) / targets[part];
			if (shortfall > bestShortfall) [best, bestShortfall] = [part, shortfall];
		}
		// Too few rows for any non-empty target (a class of one row): it goes to train.
		if (best < 0) best = 0;
		filled[best] += groups[g].length;
		for (const row of groups[g]) assignment[row] = best;
	}
}
