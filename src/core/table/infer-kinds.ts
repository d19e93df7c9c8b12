import { isMissingText, numericTokens, readNumber } from './parse-cell';
import { hashNumber } from './number-index';
import { parseCompactDate, parseDate, type DateOrder } from './parse-date';
import { NO_OFFSET, NUMBER_CELL, type ColumnKind, type RawColumn } from './table';
import type { ColumnSchema } from './schema';
import { booleanFamily, booleanOf, typeColumn } from './type-column';

/** What the data says about the order of `nn/nn/yyyy` dates in a column. */
export interface DateEvidence {
	/** The order used: the user's, the data's, or assumed (then the UI asks). */
	order: DateOrder;
	decidedBy: 'user' | 'data' | 'assumed';
	/** Cells valid only as day-first, only as month-first, and valid both ways. */
	dayFirstCells: number;
	monthFirstCells: number;
	ambiguousCells: number;
	/** Cells that carried a time-zone offset. */
	offsetCells: number;
}

/** A column holding both numbers and other text: what a number column may have been. */
export interface MixedTypes {
	numberCells: number;
	textCells: number;
	/** The most frequent non-number texts. */
	textExamples: string[];
}

/** What type inference concluded about a column, and why, in words a user can check. */
export interface ColumnReport {
	name: string;
	kind: ColumnKind;
	/** The kind inference chose, kept when the user overrides `kind`. */
	inferredKind: ColumnKind;
	missing: number;
	/** Distinct non-missing values. */
	distinct: number;
	/** Unique in every row: an identifier, not a feature. */
	idLike: boolean;
	reason: string;
	/** A few distinct values: the most frequent texts first, then the most frequent numbers. */
	examples: string[];
	mixed: MixedTypes | null;
	/** For a column of dates: how `nn/nn/yyyy` cells are read. */
	dates: DateEvidence | null;
}

/** The user's answers that change how a column is read. */
export interface InferChoices {
	kind?: ColumnKind;
	dateOrder?: DateOrder;
}

const MAX_CATEGORY_LEVELS = 100;
const EXAMPLE_COUNT = 5;
const EXAMPLE_SCAN = 10000;

/** Counts of a column's cells, by dictionary level and by number value. */
interface CellStats {
	rows: number;
	missing: number;
	numberCells: number;
	textCells: number;
	levelCounts: Int32Array;
	/** Non-missing levels that are not numbers, most frequent first. */
	textLevels: number[];
	/** Levels whose text is a number (a column built from text rather than read from a file). */
	numericLevels: number[];
	/** Sorted distinct numbers (from number cells and numeric levels). */
	distinctNumbers: Float64Array;
	allIntegers: boolean;
}

/**
 * Work arrays for inference, reused from column to column: a million-row file would otherwise
 * allocate (and leave to the collector) tens of megabytes per number column.
 */
export class InferScratch {
	private doubles = new Float64Array(0);
	private keys = new Float64Array(0);
	private bytes = new Uint8Array(0);

	/** `n` doubles, with any content (valid until the next call). */
	values(n: number): Float64Array {
		if (this.doubles.length < n) this.doubles = new Float64Array(n);
		return this.doubles.subarray(0, n);
	}

	/** `n` doubles for a hash table's keys, with any content. */
	hashKeys(n: number): Float64Array {
		if (this.keys.length < n) this.keys = new Float64Array(n);
		return this.keys.subarray(0, n);
	}

	/** `n` zeroed bytes. */
	flags(n: number): Uint8Array {
		if (this.bytes.length < n) this.bytes = new Uint8Array(n);
		return this.bytes.subarray(0, n).fill(0);
	}
}

