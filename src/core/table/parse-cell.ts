/**
 * Cell texts read as missing unless the user edits the list (compared after trimming spaces). A
 * token that is a number (a sentinel such as `-200`) matches number cells of that value.
 */
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
	'?',
	'-'
];

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const TWO_POW_53 = 2 ** 53;
const ZERO = 48;
const NINE = 57;
const DOT = 46;
const COMMA = 44;
const PLUS = 43;
const MINUS = 45;
const LOWER_E = 101;
const UPPER_E = 69;
const EXACT_DIGITS = 15;

/** True when the cell text means "no value". */
export function isMissingText(text: string, missingTokens: readonly string[]): boolean {
	return missingTokens.includes(text.trim());
}

/** True when the text is a plain decimal number (`-1.5`, `2e-7`), whatever its size. */
export function isPlainNumber(text: string): boolean {
	return NUMBER_PATTERN.test(text.trim());
}

const needsTrim = (c: number) => c <= 32 || c > 126;

// Powers of ten that a double holds exactly (10^0 to 10^22).
const EXACT_POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Returns the number a cell's text writes, bit-identical to `Number(text)` (with `,` read as the
 * decimal mark when `decimalComma`), or NaN when the text is not a plain decimal number
 * (`1,234`, `0x10`, `Infinity`), is too large for a double (`1e400`), or is a code that a number
 * would corrupt: a leading zero (`00601`) or an integer of magnitude 2^53 or more, which a double
 * cannot hold exactly. Spaces around the number are ignored.
 *
 * This is ingest's hot path, so it scans by hand. With at most 15 digits and no exponent, the
 * digits form an exact integer and 10^k is exact, so one division is correctly rounded: the same
 * double `Number` returns (Clinger's fast path). Anything else goes to `Number`.
 */
export function readNumber(cell: string, decimalComma = false): number {
	return readNumberAt(cell, 0, cell.length, decimalComma);
}

/** `readNumber` of the text `buf.slice(start, end)`, without slicing it when it is a number. */
export function readNumberAt(
	buf: string,
	start: number,
	end: number,
	decimalComma: boolean
): number {
	if (start >= end) return NaN;
	if (needsTrim(buf.charCodeAt(start)) || needsTrim(buf.charCodeAt(end - 1))) {
		const text = buf.slice(start, end);
		const trimmed = text.trim();
		if (trimmed.length === 0) return NaN;
		// Not a number unless the ends were spaces: a non-ASCII letter is not a digit either.
		if (trimmed.length === text.length) return NaN;
		return readNumberAt(trimmed, 0, trimmed.length, decimalComma);
	}
	const mark = decimalComma ? COMMA : DOT;
	let i = start;
	let c = buf.charCodeAt(i);
	const negative = c === MINUS;
	if (negative || c === PLUS) c = buf.charCodeAt(++i);
	const intStart = i;
	let mantissa = 0;
	while (i < end && c >= ZERO && c <= NINE) {
		mantissa = mantissa * 10 + (c - ZERO);
		c = buf.charCodeAt(++i);
	}
	const intDigits = i - intStart;
	if (intDigits > 1 && buf.charCodeAt(intStart) === ZERO) return NaN;
	let fracDigits = 0;
	let markAt = -1;
	if (i < end && c === mark) {
		markAt = i;
		c = buf.charCodeAt(++i);
		const fracStart = i;
		while (i < end && c >= ZERO && c <= NINE) {
			mantissa = mantissa * 10 + (c - ZERO);
			c = buf.charCodeAt(++i);
		}
		fracDigits = i - fracStart;
	}
	if (intDigits + fracDigits === 0) return NaN;
	if (i === end && intDigits + fracDigits <= EXACT_DIGITS) {
		const value = fracDigits === 0 ? mantissa : mantissa / EXACT_POWERS[fracDigits];
		return negative ? -value : value;
	}
	let exponent = false;
	if (i < end && (c === LOWER_E || c === UPPER_E)) {
		exponent = true;
		c = buf.charCodeAt(++i);
		if (c === PLUS || c === MINUS) c = buf.charCodeAt(++i);
		const expStart = i;
		while (i < end && c >= ZERO && c <= NINE) c = buf.charCodeAt(++i);
		if (i === expStart) return NaN;
	}
	if (i !== end) return NaN;
	const text =
		markAt >= 0 && decimalComma
			? `${buf.slice(start, markAt)}.${buf.slice(markAt + 1, end)}`
			: buf.slice(start, end);
	const value = Number(text);
	if (markAt < 0 && !exponent && intDigits > EXACT_DIGITS && Math.abs(value) >= TWO_POW_53)
		return NaN;
	return Number.isFinite(value) ? value : NaN;
}

/** `readNumber`, with null instead of NaN for text that is not a number. */
export function parseNumber(text: string, decimalComma = false): number | null {
	const value = readNumber(text, decimalComma);
	return Number.isNaN(value) ? null : value;
}

/** Returns the numbers among the missing tokens (sentinels such as `-200`), as a set of values. */
export function numericTokens(missingTokens: readonly string[], decimalComma = false): Set<number> {
	const values = new Set<number>();
	for (const token of missingTokens) {
		const value = readNumber(token, decimalComma);
		if (!Number.isNaN(value)) values.add(value);
	}
	return values;
}
