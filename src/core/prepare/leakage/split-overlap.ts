import { hashRows } from '../../profile/duplicates';
import {
	isMissingAt,
	NUMBER_CELL,
	type Column,
	type RawColumn,
	type RawTable,
	type Table
} from '../../table/table';
import { assertNever } from '../../util/assert-never';
import type { AfterSplitInput, LeakFinding } from './leakage';
import { percent, quote } from './words';

/** Share of a part's rows copied from an earlier part from which copies are a leak, not a review. */
export const COPY_LEAK_SHARE = 0.01;

const PART_NAMES = ['train', 'validation', 'test'] as const;
/** The pairs of parts compared: a row of the second part that repeats a row of the first. */
const PART_PAIRS: readonly (readonly [number, number])[] = [
	[0, 2],
	[0, 1],
	[1, 2]
];

const DUPLICATE_EXPLANATION =
	'A row that is in both train and test is graded on an answer the model has already seen, so the test score is better than it will be on new rows. Every copy of a row belongs in one part.';

/** Rows that repeat a row of an earlier part: how many, and one example pair (0-based rows). */
interface PartCopies {
	from: number;
	to: number;
	rows: number;
	partRows: number;
	example: [number, number] | null;
}

/**
 * Returns a finding when rows of validation or test are exact copies of rows in an earlier part,
 * comparing the table's columns: as the file wrote them when `raw` is given, else as typed.
 */
export function crossSplitDuplicates(
	table: Table,
	assignment: Int8Array,
	raw?: RawTable
): LeakFinding[] {
	// The file's cells for the columns the model reads: an identifier left out of the inputs does
	// not hide a record entered twice.
	const names = new Set(table.columns.map((c) => c.name));
	const columns = raw ? raw.columns.filter((c) => names.has(c.name)) : table.columns.map(rawView);
	if (columns.length === 0) return [];
	const [h1] = hashRows(assignment.length, columns);
	const equal = rowEquality(columns);
	const copies = PART_PAIRS.map(([from, to]) =>
		countCopies(assignment, h1, equal, from, to)
	).filter((c) => c.rows > 0);
	if (copies.length === 0) return [];
	const worst = Math.max(...copies.map((c) => c.rows / c.partRows));
	const first = copies[0];
	const [a, b] = first.example!;
	return [
		{
			check: 'cross-split-duplicates',
			severity: worst >= COPY_LEAK_SHARE ? 'leak' : 'review',
			title: 'The same rows are in two parts of the split',
			explanation: DUPLICATE_EXPLANATION,
			evidence: `${copies.map(describeCopies).join('; ')}. For example, ${PART_NAMES[first.to]} row ${b + 1} repeats ${PART_NAMES[first.from]} row ${a + 1} of the file.`,
			columns: [],
			fix: { kind: 'dedupe-split' }
		}
	];
}

function describeCopies(c: PartCopies): string {
	return `${c.rows} of the ${c.partRows} ${PART_NAMES[c.to]} rows (${percent(c.rows / c.partRows)}) are exact copies of ${PART_NAMES[c.from]} rows`;
}

function countCopies(
	assignment: Int8Array,
	h1: Int32Array,
	equal: (a: number, b: number) => boolean,
	from: number,
	to: number
): PartCopies {
	const seen = new Map<number, number[]>();
	for (let i = 0; i < assignment.length; i++) {
		if (assignment[i] !== from) continue;
		const bucket = seen.get(h1[i]);
		if (!bucket) seen.set(h1[i], [i]);
		else if (!bucket.some((j) => equal(i, j))) bucket.push(i);
	}
	const result: PartCopies = { from, to, rows: 0, partRows: 0, example: null };
	for (let i = 0; i < assignment.length; i++) {
		if (assignment[i] !== to) continue;
		result.partRows++;
		const match = seen.get(h1[i])?.find((j) => equal(i, j));
		if (match === undefined) continue;
		result.rows++;
		result.example ??= [match, i];
	}
	return result;
}

/** Returns a typed column in the raw form the row hash reads: codes, and numbers as number cells. */
function rawView(column: Column): RawColumn {
	const name = column.name;
	switch (column.kind) {
		case 'number':
		case 'date':
			return {
				name,
				codes: new Int32Array(column.values.length).fill(NUMBER_CELL),
				levels: [],
				numbers: column.values.map((v) => (v === v ? v : NaN))
			};
		case 'boolean':
			return { name, codes: Int32Array.from(column.values), levels: [], numbers: null };
		case 'category':
		case 'text':
			return { name, codes: column.codes, levels: column.levels, numbers: null };
		default:
			return assertNever(column, 'column kind');
	}
}

function rowEquality(columns: readonly RawColumn[]): (a: number, b: number) => boolean {
	return (a, b) =>
		columns.every(({ codes, numbers }) => {
			if (codes[a] !== codes[b]) return false;
			if (codes[a] !== NUMBER_CELL || !numbers) return true;
			return numbers[a] === numbers[b] || (numbers[a] !== numbers[a] && numbers[b] !== numbers[b]);
		});
}

/** Returns a finding when one value of the group column has rows in two parts. */
export function groupOverlap(
	table: Table,
	assignment: Int8Array,
	groupColumn: string | null,
	splitKind: AfterSplitInput['splitKind']
): LeakFinding[] {
	const column =
		groupColumn === null ? undefined : table.columns.find((c) => c.name === groupColumn);
	if (!column) return [];
	const parts = new Map<number, number>();
	const key = groupKey(column);
	for (let i = 0; i < assignment.length; i++) {
		if (assignment[i] < 0 || isMissingAt(column, i)) continue;
		parts.set(key(i), (parts.get(key(i)) ?? 0) | (1 << assignment[i]));
	}
	const shared = [...parts.values()].filter((mask) => mask & (mask - 1)).length;
	if (shared === 0) return [];
	const testRows = countRows(assignment, 2);
	let testInTrain = 0;
	for (let i = 0; i < assignment.length; i++)
		if (assignment[i] === 2 && !isMissingAt(column, i) && parts.get(key(i))! & 1) testInTrain++;
	const how =
		splitKind === 'group'
			? 'even though the split is by group'
			: `because the split is ${splitKind}`;
	return [
		{
			check: 'group-overlap',
			severity: 'leak',
			title: `The same ${quote(column.name)} is in two parts of the split`,
			explanation: `Rows of one ${quote(column.name)} resemble each other more than rows of different ones. When some are in train and others in test, the model is tested on an entity it has already seen, and the score says nothing about new ones.`,
			evidence: `${shared} of the ${parts.size} values of ${quote(column.name)} have rows in more than one part, ${how}; ${testInTrain} of the ${testRows} test rows (${percent(testInTrain / Math.max(1, testRows))}) belong to a ${quote(column.name)} that also has rows in train.`,
			columns: [column.name],
			fix: { kind: 'split', split: 'group', column: column.name }
		}
	];
}

/** Returns a number that is equal for two rows exactly when their group values are. */
function groupKey(column: Column): (row: number) => number {
	switch (column.kind) {
		case 'category':
		case 'text':
			return (row) => column.codes[row];
		default:
			return (row) => column.values[row];
	}
}

/** Returns the number of rows assigned to a part. */
export function countRows(assignment: Int8Array, part: number): number {
	let n = 0;
	for (const a of assignment) if (a === part) n++;
	return n;
}
