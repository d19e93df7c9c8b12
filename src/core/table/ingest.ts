import { CoreError } from '../util/core-error';
import { createBlockHasher, fingerprintOf, HASH_BLOCK_BYTES } from '../util/hash';
import { createPacer, throwIfCancelled, type TaskContext } from '../util/task';
import type { CsvTokenizer } from './csv-tokenizer';
import {
	bomBytesFor,
	createDecoder,
	sniffEncoding,
	type Encoding,
	type TextEncoding
} from './decode-text';
import { inferChosen, InferScratch, type ColumnReport, type InferChoices } from './infer-kinds';
import { DEFAULT_MISSING_TOKENS } from './parse-cell';
import {
	createTokenizer,
	finishParse,
	oneColumnError,
	sniffDialect,
	TableBuilder,
	type DialectChoice,
	type ParsedCsv,
	type SniffedDialect,
	type TablePart
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
	/**
	 * Reads the second half of a large file while this reader reads the first: in another
	 * worker, so that both cores work. Without it, the file is read in one pass.
	 */
	readPart?: PartReader;
	/** Files smaller than this are read in one pass (8 MiB by default). */
	partMinBytes?: number;
}

/** A later part of a file, to be read as rows of a table `width` columns wide. */
export interface PartRequest {
	/** The first byte: the start of a line. */
	start: number;
	end: number;
	dialect: SniffedDialect;
	encoding: TextEncoding;
	width: number;
	chunkBytes: number;
}

/** A part's rows, and the digests of the file's hash blocks that start in it (see `readPart`). */
export interface PartRead {
	rows: TablePart;
	blocks: Uint8Array[];
}

/** Reads a part of the file (see `readPart`), in another worker; progress as fractions. */
export type PartReader = (request: PartRequest, ctx: TaskContext) => Promise<PartRead>;

/** A read file's table and its fingerprint (`fingerprintOf` its blocks: every byte). */
export interface ReadCsv extends ParsedCsv {
	fingerprint: string;
}

/** A loaded file: its cells, how it was written, and what inference concluded per column. */
export interface Ingested extends ReadCsv {
	reports: ColumnReport[];
	missingTokens: string[];
	/** The user's column choices that still hold (see `inferChosen`), by column name. */
	columns: [string, InferChoices][];
}

const SNIFF_BYTES = 65536;
const PART_MIN_BYTES = 8 << 20;
const TEXT_SLICE_BYTES = 1 << 16;
const LF = 10;
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
	let parsed: ReadCsv;
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
	const scratch = new InferScratch();
	for (const [i, column] of parsed.raw.columns.entries()) {
		await tick('Inferring column kinds', i / parsed.raw.columns.length);
		const chosen = inferChosen(
			column,
			missingTokens,
			choices.get(column.name),
			parsed.dialect.decimal === ',',
			scratch
		);
		reports.push(chosen.report);
		if (chosen.note) parsed.notes.push(chosen.note);
		if (chosen.choice.kind || chosen.choice.dateOrder) columns.push([column.name, chosen.choice]);
	}
	return { ...parsed, reports, missingTokens, columns };
}

/** Reads `[from, to)` chunk by chunk (the next chunk is read while this one is handled). */
async function pump(
	source: ByteSource,
	from: number,
	to: number,
	chunkBytes: number,
	onChunk: (bytes: Uint8Array, at: number) => Promise<void>
): Promise<void> {
	const readFrom = (start: number) => source.read(start, Math.min(to, start + chunkBytes));
	let at = from;
	// A Blob read is I/O off the thread, so it overlaps the parse of the chunk before it.
	let next = at < to ? readFrom(at) : null;
	while (next) {
		const bytes = await next;
		if (bytes.length === 0)
			throw new CoreError(
				'read-failed',
				`The file could not be read past byte ${at} of ${source.size}: it may have changed or been moved while it was loading.`
			);
		at += bytes.length;
		next = at < to ? readFrom(at) : null;
		await onChunk(bytes, at);
	}
}

/**
 * Decodes a chunk and hands it to the tokenizer in slices of `TEXT_SLICE_BYTES`: a slice's text
 * is small enough for V8's young generation, so it is freed at the next scavenge; a 2 MiB string
 * would go to the large-object space, which only a full collection frees.
 */