/** Stats whose `distinctNumbers` lives in `scratch` until its next use. */
function cellStats(
	column: RawColumn,
	missingTokens: readonly string[],
	decimalComma: boolean,
	scratch: InferScratch
): CellStats {
	const rows = column.codes.length;
	const sentinels = numericTokens(missingTokens, decimalComma);
	const levelCounts = new Int32Array(column.levels.length);
	const { codes, numbers } = column;
	// Sized to the number cells (and the levels, which may be numeric text): a text column of a
	// million rows allocates nothing here.
	let numberSlots = column.levels.length;
	for (let i = 0; i < rows; i++) if (codes[i] === NUMBER_CELL) numberSlots++;
	const values = scratch.values(numberSlots);
	let n = 0;
	let missing = 0;
	const checkSentinels = sentinels.size > 0;
	for (let i = 0; i < rows; i++) {
		const code = codes[i];
		if (code !== NUMBER_CELL) levelCounts[code]++;
		else if (checkSentinels && sentinels.has(numbers![i])) missing++;
		else values[n++] = numbers![i];
	}
	let numberCells = n;
	let textCells = 0;
	const textLevels: number[] = [];
	const numericLevels: number[] = [];
	column.levels.forEach((text, l) => {
		const count = levelCounts[l];
		if (count === 0) return;
		if (isMissingText(text, missingTokens)) {
			missing += count;
			return;
		}
		const value = readNumber(text, decimalComma);
		if (Number.isNaN(value)) {
			textCells += count;
			textLevels.push(l);
		} else if (sentinels.has(value)) {
			missing += count;
		} else {
			numberCells += count;
			values[n++] = value;
			numericLevels.push(l);
		}
	});
	textLevels.sort((a, b) => levelCounts[b] - levelCounts[a] || a - b);
	const { distinct: distinctNumbers, allIntegers } = distinctValues(values.subarray(0, n), scratch);
	return {
		rows,
		missing,
		numberCells,
		textCells,
		levelCounts,
		textLevels,
		numericLevels,
		distinctNumbers,
		allIntegers
	};
}

const MAX_BITMAP_RANGE = 1 << 24;

/**
 * Returns the distinct values of `values` (which it may overwrite), in no particular order, and
 * whether all are integers. Integers within a range of 2^24 are counted in a bitmap; other
 * numbers in an open-addressing hash set on their bits. Both are one pass: a sort costs 5x more.
 */
function distinctValues(
	values: Float64Array,
	scratch: InferScratch
): { distinct: Float64Array; allIntegers: boolean } {
	let min = Infinity;
	let max = -Infinity;
	let allIntegers = true;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v < min) min = v;
		if (v > max) max = v;
		if (allIntegers && (v | 0) !== v && !Number.isInteger(v)) allIntegers = false;
	}
	if (allIntegers && values.length > 0 && max - min < MAX_BITMAP_RANGE) {
		const seen = scratch.flags(max - min + 1);
		for (let i = 0; i < values.length; i++) seen[values[i] - min] = 1;
		let count = 0;
		for (let k = 0; k < seen.length; k++) if (seen[k]) values[count++] = min + k;
		return { distinct: values.subarray(0, count), allIntegers };
	}
	return { distinct: hashDistinct(values, scratch), allIntegers };
}

function hashDistinct(values: Float64Array, scratch: InferScratch): Float64Array {
	let capacity = 16;
	while (capacity < values.length * 2) capacity *= 2;
	const mask = capacity - 1;
	const keys = scratch.hashKeys(capacity);
	const used = scratch.flags(capacity);
	let count = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i] + 0; // -0 and 0 are one value
		let slot = hashNumber(v) & mask;
		while (used[slot] && keys[slot] !== v) slot = (slot + 1) & mask;
		if (!used[slot]) {
			used[slot] = 1;
			keys[slot] = v;
			values[count++] = v;
		}
	}
	return values.subarray(0, count);
}

function isBooleanColumn(column: RawColumn, stats: CellStats): boolean {
	if (stats.numberCells > 0 || stats.textLevels.length === 0) return false;
	// One vocabulary only: "yes" with "f" is not a boolean column.
	const families = new Set(stats.textLevels.map((l) => booleanFamily(column.levels[l])));
	return families.size === 1 && !families.has(-1);
}

