import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predictRequests } from '../../runtime/serve/predict-request';
import { cellOfJson, rowsFromJson } from '../../runtime/serve/request-rows';
import { BUNDLE_FILES } from '../../src/core/ship/bundle';
import { predictRaw, type Pipeline } from '../../src/core/ship/pipeline';
import { rawRows, selectRawRows, textColumn } from '../../src/core/table/table';
import { toCsv } from '../../src/core/table/to-csv';
import { loadReference, type ReferenceData } from '../core/reference';
import { exportBundle } from './export-bundle';
import { jsonRowOf, startServer, type ServerProcess } from './server-process';
import { linePipeline } from '../core/ship/fixtures';

// The bundle's server.mjs, run by node: the same predictions as the app for good rows, a precise
// 400 for bad ones, probes, metrics, a complete prediction log and a graceful stop.

let dir: string;
let data: ReferenceData;
let pipeline: Pipeline;
let server: ServerProcess;
let logPath: string;
/** Rows sent in requests that reached prediction: each is one line of the log. */
let loggedRows = 0;

beforeAll(async () => {
	data = await loadReference('titanic');
	({ dir, pipeline } = await exportBundle(data, { kind: 'linear', l2: 1 }, 'titanic'));
	logPath = join(dir, 'log', 'predictions.jsonl');
	mkdirSync(join(dir, 'log'));
	server = await startServer(dir, { PREDICTION_LOG: logPath });
});

