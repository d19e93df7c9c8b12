// The bundle's HTTP server: `PORT=8080 node server.mjs`. POST /predict answers rows (JSON or
// CSV) with predictions, GET /health and GET /metrics serve probes and Prometheus. Built into one
// dependency-free file from src/core, so it predicts with exactly the code the app used.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from '../src/core/ship/manifest';
import {
	BUNDLE_FILES,
	loadBundle as loadBundleFiles,
	PREDICTION_LOG_ENV
} from '../src/core/ship/bundle';
import { predictRaw, type Pipeline } from '../src/core/ship/pipeline';
import { textColumn } from '../src/core/table/table';
import { CoreError } from '../src/core/util/core-error';
import { PredictionBatcher } from './serve/batcher';
import { handleRequest, type ServerState } from './serve/handler';
import { ServerMetrics } from './serve/metrics';
import { PredictionLog } from './serve/prediction-log';
import { failureMessage } from './failure-message';

const HOST = '0.0.0.0';
const DEFAULT_PORT = 8080;
/** The environment variable (or `--log <path>`) naming the prediction log. */
const LOG_ENV = PREDICTION_LOG_ENV;
const DEFAULT_LOG = 'predictions.jsonl';
/** After a signal, connections still open this long are closed. */
const SHUTDOWN_GRACE_MS = 10_000;
const EXIT_BAD_START = 2;
const USAGE = `Usage: PORT=8080 node server.mjs [--log predictions.jsonl]
Serves the model of this bundle over HTTP on 0.0.0.0:$PORT (default ${DEFAULT_PORT}):
  POST /predict  {"rows": [{"column": value, ...}]} (application/json) or a CSV with a header (text/csv)
  GET  /health   {"status": "ok", "model": ..., "version": ...}
  GET  /metrics  Prometheus text format
Each predicted row is appended to a JSON-lines log: --log, or $${LOG_ENV}, or ${DEFAULT_LOG} next to server.mjs.
`;

const BUNDLE_DIR = dirname(fileURLToPath(import.meta.url));

/** Reads a file of the bundle next to this script; null when it is not there. */
function readBundleFile(name: string): Uint8Array | null {
	try {
		return readFileSync(join(BUNDLE_DIR, name));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
		const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
		throw new CoreError('bad-bundle', `Cannot read ${name} in ${BUNDLE_DIR} (${why}).`);
	}
}

/** Loads the bundle next to this file and checks that it predicts (one row of missing values). */
async function loadBundle(): Promise<{ manifest: Manifest; pipeline: Pipeline }> {
	const loaded = await loadBundleFiles(readBundleFile);
	const { name, version } = loaded.manifest;
	if (typeof name !== 'string' || typeof version !== 'string')
		throw new CoreError('bad-bundle', `${BUNDLE_FILES.manifest} has no model name or version.`);
	const { columns } = loaded.pipeline.schema;
	const probe = { rowCount: 1, columns: columns.map((c) => textColumn(c.name, [''])) };
	try {
		predictRaw(loaded.pipeline, probe);
	} catch (error) {
		const why = error instanceof Error ? error.message : String(error);
		throw new CoreError(
			'bad-bundle',
			`${BUNDLE_FILES.recipe} and ${BUNDLE_FILES.model} do not make a model that predicts (${why}).`
		);
	}
	return loaded;
}

function parsePort(text: string | undefined): number {
	if (text === undefined || text === '') return DEFAULT_PORT;
	const port = Number(text);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new CoreError('bad-port', `PORT must be a whole number from 0 to 65535, not "${text}".`);
	return port;
}

function logPath(args: string[]): string {
	const flag = args.indexOf('--log');
	if (flag >= 0) {
		const path = args[flag + 1];
		if (path === undefined || path === '')
			throw new CoreError('bad-log', '--log needs a file path.');
		return resolve(path);
	}
	const env = process.env[LOG_ENV];
	return env ? resolve(env) : join(BUNDLE_DIR, DEFAULT_LOG);
}

async function openLog(path: string): Promise<PredictionLog> {
	try {
		return await PredictionLog.open(path);
	} catch (error) {
		throw new CoreError(
			'bad-log',
			`Cannot open the prediction log ${path}: ${(error as Error).message}`
		);
	}
}

async function main(args: string[]): Promise<void> {
	if (args.includes('--help') || args.includes('-h')) return void process.stdout.write(USAGE);
	const port = parsePort(process.env.PORT);
	const { manifest, pipeline } = await loadBundle();
	const log = await openLog(logPath(args));
	const state: ServerState = {
		manifest,
		pipeline,
		batcher: new PredictionBatcher(pipeline),
		metrics: new ServerMetrics(manifest.name, manifest.version),
		log,
		stopping: false,
		predictRequests: 0
	};
	const server = createServer((req, res) => void handleRequest(req, res, state));
	server.on('error', (error: NodeJS.ErrnoException) => {
		const why = error.code === 'EADDRINUSE' ? `port ${port} is in use` : error.message;
		process.stderr.write(`server.mjs: cannot listen on ${HOST}:${port}: ${why}\n`);
		process.exit(1);
	});
	server.listen(port, HOST, () => {
		const address = server.address();
		const bound = typeof address === 'object' && address ? address.port : port;
		process.stdout.write(
			`server.mjs: ${manifest.name} ${manifest.version} listening on http://${HOST}:${bound} (log: ${log.path})\n`
		);
	});
	const stop = (signal: NodeJS.Signals) => {
		if (state.stopping) {
			process.stderr.write(`server.mjs: ${signal} again, exiting without waiting.\n`);
			process.exit(1);
		}
		state.stopping = true;
		process.stdout.write(`server.mjs: ${signal}, finishing open requests and stopping.\n`);
		// close() stops accepting and waits for open requests; their responses close their sockets.
		server.close(() => void log.close().then(() => process.exit(0)));
		server.closeIdleConnections();
		setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
	};
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
	process.stderr.write(`server.mjs: cannot start: ${failureMessage(error)}\n`);
	process.exit(EXIT_BAD_START);
});