/** Returns the date evidence when every non-missing cell is a date, else null. */
function dateEvidence(
	column: RawColumn,
	stats: CellStats,
	chosen: DateOrder | undefined
): DateEvidence | null {
	if (stats.textLevels.length === 0) return null;
	let dayFirstCells = 0;
	let monthFirstCells = 0;
	let ambiguousCells = 0;
	let offsetCells = 0;
	for (const l of stats.textLevels) {
		const parsed = parseDate(column.levels[l], 'dmy');
		if (!parsed) return null;
		const count = stats.levelCounts[l];
		if (parsed.order === 'dmy') dayFirstCells += count;
		else if (parsed.order === 'mdy') monthFirstCells += count;
		else if (parsed.order === 'both') ambiguousCells += count;
		if (parsed.offset !== NO_OFFSET) offsetCells += count;
	}
	for (const value of stats.distinctNumbers) if (!parseCompactDate(value)) return null;
	let order: DateOrder;
	let decidedBy: DateEvidence['decidedBy'];
	if (chosen) {
		order = chosen;
		decidedBy = 'user';
	} else if (ambiguousCells === 0 || dayFirstCells + monthFirstCells === 0) {
		order = monthFirstCells > dayFirstCells ? 'mdy' : 'dmy';
		decidedBy = ambiguousCells === 0 ? 'data' : 'assumed';
	} else if (dayFirstCells === 0 || monthFirstCells === 0) {
		order = dayFirstCells > 0 ? 'dmy' : 'mdy';
		decidedBy = 'data';
	} else {
		// Both orders occur: the column mixes formats, and the ambiguous cells cannot be told apart.
		order = monthFirstCells > dayFirstCells ? 'mdy' : 'dmy';
		decidedBy = 'assumed';
	}
	return { order, decidedBy, dayFirstCells, monthFirstCells, ambiguousCells, offsetCells };
}

/**
 * Returns a column's inferred kind with its reason; the user's choices override it. Pass one
 * `scratch` to the calls for the columns of a file.
 */
export function inferColumn(
	column: RawColumn,
	missingTokens: readonly string[],
	choices: InferChoices = {},
	decimalComma = false,
	scratch = new InferScratch()
): ColumnReport {
	const stats = cellStats(column, missingTokens, decimalComma, scratch);
	const present = stats.rows - stats.missing;
	let distinct = stats.distinctNumbers.length + stats.textLevels.length;
	const missingNote = stats.missing > 0 ? `; ${stats.missing} missing` : '';
	const dates = dateEvidence(column, stats, choices.dateOrder);
	let inferredKind: ColumnKind;
	let reason: string;
	if (stats.textCells === 0 && stats.numberCells > 0) {
		inferredKind = 'number';
		reason = `all ${present} values are numbers${missingNote}`;
	} else if (present === 0) {
		inferredKind = 'category';
		reason = 'every value is missing';
	} else if (isBooleanColumn(column, stats)) {
		inferredKind = 'boolean';
		distinct = new Set(stats.textLevels.map((l) => booleanOf(column.levels[l]))).size;
		reason = `every value is one of ${stats.textLevels.map((l) => `"${column.levels[l]}"`).join(', ')}${missingNote}`;
	} else if (dates) {
		inferredKind = 'date';
		reason = `all ${present} values are dates${missingNote}`;
		if (dates.ambiguousCells > 0) {
			const how = dates.order === 'dmy' ? 'day first' : 'month first';
			reason +=
				dates.decidedBy === 'user'
					? `; dates like 02/07/2019 are read ${how}, as you chose`
					: dates.decidedBy === 'data'
						? `; dates like 02/07/2019 are read ${how}, as ${dates.order === 'dmy' ? dates.dayFirstCells : dates.monthFirstCells} unambiguous cells show`
						: `; ${dates.ambiguousCells} dates such as 02/07/2019 could be day or month first: read ${how} until you choose`;
		}
	} else if (distinct <= MAX_CATEGORY_LEVELS && distinct <= Math.max(2, present / 2)) {
		inferredKind = 'category';
		reason = `${distinct} distinct values in ${present} rows${missingNote}`;
	} else {
		inferredKind = 'text';
		reason = `${distinct} distinct values in ${present} rows: free text or a code, not a category${missingNote}`;
	}
	const mixed =
		stats.numberCells > 0 && stats.textCells > 0 && inferredKind !== 'date'
			? {
					numberCells: stats.numberCells,
					textCells: stats.textCells,
					textExamples: stats.textLevels.slice(0, EXAMPLE_COUNT).map((l) => column.levels[l])
				}
			: null;
	if (mixed && mixed.numberCells >= mixed.textCells) {
		reason += `; ${mixed.numberCells} values are numbers but ${mixed.textCells} are text, such as ${mixed.textExamples
			.slice(0, 3)
			.map((t) => `"${t}"`)
			.join(', ')}`;
	}
	const unique = stats.missing === 0 && distinct === stats.rows && stats.rows > 1;
	const idLike =
		unique && (inferredKind === 'text' || (inferredKind === 'number' && stats.allIntegers));
	if (idLike) reason += '; unique in every row, so it looks like an identifier';
	if (distinct === 1) reason += '; a single value carries no information';
	return {
		name: column.name,
		kind: choices.kind ?? inferredKind,
		inferredKind,
		missing: stats.missing,
		distinct,
		idLike,
		reason,
		examples: examples(column, stats, decimalComma),
		mixed,
		dates
	};
}

