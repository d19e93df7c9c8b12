import { CoreError } from '../util/core-error';
import { createPacer, type TaskContext } from '../util/task';
import type { DecodedText, TextEncoding } from './decode-text';
import type { RawColumn, RawTable } from './table';

// A parser of our own rather than PapaParse: PapaParse reports a malformed row by record index,
// not by physical line (wrong once a quoted field holds a newline), and it parses a string in one
// synchronous call, so a cancel cannot arrive. This reader tracks lines and yields between records.

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** How the file is written, as detected: shown to the user and recorded with the dataset. */
export interface CsvDialect {
	delimiter: Delimiter;
	/** Every value after a separator starts with a space (`a, b`): the space is layout, not data. */
	skipInitialSpace: boolean;
	encoding: TextEncoding;
	bom: boolean;
	lineEnding: 'lf' | 'crlf' | 'cr' | 'none';
}

export interface ParsedCsv {
	raw: RawTable;
	dialect: CsvDialect;
	/** Plain-language remarks about what the reader did (renamed headers, skipped blank lines). */
	notes: string[];
}

interface CsvRecord {
	fields: string[];
	/** Physical line (1-based) on which the record starts. */
	line: number;
	/** How the record ended: 'crlf', 'lf', 'cr' or 'eof'. */
	end: 'crlf' | 'lf' | 'cr' | 'eof';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const SNIFF_CHARS = 65536;
const SNIFF_RECORDS = 30;
const RECORDS_PER_TICK = 2000;
const MAX_LISTED_LINES = 5;

/**
 * Returns a reader that yields one RFC 4180 record at a time, with its physical line number.
 * With `skipInitialSpace`, spaces right after a separator are dropped (Python csv's option).
 */
export function createCsvReader(
	text: string,
	delimiter: string,
	skipInitialSpace = false
): { next: () => CsvRecord | null; position: () => number } {
	const len = text.length;
	const d = delimiter.charCodeAt(0);
	let pos = 0;
	let line = 1;

	const readQuoted = (): string => {
		const openLine = line;
		let value = '';
		let from = pos + 1;
		for (;;) {
			const q = text.indexOf('"', from);
			if (q === -1) {
				throw new CoreError(
					'unterminated-quote',
					`Line ${openLine}: a quoted field starts here and its closing quote is missing, so the rest of the file would be read as one cell.`,
					{ line: openLine }
				);
			}
			line += countLineBreaks(text, from, q);
			if (text.charCodeAt(q + 1) === QUOTE) {
				value += text.slice(from, q + 1);
				from = q + 2;
				continue;
			}
			value += text.slice(from, q);
			pos = q + 1;
			return value;
		}
	};

	const next = (): CsvRecord | null => {
		if (pos >= len) return null;
		const start = line;
		const fields: string[] = [];
		for (;;) {
			if (text.charCodeAt(pos) === QUOTE) {
				fields.push(readQuoted());
				const c = text.charCodeAt(pos);
				if (pos < len && c !== d && c !== LF && c !== CR) {
					throw new CoreError(
						'stray-quote',
						`Line ${line}: field ${fields.length} has text after its closing quote. A quote inside a quoted field must be doubled ("").`,
						{ line }
					);
				}
			} else {
				let j = pos;
				while (j < len) {
					const c = text.charCodeAt(j);
					if (c === d || c === LF || c === CR) break;
					j++;
				}
				fields.push(text.slice(pos, j));
				pos = j;
			}
			if (pos >= len) return { fields, line: start, end: 'eof' };
			const c = text.charCodeAt(pos);
			if (c === d) {
				pos++;
				if (skipInitialSpace) while (text.charCodeAt(pos) === SPACE) pos++;
				if (pos >= len) {
					fields.push('');
					return { fields, line: start, end: 'eof' };
				}
				continue;
			}
			const crlf = c === CR && text.charCodeAt(pos + 1) === LF;
			pos += crlf ? 2 : 1;
			line++;
			return { fields, line: start, end: crlf ? 'crlf' : c === LF ? 'lf' : 'cr' };
		}
	};

	return { next, position: () => pos };
}

function countLineBreaks(text: string, from: number, to: number): number {
	let count = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
	}
	return count;
}

