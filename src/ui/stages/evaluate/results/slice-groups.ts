import type { Slice } from '../../../../core/evaluate/slices';

/** The slices of one column, in the report's order. */
export interface ColumnSlices {
	column: string;
	slices: Slice[];
}

/** Returns the slices grouped by column, columns and groups in the order they came. */
export function slicesByColumn(slices: readonly Slice[]): ColumnSlices[] {
	const byColumn = new Map<string, Slice[]>();
	for (const slice of slices) {
		const list = byColumn.get(slice.column);
		if (list) list.push(slice);
		else byColumn.set(slice.column, [slice]);
	}
	return [...byColumn].map(([column, list]) => ({ column, slices: list }));
}

/**
 * Returns a key naming a slice by its column and group, equal across copies of a record; the
 * missing flag keeps a level written "missing" apart from the group of missing cells.
 */
export function sliceKey(slice: Pick<Slice, 'column' | 'label' | 'missing'>): string {
	return JSON.stringify([slice.column, slice.label, slice.missing]);
}
