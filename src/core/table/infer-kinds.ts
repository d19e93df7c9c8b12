import { isMissingText, parseNumber } from './parse-cell';
import type { ColumnKind, RawColumn } from './table';

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
	/** A few distinct values, most frequent first. */
	examples: string[];
}

const MAX_CATEGORY_LEVELS = 100;
const EXAMPLE_COUNT = 5;

interface LevelStats {
	counts: Int32Array;
	missingLevel: boolean[];
	numbers: (number | null)[];
	missing: number;
	distinct: number;
}

function levelStats(column: RawColumn, missingTokens: readonly string[]): LevelStats {
	const counts = new Int32Array(column.levels.length);
	for (let i = 0; i < column.codes.length; i++) counts[column.codes[i]]++;
	const missingLevel = column.levels.map((text) => isMissingText(text, missingTokens));
	const numbers = column.levels.map((text, l) => (missingLevel[l] ? null : parseNumber(text)));
	let missing = 0;
	let distinct = 0;
	for (let l = 0; l < column.levels.length; l++) {
		if (missingLevel[l]) missing += counts[l];
		else distinct++;
	}
	return { counts, missingLevel, numbers, missing, distinct };
}

/** Returns a column's inferred kind with its reason; `kind` is the override when one is given. */
export function inferColumn(
	column: RawColumn,
	missingTokens: readonly string[],
	override?: ColumnKind
): ColumnReport {
	const stats = levelStats(column, missingTokens);
	const rows = column.codes.length;
	const present = rows - stats.missing;
	const allNumbers =
		stats.distinct > 0 && stats.numbers.every((n, l) => stats.missingLevel[l] || n !== null);
	const unique = stats.missing === 0 && stats.distinct === rows && rows > 1;
	const allIntegers = allNumbers && stats.numbers.every((n) => n === null || Number.isInteger(n));
	const missingNote = stats.missing > 0 ? `; ${stats.missing} missing` : '';
	let inferredKind: ColumnKind;
	let reason: string;
	if (allNumbers) {
		inferredKind = 'number';
		reason = `all ${present} values are numbers${missingNote}`;
	} else if (stats.distinct === 0) {
		inferredKind = 'category';
		reason = 'every value is missing';
	} else if (stats.distinct <= MAX_CATEGORY_LEVELS && stats.distinct <= Math.max(2, present / 2)) {
		inferredKind = 'category';
		reason = `${stats.distinct} distinct values in ${present} rows${missingNote}`;
	} else {
		inferredKind = 'text';
		reason = `${stats.distinct} distinct values in ${present} rows: free text or a code, not a category${missingNote}`;
	}
	const idLike = unique && (inferredKind === 'text' || allIntegers);
	if (idLike) reason += '; unique in every row, so it looks like an identifier';
	if (stats.distinct === 1) reason += '; a single value carries no information';
	return {
		name: column.name,
		kind: override ?? inferredKind,
		inferredKind,
		missing: stats.missing,
		distinct: stats.distinct,
		idLike,
		reason,
		examples: topLevels(column, stats)
	};
}

function topLevels(column: RawColumn, stats: LevelStats): string[] {
	const order = column.levels.map((_, l) => l).filter((l) => !stats.missingLevel[l]);
	order.sort((a, b) => stats.counts[b] - stats.counts[a] || a - b);
	return order.slice(0, EXAMPLE_COUNT).map((l) => column.levels[l]);
}
