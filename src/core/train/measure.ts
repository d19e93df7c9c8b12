import { predictTable, type Pipeline } from '../ship/pipeline';
import { selectColumnRows, type Table } from '../table/table';

/** Rows predicted one at a time to measure the latency of a single request. */
const LATENCY_ROWS = 100;

/** What a fitted pipeline costs to ship and to run. */
export interface ModelCost {
	/** UTF-8 bytes of the pipeline's JSON (recipe and model): what the bundle stores. */
	modelBytes: number;
	/** Mean microseconds to predict one row on its own, recipe included; null without a clock. */
	latencyUs: number | null;
}

/**
 * Returns the pipeline's size and its per-row latency: the mean time of predicting each of the
 * first 100 rows of `rows` as a request of its own (the case a latency budget is about), timed
 * with `now` (milliseconds) around all of them, since browsers coarsen the clock to as much as
 * 0.1 ms, longer than one row takes.
 */
export function measureModel(pipeline: Pipeline, rows: Table, now?: () => number): ModelCost {
	const modelBytes = new TextEncoder().encode(JSON.stringify(pipeline)).length;
	const count = Math.min(LATENCY_ROWS, rows.rowCount);
	if (!now || count === 0) return { modelBytes, latencyUs: null };
	const requests = Array.from({ length: count }, (_, i): Table => {
		const one = Int32Array.of(i);
		return { rowCount: 1, columns: rows.columns.map((c) => selectColumnRows(c, one)) };
	});
	predictTable(pipeline, requests[0]);
	const start = now();
	for (const request of requests) predictTable(pipeline, request);
	return { modelBytes, latencyUs: ((now() - start) * 1000) / count };
}
