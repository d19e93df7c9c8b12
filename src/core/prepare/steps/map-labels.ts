import { createDictionary, type CategoryColumn, type TextColumn } from '../../table/table';
import { mapCodes } from '../frame';

/**
 * Returns a copy of a label column with every label replaced by `map(label)` (null makes the cell
 * missing); labels that map to the same text share one level. Missing cells stay missing.
 */
export function mapLabels<C extends CategoryColumn | TextColumn>(
	column: C,
	map: (label: string) => string | null
): C {
	const { levels, codeOf } = createDictionary();
	const target = column.levels.map((label) => {
		const mapped = map(label);
		return mapped === null ? -1 : codeOf(mapped);
	});
	const codes = mapCodes(column.codes, (code) => (code < 0 ? -1 : target[code]));
	return { ...column, codes, levels };
}

/** Returns how many cells hold each level of a label column (missing cells are not counted). */
export function levelCounts(column: CategoryColumn | TextColumn): Int32Array {
	const counts = new Int32Array(column.levels.length);
	for (const code of column.codes) if (code >= 0) counts[code]++;
	return counts;
}

/** Orders labels by UTF-16 code units, the locale-free order one-hot and ordinal steps use. */
export function compareLabels(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
