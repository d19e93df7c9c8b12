// Serving benchmark: the boosted trees the app trains on adult (default spec), exported as a real
// bundle. Batch prediction in node on the predict.mjs path (predictRaw over raw rows), and
// single-row POST /predict requests from 16 concurrent keep-alive clients on loopback against the
// bundle's own server.mjs started with node.
import { readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { DEFAULT_BOOSTING_SPEC } from '../src/core/models/boosting/boosting';
import { predictRaw } from '../src/core/ship/pipeline';
import type { RawTable } from '../src/core/table/table';
import type { ReferenceData } from '../tests/core/reference';
import { exportBundle } from '../tests/runtime/export-bundle';
import { jsonRowOf, startServer } from '../tests/runtime/server-process';
import { median, round, type Line } from './train';

const GOAL_PREDICT_ROWS_PER_S = 200_000;
const GOAL_SERVER_P99_MS = 20;
const PREDICT_WARMUP_RUNS = 2;
const PREDICT_RUNS = 7;
const CLIENTS = 16;
const BATCH_ROWS = 1;
const WARMUP_REQUESTS = 2_000;
const REQUESTS = 20_000;

/** Returns the q-quantile (0..1) of sorted values, nearest rank. */
function quantile(sorted: number[], q: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** Rows/s of predictRaw over all rows of the file, median of PREDICT_RUNS after a warm-up. */
function batchThroughput(data: ReferenceData, run: () => void): number {
	for (let i = 0; i < PREDICT_WARMUP_RUNS; i++) run();
	const seconds: number[] = [];
	for (let i = 0; i < PREDICT_RUNS; i++) {
		const start = performance.now();
		run();
		seconds.push((performance.now() - start) / 1000);
	}
	return data.ingested.raw.rowCount / median(seconds);
}

/** One JSON body per row of `raw`: `{"rows": [row]}`. */
function requestBodies(raw: RawTable): string[] {
	return Array.from({ length: raw.rowCount }, (_, row) =>
		JSON.stringify({ rows: [jsonRowOf(raw, row)] })
	);
}

function post(url: URL, agent: Agent, body: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = request(url, {
			method: 'POST',
			agent,
			headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }
		});
		req.on('response', (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode!));
		});
		req.on('error', reject);
		req.end(body);
	});
}

/** Sends `total` requests from CLIENTS concurrent loops; returns each one's latency (ms) and status. */
async function load(url: URL, agent: Agent, bodies: string[], total: number) {
	const latencies: number[] = [];
	let failures = 0;
	let next = 0;
	const client = async () => {
		while (next < total) {
			const body = bodies[next++ % bodies.length];
			const start = performance.now();
			const status = await post(url, agent, body);
			latencies.push(performance.now() - start);
			if (status !== 200) failures++;
		}
	};
	const start = performance.now();
	await Promise.all(Array.from({ length: CLIENTS }, client));
	return { latencies, failures, seconds: (performance.now() - start) / 1000 };
}

/** The server's own latency (arrival to prediction, from its log) of the last `count` requests, sorted. */
function serverLatencies(logPath: string, count: number): number[] {
	const lines = readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-count);
	return lines
		.map((line) => (JSON.parse(line) as { latencyMs: number }).latencyMs)
		.sort((a, b) => a - b);
}

/**
 * Returns `predict_rows_per_s` (predictRaw over the 32,561 rows of adult_train.csv) and
 * `server_p50_ms` / `server_p99_ms` (client-observed, single-row POST /predict, 16 clients; the
 * server's own p99 from its log beside them) for the default boosted trees, with the goals and
 * whether they are met.
 */
export async function serveBench(data: ReferenceData): Promise<Line> {
	const { dir, pipeline } = await exportBundle(data, DEFAULT_BOOSTING_SPEC, 'adult-boosting');
	try {
		const raw = data.ingested.raw;
		const rowsPerS = batchThroughput(data, () => predictRaw(pipeline, raw));
		const server = await startServer(dir, { PREDICTION_LOG: join(dir, 'predictions.jsonl') });
		const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
		const url = new URL('/predict', server.url);
		const bodies = requestBodies(data.parts.test);
		await load(url, agent, bodies, WARMUP_REQUESTS);
		const { latencies, failures, seconds } = await load(url, agent, bodies, REQUESTS);
		agent.destroy();
		server.child.kill('SIGTERM');
		const { code } = await server.exited;
		const sorted = latencies.sort((a, b) => a - b);
		const internal = serverLatencies(join(dir, 'predictions.jsonl'), REQUESTS);
		const p99 = quantile(sorted, 0.99);
		const model = pipeline.model;
		return {
			bench: 'serve-adult-boosting',
			predict_rows_per_s: Math.round(rowsPerS),
			predict_rows: raw.rowCount,
			predict_runs: PREDICT_RUNS,
			predict_goal_rows_per_s: GOAL_PREDICT_ROWS_PER_S,
			predict_goal_met: rowsPerS >= GOAL_PREDICT_ROWS_PER_S ? 'yes' : 'no',
			server_p50_ms: round(quantile(sorted, 0.5), 3),
			server_p99_ms: round(p99, 3),
			server_max_ms: round(sorted[sorted.length - 1], 3),
			server_internal_p99_ms: round(quantile(internal, 0.99), 3),
			server_requests: latencies.length,
			server_warmup_requests: WARMUP_REQUESTS,
			server_non_200: failures,
			server_clients: CLIENTS,
			server_batch_rows: BATCH_ROWS,
			server_requests_per_s: Math.round(latencies.length / seconds),
			server_goal_p99_ms: GOAL_SERVER_P99_MS,
			server_goal_met: p99 <= GOAL_SERVER_P99_MS && failures === 0 ? 'yes' : 'no',
			server_exit_code: code ?? -1,
			trees: model.kind === 'boosting' ? model.trees.length : 0
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
