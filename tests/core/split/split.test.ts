import { describe, expect, it } from 'vitest';
import {
	countParts,
	DEFAULT_SPLIT_PLAN,
	DROPPED,
	rowsOf,
	splitRows,
	type SplitPlan
} from '../../../src/core/split/split';

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
