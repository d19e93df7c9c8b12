// The server's request handler: routes, body limits, content types and the JSON answers of
// POST /predict, GET /health and GET /metrics. Plain node:http, no framework.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Manifest } from '../../src/core/ship/manifest';
import type { Pipeline } from '../../src/core/ship/pipeline';
import { CoreError } from '../../src/core/util/core-error';
import { METRICS_CONTENT_TYPE, type ServerMetrics } from './metrics';
import type { PredictionBatcher } from './batcher';
import { logLines, type PredictionLog } from './prediction-log';
import { rowsFromCsv, rowsFromJson } from './request-rows';

/** The largest request body POST /predict reads (10 MiB); a larger one gets 413. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** How much of an oversized body is read and dropped before the connection is cut. */
const DRAIN_BYTES = 8 * MAX_BODY_BYTES;

/** What the handler serves with; `stopping` turns true when a shutdown starts. */
export interface ServerState {
	manifest: Manifest;
	pipeline: Pipeline;
	batcher: PredictionBatcher;
	metrics: ServerMetrics;
	log: PredictionLog;
	stopping: boolean;
	/** POST /predict requests that reached prediction so far (numbers the log's requests). */
	predictRequests: number;
}

/** A request refused with an HTTP status, a code and a plain message. */
class HttpError extends CoreError {
	constructor(
		readonly status: number,
		code: string,
		message: string
	) {
		super(code, message);
	}
}

/** Each endpoint's method. */
const ROUTES = new Map([
	['/predict', 'POST'],
	['/health', 'GET'],
	['/metrics', 'GET']
]);
/** The longest path a 404 message repeats. */
const MAX_PATH_SHOWN = 200;

function sendJson(res: ServerResponse, state: ServerState, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		...(state.stopping ? { Connection: 'close' } : {})
	});
	res.end(text);
}

function sendError(res: ServerResponse, state: ServerState, status: number, error: CoreError) {
	if (status === 413) res.setHeader('Connection', 'close');
	sendJson(res, state, status, { error: { code: error.code, message: error.message } });
}

/**
 * Returns the request body, refusing one over MAX_BODY_BYTES (413) or an empty one (400). An
 * oversized body is read to its end and dropped before the 413 is sent, so a client that writes
 * its whole body before reading the answer gets the 413, not a broken pipe; past DRAIN_BYTES the
 * connection is cut instead.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let over = Number(req.headers['content-length']) > MAX_BODY_BYTES;
		const tooLarge = () =>
			new HttpError(
				413,
				'too-large',
				`The body is over the limit of ${MAX_BODY_BYTES} bytes; send the rows in smaller batches.`
			);
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > DRAIN_BYTES) {
				reject(tooLarge());
				req.destroy();
				return;
			}
			if (size <= MAX_BODY_BYTES && !over) return void chunks.push(chunk);
			over = true;
			chunks.length = 0;
		});
		req.on('error', reject);
		req.on('end', () => {
			if (over) reject(tooLarge());
			else if (size === 0)
				reject(new HttpError(400, 'empty-body', 'The body is empty: send rows to predict.'));
			else resolve(Buffer.concat(chunks));
		});
	});
}

function parseJsonBody(bytes: Uint8Array): unknown {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new HttpError(400, 'bad-json', 'The body is not UTF-8 text.');
	}
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new HttpError(
			400,
			'bad-json',
			`The body is not valid JSON: ${(error as Error).message}.`
		);
	}
}

function mediaType(header: string | undefined): string {
	return (header ?? '').split(';')[0].trim().toLowerCase();
}

async function predict(
	req: IncomingMessage,
	res: ServerResponse,
	state: ServerState,
	start: number
) {
	const time = new Date().toISOString();
	const header = req.headers['content-type'];
	const type = mediaType(header);
	if (type !== 'application/json' && type !== 'text/csv') {
		req.resume();
		const sent = header ? `was "${header}"` : 'is missing';
		throw new HttpError(
			415,
			'unsupported-media-type',
			`Send the rows as application/json or text/csv; the Content-Type ${sent}.`
		);
	}
	const bytes = await readBody(req);
	const { pipeline, manifest } = state;
	const rows =
		type === 'text/csv'
			? await rowsFromCsv(bytes, pipeline.schema)
			: rowsFromJson(parseJsonBody(bytes), pipeline.schema);
	const result = await state.batcher.predict(rows);
	const request = ++state.predictRequests;
	const latencyMs = performance.now() - start;
	state.log.write(
		logLines(
			{ time, model: manifest.name, version: manifest.version, request, latencyMs },
			rows,
			result
		)
	);
	state.metrics.countRows(rows.raw.rowCount, new Set(result.errors.map((e) => e.row)).size);
	const failed = result.errors.length > 0;
	sendJson(res, state, failed ? 400 : 200, {
		predictions: result.predictions,
		...(failed ? { errors: result.errors } : {}),
		...(rows.ignoredFields.length > 0 ? { ignoredFields: rows.ignoredFields } : {})
	});
}

async function route(
	req: IncomingMessage,
	res: ServerResponse,
	state: ServerState,
	path: string,
	start: number
) {
	const method = ROUTES.get(path);
	if (method === undefined)
		throw new HttpError(
			404,
			'not-found',
			`There is no ${path.slice(0, MAX_PATH_SHOWN)}: the server answers POST /predict, GET /health and GET /metrics.`
		);
	if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
		res.setHeader('Allow', method === 'GET' ? 'GET, HEAD' : method);
		throw new HttpError(405, 'method-not-allowed', `${path} answers ${method}, not ${req.method}.`);
	}
	const { name: model, version } = state.manifest;
	if (path === '/predict') return predict(req, res, state, start);
	if (path === '/health')
		return sendJson(res, state, state.stopping ? 503 : 200, {
			status: state.stopping ? 'stopping' : 'ok',
			model,
			version
		});
	const text = state.metrics.render();
	res.writeHead(200, {
		'Content-Type': METRICS_CONTENT_TYPE,
		'Content-Length': Buffer.byteLength(text)
	});
	res.end(text);
}

/**
 * Answers one request and records it in the metrics once its response is sent. Bad input gets a
 * 4xx with `{error: {code, message}}`; anything unexpected a 500, with the details on stderr.
 */
export async function handleRequest(
	req: IncomingMessage,
	res: ServerResponse,
	state: ServerState
): Promise<void> {
	const start = performance.now();
	const path = (req.url ?? '/').split('?')[0];
	const endpoint = ROUTES.has(path) ? path : 'other';
	res.on('finish', () =>
		state.metrics.countRequest(endpoint, res.statusCode, (performance.now() - start) / 1000)
	);
	try {
		await route(req, res, state, path, start);
	} catch (error) {
		if (res.headersSent) return void res.destroy();
		if (error instanceof HttpError) return sendError(res, state, error.status, error);
		if (error instanceof CoreError) return sendError(res, state, 400, error);
		process.stderr.write(
			`server.mjs: ${req.method} ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
		);
		sendError(
			res,
			state,
			500,
			new CoreError('internal', 'The server failed to answer; its log says why.')
		);
	}
}
