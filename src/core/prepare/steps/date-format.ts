// Explicit strftime-like date formats: read a cell with one, measure how many cells one reads,
// and rank the common ones for a column so the user can confirm one.
import { CoreError } from '../../util/core-error';
import { monthOf, type ParsedDate } from '../../table/parse-date';
import { NO_OFFSET } from '../../table/table';

/** The formats `suggestDateFormats` tries, in the order that breaks ties. */
export const DATE_FORMATS: readonly string[] = [
	'%Y-%m-%d',
	'%Y-%m-%dT%H:%M:%SZ',
	'%Y-%m-%d %H:%M:%S',
	'%d/%m/%Y',
	'%m/%d/%Y',
	'%d.%m.%Y',
	'%b %d %Y',
	'%d %b %Y',
	'%Y%m%d',
	'%H:%M',
	'%H:%M:%S'
];

/** A cell read with a format: the instant (or wall clock as UTC) and the offset written with it. */
export type FormatDate = Pick<ParsedDate, 'ms' | 'offset'>;

/** Reads one cell's text, or returns null when the text does not match the format. */
export type DateReader = (text: string) => FormatDate | null;

interface Fields {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	offset: number;
}

/** How a directive matches (a regular expression with one group), and the field it sets. */
interface Directive {
	pattern: string;
	field: keyof Fields;
	read: (text: string) => number;
}

function zoneMinutes(zone: string): number {
	if (zone === 'Z' || zone === 'z') return 0;
	const sign = zone[0] === '-' ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	return sign * (Number(digits.slice(0, 2)) * 60 + minutes);
}

const twoDigitYear = (text: string) => (Number(text) < 69 ? 2000 : 1900) + Number(text);
// A leap second (60 or 61) is read as 59, as JavaScript dates have none.
const second = (text: string) => Math.min(Number(text), 59);

// Patterns as Python's strptime writes them, so `%Y%m%d` splits `20190702` unambiguously.
const DIRECTIVES: ReadonlyMap<string, Directive> = new Map([
	['Y', { pattern: String.raw`(\d{4})`, field: 'year', read: Number }],
	['y', { pattern: String.raw`(\d{2})`, field: 'year', read: twoDigitYear }],
	['m', { pattern: String.raw`(1[0-2]|0[1-9]|[1-9])`, field: 'month', read: Number }],
	['d', { pattern: String.raw`(3[01]|[12]\d|0[1-9]|[1-9])`, field: 'day', read: Number }],
	['H', { pattern: String.raw`(2[0-3]|[01]\d|\d)`, field: 'hour', read: Number }],
	['M', { pattern: String.raw`([0-5]\d|\d)`, field: 'minute', read: Number }],
	['S', { pattern: String.raw`(6[01]|[0-5]\d|\d)`, field: 'second', read: second }],
	['b', { pattern: String.raw`([a-z]{3,9})\.?`, field: 'month', read: monthOf }],
	['B', { pattern: String.raw`([a-z]{3,9})\.?`, field: 'month', read: monthOf }],
	['z', { pattern: String.raw`(z|[+-]\d{2}(?::?\d{2})?)`, field: 'offset', read: zoneMinutes }]
]);

/** A literal `Z` in a format names UTC, as in ISO 8601. */
const UTC_DESIGNATOR: Directive = { pattern: '(z)', field: 'offset', read: zoneMinutes };

/**
 * Returns a reader for a strftime-like format: %Y %y %m %d %H %M %S, %b / %B (English month name,
 * full or abbreviated, either directive), %z (`Z`, `+02`, `+0200`, `+02:00`) and %% for a percent
 * sign; any other character matches itself, a space matches any run of white space, and a literal
 * `Z` means the time is in UTC. %y reads 69-99 as 1969-1999 and 00-68 as 2000-2068 (POSIX). A
 * format without a date reads the time on 1970-01-01, so the value is the time of day. Throws
 * `bad-step` for an unknown directive or a format with no field.
 */
