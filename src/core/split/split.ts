import { CoreError } from '../util/core-error';
import { createRng, shuffleInPlace } from '../util/rng';

/** Where a row goes: -1 for rows left out (no target value, or no time value in a time split). */
export const SPLIT_PARTS = ['train', 'val', 'test'] as const;
export type SplitPart = (typeof SPLIT_PARTS)[number];
/** The parts a model may see before Evaluate: everything but test. */
export type OpenPart = Exclude<SplitPart, 'test'>;
export const DROPPED = -1;

/** How rows are assigned to parts (see `splitByPlan`). */
export const SPLIT_KINDS = ['random', 'stratified', 'time', 'group'] as const;
export type SplitKind = (typeof SPLIT_KINDS)[number];

/** Share of the kept rows per part: each in [0, 1], summing to 1, train and test above 0. */
export interface SplitFractions {
	train: number;
	val: number;
	test: number;
}

/**
 * How to split: share of rows per part, the seed, and the kind of split. A plan stored before
 * kinds existed has no `kind`: it is random, stratified when `stratify` is true. When `kind` is
 * given it wins over `stratify`.
 */
export interface SplitPlan {
	seed: number;
	fractions: SplitFractions;
	stratify: boolean;
	kind?: SplitKind;
	/** The column that orders a 'time' split or groups a 'group' split. */
	column?: string;
	/**
	 * In a random or stratified split: rows equal in every column but the target stay in one
	 * part, so a copy of a test row is never learned from (see `splitDataset`).
	 */
	keepDuplicatesTogether?: boolean;
	/**
	 * Cross-validation folds over the train and validation rows (0 or absent: none); test rows
	 * are in no fold. See `developmentFolds`.
	 */
	folds?: number;
}

/** Rows per part; `dropped` counts every row left out, `noTime` those without a time value. */
export interface SplitCounts {
	train: number;
	val: number;
	test: number;
	dropped: number;
	/** Only in a time split: rows left out because their time value is missing. */
	noTime?: number;
}

/** The result: one part index per row (0 train, 1 val, 2 test, -1 dropped) and the counts. */
export interface Split {
	plan: SplitPlan;
	assignment: Int8Array;
	counts: SplitCounts;
	/** With `plan.folds`: each row's fold (0..k-1), -1 for test and left-out rows. */
	folds?: Int8Array;
}

export const DEFAULT_SPLIT_PLAN: SplitPlan = {
	seed: 42,
	fractions: { train: 0.6, val: 0.2, test: 0.2 },
	stratify: true
};

/** Slack allowed when checking that the fractions sum to 1 (0.7 + 0.2 + 0.1 is not exactly 1). */
const FRACTION_SUM_TOLERANCE = 1e-9;

/** Returns the plan's kind, reading a plan stored before kinds existed by its `stratify` flag. */
export function splitKindOf(plan: SplitPlan): SplitKind {
	return plan.kind ?? (plan.stratify ? 'stratified' : 'random');
}

/** Throws a `CoreError('bad-split-plan')` unless the plan's seed, kind and fractions make sense. */
export function checkPlan(plan: SplitPlan): void {
	const bad = (message: string) => new CoreError('bad-split-plan', message);
	if (!Number.isFinite(plan.seed)) throw bad('The split seed must be a number.');
	if (plan.kind !== undefined && !(SPLIT_KINDS as readonly unknown[]).includes(plan.kind))
		throw bad(`"${String(plan.kind)}" is not a kind of split (${SPLIT_KINDS.join(', ')}).`);
	const { train, val, test } = plan.fractions;
	for (const [part, share] of [
		['train', train],
		['validation', val],
		['test', test]
	] as const)
		if (!(share >= 0 && share <= 1))
			throw bad(`The ${part} share must be between 0 and 1; it is ${share}.`);
	const sum = train + val + test;
	if (Math.abs(sum - 1) > FRACTION_SUM_TOLERANCE)
		throw bad(
			`The train, validation and test shares must add up to 100%; they add up to ${sum * 100}%.`
		);
	if (test <= 0)
		throw bad('The test share must be above 0: without a test part nothing is judged honestly.');
	if (train <= 0) throw bad('The train share must be above 0: a model needs rows to learn from.');
}

/** Returns how many of `n` rows each part gets: val and test rounded, train the rest. */
export function partSizes(n: number, fractions: SplitFractions): SplitFractions {
	const test = Math.round(n * fractions.test);
	const val = Math.round(n * fractions.val);
	return { train: n - test - val, val, test };
}

/**
 * Returns a seeded random split of the rows. `strata` gives each row's class (-1 drops the row);
 * with `plan.stratify` each class is split on its own, so every part keeps the class shares.
 * Reads only `seed`, `fractions` and `stratify`; use `splitByPlan` to honour the plan's kind.
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
export function countParts(assignment: Int8Array): SplitCounts {
	const counts = { train: 0, val: 0, test: 0, dropped: 0 };
	for (const a of assignment) {
		if (a === DROPPED) counts.dropped++;
		else counts[SPLIT_PARTS[a]]++;
	}
	return counts;
}

/**
 * Returns the row indices assigned to a part, in row order. Low-level: the app reads train and
 * validation rows through `partRows` and test rows only through `revealTestRows`, never this.
 */
export function rowsOf(assignment: Int8Array, part: SplitPart): Int32Array {
	const code = SPLIT_PARTS.indexOf(part);
	const rows: number[] = [];
	for (let i = 0; i < assignment.length; i++) if (assignment[i] === code) rows.push(i);
	return Int32Array.from(rows);
}

/**
 * Returns the train or validation rows of a split, in row order: the only way to read rows
 * before Evaluate. Its type does not admit 'test', so the compiler keeps the test part locked.
 */
export function partRows(split: Split, part: OpenPart): Int32Array {
	// The type already refuses 'test'; this catches a caller that crossed an untyped boundary.
	if ((part as SplitPart) === 'test') throw testLocked();
	return rowsOf(split.assignment, part);
}

/**
 * Returns the test rows, in row order, once a reveal has been recorded (`evaluation.revealedAt`);
 * throws `CoreError('test-locked')` when there is none.
 */
export function revealTestRows(
	split: Split,
	evaluation: { readonly revealedAt: string } | null
): Int32Array {
	if (!evaluation || typeof evaluation.revealedAt !== 'string' || evaluation.revealedAt === '')
		throw testLocked();
	return rowsOf(split.assignment, 'test');
}

function testLocked(): CoreError {
	return new CoreError(
		'test-locked',
		'The test part is locked until you reveal it in Evaluate; that look is recorded.'
	);
}

/** True when two assignments put every row in the same part. */
export function sameAssignment(a: Int8Array, b: Int8Array): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}
