import { NO_OFFSET } from './table';

/** Which number comes first in a date such as `02/07/2019`: the day or the month. */
export type DateOrder = 'dmy' | 'mdy';

/** A date cell read: the instant, the offset written with it, and whether the order mattered. */
export interface ParsedDate {
	/** Epoch milliseconds: the instant when an offset was written, else the wall clock as UTC. */
	ms: number;
	/** Minutes east of UTC as written (`+02:00` is 120), or `NO_OFFSET`. */
	offset: number;
	/**
	 * For `nn/nn/yyyy` dates: 'dmy' or 'mdy' when only that order gives a valid date, 'both' when
	 * either does and they differ (`02/07/2019`); null when both read the same (`05/05/2019`) and
	 * for every other format.
	 */
	order: DateOrder | 'both' | null;
}

const MONTHS = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
] as const;

const TIME = String.raw`(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?`;
const ZONE = String.raw`\s*(Z|[+-]\d{2}(?::?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}${ZONE}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})${TIME}${ZONE}$`);
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_FIRST = new RegExp(
	String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}${ZONE}$`
);
const DAY_FIRST = new RegExp(
	String.raw`^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})${TIME}${ZONE}$`
);

/** Returns the month (1-12) of an English name, full or abbreviated to 3+ letters, else 0. */
export function monthOf(name: string): number {
	const lower = name.toLowerCase();
	if (lower === 'sept') return 9;
	return MONTHS.findIndex((m) => m.startsWith(lower)) + 1;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(year: number, month: number, day: number): boolean {
	if (month < 1 || month > 12 || day < 1) return false;
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]);
}

/** The largest offset from UTC in use anywhere (UTC+14), with a margin for historical zones. */
const MAX_OFFSET_HOURS = 18;

/** Minutes east of UTC of a written zone, `NO_OFFSET` without one, or null when out of range. */
function zoneMinutes(zone: string | undefined): number | null {
	if (zone === undefined) return NO_OFFSET;
	if (zone === 'Z') return 0;
	const sign = zone[0] === '-' ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	if (hours > MAX_OFFSET_HOURS || minutes > 59) return null;
	return sign * (hours * 60 + minutes);
}

function build(
	year: number,
	month: number,
	day: number,
	time: (string | undefined)[],
	zone: string | undefined,
	order: ParsedDate['order']
): ParsedDate | null {
	if (!validDay(year, month, day)) return null;
	const [h, m, s, frac] = time;
	const hours = h === undefined ? 0 : Number(h);
	const minutes = m === undefined ? 0 : Number(m);
	const seconds = s === undefined ? 0 : Number(s);
	if (hours > 23 || minutes > 59 || seconds > 59) return null;
	const millis = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
	const offset = zoneMinutes(zone);
	if (offset === null) return null;
	let wall = Date.UTC(year, month - 1, day, hours, minutes, seconds, millis);
	if (year < 100) {
		// Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear keeps the year as written.
		const date = new Date(wall);
		date.setUTCFullYear(year);
		wall = date.getTime();
	}
	const ms = wall - (offset === NO_OFFSET ? 0 : offset * 60000);
	return { ms, offset, order };
}

/**
 * Reads a date cell: ISO 8601 (`2019-07-02`, `2019-07-02T10:00:00Z`, `2019-07-02 10:00+02:00`),
 * `yyyy/mm/dd`, `nn/nn/yyyy` (also with `.` or `-`) in the given order, `yyyymmdd`, and English
 * month names (`Jul 02 2019`, `2 July 2019`). A `nn/nn/yyyy` date that is valid only in the other
 * order (`13/02/2019` when `order` is 'mdy') is read in that order. Returns null when the text is
 * not one of these or names no real day (`2019-02-30`).
 */
export function parseDate(cell: string, order: DateOrder): ParsedDate | null {
	const plain = plainIso(cell);
	if (plain !== undefined) return plain;
	const text = cell.trim();
	let match = ISO.exec(text);
	if (match) {
		return build(
			Number(match[1]),
			Number(match[2]),
			Number(match[3]),
			match.slice(4, 8),
			match[8],
			null
		);
	}
	match = NUMERIC.exec(text);
	if (match) {
		const a = Number(match[1]);
		const b = Number(match[3]);
		const year = Number(match[4]);
		const dmy = validDay(year, b, a);
		const mdy = validDay(year, a, b);
		if (!dmy && !mdy) return null;
		const readAs: DateOrder = dmy && mdy ? order : dmy ? 'dmy' : 'mdy';
		const [month, day] = readAs === 'dmy' ? [b, a] : [a, b];
		// 05/05/2019 reads the same both ways: evidence for neither order, and not ambiguous.
		const evidence = !(dmy && mdy) ? readAs : a === b ? null : 'both';
		return build(year, month, day, match.slice(5, 9), match[9], evidence);
	}
	match = COMPACT.exec(text);
	if (match)
		return build(Number(match[1]), Number(match[2]), Number(match[3]), [], undefined, null);
	match = MONTH_FIRST.exec(text);
	if (match) {
		const month = monthOf(match[1]);
		if (month === 0) return null;
		return build(Number(match[3]), month, Number(match[2]), match.slice(4, 8), match[8], null);
	}
	match = DAY_FIRST.exec(text);
	if (match) {
		const month = monthOf(match[2]);
		if (month === 0) return null;
		return build(Number(match[3]), month, Number(match[1]), match.slice(4, 8), match[8], null);
	}
	return null;
}

const ZERO = 48;

/** The number written by the two digits at `at`, or -1. */
function twoDigits(text: string, at: number): number {
	const a = text.charCodeAt(at) - ZERO;
	const b = text.charCodeAt(at + 1) - ZERO;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The commonest forms in large files, read without a regular expression: `yyyy-mm-dd`, then
 * optionally `Thh:mm` or ` hh:mm` and `:ss`, with nothing around them. Returns undefined for any
 * other text (the general reader then decides), and null for a form it knows naming no real time.
 */
function plainIso(text: string): ParsedDate | null | undefined {
	const length = text.length;
	if (length !== 10 && length !== 16 && length !== 19) return undefined;
	if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
	const century = twoDigits(text, 0);
	const years = twoDigits(text, 2);
	const month = twoDigits(text, 5);
	const day = twoDigits(text, 8);
	if (century < 0 || years < 0 || month < 0 || day < 0) return undefined;
	let hours = 0;
	let minutes = 0;
	let seconds = 0;
	if (length > 10) {
		const t = text.charCodeAt(10);
		if ((t !== 84 && t !== 32) || text.charCodeAt(13) !== 58) return undefined;
		hours = twoDigits(text, 11);
		minutes = twoDigits(text, 14);
		if (length === 19) {
			if (text.charCodeAt(16) !== 58) return undefined;
			seconds = twoDigits(text, 17);
		}
		if (hours < 0 || minutes < 0 || seconds < 0) return undefined;
	}
	const year = century * 100 + years;
	// Years 0-99 need the general reader's care (see `build`).
	if (year < 100) return undefined;
	if (!validDay(year, month, day) || hours > 23 || minutes > 59 || seconds > 59) return null;
	return {
		ms: Date.UTC(year, month - 1, day, hours, minutes, seconds),
		offset: NO_OFFSET,
		order: null
	};
}

/** Returns the date an 8-digit number cell writes (`20190702`), or null. */
export function parseCompactDate(value: number): ParsedDate | null {
	if (!Number.isInteger(value) || value < 10000101 || value > 99991231) return null;
	return parseDate(String(value), 'dmy');
}
