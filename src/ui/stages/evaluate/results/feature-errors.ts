import type { ErrorsByFeature, GroupError } from '../../../../core/evaluate/error-analysis';

/** How many columns the errors-by-feature table shows. */
export const FEATURE_ERROR_COLUMNS = 8;

/** One column of the errors-by-feature table: its best and worst judged group, and the spread. */
export interface FeatureErrorRow {
	column: string;
	best: GroupError | null;
	worst: GroupError | null;
	spread: number;
}

/** Returns the judged (not small) group with the lowest error, or with the highest when `worst`. */
function extreme(groups: readonly GroupError[], worst: boolean): GroupError | null {
	let found: GroupError | null = null;
	for (const g of groups) {
		if (g.small || Number.isNaN(g.error)) continue;
		if (!found || (worst ? g.error > found.error : g.error < found.error)) found = g;
	}
	return found;
}

/** Returns the first `count` columns (widest spread first, as the report orders them). */
export function featureErrorRows(
	errors: ErrorsByFeature,
	count = FEATURE_ERROR_COLUMNS
): FeatureErrorRow[] {
	return errors.columns.slice(0, count).map((c) => ({
		column: c.column,
		best: extreme(c.groups, false),
		worst: extreme(c.groups, true),
		spread: c.spread
	}));
}
