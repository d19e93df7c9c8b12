// Number formatting for the evaluation results: one place, so every section writes a score, an
// interval or a rate the same way, and an undefined value as "undefined", never "NaN".
import type { ErrorMeasure } from '../../../../core/evaluate/slices';
import type { Interval } from '../../../../core/evaluate/verdict';

/** What a value that is not a finite number reads as. */
export const UNDEFINED_TEXT = 'undefined';
/** What a value that was never computed (absent) reads as. */
export const ABSENT_TEXT = 'n/a';

/** Returns the text of `x.toFixed(digits)`, without the sign of a value that rounds to zero. */
function fixed(x: number, digits: number): string {
	const text = x.toFixed(digits);
	return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

/** Returns a score with four decimals; "undefined" when not finite, "n/a" when absent. */
export function formatScore(value: number | null | undefined): string {
	if (value === null || value === undefined) return ABSENT_TEXT;
	return Number.isFinite(value) ? fixed(value, 4) : UNDEFINED_TEXT;
}

/** Returns an interval as "[low, high]"; "undefined" when an end is not finite, "n/a" when absent. */
export function formatInterval(interval: Interval | null | undefined): string {
	if (!interval) return ABSENT_TEXT;
	if (!Number.isFinite(interval.low) || !Number.isFinite(interval.high)) return UNDEFINED_TEXT;
	return `[${formatScore(interval.low)}, ${formatScore(interval.high)}]`;
}

/** Returns a share (0.123) as a percentage ("12.3%"); "undefined" when not finite. */
export function formatPercent(share: number, digits = 1): string {
	return Number.isFinite(share) ? `${fixed(share * 100, digits)}%` : UNDEFINED_TEXT;
}

/** Returns a gap between two shares in percentage points ("12.0 percentage points"). */
export function formatPoints(gap: number, digits = 1): string {
	return Number.isFinite(gap) ? `${fixed(gap * 100, digits)} percentage points` : UNDEFINED_TEXT;
}

/** Returns a decision threshold with three significant digits, as the threshold's reason does. */
export function formatThreshold(threshold: number): string {
	return Number.isFinite(threshold) ? String(Number(threshold.toPrecision(3))) : UNDEFINED_TEXT;
}

/** Returns the name of an error measure as a column heading reads it. */
export function errorLabel(measure: ErrorMeasure): string {
	return measure === 'error_rate' ? 'error rate' : 'MAE';
}

/** Returns an error: a rate as a percentage, a mean absolute error as a score. */
export function formatError(value: number, measure: ErrorMeasure): string {
	return measure === 'error_rate' ? formatPercent(value) : formatScore(value);
}

/** Returns a gap between two errors: percentage points for rates, a score for MAE. */
export function formatErrorGap(gap: number, measure: ErrorMeasure): string {
	return measure === 'error_rate' ? formatPoints(gap) : formatScore(gap);
}

/** Returns "1 row" or "1,234 rows". */
export function formatRows(count: number): string {
	return `${count.toLocaleString('en')} ${count === 1 ? 'row' : 'rows'}`;
}
