import { RawColumnBuilder } from '../table/column-builder';
import { createDecoder } from '../table/decode-text';
import type { ByteSource } from '../table/ingest';
import type { RawColumn, RawTable } from '../table/table';
import { CoreError } from '../util/core-error';
import { createPacer, type TaskContext } from '../util/task';
import { latencySummary, type LatencySummary } from './latency-summary';
import { parseLogLine, type LogLine, type LogRowError } from './log-line';

/** The refused rows of one column (null: rows refused as a whole), with one reason as example. */
export interface LogRefusal {
	column: string | null;
	rows: number;
	example: string;
}

/** What a prediction log holds besides its rows: counts, refusals, latency, time and models. */
export interface LogSummary {
	/** Log lines read (blank lines aside). */
	lines: number;
	/** Rows the server predicted: the rows compared. */
	predicted: number;
	/** Rows the server refused (an `error` line): counted, left out of the drift checks. */
	refused: number;
	/** Refused rows per column, most first. */
	refusals: LogRefusal[];
	/** One latency per request, over every request (refused rows' included). */
	latency: LatencySummary | null;
	/** The earliest and latest request times, as written; null for an empty log. */
	timeRange: { first: string; last: string } | null;
	/** The models and versions that wrote the lines, with their line counts, most first. */
	models: { model: string; version: string; lines: number }[];
}

/** A prediction log read for monitoring: the predicted rows' inputs and predictions. */
export interface PredictionLog {
	/** The inputs of each predicted row as the cell texts a CSV would give, columns as first seen. */
	raw: RawTable;
	/** Each predicted row's logged prediction, as cell text (named `prediction`). */
	predictions: RawColumn;
	/** The 1-based log line of each predicted row. */
	lines: Int32Array;
	summary: LogSummary;
}

const CHUNK_BYTES = 1 << 20;
const LF = '\n';

/**
 * Returns the cell text of a JSON value (a request's or a logged input) as the app reads it from
 * a CSV; server.mjs reads request rows with it too: a number as `String(n)`, a boolean as `true` / `false`, null as the empty
 * (missing) cell, a string as it is; null for a value that is no cell (an object, an array).
 */
export function jsonCellText(value: unknown): string | null {
	switch (typeof value) {
		case 'number':
			return String(value);
		case 'string':
			return value;
		case 'boolean':
			return value ? 'true' : 'false';
		default:
			return value === null ? '' : null;
	}
}

/**
 * Reads the server's JSONL prediction log chunk by chunk (never as one string): every line is
 * checked (`parseLogLine`), and a bad one throws a `CoreError` naming it. Predicted rows give
 * their inputs and logged prediction; refused rows are counted by column; every request gives one
 * latency. Reports progress and yields between chunks, so a cancel stops it.
 */
export async function readPredictionLog(
	source: ByteSource,
	ctx: TaskContext = {}
): Promise<PredictionLog> {
	const collector = new LogCollector();
	const decode = createDecoder('utf-8');
	const tick = createPacer(ctx);
	let pending = '';
	let line = 0;
	const take = (text: string, last: boolean) => {
		line++;
		// A BOM before the first line, and a CR before each LF, are layout.
		const clean = (line === 1 ? text.replace(/^\uFEFF/, '') : text).replace(/\r$/, '');
		if (clean.trim() !== '') collector.add(parseLogLine(clean, line, last), line);
	};
	for (let at = 0; at < source.size;) {
		const bytes = await source.read(at, Math.min(source.size, at + CHUNK_BYTES));
		if (bytes.length === 0) throw unreadable(at, source.size);
		at += bytes.length;
		const parts = (pending + decodeLog(decode, bytes, at >= source.size)).split(LF);
		pending = parts.pop()!;
		for (const part of parts) take(part, false);
		await tick('Reading the prediction log', at / source.size);
	}
	if (pending !== '') take(pending, true);
	if (collector.empty)
		throw new CoreError(
			'empty-log',
			'The prediction log holds no lines: the server has not predicted any rows yet.'
		);
	return collector.finish();
}

