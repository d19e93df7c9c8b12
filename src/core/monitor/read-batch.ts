import { ingestCsv, type ByteSource } from '../table/ingest';
import type { DatasetSchema } from '../table/schema';
import type { RawTable } from '../table/table';
import type { TaskContext } from '../util/task';
import { readPredictionLog, type PredictionLog } from './prediction-log';

/** A monitoring batch as read: a CSV of rows, or the server's prediction log. */
export type MonitorBatch =
	| { kind: 'csv'; fileName: string; raw: RawTable; notes: string[] }
	| { kind: 'log'; fileName: string; log: PredictionLog };

/** What a batch file is: rows to compare (`csv`) or a prediction log (`log`). */
export type BatchFormat = MonitorBatch['kind'];

const LOG_NAME = /\.(jsonl|ndjson)$/i;
const CSV_NAME = /\.(csv|tsv|txt)$/i;
const OPEN_BRACE = 0x7b;
const HEAD_BYTES = 1024;

/**
 * Returns the format of a batch file: a `.jsonl` or `.ndjson` name is a prediction log and a
 * `.csv`, `.tsv` or `.txt` name a CSV; any other name is a log when its first visible character
 * is `{`, else a CSV.
 */
export function batchFormat(fileName: string, head: Uint8Array): BatchFormat {
	if (LOG_NAME.test(fileName)) return 'log';
	if (CSV_NAME.test(fileName)) return 'csv';
	const first = head.find((b) => b > 0x20 && b !== 0xef && b !== 0xbb && b !== 0xbf);
	return first === OPEN_BRACE ? 'log' : 'csv';
}

/**
 * Reads a monitoring batch: a prediction log line by line (`readPredictionLog`), or a CSV as the
 * app reads its data (`ingestCsv`, with the model's missing-value tokens and decimal mark), its
 * notes kept (rows left out for a wrong field count, an encoding guessed). Throws the reader's
 * `CoreError` for a file it cannot read.
 */
export async function readBatch(
	source: ByteSource,
	fileName: string,
	schema: DatasetSchema,
	ctx: TaskContext = {}
): Promise<MonitorBatch> {
	const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
	if (batchFormat(fileName, head) === 'log')
		return { kind: 'log', fileName, log: await readPredictionLog(source, ctx) };
	const ingested = await ingestCsv(
		source,
		{
			missingTokens: schema.missingTokens,
			dialect: schema.decimalComma ? { decimal: ',' } : {}
		},
		ctx
	);
	return { kind: 'csv', fileName, raw: ingested.raw, notes: ingested.notes };
}
