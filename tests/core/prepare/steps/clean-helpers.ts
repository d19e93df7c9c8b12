// Readers shared by the clean step tests.
import { expect } from 'vitest';
import type { Frame } from '../../../../src/core/prepare/frame';
import type { Column } from '../../../../src/core/table/table';

/** Returns a label column's cells as labels, null for missing; fails on any other column. */
export function labelsOf(column: Column | undefined): (string | null)[] {
	if (column?.kind !== 'category' && column?.kind !== 'text')
		return expect.fail(`expected labels, got ${column?.kind}`);
	return Array.from(column.codes, (code) => (code < 0 ? null : column.levels[code]));
}

/** Returns a number column's values; fails on any other column. */
export function valuesOf(column: Column | undefined): number[] {
	if (column?.kind !== 'number') return expect.fail(`expected numbers, got ${column?.kind}`);
	return Array.from(column.values);
}

/** Returns the named column of a frame; fails when there is none. */
export function columnOf(frame: Frame, name: string): Column {
	return frame.find((c) => c.name === name) ?? expect.fail(`no column "${name}"`);
}

/** Returns the frame's column names, in order. */
export function namesOf(frame: Frame): string[] {
	return frame.map((c) => c.name);
}