function isBlank(record: CsvRecord): boolean {
	return record.fields.length === 1 && record.fields[0].trim() === '';
}

/**
 * Returns the delimiter that splits the first records of the text into the most consistent number
 * of fields (more than one); a comma when none does.
 */
export function detectDelimiter(text: string): Delimiter {
	const sample = text.slice(0, SNIFF_CHARS);
	const truncated = text.length > SNIFF_CHARS;
	let best: { delimiter: Delimiter; share: number; fields: number } = {
		delimiter: ',',
		share: 0,
		fields: 1
	};
	for (const delimiter of DELIMITERS) {
		const counts = sampleRecords(sample, delimiter, truncated).map((fields) => fields.length);
		const score = modalShare(counts);
		if (score.fields < 2) continue;
		if (score.share > best.share || (score.share === best.share && score.fields > best.fields)) {
			best = { delimiter, ...score };
		}
	}
	return best.delimiter;
}

function sampleRecords(sample: string, delimiter: Delimiter, truncated: boolean): string[][] {
	const reader = createCsvReader(sample, delimiter);
	const records: string[][] = [];
	try {
		for (
			let record = reader.next();
			record && records.length < SNIFF_RECORDS;
			record = reader.next()
		) {
			if (truncated && record.end === 'eof') break;
			if (!isBlank(record)) records.push(record.fields);
		}
	} catch {
		// A quote cut off by the sample's end, or a malformed record: score what was read.
	}
	return records;
}

/** True when every non-empty value after a separator in the first records starts with a space. */
export function detectInitialSpace(text: string, delimiter: Delimiter): boolean {
	const records = sampleRecords(text.slice(0, SNIFF_CHARS), delimiter, text.length > SNIFF_CHARS);
	const later = records.flatMap((fields) => fields.slice(1)).filter((f) => f !== '');
	return later.length > 0 && later.every((f) => f.charCodeAt(0) === SPACE);
}

function modalShare(counts: number[]): { share: number; fields: number } {
	const tally = new Map<number, number>();
	for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
	let fields = 0;
	let top = 0;
	for (const [c, n] of tally) {
		if (n > top || (n === top && c > fields)) {
			fields = c;
			top = n;
		}
	}
	return { share: counts.length === 0 ? 0 : top / counts.length, fields };
}

class RawColumnBuilder {
	private readonly index = new Map<string, number>();
	readonly levels: string[] = [];
	private codes = new Int32Array(1024);
	length = 0;

	push(text: string): void {
		let code = this.index.get(text);
		if (code === undefined) {
			code = this.levels.length;
			this.index.set(text, code);
			this.levels.push(text);
		}
		if (this.length === this.codes.length) {
			const grown = new Int32Array(this.codes.length * 2);
			grown.set(this.codes);
			this.codes = grown;
		}
		this.codes[this.length++] = code;
	}

	finish(name: string): RawColumn {
		return { name, codes: this.codes.slice(0, this.length), levels: this.levels };
	}
}

/** Returns header names made unique and non-empty, with a note for each one changed. */
export function cleanHeader(fields: string[], notes: string[]): string[] {
	const used = new Set<string>();
	return fields.map((field, i) => {
		const trimmed = field.trim();
		let name = trimmed === '' ? `column_${i + 1}` : trimmed;
		if (used.has(name)) {
			let k = 2;
			while (used.has(`${name}_${k}`)) k++;
			name = `${name}_${k}`;
		}
		used.add(name);
		if (name !== field) {
			notes.push(
				trimmed === ''
					? `Column ${i + 1} has no name in the header; it is called "${name}".`
					: name !== trimmed
						? `Column ${i + 1} repeats the name "${trimmed}"; it is called "${name}".`
						: `Column ${i + 1}'s name "${field}" had spaces around it; it is called "${name}".`
			);
		}
		return name;
	});
}

