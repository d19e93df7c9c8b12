// The server's prediction log: one JSON line per predicted row (inputs, output or errors,
// latency), appended through a write stream so a response never waits for the disk. The Monitor
// stage reads it back.
import { createWriteStream, type WriteStream } from 'node:fs';
import type { RequestPredictions } from './predict-request';
import type { RequestRows, RowError } from './request-rows';

/** What every line of one request shares. */
export interface LogRequest {
	/** When the request arrived, ISO 8601 in UTC. */
	time: string;
	model: string;
	version: string;
	/** The request's number since the server started (1, 2, ...): groups the lines of a batch. */
	request: number;
	/** Milliseconds from the request's arrival to its predictions. */
	latencyMs: number;
}

/**
 * Returns the log lines of a request, one per row, each ending in a newline: the request's
 * fields, the row's index, its inputs as sent, and its `output` or its `error` list.
 */
export function logLines(
	request: LogRequest,
	rows: RequestRows,
	result: RequestPredictions
): string {
	const errorsByRow = new Map<number, Omit<RowError, 'row'>[]>();
	for (const { row, column, reason } of result.errors) {
		const list = errorsByRow.get(row) ?? [];
		list.push({ column, reason });
		errorsByRow.set(row, list);
	}
	const latencyMs = Number(request.latencyMs.toFixed(3));
	let text = '';
	result.predictions.forEach((output, row) => {
		const line = {
			time: request.time,
			model: request.model,
			version: request.version,
			request: request.request,
			row,
			latencyMs,
			inputs: Object.fromEntries(rows.inputs[row]),
			...(output ? { output } : { error: errorsByRow.get(row) ?? [] })
		};
		text += JSON.stringify(line) + '\n';
	});
	return text;
}

/** An append-only JSONL file; writes are buffered by the stream and never block a response. */
export class PredictionLog {
	private failure: Error | null = null;

	private constructor(
		private readonly stream: WriteStream,
		readonly path: string
	) {
		stream.on('error', (error) => {
			if (this.failure === null)
				process.stderr.write(
					`server.mjs: writing the prediction log ${path} failed: ${error.message}\n`
				);
			this.failure = error;
		});
	}

	/** Returns the log once its file is open for appending; rejects when it cannot be opened. */
	static open(path: string): Promise<PredictionLog> {
		return new Promise((resolve, reject) => {
			const stream = createWriteStream(path, { flags: 'a' });
			stream.once('error', reject);
			stream.once('open', () => {
				stream.off('error', reject);
				resolve(new PredictionLog(stream, path));
			});
		});
	}

	/** Appends text (whole lines); dropped once the file has failed, which stderr has said. */
	write(text: string): void {
		if (this.failure === null && text !== '') this.stream.write(text);
	}

	/** Flushes what is buffered and closes the file. */
	close(): Promise<void> {
		return new Promise((resolve) => {
			if (this.failure !== null || this.stream.closed) return resolve();
			this.stream.end(() => resolve());
		});
	}
}
