// The app's frame as plain cells, to compare with what the Python side wrote as JSON.
import { expect } from 'vitest';
import type { Frame } from '../../src/core/prepare/frame';

/** A cell as JSON carries it: a number (dates as epoch ms), a label, or null when missing. */
export type Cell = number | string | null;

/** Returns each column of an app frame as cells: labels, numbers and dates, null when missing. */
export function appCells(frame: Frame): Cell[][] {
	return frame.map((column) => {
		switch (column.kind) {
			case 'category':
			case 'text':
				return Array.from(column.codes, (code) => (code < 0 ? null : column.levels[code]));
			case 'boolean':
				return expect.fail(`column "${column.name}" is still a boolean column`);
			default:
				return Array.from(column.values, (v) => (Number.isNaN(v) ? null : v));
		}
	});
}
