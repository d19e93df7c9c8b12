// Numbers and names as the leakage findings write them.

/**
 * Returns a share as a percentage: one decimal below 10%, never 100% unless it is, and never 0%
 * unless it is.
 */
export function percent(share: number): string {
	if (share > 0 && share < 0.001) return 'under 0.1%';
	const digits = share < 0.1 || (share > 0.99 && share < 1) ? 1 : 0;
	return `${(100 * share).toFixed(digits)}%`;
}

/** Returns a score with 3 decimals (an AUC or an R²). */
export function score(value: number): string {
	return value.toFixed(3);
}

/** Returns a column name or a value in double quotes. */
export function quote(text: string): string {
	return `"${text}"`;
}

/** Returns a date column's value as an ISO date (with the time when it is not midnight UTC). */
export function dateText(ms: number): string {
	const iso = new Date(ms).toISOString();
	return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16).replace('T', ' ');
}

/** Returns the note that a score was measured on a sample, or an empty string. */
export function sampleNote(rowsUsed: number, rowsWithTarget: number, sampled: boolean): string {
	return sampled
		? `, measured on ${rowsUsed} evenly spaced rows of the ${rowsWithTarget} with a target value`
		: '';
}