export function dateReader(format: string): DateReader {
	const fields: Directive[] = [];
	let source = '';
	for (let i = 0; i < format.length; i++) {
		const ch = format[i];
		if (ch === '%' && format[i + 1] === '%') {
			source += '%';
			i++;
			continue;
		}
		const directive = ch === 'Z' ? UTC_DESIGNATOR : ch === '%' ? DIRECTIVES.get(format[++i]) : null;
		if (directive === undefined)
			throw badFormat(format, `%${format[i] ?? ''} is not a directive it knows`);
		if (directive) fields.push(directive);
		source += directive
			? directive.pattern
			: /\s/.test(ch)
				? String.raw`\s+`
				: ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	}
	if (!fields.some((f) => f.field !== 'offset'))
		throw badFormat(format, 'it has no %Y, %m, %d or time field');
	const regex = new RegExp(`^${source}$`, 'i');
	return (text) => {
		const match = regex.exec(text.trim());
		return match ? toDate(readFields(fields, match)) : null;
	};
}

function badFormat(format: string, why: string): CoreError {
	return new CoreError('bad-step', `The date format "${format}" cannot be used: ${why}.`);
}

function readFields(fields: readonly Directive[], match: RegExpExecArray): Fields {
	const out: Fields = {
		year: 1970,
		month: 1,
		day: 1,
		hour: 0,
		minute: 0,
		second: 0,
		offset: NO_OFFSET
	};
	fields.forEach(({ field, read }, k) => {
		out[field] = read(match[k + 1]);
	});
	return out;
}

/** The largest offset from UTC in use anywhere (UTC+14), with a margin for historical zones. */
const MAX_OFFSET_MINUTES = 18 * 60;

function toDate(f: Fields): FormatDate | null {
	if (f.offset !== NO_OFFSET && Math.abs(f.offset) > MAX_OFFSET_MINUTES) return null;
	const date = new Date(Date.UTC(2000, f.month - 1, f.day, f.hour, f.minute, f.second));
	// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear keeps the year as written.
	date.setUTCFullYear(f.year);
	// Date.UTC rolls 31 February into March, and month 0 (an unknown month name) into December of
	// the year before: a rolled date names no real day.
	if (date.getUTCMonth() !== f.month - 1 || date.getUTCDate() !== f.day) return null;
	const wall = date.getTime();
	return { ms: f.offset === NO_OFFSET ? wall : wall - f.offset * 60000, offset: f.offset };
}

/** How many cells a format reads, and some it does not (for the preview). */
export interface DateFormatCoverage {
	/** Cells the format reads (a level counts its `counts`, or once). */
	parsed: number;
	/** Non-empty cells it does not read; they would become missing. */
	failed: number;
	/** Up to `FAILURE_EXAMPLES` distinct texts it does not read, most frequent first. */
	failures: string[];
}

/** How many failing texts `dateFormatCoverage` lists. */
export const FAILURE_EXAMPLES = 5;

/**
 * Returns how many cells of a label column's levels (each weighted by `counts[level]` when given)
 * the format reads; blank levels are missing and not counted. Throws `bad-step` for a bad format.
 */
export function dateFormatCoverage(
	levels: readonly string[],
	format: string,
	counts?: ArrayLike<number>
): DateFormatCoverage {
	const read = dateReader(format);
	let parsed = 0;
	let failed = 0;
	const failing: [string, number][] = [];
	levels.forEach((level, l) => {
		const n = counts ? counts[l] : 1;
		if (n === 0 || level.trim() === '') return;
		if (read(level)) parsed += n;
		else {
			failed += n;
			failing.push([level, n]);
		}
	});
	// Stable sort: equally frequent failures keep the levels' order.
	failing.sort((a, b) => b[1] - a[1]);
	return { parsed, failed, failures: failing.slice(0, FAILURE_EXAMPLES).map(([text]) => text) };
}

/** A format that reads some of a column's cells: how many, and the share of non-blank cells. */
export interface DateFormatSuggestion {
	format: string;
	share: number;
	parsed: number;
	failed: number;
}

/**
 * Returns the formats of `DATE_FORMATS` that read at least one cell of the levels (weighted by
 * `counts` when given), the best share first; equal shares keep `DATE_FORMATS` order. The UI
 * proposes the first and the user confirms: `%d/%m/%Y` and `%m/%d/%Y` often read the same cells.
 */
export function suggestDateFormats(
	levels: readonly string[],
	counts?: ArrayLike<number>
): DateFormatSuggestion[] {
	const suggestions: DateFormatSuggestion[] = [];
	for (const format of DATE_FORMATS) {
		const { parsed, failed } = dateFormatCoverage(levels, format, counts);
		if (parsed > 0) suggestions.push({ format, share: parsed / (parsed + failed), parsed, failed });
	}
	return suggestions.sort((a, b) => b.share - a.share);
}