afterAll(() => {
	if (server?.child.exitCode === null) server.child.kill('SIGKILL');
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The first `count` test rows as JSON objects: numbers as numbers, empty cells as null. */
function jsonRows(count: number): Record<string, unknown>[] {
	return Array.from({ length: count }, (_, row) => jsonRowOf(data.parts.test, row));
}

/** What the app predicts in process for test rows `rows`, in the server's answer shape. */
function appPredictions(rows: number[]): Record<string, unknown>[] {
	const raw = selectRawRows(data.parts.test, rows);
	const { prediction, decided, errors } = predictRaw(pipeline, raw);
	if (prediction.kind !== 'classes') throw new Error('expected a classifier');
	expect(errors.every((e) => e === null)).toBe(true);
	const k = prediction.classes.length;
	return rows.map((_, i) =>
		Object.fromEntries([
			['prediction', prediction.classes[decided![i]]],
			...prediction.classes.map((c, j) => [`probability_${c}`, prediction.proba[i * k + j]])
		])
	);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function post(body: string | Uint8Array<ArrayBuffer>, contentType: string, predicted = true) {
	const response = await fetch(`${server.url}/predict`, {
		method: 'POST',
		headers: { 'Content-Type': contentType },
		body
	});
	const json = (await response.json()) as Record<string, unknown>;
	if (predicted && Array.isArray(json.predictions)) loggedRows += json.predictions.length;
	return { status: response.status, json };
}

const postJson = (value: unknown) => post(JSON.stringify(value), 'application/json');

async function metrics(): Promise<{ type: string | null; text: string }> {
	const response = await fetch(`${server.url}/metrics`);
	return { type: response.headers.get('content-type'), text: await response.text() };
}

/** Returns the value of a sample line `name{labels} value`, or 0 when absent. */
function sample(text: string, series: string): number {
	const line = text.split('\n').find((l) => l.startsWith(`${series} `));
	return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

function logLines(): Record<string, unknown>[] {
	const text = readFileSync(logPath, 'utf8');
	return text === ''
		? []
		: text
				.trimEnd()
				.split('\n')
				.map((line) => JSON.parse(line));
}

describe('bundle server.mjs', () => {
	it('answers JSON rows with exactly the predictions the app makes in process', async () => {
		const { status, json } = await postJson({ rows: jsonRows(20) });
		expect(status).toBe(200);
		expect(json.predictions).toEqual(appPredictions(range(20)));
		expect(json.errors).toBeUndefined();
		// Fields the model does not read are ignored, and listed.
		expect(json.ignoredFields).toEqual(expect.arrayContaining(['Name', 'Survived']));
		const bare = await postJson(jsonRows(3));
		expect(bare.status).toBe(200);
		expect(bare.json.predictions).toEqual(appPredictions(range(3)));
	});

	it('reads a CSV body with a header', async () => {
		const test = data.parts.test;
		const csv = toCsv(
			test.columns.map((c) => c.name),
			rawRows(test, 0, 12)
		);
		const { status, json } = await post(csv, 'text/csv; charset=utf-8');
		expect(status).toBe(200);
		expect(json.predictions).toEqual(appPredictions(range(12)));
	});

	it('answers a batch with bad rows with 400, naming row, column and reason, and keeps the good rows', async () => {
		const rows = jsonRows(5);
		rows[1].Age = 'abc';
		delete rows[3].Sex;
		const { status, json } = await postJson({ rows });
		expect(status).toBe(400);
		expect(json.errors).toEqual([
			{ row: 1, column: 'Age', reason: '"abc" is not a number' },
			{ row: 3, column: 'Sex', reason: expect.stringMatching(/no value for this column/) }
		]);
		const [p0, , p2, , p4] = appPredictions(range(5));
		expect(json.predictions).toEqual([p0, null, p2, null, p4]);
	});

	it('reads JSON values as the app reads CSV cells: null is missing, true is "true"', async () => {
		expect([1.5, -0, 'x', true, false, null, {}, []].map(cellOfJson)).toEqual([
			'1.5',
			'0',
			'x',
			'true',
			'false',
			'',
			null,
			null
		]);
		const rows = jsonRows(2);
		rows[0].Age = null;
		rows[1].Embarked = { port: 'S' };
		const { status, json } = await postJson({ rows });
		expect(status).toBe(400);
		expect(json.errors).toEqual([
			{ row: 1, column: 'Embarked', reason: expect.stringMatching(/^The value is an object/) }
		]);
		const one = selectRawRows(data.parts.test, [0]);
		const columns = one.columns.map((c) => (c.name === 'Age' ? textColumn('Age', ['']) : c));
		const { prediction } = predictRaw(pipeline, { rowCount: 1, columns });
		if (prediction.kind !== 'classes') throw new Error('expected a classifier');
		const first = (json.predictions as Record<string, number>[])[0];
		expect([first.probability_0, first.probability_1]).toEqual(Array.from(prediction.proba));
	});

	it('gives a row whose predicted number overflows an error, not a null prediction', () => {
		// y = 2x: x = 1e308 is a finite input whose prediction is Infinity, which JSON cannot carry.
		const doubling = linePipeline(2, 0);
		const [answer] = predictRequests(doubling, [
			rowsFromJson([{ x: 1 }, { x: 1e308 }], doubling.schema)
		]);
		expect(answer.predictions).toEqual([{ prediction: 2 }, null]);
		expect(answer.errors).toEqual([
			{ row: 1, column: null, reason: expect.stringMatching(/no finite number/) }
		]);
	});

	it('predicts requests batched together exactly as alone, with errors at their own rows', async () => {
		const rows = jsonRows(6);
		rows[4].Pclass = 'first';
		const parts = [rows.slice(0, 2), rows.slice(2, 3), rows.slice(3)].map((r) =>
			rowsFromJson(r, pipeline.schema)
		);
		const together = predictRequests(pipeline, parts);
		expect(together).toEqual(parts.map((part) => predictRequests(pipeline, [part])[0]));
		expect(together[2].errors).toEqual([
			{ row: 1, column: 'Pclass', reason: '"first" is not a number' }
		]);
		const [p0, p1, p2, p3, , p5] = appPredictions(range(6));
		expect(together.map((t) => t.predictions)).toEqual([[p0, p1], [p2], [p3, null, p5]]);
		// Concurrent requests, which the server batches, each get their own rows' answers.
		const answers = await Promise.all(rows.map((row) => postJson({ rows: [row] })));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 400, 200]);
		expect(answers.map((a) => a.json.predictions)).toEqual([[p0], [p1], [p2], [p3], [null], [p5]]);
		expect(answers[4].json.errors).toEqual([
			{ row: 0, column: 'Pclass', reason: '"first" is not a number' }
		]);
	});

	it('refuses malformed JSON, a wrong content type, an empty body and a body over 10 MiB', async () => {
		const malformed = await post('{"rows": [', 'application/json', false);
		expect(malformed.status).toBe(400);
		expect(malformed.json.error).toEqual({
			code: 'bad-json',
			message: expect.stringMatching(/^The body is not valid JSON/)
		});
		const shape = await postJson({ data: [] });
		expect(shape.status).toBe(400);
		expect(shape.json.error).toMatchObject({ code: 'bad-request' });
		const wrongType = await post('rows', 'text/plain', false);
		expect(wrongType.status).toBe(415);
		expect(wrongType.json.error).toMatchObject({ code: 'unsupported-media-type' });
		const empty = await post('', 'application/json', false);
		expect(empty.status).toBe(400);
		expect(empty.json.error).toMatchObject({ code: 'empty-body' });
		const big = await post(
			new Uint8Array(10 * 1024 * 1024 + 1).fill(32),
			'application/json',
			false
		);
		expect(big.status).toBe(413);
		expect(big.json.error).toMatchObject({ code: 'too-large' });
		const ragged = await post('Pclass,Sex\n3,male\n3,male,extra\n', 'text/csv', false);
		expect(ragged.status).toBe(400);
		expect(ragged.json.error).toMatchObject({
			code: 'ragged-rows',
			message: expect.stringMatching(/line 3/)
		});
		expect((await fetch(`${server.url}/predict`)).status).toBe(405);
		expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
	});

	it('answers GET /health with the model name and version', async () => {
		const response = await fetch(`${server.url}/health`);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', model: 'titanic', version: '1.0.0' });
	});

	it('counts requests, rows and row errors in /metrics, with a well-formed histogram', async () => {
		const before = await metrics();
		await postJson({ rows: jsonRows(2) });
		await postJson({ rows: jsonRows(1) });
		const bad = jsonRows(2);
		bad[0].Fare = 'cheap';
		await postJson({ rows: bad });
		await post('x', 'text/html', false);
		const after = await metrics();
		expect(after.type).toBe('text/plain; version=0.0.4; charset=utf-8');
		const delta = (series: string) => sample(after.text, series) - sample(before.text, series);
		expect(delta('shipshape_requests_total{endpoint="/predict",status="200"}')).toBe(2);
		expect(delta('shipshape_requests_total{endpoint="/predict",status="400"}')).toBe(1);
		expect(delta('shipshape_requests_total{endpoint="/predict",status="415"}')).toBe(1);
		expect(delta('shipshape_prediction_rows_total')).toBe(5);
		expect(delta('shipshape_prediction_errors_total')).toBe(1);
		for (const line of after.text.trimEnd().split('\n'))
			expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? [\d.e+-]+)$/);
		const name = 'shipshape_request_duration_seconds';
		const buckets = after.text
			.split('\n')
			.filter((l) => l.startsWith(`${name}_bucket{endpoint="/predict",`));
		const les = buckets.map((l) => /le="([^"]+)"/.exec(l)![1]);
		expect(les.at(-1)).toBe('+Inf');
		const bounds = les.slice(0, -1).map(Number);
		expect(bounds).toEqual([...bounds].sort((a, b) => a - b));
		const counts = buckets.map((l) => Number(l.split(' ')[1]));
		for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]);
		const count = sample(after.text, `${name}_count{endpoint="/predict"}`);
		expect(counts.at(-1)).toBe(count);
		expect(count - sample(before.text, `${name}_count{endpoint="/predict"}`)).toBe(4);
		expect(sample(after.text, `${name}_sum{endpoint="/predict"}`)).toBeGreaterThan(0);
	});

	it('logs one JSON line per predicted row: time, model, version, inputs, output or error, latency', async () => {
		// The log is written behind the responses; wait for it to catch up.
		for (let i = 0; i < 100 && logLines().length < loggedRows; i++)
			await new Promise((r) => setTimeout(r, 20));
		const lines = logLines();
		expect(lines).toHaveLength(loggedRows);
		for (const line of lines) {
			expect(new Date(line.time as string).toISOString()).toBe(line.time);
			expect(line).toMatchObject({ model: 'titanic', version: '1.0.0' });
			expect(line.latencyMs).toBeGreaterThanOrEqual(0);
			expect(typeof line.inputs).toBe('object');
			expect('output' in line !== 'error' in line).toBe(true);
		}
		const first = lines[0];
		expect(first).toMatchObject({ request: 1, row: 0, output: appPredictions([0])[0] });
		// Inputs are the model's columns as sent; fields it does not read are not logged.
		const sent = jsonRows(1)[0];
		expect(first.inputs).toEqual(
			Object.fromEntries(pipeline.schema.columns.map((c) => [c.name, sent[c.name]]))
		);
		expect(first.inputs).not.toHaveProperty('Name');
		const failed = lines.find((l) => (l.inputs as Record<string, unknown>).Age === 'abc')!;
		expect(failed.error).toEqual([{ column: 'Age', reason: '"abc" is not a number' }]);
	});

	it('finishes an open request on SIGTERM, flushes the log and exits 0', async () => {
		const body = JSON.stringify({ rows: jsonRows(4) });
		const half = Math.floor(body.length / 2);
		const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
			const req = request(`${server.url}/predict`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' }
			});
			req.on('response', (res) => {
				let text = '';
				res.setEncoding('utf8').on('data', (t: string) => (text += t));
				res.on('end', () => resolve({ status: res.statusCode!, text }));
			});
			req.on('error', reject);
			req.write(body.slice(0, half));
			setTimeout(() => {
				server.child.kill('SIGTERM');
				setTimeout(() => req.end(body.slice(half)), 300);
			}, 300);
		});
		const { status, text } = await answer;
		expect(status).toBe(200);
		expect(JSON.parse(text).predictions).toEqual(appPredictions(range(4)));
		loggedRows += 4;
		expect(await server.exited).toEqual({ code: 0, signal: null });
		expect(server.stdout()).toMatch(/SIGTERM, finishing open requests and stopping/);
		expect(server.stderr()).toBe('');
		expect(logLines()).toHaveLength(loggedRows);
		expect(logLines().at(-1)).toMatchObject({ row: 3, output: appPredictions([3])[0] });
	});

	it.each([
		[
			'a truncated model.json',
			(text: string) => text.slice(0, 100),
			false,
			/model\.json was altered after the bundle was exported/
		],
		[
			'a model.json that is no model, sealed into the manifest',
			() => '{"kind": "linear"}',
			true,
			/recipe\.json and model\.json do not make a model that predicts/
		],
		['no model.json', null, false, /model\.json is missing from the bundle/]
	])('refuses to start on %s: exit code 2 and a message', async (_, edit, reseal, message) => {
		const bad = mkdtempSync(join(tmpdir(), 'shipshape-bad-'));
		try {
			for (const name of Object.values(BUNDLE_FILES))
				if (name !== BUNDLE_FILES.model || edit) copyFileSync(join(dir, name), join(bad, name));
			if (edit) {
				const text = edit(readFileSync(join(dir, BUNDLE_FILES.model), 'utf8'));
				writeFileSync(join(bad, BUNDLE_FILES.model), text);
				// Whoever alters a file and its hash in the manifest still meets the model checks.
				if (reseal) {
					const manifestPath = join(bad, BUNDLE_FILES.manifest);
					const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
					manifest.files[BUNDLE_FILES.model] = createHash('sha256').update(text).digest('hex');
					writeFileSync(manifestPath, JSON.stringify(manifest));
				}
			}
			const error = await startServer(bad).then(
				() => null,
				(e: Error) => e
			);
			expect(error?.message).toMatch(
				/^server\.mjs exited with 2 before listening: server\.mjs: cannot start: /
			);
			expect(error?.message).toMatch(message);
		} finally {
			rmSync(bad, { recursive: true, force: true });
		}
	});
});
