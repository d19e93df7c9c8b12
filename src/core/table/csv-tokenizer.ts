import { CoreError } from '../util/core-error';

// A streaming RFC 4180 reader of our own rather than PapaParse: PapaParse reports a malformed row
// by record index, not by physical line (wrong once a quoted field holds a newline), and its
// `dynamicTyping` turns `00601` into 601 and rounds 20-digit identifiers. This reader takes text
// in chunks of any size, keeps physical line numbers, and hands each record to a sink.

/** How a record ended. */
export type RecordEnd = 'crlf' | 'lf' | 'cr' | 'eof';

/** The part of the dialect the tokenizer needs. */
export interface TokenizerDialect {
	delimiter: string;
	/** The quote character, or null when quotes are ordinary text. */
	quote: string | null;
	/** Spaces right after a separator are layout, not data (Python csv's `skipinitialspace`). */
	skipInitialSpace: boolean;
}

/**
 * One record, as a view into the text being read (reused for the next record: copy what you
 * keep). Field `i` is `buf.slice(starts[i], ends[i])`, inside the quotes when it was quoted; when
 * `escaped[i]` is 1, it was quoted and holds doubled quotes, each read as one. `fieldText` gives
 * the field's text. Fields are left unsliced so that a number, or a text seen before, can be
 * read straight from `buf`.
 */
export interface RecordView {
	buf: string;
	count: number;
	starts: Int32Array;
	ends: Int32Array;
	escaped: Uint8Array;
	/** The quote character, or '' when quotes are ordinary text. */
	quote: string;
}

/** Returns field `i` of a record view as a string. */
export function fieldText(view: RecordView, i: number): string {
	const text = view.buf.slice(view.starts[i], view.ends[i]);
	return view.escaped[i] ? text.replaceAll(view.quote + view.quote, view.quote) : text;
}

/** Returns all fields of a record view as strings. */
export function recordFields(view: RecordView): string[] {
	return Array.from({ length: view.count }, (_, i) => fieldText(view, i));
}

/** Receives each record and the physical line (1-based) on which it starts. */
export type RecordSink = (record: RecordView, line: number, end: RecordEnd) => void;

/** The longest record the reader holds while waiting for its end, in UTF-16 code units. */
export const MAX_RECORD_CHARS = 64 * 1024 * 1024;

const LF = 10;
const CR = 13;
const SPACE = 32;

/**
 * An incremental CSV reader: `push` text chunks in order (split anywhere, even inside a quoted
 * field or between CR and LF), then `finish`. Throws a `CoreError` naming the line for an
 * unterminated quote or text after a closing quote.
 */
export class CsvTokenizer {
	private pending = '';
	private lineNo = 1;
	private readonly view: RecordView = {
		buf: '',
		count: 0,
		starts: new Int32Array(64),
		ends: new Int32Array(64),
		escaped: new Uint8Array(64),
		quote: ''
	};
	private readonly d: number;
	private readonly q: number;

	constructor(
		private readonly dialect: TokenizerDialect,
		private readonly sink: RecordSink
	) {
		this.d = dialect.delimiter.charCodeAt(0);
		this.q = dialect.quote === null ? -1 : dialect.quote.charCodeAt(0);
		this.view.quote = dialect.quote ?? '';
	}

	/** The physical line the next record starts on; after `finish`, one past the last line. */
	get line(): number {
		return this.lineNo;
	}

	/** No record is waiting for its end: the text pushed so far ended exactly after a record. */
	get atRecordStart(): boolean {
		return this.pending === '';
	}

	/** Reads the complete records in `text` (with what was left over from the last push). */
	push(text: string): void {
		this.scan(this.pending + text, false);
	}

	/** Reads what is left as the last record. */
	finish(): void {
		this.scan(this.pending, true);
	}

