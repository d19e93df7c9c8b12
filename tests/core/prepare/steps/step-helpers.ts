// Assertions shared by the feature step tests.
import { expect } from 'vitest';
import type { Frame } from '../../../../src/core/prepare/frame';
import type { Column } from '../../../../src/core/table/table';
import { expectClose } from '../../helpers';

/** Asserts that a column holds numbers close to `expected`, NaN (missing) exactly where it is NaN. */
export function expectNumbers(
	column: Column | undefined,
	expected: readonly number[],
	tolerance = 1e-12
): void {
	if (column?.kind !== 'number') return expect.fail(`expected numbers, got ${column?.kind}`);
	const actual = Array.from(column.values);
	expect(actual.map(Number.isNaN)).toEqual(expected.map(Number.isNaN));
	const kept = (values: readonly number[]) => values.filter((_, i) => !Number.isNaN(expected[i]));
	expectClose(kept(actual), kept(expected), tolerance);
}

/** Returns row `i` of a frame as a one-row frame. */
export function rowOf(frame: Frame, i: number): Frame {
	return frame.map((c): Column => {
		switch (c.kind) {
			case 'category':
			case 'text':
				return { ...c, codes: c.codes.slice(i, i + 1) };
			case 'date':
				return {
					...c,
					values: c.values.slice(i, i + 1),
					offsets: c.offsets?.slice(i, i + 1) ?? null
				};
			default:
				return { ...c, values: c.values.slice(i, i + 1) } as Column;
		}
	});
}

/** Returns the column with every cell missing. */
export function allMissing(c: Column): Column {
	switch (c.kind) {
		case 'category':
		case 'text':
			return { ...c, codes: c.codes.map(() => -1) };
		case 'boolean':
			return c;
		default:
			return { ...c, values: c.values.map(() => NaN) } as Column;
	}
}

/** Returns a frame's cells row by row, as JSON-comparable values (NaN as null). */
export function cells(frame: Frame): unknown[][] {
	const rows =
		frame.length === 0 ? 0 : 'codes' in frame[0] ? frame[0].codes.length : frame[0].values.length;
	return Array.from({ length: rows }, (_, i) =>
		frame.map((c) => {
			if (c.kind === 'category' || c.kind === 'text')
				return c.codes[i] < 0 ? null : c.levels[c.codes[i]];
			const v = c.values[i];
			return Number.isNaN(v) ? null : v;
		})
	);
}
