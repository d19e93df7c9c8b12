import { assertNever } from '../util/assert-never';
import { isMissingText, numericTokens, readNumber } from './parse-cell';
import { NumberIndex } from './number-index';
import { parseCompactDate, parseDate, type DateOrder } from './parse-date';
import {
	createDictionary,
	MISSING_BOOLEAN,
	NO_OFFSET,
	NUMBER_CELL,
	type Column,
	type ColumnKind,
	type RawColumn
} from './table';

/** How cell text is read: the missing-value tokens, and the order of `nn/nn/yyyy` dates. */
export interface TypingOptions {
	missingTokens: readonly string[];
	dateOrder?: DateOrder;
	/** Numbers in the file are written with a decimal comma (`1,5`): `1.234` is then not 1.234. */
	decimalComma?: boolean;
}

/** A typed column and the rows whose text did not fit its kind (read as missing). */
export interface TypedColumn {
	column: Column;
	invalidRows: number[];
}

/** The words read as true and false (compared case-insensitively, after trimming). */
export const BOOLEAN_WORDS: readonly (readonly [string, string])[] = [
	['true', 'false'],
	['yes', 'no'],
	['y', 'n'],
	['t', 'f']
];

/** Returns 1 or 0 for a boolean word, or -1. */
export function booleanOf(text: string): number {
	const lower = text.trim().toLowerCase();
	for (const [yes, no] of BOOLEAN_WORDS) {
		if (lower === yes) return 1;
		if (lower === no) return 0;
	}
	return -1;
}

/** Returns the index in `BOOLEAN_WORDS` of the pair a word belongs to, or -1. */
export function booleanFamily(text: string): number {
	const lower = text.trim().toLowerCase();
	return BOOLEAN_WORDS.findIndex((pair) => pair.includes(lower));
}

/** A level or number read as missing, in the per-level tables below. */
const MISSING = -2;

/**
 * Returns the column typed as `kind`. Text that is neither missing nor fits the kind is listed in
 * `invalidRows` and stored as missing; the caller decides whether that is an error. A number cell
 * typed as a label becomes its shortest decimal text (`1.50` is the label `1.5`).
 */
export function typeColumn(raw: RawColumn, kind: ColumnKind, options: TypingOptions): TypedColumn {
	switch (kind) {
		case 'number':
			return typeNumbers(raw, options);
		case 'category':
		case 'text':
			return typeLabels(raw, kind, options);
		case 'boolean':
			return typeBooleans(raw, options);
		case 'date':
			return typeDates(raw, options);
		default:
			return assertNever(kind, 'column kind');
	}
}

function missingLevels(raw: RawColumn, missingTokens: readonly string[]): boolean[] {
	return raw.levels.map((text) => isMissingText(text, missingTokens));
}

function typeNumbers(
	raw: RawColumn,
	{ missingTokens, decimalComma = false }: TypingOptions
): TypedColumn {
	const sentinels = numericTokens(missingTokens, decimalComma);
	const missing = missingLevels(raw, missingTokens);
	const parsed = raw.levels.map((text, l) => {
		if (missing[l]) return NaN;
		const value = readNumber(text, decimalComma);
		return sentinels.has(value) ? NaN : value;
	});
	const invalid = raw.levels.map((_, l) => !missing[l] && Number.isNaN(parsed[l]));
	const n = raw.codes.length;
	const values = new Float64Array(n);
	const invalidRows: number[] = [];
	const numbers = raw.numbers;
	const checkSentinels = sentinels.size > 0;
	for (let i = 0; i < n; i++) {
		const code = raw.codes[i];
		if (code === NUMBER_CELL) {
			const v = numbers![i];
			values[i] = checkSentinels && sentinels.has(v) ? NaN : v;
		} else {
			values[i] = parsed[code];
			if (invalid[code]) invalidRows.push(i);
		}
	}
	return { column: { kind: 'number', name: raw.name, values }, invalidRows };
}