function pushText(
	tokenizer: CsvTokenizer,
	decode: (bytes: Uint8Array, final: boolean) => string,
	bytes: Uint8Array,
	final: boolean
): void {
	for (let at = 0; at < bytes.length; at += TEXT_SLICE_BYTES) {
		const end = Math.min(bytes.length, at + TEXT_SLICE_BYTES);
		tokenizer.push(decode(bytes.subarray(at, end), final && end === bytes.length));
	}
}

/** Rows to reserve after `read` bytes of `total` gave `records` records (see `readWith`). */
function rowEstimate(total: number, read: number, records: number, columns: number): number {
	// The estimate is capped so that the reserved columns stay under 3x the file's size (12
	// bytes a cell): short first rows must not reserve gigabytes; growth handles the rest.
	const estimate = (total / read) * records * ROW_ESTIMATE_SLACK;
	const cap = (3 * total) / (CELL_BYTES * Math.max(1, columns));
	return Math.ceil(Math.min(estimate, cap)) + 64;
}

/**
 * Returns where a second reader may start: just after the first line break past the middle of
 * the file, or -1 when there is none nearby or the encoding has no single-byte line break. The
 * break may lie inside a quoted field: the first reader checks that (see `readWith`).
 */
async function findSplit(source: ByteSource, encoding: TextEncoding): Promise<number> {
	if (encoding !== 'utf-8' && encoding !== 'windows-1252') return -1;
	const middle = Math.floor(source.size / 2);
	const window = await readRange(source, middle, Math.min(source.size, middle + SNIFF_BYTES));
	const lf = window.indexOf(LF);
	return lf < 0 || middle + lf + 1 >= source.size ? -1 : middle + lf + 1;
}

/**
 * Wraps a source so that the bytes read through it, in order from byte `from` (reads may overlap
 * or start before it), feed `hasher`.
 */
function hashing(
	source: ByteSource,
	hasher: ReturnType<typeof createBlockHasher>,
	from: number
): ByteSource {
	let hashed = from;
	return {
		size: source.size,
		async read(start, end) {
			const bytes = await source.read(start, end);
			if (start <= hashed && start + bytes.length > hashed) {
				await hasher.update(bytes.subarray(hashed - start));
				hashed = start + bytes.length;
			}
			return bytes;
		}
	};
}