/**
 * Returns a few distinct values, most frequent first: texts by their count, then numbers by their
 * count among the first `EXAMPLE_SCAN` number cells (exact for smaller columns).
 */
function examples(column: RawColumn, stats: CellStats, decimalComma: boolean): string[] {
	const texts = stats.textLevels.slice(0, EXAMPLE_COUNT).map((l) => column.levels[l]);
	const counts = new Map<number, number>();
	for (const l of stats.numericLevels) {
		const value = readNumber(column.levels[l], decimalComma);
		counts.set(value, (counts.get(value) ?? 0) + stats.levelCounts[l]);
	}
	const { codes, numbers } = column;
	for (let i = 0, seen = 0; i < codes.length && seen < EXAMPLE_SCAN; i++) {
		if (codes[i] !== NUMBER_CELL) continue;
		seen++;
		counts.set(numbers![i], (counts.get(numbers![i]) ?? 0) + 1);
	}
	const byCount = [...counts].sort((a, b) => b[1] - a[1]).map(([value]) => String(value));
	return [...texts, ...byCount].slice(0, EXAMPLE_COUNT);
}

/** Returns how a reported column is typed: its kind, and for dates the order in use. */
export function columnSchema(report: ColumnReport): ColumnSchema {
	return report.kind === 'date' && report.dates
		? { name: report.name, kind: report.kind, dateOrder: report.dates.order }
		: { name: report.name, kind: report.kind };
}

/** A column inferred under the user's choices, and the choices that still hold. */
export interface ChosenReport {
	report: ColumnReport;
	choice: InferChoices;
	/** Why a chosen kind was dropped (it would have blanked cells), or null. */
	note: string | null;
}

/**
 * Infers a column with the user's choices, keeping a chosen kind only while every value fits it:
 * a kind chosen for the file as read before (another separator, decimal mark or missing-value
 * token) that no longer fits is dropped with a note, so no cell silently becomes missing.
 */
export function inferChosen(
	column: RawColumn,
	missingTokens: readonly string[],
	choice: InferChoices = {},
	decimalComma = false,
	scratch = new InferScratch()
): ChosenReport {
	const report = inferColumn(column, missingTokens, choice, decimalComma, scratch);
	if (!choice.kind || choice.kind === report.inferredKind) return { report, choice, note: null };
	const { invalidRows } = typeColumn(column, choice.kind, {
		missingTokens,
		dateOrder: report.dates?.order,
		decimalComma
	});
	if (invalidRows.length === 0) return { report, choice, note: null };
	const kept: InferChoices = choice.dateOrder ? { dateOrder: choice.dateOrder } : {};
	return {
		report: inferColumn(column, missingTokens, kept, decimalComma, scratch),
		choice: kept,
		note: `Your choice of kind for "${column.name}" (${choice.kind}) no longer fits its values as the file is now read, so it is back to ${report.inferredKind}.`
	};
}
