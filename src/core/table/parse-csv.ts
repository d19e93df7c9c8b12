import { CoreError } from '../util/core-error';
import { createPacer, type TaskContext } from '../util/task';
import { RawColumnBuilder } from './column-builder';
import {
	CsvTokenizer,
	fieldText,
	recordFields,
	type RecordEnd,
	type RecordSink,
	type RecordView
} from './csv-tokenizer';
import type { DecodedText, TextEncoding } from './decode-text';
import { readNumber } from './parse-cell';
import type { RawColumn, RawTable } from './table';

export type Delimiter = ',' | ';' | '\t' | '|';
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];
export type Quote = '"' | "'" | 'none';
export const QUOTES: readonly Quote[] = ['"', "'", 'none'];
export type DecimalMark = '.' | ',';

/** How the file is written, as detected or chosen: shown to the user and recorded with the data. */
export interface CsvDialect {
	delimiter: Delimiter;
	quote: Quote;
	/** The decimal mark of numbers: `,` in files such as `1;22,5;x`. */
	decimal: DecimalMark;
	/** The first non-blank line names the columns. */
	header: boolean;
	/** Every value after a separator starts with a space (`a, b`): the space is layout, not data. */
	skipInitialSpace: boolean;
	encoding: TextEncoding;
	bom: boolean;
	lineEnding: 'lf' | 'crlf' | 'cr' | 'none';
}

/** What the user chose about the dialect; anything left out is detected. */
export interface DialectChoice {
	delimiter?: Delimiter;
	quote?: Quote;
	decimal?: DecimalMark;
	header?: boolean;
	encoding?: TextEncoding;
}

/** A dialect decision the data could not settle: shown to the user as a question. */
export interface DialectQuestion {
	field: 'delimiter' | 'decimal' | 'quote';
	question: string;
	/** The answers that fit the data, the one in use first. */
	options: string[];
}

/** Rows left out because their number of fields differs from the header's. */
export interface RaggedRows {
	count: number;
	/** The first few, with their physical line and field count. */
	examples: { line: number; fields: number }[];
}

export interface ParsedCsv {
	raw: RawTable;
	dialect: CsvDialect;
	questions: DialectQuestion[];
	ragged: RaggedRows;
	/** Physical lines in the file. */
	lines: number;
	/** Plain-language remarks about what the reader did (renamed headers, skipped blank lines). */
	notes: string[];
}

const SNIFF_RECORDS = 50;
const MAX_LISTED_LINES = 5;
const MAX_RAGGED_EXAMPLES = 20;
const CLEAR_SHARE = 0.9;
const SPACE = 32;
const COMMA_NUMBER = /^[+-]?\d+,\d+$/;
const COMMA_THOUSANDS = /^[+-]?\d{1,3},\d{3}$/;
const DOT_NUMBER = /^[+-]?\d+\.\d+$/;

/** The dialect read from a file's first text, with questions for what the data cannot settle. */
export interface SniffedDialect {
	delimiter: Delimiter;
	quote: Quote;
	decimal: DecimalMark;
	header: boolean;
	skipInitialSpace: boolean;
	questions: DialectQuestion[];
}

function sampleRecords(
	sample: string,
	delimiter: Delimiter,
	quote: Quote,
	final: boolean
): string[][] {
	const records: string[][] = [];
	const tokenizer = new CsvTokenizer(
		{ delimiter, quote: quote === 'none' ? null : quote, skipInitialSpace: false },
		(record) => {
			if (records.length >= SNIFF_RECORDS) return;
			const fields = recordFields(record);
			if (fields.length === 1 && fields[0].trim() === '') return;
			records.push(fields);
		}
	);
	try {
		tokenizer.push(sample);
		if (final) tokenizer.finish();
	} catch {
		// A malformed record under this delimiter: score what was read.
	}
	return records;
}