/**
 * Parses decoded CSV text into dictionary-encoded text columns. The first non-blank record is the
 * header. Throws a `CoreError` naming the line for malformed input: an unterminated quote, text
 * after a closing quote, or rows whose field count differs from the header's.
 */
export async function parseCsv(decoded: DecodedText, ctx: TaskContext = {}): Promise<ParsedCsv> {
	const { text } = decoded;
	if (text.trim() === '')
		throw new CoreError('empty-file', 'The file holds no text, only blank space.');
	const delimiter = detectDelimiter(text);
	const skipInitialSpace = detectInitialSpace(text, delimiter);
	const reader = createCsvReader(text, delimiter, skipInitialSpace);
	const tick = createPacer(ctx);
	const notes: string[] = [];
	const blankLines: number[] = [];
	const ragged: { line: number; fields: number }[] = [];
	let header: { names: string[]; line: number } | undefined;
	let builders: RawColumnBuilder[] = [];
	let lineEnding: CsvDialect['lineEnding'] = 'none';
	let records = 0;
	for (let record = reader.next(); record; record = reader.next()) {
		if (lineEnding === 'none' && record.end !== 'eof') lineEnding = record.end;
		if (isBlank(record)) {
			blankLines.push(record.line);
		} else if (!header) {
			header = { names: cleanHeader(record.fields, notes), line: record.line };
			builders = header.names.map(() => new RawColumnBuilder());
		} else if (record.fields.length !== builders.length) {
			ragged.push({ line: record.line, fields: record.fields.length });
		} else {
			for (let c = 0; c < builders.length; c++) builders[c].push(record.fields[c]);
		}
		if (++records % RECORDS_PER_TICK === 0)
			await tick('Reading rows', reader.position() / text.length);
	}
	if (!header) throw new CoreError('empty-file', 'The file holds no text, only blank lines.');
	if (ragged.length > 0) throw raggedError(ragged, header.names.length, header.line);
	const rowCount = builders[0].length;
	if (rowCount === 0) {
		throw new CoreError(
			'no-rows',
			`The file has a header (line ${header.line}) but no data rows.`,
			{ line: header.line }
		);
	}
	if (skipInitialSpace)
		notes.push(
			'Every value follows its separator after a space; those spaces were read as layout, not data.'
		);
	if (blankLines.length > 0)
		notes.push(`Skipped ${blankLines.length} blank line(s): ${listLines(blankLines)}.`);
	return {
		raw: { rowCount, columns: builders.map((b, i) => b.finish(header.names[i])) },
		dialect: {
			delimiter,
			skipInitialSpace,
			encoding: decoded.encoding,
			bom: decoded.bom,
			lineEnding
		},
		notes
	};
}

function listLines(lines: number[]): string {
	const shown = lines.slice(0, MAX_LISTED_LINES).join(', ');
	return lines.length > MAX_LISTED_LINES
		? `lines ${shown} and ${lines.length - MAX_LISTED_LINES} more`
		: `line${lines.length > 1 ? 's' : ''} ${shown}`;
}

function raggedError(
	ragged: { line: number; fields: number }[],
	expected: number,
	headerLine: number
): CoreError {
	const first = ragged[0];
	return new CoreError(
		'ragged-rows',
		`Line ${first.line} has ${first.fields} field(s), but the header (line ${headerLine}) has ${expected}. ` +
			`${ragged.length} row(s) differ like this: ${listLines(ragged.map((r) => r.line))}. ` +
			'Fix those lines (a missing or extra separator, or an unquoted separator inside a value) and load the file again.',
		{ line: first.line }
	);
}