	private scan(buf: string, final: boolean): void {
		const { d, q, view, sink } = this;
		view.buf = buf;
		let escaped = view.escaped;
		const skipSpace = this.dialect.skipInitialSpace;
		const len = buf.length;
		let pos = 0;
		let line = this.lineNo;
		let recordStart = 0;
		let incomplete = false;
		records: while (pos < len) {
			recordStart = pos;
			let lines = 0;
			let n = 0;
			for (;;) {
				if (n === view.starts.length) escaped = this.widen();
				let c = buf.charCodeAt(pos);
				if (c === q) {
					const openLine = line + lines;
					let from = pos + 1;
					view.starts[n] = from;
					escaped[n] = 0;
					for (;;) {
						const k = buf.indexOf(this.dialect.quote!, from);
						if (k === -1 || (k + 1 === len && !final)) {
							if (final) throw unterminated(openLine);
							if (len - recordStart > MAX_RECORD_CHARS) throw tooLong(openLine);
							incomplete = true;
							break records;
						}
						lines += countLineBreaks(buf, from, k);
						if (buf.charCodeAt(k + 1) === q) {
							escaped[n] = 1;
							from = k + 2;
							continue;
						}
						view.ends[n] = k;
						pos = k + 1;
						break;
					}
					c = buf.charCodeAt(pos);
					if (pos < len && c !== d && c !== LF && c !== CR) {
						throw new CoreError(
							'stray-quote',
							`Line ${line + lines}: field ${n + 1} has text after its closing quote. A quote inside a quoted field must be doubled ("").`,
							{ line: line + lines }
						);
					}
				} else {
					let j = pos;
					while (j < len) {
						c = buf.charCodeAt(j);
						if (c === d || c === LF || c === CR) break;
						j++;
					}
					view.starts[n] = pos;
					view.ends[n] = j;
					escaped[n] = 0;
					pos = j;
				}
				n++;
				if (pos >= len) {
					incomplete = !final;
					if (incomplete) break records;
					view.count = n;
					sink(view, line, 'eof');
					line += lines;
					pos = len;
					break records;
				}
				c = buf.charCodeAt(pos);
				if (c === d) {
					pos++;
					if (skipSpace) while (pos < len && buf.charCodeAt(pos) === SPACE) pos++;
					if (pos >= len) {
						incomplete = !final;
						if (incomplete) break records;
						if (n === view.starts.length) escaped = this.widen();
						view.starts[n] = view.ends[n] = pos;
						escaped[n++] = 0;
						view.count = n;
						sink(view, line, 'eof');
						line += lines;
						break records;
					}
					continue;
				}
				if (c === CR && pos + 1 >= len && !final) {
					incomplete = true;
					break records;
				}
				const crlf = c === CR && buf.charCodeAt(pos + 1) === LF;
				pos += crlf ? 2 : 1;
				view.count = n;
				sink(view, line, crlf ? 'crlf' : c === LF ? 'lf' : 'cr');
				line += lines + 1;
				continue records;
			}
		}
		// A record that has not ended waits, whole, for the next chunk.
		if (incomplete && len - recordStart > MAX_RECORD_CHARS) throw tooLong(line, false);
		this.pending = incomplete ? buf.slice(recordStart) : '';
		this.lineNo = line;
		view.buf = '';
	}

	private widen(): Uint8Array {
		const size = this.view.starts.length * 2;
		const starts = new Int32Array(size);
		const ends = new Int32Array(size);
		const escaped = new Uint8Array(size);
		starts.set(this.view.starts);
		ends.set(this.view.ends);
		escaped.set(this.view.escaped);
		this.view.starts = starts;
		this.view.ends = ends;
		this.view.escaped = escaped;
		return escaped;
	}
}

function countLineBreaks(text: string, from: number, to: number): number {
	let count = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
	}
	return count;
}

function unterminated(line: number): CoreError {
	return new CoreError(
		'unterminated-quote',
		`Line ${line}: a quoted field starts here and its closing quote is missing, so the rest of the file would be read as one cell.`,
		{ line }
	);
}

function tooLong(line: number, quoted = true): CoreError {
	const million = MAX_RECORD_CHARS / 1024 / 1024;
	return quoted
		? new CoreError(
				'unterminated-quote',
				`Line ${line}: a quoted field starts here and runs on for more than ${million} million characters; its closing quote is probably missing.`,
				{ line }
			)
		: new CoreError(
				'record-too-long',
				`Line ${line} runs on for more than ${million} million characters without a line break: this is not a table of rows.`,
				{ line }
			);
}