function typeLabels(
	raw: RawColumn,
	kind: 'category' | 'text',
	{ missingTokens, decimalComma = false }: TypingOptions
): TypedColumn {
	const sentinels = numericTokens(missingTokens, decimalComma);
	const { levels, codeOf } = createDictionary();
	const remap = raw.levels.map((text) => (isMissingText(text, missingTokens) ? -1 : codeOf(text)));
	// The label of each distinct number cell, by its index in `numbers`.
	const numbers = new NumberIndex();
	const labels: number[] = [];
	const codes = new Int32Array(raw.codes.length);
	for (let i = 0; i < codes.length; i++) {
		const code = raw.codes[i];
		if (code !== NUMBER_CELL) {
			codes[i] = remap[code];
			continue;
		}
		const v = raw.numbers![i];
		const k = numbers.indexOf(v);
		if (k === labels.length) labels.push(sentinels.has(v) ? -1 : codeOf(String(v)));
		codes[i] = labels[k];
	}
	return { column: { kind, name: raw.name, codes, levels }, invalidRows: [] };
}

function typeBooleans(
	raw: RawColumn,
	{ missingTokens, decimalComma = false }: TypingOptions
): TypedColumn {
	const sentinels = numericTokens(missingTokens, decimalComma);
	const missing = missingLevels(raw, missingTokens);
	const read = raw.levels.map((text, l) => {
		if (missing[l]) return MISSING;
		const word = booleanOf(text);
		if (word >= 0) return word;
		const value = readNumber(text, decimalComma);
		return value === 0 || value === 1 ? value : -1;
	});
	const family = raw.levels
		.filter((_, l) => !missing[l])
		.map(booleanFamily)
		.find((f) => f >= 0);
	const [yes, no] = family === undefined ? ['true', 'false'] : BOOLEAN_WORDS[family];
	const values = new Uint8Array(raw.codes.length);
	const invalidRows: number[] = [];
	for (let i = 0; i < values.length; i++) {
		const code = raw.codes[i];
		let b: number;
		if (code === NUMBER_CELL) {
			const v = raw.numbers![i];
			b = sentinels.has(v) ? MISSING : v === 0 || v === 1 ? v : -1;
		} else {
			b = read[code];
		}
		if (b === -1) invalidRows.push(i);
		values[i] = b < 0 ? MISSING_BOOLEAN : b;
	}
	return { column: { kind: 'boolean', name: raw.name, values, words: [no, yes] }, invalidRows };
}

function typeDates(
	raw: RawColumn,
	{ missingTokens, dateOrder = 'dmy', decimalComma = false }: TypingOptions
): TypedColumn {
	const sentinels = numericTokens(missingTokens, decimalComma);
	const missing = missingLevels(raw, missingTokens);
	// Each level read once, into typed arrays: the loop over the cells then reads no objects.
	const levels = raw.levels.length;
	const levelMs = new Float64Array(levels).fill(NaN);
	const levelOffset = new Int16Array(levels).fill(NO_OFFSET);
	const levelInvalid = new Uint8Array(levels);
	for (let l = 0; l < levels; l++) {
		if (missing[l]) continue;
		const parsed = parseDate(raw.levels[l], dateOrder);
		if (!parsed) levelInvalid[l] = 1;
		else {
			levelMs[l] = parsed.ms;
			levelOffset[l] = parsed.offset;
		}
	}
	const values = new Float64Array(raw.codes.length);
	let offsets: Int16Array | null = null;
	const invalidRows: number[] = [];
	// The date of each distinct number cell (`20190702`), by its index in `numbers`.
	const numbers = new NumberIndex();
	const byNumber: ReturnType<typeof parseCompactDate>[] = [];
	for (let i = 0; i < values.length; i++) {
		const code = raw.codes[i];
		let ms: number;
		let offset: number;
		if (code !== NUMBER_CELL) {
			ms = levelMs[code];
			offset = levelOffset[code];
			if (levelInvalid[code]) invalidRows.push(i);
		} else {
			const v = raw.numbers![i];
			const k = numbers.indexOf(v);
			if (k === byNumber.length) byNumber.push(sentinels.has(v) ? null : parseCompactDate(v));
			const parsed = byNumber[k];
			if (!parsed && !sentinels.has(v)) invalidRows.push(i);
			ms = parsed ? parsed.ms : NaN;
			offset = parsed ? parsed.offset : NO_OFFSET;
		}
		values[i] = ms;
		if (offset !== NO_OFFSET) {
			if (!offsets) offsets = new Int16Array(values.length).fill(NO_OFFSET);
			offsets[i] = offset;
		}
	}
	return { column: { kind: 'date', name: raw.name, values, offsets }, invalidRows };
}