function decodeLog(
	decode: (b: Uint8Array, final: boolean) => string,
	bytes: Uint8Array,
	final: boolean
) {
	try {
		return decode(bytes, final);
	} catch {
		throw new CoreError(
			'not-utf-8',
			'The prediction log is not valid UTF-8 text; the server writes UTF-8, so the file may be another kind of file.'
		);
	}
}

function unreadable(at: number, size: number): CoreError {
	return new CoreError(
		'read-failed',
		`The prediction log could not be read past byte ${at} of ${size}: it may have changed while it was loading.`
	);
}

/** Gathers the log's lines into columns and counts. */
class LogCollector {
	private readonly columns = new Map<string, RawColumnBuilder>();
	private readonly predictions = new RawColumnBuilder(false);
	private readonly rowLines: number[] = [];
	private readonly refusals = new Map<string | null, LogRefusal>();
	private readonly latencies = new Map<string, number>();
	private readonly models = new Map<string, { model: string; version: string; lines: number }>();
	private refused = 0;
	private records = 0;
	private first: LogLine | null = null;
	private last: LogLine | null = null;

	/** True until a line has been added. */
	get empty(): boolean {
		return this.records === 0;
	}

	add(entry: LogLine, line: number): void {
		this.records++;
		// Request numbers restart with the server, so a request is its number and its arrival time.
		const request = `${entry.request}\u0000${entry.time}`;
		if (!this.latencies.has(request)) this.latencies.set(request, entry.latencyMs);
		this.countModel(entry);
		if (!this.first || entry.instant < this.first.instant) this.first = entry;
		if (!this.last || entry.instant > this.last.instant) this.last = entry;
		if (entry.outcome.kind === 'error') this.refuse(entry.outcome.errors);
		else this.accept(entry.inputs, entry.outcome.prediction, line);
	}

	private countModel({ model, version }: LogLine): void {
		const key = `${model}\u0000${version}`;
		const seen = this.models.get(key) ?? { model, version, lines: 0 };
		seen.lines++;
		this.models.set(key, seen);
	}

	private refuse(errors: LogRowError[]): void {
		this.refused++;
		const byColumn = errors.length > 0 ? errors : [{ column: null, reason: 'no reason logged' }];
		// A row counts once per column it was refused for.
		const seen = new Set<string | null>();
		for (const { column, reason } of byColumn) {
			if (seen.has(column)) continue;
			seen.add(column);
			const refusal = this.refusals.get(column) ?? { column, rows: 0, example: reason };
			refusal.rows++;
			this.refusals.set(column, refusal);
		}
	}

	private accept(inputs: Map<string, unknown>, prediction: string | number, line: number): void {
		const row = this.rowLines.length;
		for (const [name, value] of inputs) {
			if (jsonCellText(value) === null)
				throw new CoreError(
					'bad-log-line',
					`Line ${line} of the prediction log has input "${name}" as ${Array.isArray(value) ? 'an array' : 'an object'}; a predicted row's inputs are numbers, text, true, false or null.`,
					{ line, column: name }
				);
			if (!this.columns.has(name)) {
				// A column first seen now was empty in the rows before.
				const builder = new RawColumnBuilder(false);
				for (let i = 0; i < row; i++) builder.push('');
				this.columns.set(name, builder);
			}
		}
		for (const [name, builder] of this.columns)
			builder.push(jsonCellText(inputs.get(name) ?? null)!);
		this.predictions.push(String(prediction));
		this.rowLines.push(line);
	}

	finish(): PredictionLog {
		const rowCount = this.rowLines.length;
		const columns = [...this.columns].map(([name, builder]) => builder.finish(name));
		return {
			raw: { rowCount, columns },
			predictions: this.predictions.finish('prediction'),
			lines: Int32Array.from(this.rowLines),
			summary: {
				lines: this.records,
				predicted: rowCount,
				refused: this.refused,
				refusals: [...this.refusals.values()].sort((a, b) => b.rows - a.rows),
				latency: latencySummary(Float64Array.from(this.latencies.values())),
				timeRange:
					this.first && this.last ? { first: this.first.time, last: this.last.time } : null,
				models: [...this.models.values()].sort((a, b) => b.lines - a.lines)
			}
		};
	}
}