/** Share of records with the first record's field count (0 when that count is 1). */
function consistency(records: string[][]): number {
	if (records.length === 0 || records[0].length < 2) return 0;
	const width = records[0].length;
	return records.filter((r) => r.length === width).length / records.length;
}

const NAMES: Record<Delimiter, string> = {
	',': 'comma',
	';': 'semicolon',
	'\t': 'tab',
	'|': 'pipe'
};

/** Returns the name of a delimiter in words. */
export function delimiterName(delimiter: Delimiter): string {
	return NAMES[delimiter];
}

/**
 * Detects the dialect from a file's first text (`complete` when that is the whole file): the
 * delimiter that splits the first records most consistently into the header's field count, the
 * decimal mark, whether the first line is a header, and whether spaces after separators are
 * layout. The user's choices are kept as given.
 */
export function sniffDialect(
	sample: string,
	complete: boolean,
	choice: DialectChoice = {}
): SniffedDialect {
	const questions: DialectQuestion[] = [];
	const quote = choice.quote ?? detectQuote(sample, questions);
	const scored = DELIMITERS.map((delimiter) => {
		const records = sampleRecords(sample, delimiter, quote, complete);
		return { delimiter, records, share: consistency(records), width: records[0]?.length ?? 0 };
	}).sort((a, b) => b.share - a.share || b.width - a.width);
	let best = scored[0];
	if (choice.delimiter) {
		best = scored.find((s) => s.delimiter === choice.delimiter)!;
	} else if (best.share === 0) {
		best = scored.find((s) => s.delimiter === ',')!;
	} else {
		const rivals = scored.filter((s) => s.share >= CLEAR_SHARE && s.width >= 2);
		if (rivals.length > 1) {
			questions.push({
				field: 'delimiter',
				question: `The rows split evenly on ${rivals.map((r) => `${delimiterName(r.delimiter)}s (${r.width} columns)`).join(' and on ')}. Which separates the columns?`,
				options: rivals.map((r) => r.delimiter)
			});
		}
	}
	const { delimiter, records } = best;
	const body = records.slice(1);
	const later = records.flatMap((fields) => fields.slice(1)).filter((f) => f !== '');
	const skipInitialSpace = later.length > 0 && later.every((f) => f.charCodeAt(0) === SPACE);
	const decimal = choice.decimal ?? detectDecimal(body, delimiter, questions);
	const header = choice.header ?? detectHeader(records, decimal === ',');
	return { delimiter, quote, decimal, header, skipInitialSpace, questions };
}

// A whole field in quote q: after a line start or a separator (and spaces), up to the same
// quote before a separator or the line end, with no quote or line break inside.
const QUOTED_FIELDS = {
	'"': /(?:^|[,;\t|]) *"[^"\n]*" *(?=[,;\t|]|\r?$)/gm,
	"'": /(?:^|[,;\t|]) *'[^'\n]*' *(?=[,;\t|]|\r?$)/gm
};

/**
 * Returns the quote character: a single quote when more whole fields are wrapped in single quotes
 * than in double quotes, else the double quote (RFC 4180's, and harmless in a file without
 * quotes). A file with fields in both is a question.
 */
function detectQuote(sample: string, questions: DialectQuestion[]): Quote {
	const double = sample.match(QUOTED_FIELDS['"'])?.length ?? 0;
	const single = sample.match(QUOTED_FIELDS["'"])?.length ?? 0;
	const quote = single > double ? "'" : '"';
	if (single > 0 && double > 0) {
		questions.push({
			field: 'quote',
			question: `Some values are wrapped in double quotes (${double} in the first lines) and some in single quotes (${single}). Which character quotes a value that holds a separator?`,
			options: quote === "'" ? ["'", '"'] : ['"', "'"]
		});
	}
	return quote;
}

