import { CoreError } from '../util/core-error';
import { createPacer, type TaskContext } from '../util/task';
import { bomBytesFor, createDecoder, sniffEncoding, type Encoding } from './decode-text';
import { inferChosen, type ColumnReport, type InferChoices } from './infer-kinds';
import { DEFAULT_MISSING_TOKENS } from './parse-cell';
import {
	finishParse,
	oneColumnError,
	createReader,
	sniffDialect,
	type DialectChoice,
	type ParsedCsv
} from './parse-csv';

/** Where ingest reads a file's bytes: a `Blob` in the app, a file or a buffer in Node. */
export interface ByteSource {
	size: number;
	/**
	 * Returns bytes from `start`, at most up to `end`: at least one byte while `start < size`. A
	 * short read is fine (the reader asks again from where it stopped).
	 */
	read(start: number, end: number): Promise<Uint8Array>;
}

/** Returns a source over bytes in memory. */
export function bytesSource(bytes: Uint8Array): ByteSource {
	return { size: bytes.length, read: async (start, end) => bytes.subarray(start, end) };
}

/** How to read a file: the user's dialect choices, missing-value tokens and column choices. */
export interface IngestOptions {
	dialect?: DialectChoice;
	missingTokens?: readonly string[];
	/** Per column name, the user's kind and date-order choices. */
	columns?: readonly (readonly [string, InferChoices])[];
	/** Bytes read per step (2 MiB by default). */
	chunkBytes?: number;
}

/** A loaded file: its cells, how it was written, and what inference concluded per column. */
export interface Ingested extends ParsedCsv {
	reports: ColumnReport[];
	missingTokens: string[];
	/** The user's column choices that still hold (see `inferChosen`), by column name. */
	columns: [string, InferChoices][];
}

const SNIFF_BYTES = 65536;
const CHUNK_BYTES = 2 << 20;
const ROW_ESTIMATE_SLACK = 1.03;
const CELL_BYTES = 12;

async function readRange(source: ByteSource, start: number, end: number): Promise<Uint8Array> {
	const parts: Uint8Array[] = [];
	let at = start;
	while (at < end) {
		const part = await source.read(at, end);
		if (part.length === 0) break;
		parts.push(part);
		at += part.length;
	}
	if (parts.length === 1) return parts[0];
	const joined = new Uint8Array(at - start);
	let offset = 0;
	for (const part of parts) {
		joined.set(part, offset);
		offset += part.length;
	}
	return joined;
}

/**
 * Reads a CSV file chunk by chunk (never as one string) into raw columns and infers each column's
 * kind. Reports progress and yields between chunks, so a cancel stops it (`cancelled`). A file
 * that is not valid UTF-8 past its first bytes is read again as Windows-1252, with a note.
 * Throws a `CoreError` for unreadable input.
 */
export async function ingestCsv(
	source: ByteSource,
	options: IngestOptions = {},
	ctx: TaskContext = {}
): Promise<Ingested> {
	const head = await readRange(source, 0, Math.min(source.size, SNIFF_BYTES));
	const chosen = options.dialect?.encoding;
	const encoding: Encoding = chosen
		? { encoding: chosen, bom: bomBytesFor(chosen, head) > 0, bomBytes: bomBytesFor(chosen, head) }
		: sniffEncoding(head);
	let parsed: ParsedCsv;
	try {
		parsed = await readWith(source, head, encoding, options, ctx);
	} catch (error) {
		if (!(error instanceof CoreError) || error.code !== 'not-utf-8') throw error;
		if (chosen) {
			throw new CoreError(
				'not-utf-8',
				'The file is not valid UTF-8, which you chose as its encoding. Choose Windows-1252 (or let the app detect it).'
			);
		}
		parsed = await readWith(source, head, { ...encoding, encoding: 'windows-1252' }, options, ctx);
		parsed.notes.push(
			'Part of the file is not valid UTF-8, so it was read as Windows-1252. If accented letters look wrong, choose the encoding.'
		);
	}
	if (parsed.raw.columns.length === 1)
		throw oneColumnError(parsed.raw.columns[0].name, parsed.dialect.delimiter);
	if (encoding.encoding === 'windows-1252' && !chosen)
		parsed.notes.push('The file is not UTF-8; it was read as Windows-1252.');
	const missingTokens = [...(options.missingTokens ?? DEFAULT_MISSING_TOKENS)];
	const choices = new Map(options.columns ?? []);
	const tick = createPacer(ctx);
	const reports: ColumnReport[] = [];
	const columns: [string, InferChoices][] = [];
	for (const [i, column] of parsed.raw.columns.entries()) {
		await tick('Inferring column kinds', i / parsed.raw.columns.length);
		const chosen = inferChosen(
			column,
			missingTokens,
			choices.get(column.name),
			parsed.dialect.decimal === ','
		);
		reports.push(chosen.report);
		if (chosen.note) parsed.notes.push(chosen.note);
		if (chosen.choice.kind || chosen.choice.dateOrder) columns.push([column.name, chosen.choice]);
	}
	return { ...parsed, reports, missingTokens, columns };
}

async function readWith(
	source: ByteSource,
	head: Uint8Array,
	encoding: Encoding,
	options: IngestOptions,
	ctx: TaskContext
): Promise<ParsedCsv> {
	const decode = createDecoder(encoding.encoding);
	const sample = decode(head.subarray(encoding.bomBytes), head.length === source.size);
	if (sample.trim() === '' && head.length === source.size)
		throw new CoreError('empty-file', 'The file holds no text, only blank space.');
	const sniffed = sniffDialect(sample, head.length === source.size, options.dialect);
	const { builder, tokenizer } = createReader(sniffed);
	const tick = createPacer(ctx);
	const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
	const streamDecode = createDecoder(encoding.encoding);
	const readFrom = (start: number) => source.read(start, Math.min(source.size, start + chunkBytes));
	let at = encoding.bomBytes;
	// The next chunk is read while this one is parsed: a Blob read is I/O off the thread.
	let next = at < source.size ? readFrom(at) : null;
	while (next) {
		const bytes = await next;
		if (bytes.length === 0)
			throw new CoreError(
				'read-failed',
				`The file could not be read past byte ${at} of ${source.size}: it may have changed or been moved while it was loading.`
			);
		at += bytes.length;
		next = at < source.size ? readFrom(at) : null;
		tokenizer.push(streamDecode(bytes, at >= source.size));
		// After the first chunk, size the columns for the whole file: no regrowth, no copies.
		// The estimate is capped so that the reserved columns stay under 3x the file's size (12
		// bytes a cell): short first rows must not reserve gigabytes; growth handles the rest.
		if (at === encoding.bomBytes + bytes.length && at < source.size) {
			const estimate = (source.size / at) * builder.recordCount * ROW_ESTIMATE_SLACK;
			const cap = (3 * source.size) / (CELL_BYTES * Math.max(1, builder.columnCount));
			builder.reserve(Math.ceil(Math.min(estimate, cap)) + 64);
		}
		await tick('Reading rows', at / source.size);
	}
	const rest = streamDecode(new Uint8Array(0), true);
	if (rest !== '') tokenizer.push(rest);
	tokenizer.finish();
	return finishParse(builder, tokenizer.line, sniffed, encoding.encoding, encoding.bom);
}
