import { isPlainNumber } from './parse-cell';

const FORMULA_START = /^[=+\-@\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Returns one CSV cell: quoted when it holds a comma, quote or line break, and prefixed with `'`
 * when it would start a spreadsheet formula (= + - @ tab CR LF) and is not a plain number.
 */
export function toCsvCell(text: string): string {
	const safe = FORMULA_START.test(text) && !isPlainNumber(text) ? `'${text}` : text;
	return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Returns RFC 4180 CSV text (LF line endings, final newline) for a header and rows of cell texts. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const lines = [header, ...rows].map((cells) => cells.map(toCsvCell).join(','));
	return lines.join('\n') + '\n';
}
