import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import {
	applyDropDuplicates,
	fitDropDuplicates
} from '../../../../src/core/prepare/steps/drop-duplicates';
import type * as Duplicates from '../../../../src/core/profile/duplicates';
import type { DateColumn } from '../../../../src/core/table/table';
import { categories, numbers, typedText } from '../../helpers';
import { labelsOf, valuesOf } from './clean-helpers';

// Lets a test give every row the same hashes, so that only the cell-by-cell check tells rows apart.
const collide = vi.hoisted(() => ({ on: false }));
vi.mock('../../../../src/core/profile/duplicates', async (importOriginal) => {
	const original = await importOriginal<typeof Duplicates>();
	return {
		...original,
		hashRows: (rowCount: number, columns: Parameters<typeof original.hashRows>[1]) =>
			collide.on
				? [new Int32Array(rowCount), new Int32Array(rowCount)]
				: original.hashRows(rowCount, columns)
	};
});

const STEP = { kind: 'drop-duplicates' } as const;

describe('drop-duplicates', () => {
	it('keeps the first copy of each train row, comparing every column', () => {
		const frame = [numbers('x', [1, 2, 1, 1, 2]), categories('c', ['a', 'a', 'a', 'b', 'a'])];
		const fit = fitDropDuplicates(STEP, frame);
		expect(fit.fitted).toEqual({ kind: 'drop-duplicates', dropped: 2 });
		expect(Array.from(fit.keep ?? [])).toEqual([0, 1, 3]);
		expect(valuesOf(fit.frame[0])).toEqual([1, 2, 1]);
		expect(labelsOf(fit.frame[1])).toEqual(['a', 'a', 'b']);
		expect(valuesOf(frame[0])).toEqual([1, 2, 1, 1, 2]);
	});

	it('counts missing as equal to missing and -0 as equal to 0, as pandas does', () => {
		const fit = fitDropDuplicates(STEP, [
			numbers('x', [NaN, 0, NaN, -0, 1]),
			categories('c', [null, 'a', null, 'a', null])
		]);
		expect(Array.from(fit.keep ?? [])).toEqual([0, 1, 4]);
	});

	it('compares dates with their offsets', () => {
		const d: DateColumn = {
			kind: 'date',
			name: 'd',
			values: Float64Array.of(0, 0, 0, NaN, NaN),
			offsets: Int16Array.of(60, 60, 0, -32768, -32768)
		};
		const fit = fitDropDuplicates(STEP, [d]);
		expect(Array.from(fit.keep ?? [])).toEqual([0, 2, 3]);
		const kept = fit.frame[0];
		expect(kept.kind === 'date' && Array.from(kept.offsets ?? [])).toEqual([60, 0, -32768]);
	});

	it('never drops a distinct row whose hashes collide with an earlier one', () => {
		collide.on = true;
		try {
			const fit = fitDropDuplicates(STEP, [
				numbers('x', [1, 2, 1, 3, 2]),
				categories('c', ['a', 'a', 'a', 'a', 'b'])
			]);
			expect(Array.from(fit.keep ?? [])).toEqual([0, 1, 3, 4]);
		} finally {
			collide.on = false;
		}
	});

	it('gives no keep list when nothing repeats, and handles an empty train', () => {
		const none = fitDropDuplicates(STEP, [numbers('x', [1, 2])]);
		expect(none.keep).toBeUndefined();
		expect(none.fitted.dropped).toBe(0);
		expect(fitDropDuplicates(STEP, [numbers('x', [])]).fitted.dropped).toBe(0);
		expect(fitDropDuplicates(STEP, []).fitted.dropped).toBe(0);
	});

	it('leaves other rows alone: a production batch is predicted row by row', () => {
		const frame = [numbers('x', [1, 1])];
		expect(applyDropDuplicates({ kind: 'drop-duplicates', dropped: 3 }, frame)).toBe(frame);
	});

	it('finds the 10 injected duplicates of the dirty penguins file', async () => {
		const path = new URL(
			'../../../../../shared/datasets/dirty/penguins_kitchen_sink.csv',
			import.meta.url
		);
		const table = await typedText(readFileSync(path, 'utf8'));
		const fit = fitDropDuplicates(STEP, table.columns);
		expect(fit.fitted.dropped).toBe(10);
		expect(fit.keep?.length).toBe(table.rowCount - 10);
	});
});

describe('drop-duplicates with a target', () => {
	it('keeps rows with the same inputs and another target: two observations, not a copy', () => {
		const frame = [numbers('a', [1, 1, 1, 2])];
		const target = {
			kind: 'classes' as const,
			classes: ['no', 'yes'],
			y: Int32Array.from([1, 0, 1, 0])
		};
		const fit = fitDropDuplicates({ kind: 'drop-duplicates' }, frame, target);
		expect(fit.fitted.dropped).toBe(1);
		expect(Array.from(fit.keep!)).toEqual([0, 1, 3]);
	});
});
