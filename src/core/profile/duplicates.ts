import { NUMBER_CELL, type RawColumn, type RawTable } from '../table/table';

/** How many duplicate rows a report names. */
export const DUPLICATE_EXAMPLES = 5;

/** A later row and the first row it repeats (0-based data rows). */
export interface DuplicateExample {
	row: number;
	firstRow: number;
}

/**
 * Exact duplicate rows, counted as pandas' `DataFrame.duplicated()` does: every later copy of a
 * row counts, its first occurrence does not.
 */
export interface DuplicateReport {
	duplicateRows: number;
	/** The first `DUPLICATE_EXAMPLES` duplicates in row order. */
	firstExamples: DuplicateExample[];
	/** The columns left out of the comparison (those of the requested names that exist). */
	ignoredColumns: string[];
}

/**
 * Returns the exact duplicate rows of a raw table, comparing every column except those named in
 * `ignore` (an id column makes every row unique). Cells are compared as read: the same text, or
 * for number cells the same IEEE-754 bits.
 */
export function findDuplicates(raw: RawTable, ignore: readonly string[] = []): DuplicateReport {
	const skip = new Set(ignore);
	const columns = raw.columns.filter((column) => !skip.has(column.name));
	const ignoredColumns = raw.columns.filter((c) => skip.has(c.name)).map((c) => c.name);
	const [h1, h2] = hashRows(raw.rowCount, columns);
	return { ...findDuplicatesByHash(raw.rowCount, columns, h1, h2), ignoredColumns };
}

/**
 * Returns the duplicates over all columns and, when any column named in `ignore` exists, over the
 * others, hashing each cell once: the kept columns are mixed first, a copy of that state gives
 * the second report, and the ignored columns are then mixed in for the first. (A row hash only
 * has to be a function of the row's cells; the column order it mixes them in does not matter.)
 * When an ignored column is among `unique` (no missing value, a different value in every row),
 * no row repeats over all columns, and the first report needs no work.
 */
export function findDuplicatesIgnoring(
	raw: RawTable,
	ignore: readonly string[],
	unique: ReadonlySet<string> = new Set()
): { all: DuplicateReport; ignoring: DuplicateReport | null } {
	const skip = new Set(ignore);
	const kept = raw.columns.filter((column) => !skip.has(column.name));
	const ignored = raw.columns.filter((column) => skip.has(column.name));
	if (ignored.length === 0) return { all: findDuplicates(raw), ignoring: null };
	if (ignored.some((column) => unique.has(column.name))) {
		// A column with a different value in every row: no two rows can be equal over all columns.
		return {
			all: { duplicateRows: 0, firstExamples: [], ignoredColumns: [] },
			ignoring: findDuplicates(raw, ignore)
		};
	}
	const n = raw.rowCount;
	const [a1, a2] = mixColumns(seeded(n, SEED_1), seeded(n, SEED_2), kept);
	const ignoredColumns = ignored.map((column) => column.name);
	const ignoring = {
		...findDuplicatesByHash(n, kept, finished(a1), finished(a2)),
		ignoredColumns
	};
	const [b1, b2] = mixColumns(a1, a2, ignored);
	const all = findDuplicatesByHash(n, [...kept, ...ignored], finished(b1), finished(b2));
	return { all: { ...all, ignoredColumns: [] }, ignoring };
}

/**
 * Returns the duplicates given two 32-bit hashes of each row. Each row's content is looked up in
 * an open-addressing table (linear probing, slot chosen by `h1`, each slot holding a first row and
 * its `h2`): a typed-array stand-in for a `Map` from hash to first row, several times faster on a
 * million rows. A row whose hashes match a stored row's is compared cell by cell, so a hash
 * collision never counts distinct rows as duplicates; exported so tests can force collisions.
 */