async function readWith(
	file: ByteSource,
	head: Uint8Array,
	encoding: Encoding,
	options: IngestOptions,
	ctx: TaskContext
): Promise<ReadCsv> {
	// The fingerprint is made from the bytes as they are read: here up to the split, and by the
	// part reader from the first hash block past it.
	const hasher = createBlockHasher();
	await hasher.update(head);
	const source = hashing(file, hasher, head.length);
	const decode = createDecoder(encoding.encoding);
	const sample = decode(head.subarray(encoding.bomBytes), head.length === source.size);
	if (sample.trim() === '' && head.length === source.size)
		throw new CoreError('empty-file', 'The file holds no text, only blank space.');
	const sniffed = sniffDialect(sample, head.length === source.size, options.dialect);
	const builder = new TableBuilder(sniffed.header, sniffed.decimal === ',');
	const tokenizer = createTokenizer(sniffed, builder.sink);
	const tick = createPacer(ctx);
	const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
	const streamDecode = createDecoder(encoding.encoding);
	const size = source.size;
	// With a part reader, a large file is read in two halves at once: this reader reads up to
	// the split while the part reader reads the rest.
	const parallel = options.readPart && size >= (options.partMinBytes ?? PART_MIN_BYTES);
	const split = parallel ? await findSplit(file, encoding.encoding) : -1;
	const end = split > 0 ? split : size;
	let part: RunningPart | null = null;
	let partBytes = 0;
	const progress = (at: number) => (at - encoding.bomBytes + partBytes) / size;
	const startPartAfter = (at: number) => {
		if (split <= at || builder.columnCount === 0) return;
		part = startPart(options.readPart!, ctx, {
			start: split,
			end: size,
			dialect: sniffed,
			encoding: encoding.encoding,
			width: builder.columnCount,
			chunkBytes
		});
		part.onProgress = (fraction) => (partBytes = fraction * (size - split));
	};
	const read = (from: number, to: number) =>
		pump(source, from, to, chunkBytes, async (bytes, at) => {
			pushText(tokenizer, streamDecode, bytes, at >= size);
			// After the first chunk, size the columns for the whole file (no regrowth, no copies),
			// and start the other half, which needs the column count.
			if (at === from + bytes.length && from === encoding.bomBytes && at < size) {
				builder.reserve(rowEstimate(size, at, builder.recordCount, builder.columnCount));
				startPartAfter(at);
			}
			await tick('Reading rows', progress(at));
		});
	try {
		await read(encoding.bomBytes, end);
		const running = part as RunningPart | null;
		let joined: PartRead | null = null;
		if (running && tokenizer.atRecordStart) {
			// This half ended on a line break outside quotes, so the other half began with a record.
			running.onProgress = (fraction) =>
				ctx.onEvent?.({
					kind: 'progress',
					phase: 'Reading rows',
					fraction: (split - encoding.bomBytes + fraction * (size - split)) / size
				});
			joined = await running.result;
			throwIfCancelled(ctx.signal);
		}
		if (joined) {
			const { rows, blocks } = joined;
			builder.append(rows, tokenizer.line - 1);
			const lines = tokenizer.line - 1 + rows.lineAfterLast;
			// Hash the bytes from the split to the first block the part reader hashed.
			await readRange(source, split, Math.min(size, firstBlockFrom(split) * HASH_BLOCK_BYTES));
			const fingerprint = await fingerprintOf([...(await hasher.finish()), ...blocks]);
			return {
				...finishParse(builder, lines, sniffed, encoding.encoding, encoding.bom),
				fingerprint
			};
		}
		// No other half; or it began inside a quoted field; or it failed, and its error (a stray
		// quote, say) is met again here with the right line: read on from the split.
		running?.cancel();
		partBytes = 0;
		if (end < size) await read(end, size);
		const rest = streamDecode(new Uint8Array(0), true);
		if (rest !== '') tokenizer.push(rest);
		tokenizer.finish();
		const parsed = finishParse(builder, tokenizer.line, sniffed, encoding.encoding, encoding.bom);
		return { ...parsed, fingerprint: await fingerprintOf(await hasher.finish()) };
	} finally {
		// This half failed (not UTF-8, cancelled...): the other half is not needed either.
		(part as RunningPart | null)?.cancel();
	}
}

interface RunningPart {
	/** The part, or null when it failed or was cancelled. */
	result: Promise<PartRead | null>;
	cancel(): void;
	onProgress: (fraction: number) => void;
}

function startPart(readPart: PartReader, ctx: TaskContext, request: PartRequest): RunningPart {
	const controller = new AbortController();
	ctx.signal?.addEventListener('abort', () => controller.abort(), { once: true });
	const running: RunningPart = {
		result: readPart(request, {
			signal: controller.signal,
			now: ctx.now,
			onEvent: (event) => running.onProgress(event.fraction)
		}).catch(() => null),
		cancel: () => controller.abort(),
		onProgress: () => {}
	};
	return running;
}

/**
 * Reads a later part of a file (`request`, from `ingestCsv` in another worker) as rows of a table
 * whose header was read elsewhere, hashing the file's blocks that start in it: the `PartReader`
 * of a worker that helps a data worker.
 */
export async function readPart(
	file: ByteSource,
	request: PartRequest,
	ctx: TaskContext = {}
): Promise<PartRead> {
	const { start, end, chunkBytes } = request;
	const first = firstBlockFrom(start);
	const hasher = createBlockHasher(first);
	const source = hashing(file, hasher, first * HASH_BLOCK_BYTES);
	const builder = TableBuilder.continuation(request.width, request.dialect.decimal === ',');
	const tokenizer = createTokenizer(request.dialect, builder.sink);
	const decode = createDecoder(request.encoding);
	const tick = createPacer(ctx);
	await pump(source, start, end, chunkBytes, async (bytes, at) => {
		pushText(tokenizer, decode, bytes, at >= end);
		if (at === start + bytes.length && at < end)
			builder.reserve(rowEstimate(end - start, bytes.length, builder.recordCount, request.width));
		await tick('Reading rows', (at - start) / (end - start));
	});
	tokenizer.finish();
	return { rows: builder.part(tokenizer.line), blocks: await hasher.finish() };
}

/** The first hash block that starts at or after `byte`. */
function firstBlockFrom(byte: number): number {
	return Math.ceil(byte / HASH_BLOCK_BYTES);
}
