/** Cell texts read as missing (compared after trimming spaces). Issue #3 makes this list editable. */
export const DEFAULT_MISSING_TOKENS: readonly string[] = [
	'',
	'NA',
	'N/A',
	'n/a',
	'na',
	'NaN',
	'nan',
	'null',
	'NULL',
	'None',
	'?'
];

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const LEADING_ZERO_PATTERN = /^[+-]?0\d/;
const DIGITS_PATTERN = /\d/g;
const MAX_SAFE_DIGITS = 15;

/** True when the cell text means "no value". */
export function isMissingText(text: string, missingTokens: readonly string[]): boolean {
	return missingTokens.includes(text.trim());
}

/** True when the text is a plain decimal number (`-1.5`, `2e-7`), whatever its size. */
export function isPlainNumber(text: string): boolean {
	return NUMBER_PATTERN.test(text.trim());
}

/**
 * Returns the number a cell's text writes, bit-identical to `Number(text)`, or null when the text
 * is not a plain decimal number, is too large for a double (`1e400`), or is a code that a number
 * would corrupt: a leading zero (`00601`) or more digits than a double holds exactly.
 */
export function parseNumber(text: string): number | null {
	const trimmed = text.trim();
	if (!NUMBER_PATTERN.test(trimmed) || LEADING_ZERO_PATTERN.test(trimmed)) return null;
	const isInteger = !/[.eE]/.test(trimmed);
	if (isInteger && (trimmed.match(DIGITS_PATTERN)?.length ?? 0) > MAX_SAFE_DIGITS) return null;
	const value = Number(trimmed);
	return Number.isFinite(value) ? value : null;
}