export function findDuplicatesByHash(
	rowCount: number,
	columns: readonly RawColumn[],
	h1: Int32Array,
	h2: Int32Array
): Omit<DuplicateReport, 'ignoredColumns'> {
	let capacity = 16;
	while (capacity < 2 * rowCount) capacity *= 2;
	const mask = capacity - 1;
	// Slot s is table[2s] = first row + 1 (0 when empty) and table[2s + 1] = that row's h2.
	const table = new Int32Array(2 * capacity);
	const equal = rowEquality(columns);
	const firstExamples: DuplicateExample[] = [];
	let duplicateRows = 0;
	for (let row = 0; row < rowCount; row++) {
		const hash = h2[row];
		for (let slot = h1[row] & mask; ; slot = (slot + 1) & mask) {
			const held = table[2 * slot];
			if (held === 0) {
				table[2 * slot] = row + 1;
				table[2 * slot + 1] = hash;
				break;
			}
			const first = held - 1;
			if (table[2 * slot + 1] === hash && h1[first] === h1[row] && equal(first, row)) {
				duplicateRows++;
				if (firstExamples.length < DUPLICATE_EXAMPLES) firstExamples.push({ row, firstRow: first });
				break;
			}
		}
	}
	return { duplicateRows, firstExamples };
}

const SEED_1 = 0x2f6b1c3d;
const SEED_2 = 0x165667b1;
const FACTOR_1 = 0x9e3779b1;
const FACTOR_2 = 0x85ebca77;

/**
 * Returns two 32-bit hashes of each row's cells (its codes, and the two 32-bit words of each
 * number cell). Each word is mixed by rotate, xor and multiply (FxHash's round, with different
 * rotations and odd factors for the two hashes), then murmur3's finaliser spreads the bits.
 */
export function hashRows(
	rowCount: number,
	columns: readonly RawColumn[]
): [Int32Array, Int32Array] {
	const [h1, h2] = mixColumns(seeded(rowCount, SEED_1), seeded(rowCount, SEED_2), columns);
	for (let row = 0; row < rowCount; row++) {
		h1[row] = finish(h1[row]);
		h2[row] = finish(h2[row]);
	}
	return [h1, h2];
}

function seeded(rowCount: number, seed: number): Int32Array {
	return new Int32Array(rowCount).fill(seed);
}

function finished(state: Int32Array): Int32Array {
	return state.map(finish);
}

/** Mixes each row's cells of the columns into the two running hashes, in place. */
function mixColumns(
	h1: Int32Array,
	h2: Int32Array,
	columns: readonly RawColumn[]
): [Int32Array, Int32Array] {
	const rowCount = h1.length;
	for (const column of columns) {
		const codes = column.codes;
		const words = numberWords(column);
		// One loop per column with the mixing written out: on a million-row, 12-column table this
		// body runs 12 million times.
		for (let row = 0; row < rowCount; row++) {
			const code = codes[row];
			let a = Math.imul(((h1[row] << 5) | (h1[row] >>> 27)) ^ code, FACTOR_1);
			let b = Math.imul(((h2[row] << 7) | (h2[row] >>> 25)) ^ code, FACTOR_2);
			if (code === NUMBER_CELL && words) {
				const lo = words[2 * row];
				const hi = words[2 * row + 1];
				a = Math.imul(((a << 5) | (a >>> 27)) ^ lo, FACTOR_1);
				a = Math.imul(((a << 5) | (a >>> 27)) ^ hi, FACTOR_1);
				b = Math.imul(((b << 7) | (b >>> 25)) ^ lo, FACTOR_2);
				b = Math.imul(((b << 7) | (b >>> 25)) ^ hi, FACTOR_2);
			}
			h1[row] = a;
			h2[row] = b;
		}
	}
	return [h1, h2];
}

// murmur3's finaliser: spreads every input bit over the low bits used to pick a slot.
function finish(h: number): number {
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return h ^ (h >>> 16);
}

/** The bits of a column's numbers as 32-bit words (two per row), or null without number cells. */
function numberWords(column: RawColumn): Int32Array | null {
	const numbers = column.numbers;
	return numbers ? new Int32Array(numbers.buffer, numbers.byteOffset, numbers.length * 2) : null;
}

function rowEquality(columns: readonly RawColumn[]): (a: number, b: number) => boolean {
	const codes = columns.map((column) => column.codes);
	const words = columns.map(numberWords);
	return (a, b) => {
		for (let c = 0; c < codes.length; c++) {
			const code = codes[c][a];
			if (code !== codes[c][b]) return false;
			const w = words[c];
			if (code === NUMBER_CELL && w) {
				if (w[2 * a] !== w[2 * b] || w[2 * a + 1] !== w[2 * b + 1]) return false;
			}
		}
		return true;
	};
}
