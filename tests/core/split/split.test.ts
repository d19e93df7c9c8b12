import { describe, expect, it } from 'vitest';
import {
	checkPlan,
	countParts,
	DEFAULT_SPLIT_PLAN,
	DROPPED,
	partRows,
	revealTestRows,
	rowsOf,
	splitKindOf,
	splitRows,
	type SplitPlan
} from '../../../src/core/split/split';
import { splitByPlan } from '../../../src/core/split/split-by-plan';
import { expectCoreError } from '../helpers';

/** 100 rows: 70 of class 0 and 30 of class 1, interleaved. */
const strata = Int32Array.from({ length: 100 }, (_, i) => (i % 10 < 7 ? 0 : 1));

function classShare(assignment: Int8Array, part: 0 | 1 | 2): number {
	let rows = 0;
	let positives = 0;
	assignment.forEach((a, i) => {
		if (a !== part) return;
		rows++;
		positives += strata[i];
	});
	return positives / rows;
}

describe('splitRows', () => {
	it('assigns 60/20/20 of the rows to train, val and test', () => {
		for (const stratify of [true, false]) {
			const split = splitRows(100, { ...DEFAULT_SPLIT_PLAN, stratify }, strata);
			expect(split.counts).toEqual({ train: 60, val: 20, test: 20, dropped: 0 });
			expect(countParts(split.assignment)).toEqual(split.counts);
		}
	});

	it('keeps the class shares in every part when stratified', () => {
		const { assignment } = splitRows(100, DEFAULT_SPLIT_PLAN, strata);
		for (const part of [0, 1, 2] as const) expect(classShare(assignment, part)).toBe(0.3);
	});

	it('gives the same assignment for the same seed and another for another seed', () => {
		const plan: SplitPlan = { ...DEFAULT_SPLIT_PLAN, seed: 7 };
		const a = splitRows(100, plan, strata).assignment;
		expect(splitRows(100, plan, strata).assignment).toEqual(a);
		const b = splitRows(100, { ...plan, seed: 8 }, strata).assignment;
		expect(b).not.toEqual(a);
		expect(countParts(b)).toEqual(countParts(a));
	});

	it('drops rows whose stratum is -1 and splits the rest', () => {
		const withMissing = Int32Array.from(strata, (s, i) => (i < 10 ? -1 : s));
		const split = splitRows(100, DEFAULT_SPLIT_PLAN, withMissing);
		for (let i = 0; i < 10; i++) expect(split.assignment[i]).toBe(DROPPED);
		for (let i = 10; i < 100; i++) expect(split.assignment[i]).not.toBe(DROPPED);
		expect(split.counts.dropped).toBe(10);
		expect(split.counts.train + split.counts.val + split.counts.test).toBe(90);
	});

	it('lists the rows of a part in row order, each row in exactly one part', () => {
		const { assignment } = splitRows(100, DEFAULT_SPLIT_PLAN, strata);
		const parts = (['train', 'val', 'test'] as const).map((p) => Array.from(rowsOf(assignment, p)));
		for (const rows of parts) expect(rows).toEqual([...rows].sort((x, y) => x - y));
		expect(parts.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
	});
});

describe('plans stored before split kinds existed', () => {
	/** 20 rows: every fourth is class 1, row 7 has no target. */
	const small = Int32Array.from({ length: 20 }, (_, i) => (i % 4 === 0 ? 1 : i === 7 ? -1 : 0));
	// Recorded from splitRows before kinds, time and group splits were added.
	const GOLDEN = {
		stratified: [0, 2, 0, 0, 1, 0, 1, -1, 0, 2, 2, 0, 2, 1, 0, 0, 0, 0, 0, 1],
		random: [1, 2, 2, 0, 1, 0, 0, -1, 2, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 1],
		noVal: [2, 2, 0, 0, 0, 0, 0, -1, 0, 2, 0, 0, 2, 0, 0, 0, 0, 2, 0, 2]
	};
	const old = (stratify: boolean): SplitPlan => ({ ...DEFAULT_SPLIT_PLAN, seed: 11, stratify });
	const noVal: SplitPlan = {
		seed: 42,
		fractions: { train: 0.7, val: 0, test: 0.3 },
		stratify: true
	};

	it('reproduce the assignment splitRows gave', () => {
		expect(Array.from(splitRows(20, old(true), small).assignment)).toEqual(GOLDEN.stratified);
		expect(Array.from(splitRows(20, old(false), small).assignment)).toEqual(GOLDEN.random);
		expect(Array.from(splitRows(20, noVal, small).assignment)).toEqual(GOLDEN.noVal);
	});

	it('reproduce it through splitByPlan, with the same counts', () => {
		for (const [plan, golden] of [
			[old(true), GOLDEN.stratified],
			[old(false), GOLDEN.random],
			[noVal, GOLDEN.noVal]
		] as const) {
			const split = splitByPlan(20, plan, { strata: small });
			expect(Array.from(split.assignment)).toEqual(golden);
			expect(split.counts).toEqual(countParts(Int8Array.from(golden)));
			expect(split.plan).toBe(plan);
		}
	});

	it('read as random or stratified by their flag, and the kind wins once given', () => {
		expect(splitKindOf(old(true))).toBe('stratified');
		expect(splitKindOf(old(false))).toBe('random');
		expect(splitKindOf({ ...old(true), kind: 'random' })).toBe('random');
		const random = splitByPlan(20, { ...old(true), kind: 'random' }, { strata: small });
		expect(Array.from(random.assignment)).toEqual(GOLDEN.random);
		expect(random.plan.stratify).toBe(false);
		const stratified = splitByPlan(20, { ...old(false), kind: 'stratified' }, { strata: small });
		expect(Array.from(stratified.assignment)).toEqual(GOLDEN.stratified);
	});
});

describe('checkPlan', () => {
	const plan = (fractions: SplitPlan['fractions'], extra: Partial<SplitPlan> = {}): SplitPlan => ({
		...DEFAULT_SPLIT_PLAN,
		fractions,
		...extra
	});

	it('accepts shares that add up to 1 up to rounding, with no validation part', () => {
		checkPlan(plan({ train: 0.7, val: 0.2, test: 0.1 }));
		checkPlan(plan({ train: 0.8, val: 0, test: 0.2 }));
	});

	it('refuses shares that do not add up to 1, outside [0, 1], or an empty train or test', async () => {
		const cases: [SplitPlan['fractions'], RegExp][] = [
			[{ train: 0.6, val: 0.2, test: 0.1 }, /add up to 100%; they add up to 90/],
			[{ train: 1.2, val: -0.4, test: 0.2 }, /train share must be between 0 and 1/],
			[{ train: 0.6, val: 0.2, test: NaN }, /test share must be between 0 and 1/],
			[{ train: 1, val: 0, test: 0 }, /test share must be above 0/],
			[{ train: 0, val: 0.5, test: 0.5 }, /train share must be above 0/]
		];
		for (const [fractions, message] of cases)
			await expectCoreError(() => checkPlan(plan(fractions)), 'bad-split-plan', message);
	});

	it('refuses an unknown kind and a seed that is not a number', async () => {
		const odd = { ...DEFAULT_SPLIT_PLAN, kind: 'shuffle' } as unknown as SplitPlan;
		await expectCoreError(() => checkPlan(odd), 'bad-split-plan', /"shuffle" is not a kind/);
		await expectCoreError(
			() => checkPlan({ ...DEFAULT_SPLIT_PLAN, seed: NaN }),
			'bad-split-plan',
			/seed/
		);
	});

	it('is applied by splitByPlan', async () => {
		await expectCoreError(
			() => splitByPlan(100, plan({ train: 0.5, val: 0.5, test: 0 }), { strata }),
			'bad-split-plan'
		);
	});
});

describe('the test lock', () => {
	const split = splitRows(100, DEFAULT_SPLIT_PLAN, strata);

	it('gives train and validation rows before Evaluate', () => {
		expect(partRows(split, 'train')).toEqual(rowsOf(split.assignment, 'train'));
		expect(partRows(split, 'val')).toEqual(rowsOf(split.assignment, 'val'));
	});

	it('does not admit the test part in partRows, in its type or at run time', async () => {
		// @ts-expect-error the test part is read only through revealTestRows
		await expectCoreError(() => partRows(split, 'test'), 'test-locked');
	});

	it('refuses the test rows until a reveal is recorded', async () => {
		await expectCoreError(() => revealTestRows(split, null), 'test-locked', /locked/);
		await expectCoreError(() => revealTestRows(split, { revealedAt: '' }), 'test-locked');
		const rows = revealTestRows(split, { revealedAt: '2025-01-02T03:04:05.000Z' });
		expect(rows).toEqual(rowsOf(split.assignment, 'test'));
		expect(rows).toHaveLength(20);
	});
});