function detectDecimal(
	body: string[][],
	delimiter: Delimiter,
	questions: DialectQuestion[]
): DecimalMark {
	if (delimiter === ',') return '.';
	let comma = 0;
	let thousandsLike = 0;
	let dot = 0;
	for (const fields of body) {
		for (const field of fields) {
			const text = field.trim();
			if (COMMA_NUMBER.test(text)) {
				comma++;
				if (COMMA_THOUSANDS.test(text)) thousandsLike++;
			} else if (DOT_NUMBER.test(text)) dot++;
		}
	}
	if (comma === 0) return '.';
	if (dot > 0) {
		questions.push({
			field: 'decimal',
			question: `Some numbers are written with a decimal point (${dot} cells) and some with a comma (${comma} cells). Which is the decimal mark?`,
			options: [',', '.']
		});
		return ',';
	}
	if (thousandsLike === comma) {
		questions.push({
			field: 'decimal',
			question: `Numbers such as "1,234" could be 1.234 (a decimal comma) or 1234 (a thousands separator). Is the comma the decimal mark?`,
			options: [',', '.']
		});
	}
	return ',';
}

/**
 * The first record is a header unless it fits the data: in every column whose later values are
 * all numbers, the first value is a number too (and there is at least one such column).
 */
function detectHeader(records: string[][], decimalComma: boolean): boolean {
	if (records.length < 2) return true;
	const [first, ...body] = records;
	let numericColumns = 0;
	for (let c = 0; c < first.length; c++) {
		const values = body.map((r) => r[c]).filter((v) => v !== undefined && v.trim() !== '');
		if (values.length === 0 || values.some((v) => Number.isNaN(readNumber(v, decimalComma))))
			continue;
		numericColumns++;
		if (Number.isNaN(readNumber(first[c] ?? '', decimalComma))) return true;
	}
	return numericColumns === 0;
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
 * Turns records into raw columns: the first non-blank record is the header (or, without one, the
 * first row, with columns named `column_1`...). Blank lines are skipped and rows whose field count
 * differs from the header's are left out, both counted with their lines for the report.
 */
export class TableBuilder {
	private names: string[] | null = null;
	private headerLine = 0;
	private builders: RawColumnBuilder[] = [];
	private readonly blankLines: number[] = [];
	private blankCount = 0;
	private readonly ragged: RaggedRows = { count: 0, examples: [] };
	private records = 0;
	private expected = 0;
	lineEnding: CsvDialect['lineEnding'] = 'none';
	/** How the last record ended ('eof' when the file has no final line break). */
	lastEnd: RecordEnd = 'eof';
	readonly notes: string[] = [];

	constructor(
		private readonly header: boolean,
		private readonly decimalComma: boolean
	) {}

	/**
	 * Returns a builder for a later part of a file whose header (or first row) has been read
	 * elsewhere: every record is a row of `width` fields. `part()` hands its rows to `append`.
	 */
	static continuation(width: number, decimalComma: boolean): TableBuilder {
		const builder = new TableBuilder(false, decimalComma);
		builder.names = [];
		builder.builders = Array.from({ length: width }, () => new RawColumnBuilder(decimalComma));
		return builder;
	}

	/** The rows read by a `continuation` builder, its lines counted from its own first line. */
	part(lineAfterLast: number): TablePart {
		return {
			columns: this.builders.map((b) => b.finish('')),
			records: this.records,
			blankLines: this.blankLines,
			blankCount: this.blankCount,
			ragged: this.ragged,
			lineEnding: this.lineEnding,
			lastEnd: this.lastEnd,
			lineAfterLast
		};
	}

	/**
	 * Adds the rows of a later part of the file, read by a `continuation` builder, after the rows
	 * read here; this builder's text ended with a line break on line `lines`, so the part's line
	 * 1 is line `lines + 1`. The result is the one a single pass gives.
	 */
	append(part: TablePart, lines: number): void {
		if (part.columns.length !== this.builders.length)
			throw new Error('A part of the file was read with another number of columns.');
		part.columns.forEach((column, c) => this.builders[c].append(column));
		for (const line of part.blankLines)
			if (this.blankLines.length < MAX_RAGGED_EXAMPLES) this.blankLines.push(line + lines);
		this.blankCount += part.blankCount;
		for (const { line, fields } of part.ragged.examples)
			if (this.ragged.examples.length < MAX_RAGGED_EXAMPLES)
				this.ragged.examples.push({ line: line + lines, fields });
		this.ragged.count += part.ragged.count;
		if (this.lineEnding === 'none') this.lineEnding = part.lineEnding;
		if (part.records > 0) this.lastEnd = part.lastEnd;
		this.records += part.records;
	}

	/** Records read so far. */
	get recordCount(): number {
		return this.records;
	}

	/** Columns of the table (0 before the first record). */
	get columnCount(): number {
		return this.builders.length;
	}

	/** Makes room for about `rows` rows in every column (an estimate: more still fit). */
	reserve(rows: number): void {
		this.expected = rows;
		for (const builder of this.builders) builder.reserve(rows);
	}

	readonly sink = (record: RecordView, line: number, end: RecordEnd): void => {
		this.records++;
		this.lastEnd = end;
		if (this.lineEnding === 'none' && end !== 'eof') this.lineEnding = end;
		const count = record.count;
		if (count === 1 && fieldText(record, 0).trim() === '') {
			if (this.blankCount++ < MAX_RAGGED_EXAMPLES) this.blankLines.push(line);
			return;
		}
		if (this.names === null) {
			this.headerLine = line;
			this.builders = Array.from({ length: count }, () => {
				const builder = new RawColumnBuilder(this.decimalComma);
				builder.reserve(this.expected);
				return builder;
			});
			if (this.header) {
				this.names = cleanHeader(recordFields(record), this.notes);
				return;
			}
			this.names = Array.from({ length: count }, (_, i) => `column_${i + 1}`);
			this.notes.push(
				`The file has no header line; the columns are called column_1 to column_${count}.`
			);
		}
		const builders = this.builders;
		if (count !== builders.length) {
			if (this.ragged.count++ < MAX_RAGGED_EXAMPLES)
				this.ragged.examples.push({ line, fields: count });
			return;
		}
		for (let c = 0; c < count; c++) builders[c].pushField(record, c);
	};

	/** Returns the columns, or throws `empty-file` / `no-rows`. */
	finish(): { raw: RawTable; ragged: RaggedRows; notes: string[] } {
		const names = this.names;
		if (names === null)
			throw new CoreError('empty-file', 'The file holds no text, only blank lines.');
		const columns = this.builders.map((b, i) => b.finish(names[i]));
		const rowCount = columns[0].codes.length;
		if (rowCount === 0) {
			const ragged =
				this.ragged.count > 0
					? ` ${raggedSentence(this.ragged, names.length, this.headerLine)}`
					: '';
			throw new CoreError(
				'no-rows',
				`The file has a header (line ${this.headerLine}) but no data rows.${ragged}`,
				{ line: this.headerLine }
			);
		}
		if (this.blankCount > 0)
			this.notes.push(
				`Skipped ${this.blankCount} blank line(s): ${listLines(this.blankLines, this.blankCount)}.`
			);
		if (this.ragged.count > 0)
			this.notes.push(
				`${raggedSentence(this.ragged, names.length, this.headerLine)} They were left out of the table.`
			);
		return { raw: { rowCount, columns }, ragged: this.ragged, notes: this.notes };
	}
}

/** The rows a `TableBuilder.continuation` read from a later part of a file (see `append`). */
export interface TablePart {
	columns: RawColumn[];
	records: number;
	blankLines: number[];
	blankCount: number;
	ragged: RaggedRows;
	lineEnding: CsvDialect['lineEnding'];
	lastEnd: RecordEnd;
	/** The part's tokenizer's line after its last record, counted from the part's line 1. */
	lineAfterLast: number;
}

/** Lines listed in a sentence: "line 4", "lines 4, 9", "lines 4, 9, ... and 7 more". */
export function listLines(lines: readonly number[], total = lines.length): string {
	const shown = lines.slice(0, MAX_LISTED_LINES).join(', ');
	return total > MAX_LISTED_LINES
		? `lines ${shown} and ${total - MAX_LISTED_LINES} more`
		: `line${total > 1 ? 's' : ''} ${shown}`;
}

function raggedSentence(ragged: RaggedRows, expected: number, headerLine: number): string {
	const first = ragged.examples[0];
	return (
		`${ragged.count} row(s) have a different number of fields than the header (line ${headerLine}, ${expected} fields): ` +
		`${listLines(
			ragged.examples.map((r) => r.line),
			ragged.count
		)}; line ${first.line} has ${first.fields}. ` +
		'A missing or extra separator, or an unquoted separator inside a value, does this.'
	);
}

/** Returns the error for a file read as a single column. */
export function oneColumnError(name: string, delimiter: Delimiter): CoreError {
	const shown = delimiter === '\t' ? 'tab' : `"${delimiter}"`;
	return new CoreError(
		'one-column',
		`Only one column ("${name}") was found, with separator ${shown}. A model needs a target column and at least one feature column. ` +
			'If the file uses another separator, choose it, and check that every row uses the same one.'
	);
}

const TEXT_SLICE = 1 << 20;

/** Returns the tokenizer for a dialect, feeding `sink`. */
export function createTokenizer(sniffed: SniffedDialect, sink: RecordSink): CsvTokenizer {
	return new CsvTokenizer(
		{
			delimiter: sniffed.delimiter,
			quote: sniffed.quote === 'none' ? null : sniffed.quote,
			skipInitialSpace: sniffed.skipInitialSpace
		},
		sink
	);
}

/**
 * Parses decoded CSV text (already in memory: the bundle's input, tests) into raw columns, with
 * the dialect detected as for a streamed file. Throws a `CoreError` naming the line for malformed
 * input. `ingestCsv` streams a file instead.
 */
export async function parseCsv(
	decoded: DecodedText,
	ctx: TaskContext = {},
	choice: DialectChoice = {}
): Promise<ParsedCsv> {
	const { text } = decoded;
	if (text.trim() === '')
		throw new CoreError('empty-file', 'The file holds no text, only blank space.');
	const sniffed = sniffDialect(text.slice(0, 65536), text.length <= 65536, choice);
	const builder = new TableBuilder(sniffed.header, sniffed.decimal === ',');
	const tokenizer = createTokenizer(sniffed, builder.sink);
	const tick = createPacer(ctx);
	for (let at = 0; at < text.length; at += TEXT_SLICE) {
		tokenizer.push(text.slice(at, at + TEXT_SLICE));
		await tick('Reading rows', Math.min(text.length, at + TEXT_SLICE) / text.length);
	}
	tokenizer.finish();
	return finishParse(builder, tokenizer.line, sniffed, decoded.encoding, decoded.bom);
}

/** Completes a parse: the table, the dialect as read, and the notes. */
export function finishParse(
	builder: TableBuilder,
	lineAfterLast: number,
	sniffed: SniffedDialect,
	encoding: TextEncoding,
	bom: boolean
): ParsedCsv {
	const { raw, ragged, notes } = builder.finish();
	if (sniffed.skipInitialSpace)
		notes.push(
			'Every value follows its separator after a space; those spaces were read as layout, not data.'
		);
	const { questions, ...dialect } = sniffed;
	return {
		raw,
		dialect: { ...dialect, encoding, bom, lineEnding: builder.lineEnding },
		questions,
		ragged,
		lines: builder.lastEnd === 'eof' ? lineAfterLast : lineAfterLast - 1,
		notes
	};
}
