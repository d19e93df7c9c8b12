import { hashRows } from '../../profile/duplicates';
import {
	columnLength,
	NUMBER_CELL,
	selectColumnRows,
	type Column,
	type RawColumn
} from '../../table/table';
import type { Frame } from '../frame';
import type { FitTarget, StepFit } from './step';

/**
 * Drop train rows that repeat an earlier train row in every column of the frame (pandas'
 * `drop_duplicates()`: the first copy stays). Only train rows are dropped: applied to other rows
 * the step changes nothing, since a production batch is predicted row by row.
 */
export interface DropDuplicatesStep {
	kind: 'drop-duplicates';
}

/** The step with how many train rows it dropped. */
export interface FittedDropDuplicates extends DropDuplicatesStep {
	dropped: number;
}

/**
 * Returns the fitted step and the train frame without its repeated rows; `keep` (indices of the
 * kept rows) is given only when some row was dropped. Rows are compared on every column and on
 * the target when there is one: missing equals missing, and 0 equals -0.
 */
export function fitDropDuplicates(
	step: DropDuplicatesStep,
	frame: Frame,
	target: FitTarget | null = null
): StepFit<FittedDropDuplicates> {
	if (frame.length === 0) return { fitted: { ...step, dropped: 0 }, frame };
	const rowCount = columnLength(frame[0]);
	// Rows with the same inputs but another target are two observations, not a copy.
	const answer: Column[] = target ? [targetColumn(target)] : [];
	const keep = firstCopies(rowCount, [...frame, ...answer].flatMap(toRawColumns));
	const dropped = rowCount - keep.length;
	if (dropped === 0) return { fitted: { ...step, dropped }, frame };
	return { fitted: { ...step, dropped }, frame: frame.map((c) => selectColumnRows(c, keep)), keep };
}

/** Returns the target as a column, so rows are compared on it too. */
function targetColumn(target: FitTarget): Column {
	return target.kind === 'values'
		? { kind: 'number', name: '', values: target.y }
		: { kind: 'number', name: '', values: Float64Array.from(target.y) };
}

/** Returns the frame unchanged: only train rows are ever dropped. */
export function applyDropDuplicates(_step: FittedDropDuplicates, frame: Frame): Frame {
	return frame;
}

/**
 * Returns the rows that repeat no earlier row. Each row's two hashes are looked up in an
 * open-addressing table (as `findDuplicatesByHash` does), and a row whose hashes match a stored
 * row's is compared cell by cell, so a hash collision never drops a distinct row.
 */
function firstCopies(rowCount: number, columns: readonly RawColumn[]): Int32Array {
	const [h1, h2] = hashRows(rowCount, columns);
	let capacity = 16;
	while (capacity < 2 * rowCount) capacity *= 2;
	const mask = capacity - 1;
	// Slot s is table[2s] = first row + 1 (0 when empty) and table[2s + 1] = that row's h2.
	const table = new Int32Array(2 * capacity);
	const keep = new Int32Array(rowCount);
	let kept = 0;
	for (let row = 0; row < rowCount; row++) {
		for (let slot = h1[row] & mask; ; slot = (slot + 1) & mask) {
			const held = table[2 * slot];
			if (held === 0) {
				table[2 * slot] = row + 1;
				table[2 * slot + 1] = h2[row];
				keep[kept++] = row;
				break;
			}
			const first = held - 1;
			if (table[2 * slot + 1] === h2[row] && h1[first] === h1[row] && sameRow(columns, first, row))
				break;
		}
	}
	return keep.slice(0, kept);
}

function sameRow(columns: readonly RawColumn[], a: number, b: number): boolean {
	for (const column of columns) {
		const code = column.codes[a];
		if (code !== column.codes[b]) return false;
		if (code === NUMBER_CELL && column.numbers && column.numbers[a] !== column.numbers[b])
			return false;
	}
	return true;
}

/**
 * Returns a frame column as raw columns the row hasher reads: labels by code, numbers and dates as
 * number cells with missing as a code of its own (so every NaN is the same cell) and -0 as 0.
 */
function toRawColumns(column: Column): RawColumn[] {
	const { name } = column;
	if (column.kind === 'category' || column.kind === 'text')
		return [{ name, codes: column.codes, levels: [], numbers: null }];
	if (column.kind === 'boolean')
		return [{ name, codes: Int32Array.from(column.values), levels: [], numbers: null }];
	const numbers = column.values.map((v) => (Number.isNaN(v) || v === 0 ? 0 : v));
	const codes = Int32Array.from(column.values, (v) => (Number.isNaN(v) ? 0 : NUMBER_CELL));
	const raw: RawColumn[] = [{ name, codes, levels: [], numbers }];
	if (column.kind === 'date' && column.offsets)
		raw.push({ name, codes: Int32Array.from(column.offsets), levels: [], numbers: null });
	return raw;
}
