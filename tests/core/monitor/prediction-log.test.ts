import { describe, expect, it } from 'vitest';
import { readPredictionLog, type PredictionLog } from '../../../src/core/monitor/prediction-log';
import type { ByteSource } from '../../../src/core/table/ingest';
import { cellText, NUMBER_CELL, type RawColumn } from '../../../src/core/table/table';
import { expectCoreError } from '../helpers';

const T1 = '2026-03-01T10:00:00.000Z';
const T2 = '2026-03-01T10:00:05.000Z';

/** Returns a log line as the server writes it (`logLines`), with the given fields replaced. */
function line(fields: Record<string, unknown>): string {
	return JSON.stringify({
		time: T1,
		model: 'housing',
		version: '1.0.0',
		request: 1,
		row: 0,
		latencyMs: 2.5,
		inputs: { x: 1 },
		output: { prediction: 10 },
		...fields
	});
}

/** Returns a source that hands out at most `step` bytes a read, to split lines and characters. */
function trickle(text: string, step = 7): ByteSource {
	const bytes = new TextEncoder().encode(text);
	return {
		size: bytes.length,
		read: async (start, end) => bytes.subarray(start, Math.min(end, start + step))
	};
}

const read = (text: string, step?: number): Promise<PredictionLog> =>
	readPredictionLog(trickle(text, step));

function texts(column: RawColumn): string[] {
	return Array.from(column.codes, (_, row) => cellText(column, row));
}

function column(log: PredictionLog, name: string): RawColumn {
	return log.raw.columns.find((c) => c.name === name)!;
}

describe('readPredictionLog: rows', () => {
	it('reads inputs as the cell text a CSV would give, and the logged prediction', async () => {
		const log = await read(
			[
				line({
					row: 0,
					inputs: { x: 1.5, city: 'Paris', ok: true, note: null },
					output: { prediction: 12.5 }
				}),
				line({
					row: 1,
					inputs: { x: '2', city: 'Lyon é', ok: false, note: 'n' },
					output: { prediction: 7 }
				})
			].join('\n') + '\n'
		);
		expect(log.raw.rowCount).toBe(2);
		expect(log.raw.columns.map((c) => c.name)).toEqual(['x', 'city', 'ok', 'note']);
		// Numbers (sent as JSON numbers or as text) are number cells, as the CSV reader makes them.
		expect(Array.from(column(log, 'x').codes)).toEqual([NUMBER_CELL, NUMBER_CELL]);
		expect(texts(column(log, 'x'))).toEqual(['1.5', '2']);
		expect(texts(column(log, 'city'))).toEqual(['Paris', 'Lyon é']);
		expect(texts(column(log, 'ok'))).toEqual(['true', 'false']);
		expect(texts(column(log, 'note'))).toEqual(['', 'n']);
		expect(texts(log.predictions)).toEqual(['12.5', '7']);
		expect(log.predictions.name).toBe('prediction');
		expect(Array.from(log.lines)).toEqual([1, 2]);
	});

	it('counts refused rows by column and leaves them out of the rows', async () => {
		const refused = (row: number, error: unknown[]) =>
			line({ row, inputs: { x: 'abc' }, output: undefined, error });
		const log = await read(
			[
				line({ row: 0 }),
				refused(1, [{ column: 'x', reason: '"abc" is not a number' }]),
				refused(2, [
					{ column: 'x', reason: '"abc" is not a number' },
					{ column: 'y', reason: 'The row has no value for this column.' }
				]),
				refused(3, [{ column: null, reason: 'The row is a string, not an object.' }])
			].join('\n')
		);
		expect(log.raw.rowCount).toBe(1);
		expect(Array.from(log.lines)).toEqual([1]);
		expect(log.summary).toMatchObject({ lines: 4, predicted: 1, refused: 3 });
		expect(log.summary.refusals).toEqual([
			{ column: 'x', rows: 2, example: '"abc" is not a number' },
			{ column: 'y', rows: 1, example: 'The row has no value for this column.' },
			{ column: null, rows: 1, example: 'The row is a string, not an object.' }
		]);
	});

	it('gives a column first seen on a later row empty cells before it', async () => {
		const log = await read(
			[line({ inputs: { x: 1 } }), line({ row: 1, inputs: { x: 2, late: 'z' } })].join('\n')
		);
		expect(texts(column(log, 'late'))).toEqual(['', 'z']);
	});

	it('treats inputs named __proto__ or constructor as ordinary columns', async () => {
		const log = await read(
			'{"time":"2026-03-01T10:00:00Z","model":"m","version":"1","request":1,"row":0,"latencyMs":1,' +
				'"inputs":{"__proto__":5,"constructor":"c"},"output":{"prediction":"yes"}}\n'
		);
		expect(log.raw.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor']);
		expect(texts(column(log, '__proto__'))).toEqual(['5']);
		expect(texts(log.predictions)).toEqual(['yes']);
	});

	it('skips blank lines and reads CRLF line ends and a BOM, counting physical lines', async () => {
		const log = await read(`\uFEFF${line({})}\r\n\r\n${line({ row: 1 })}\r\n`, 3);
		expect(log.raw.rowCount).toBe(2);
		expect(Array.from(log.lines)).toEqual([1, 3]);
	});
});

describe('readPredictionLog: summary', () => {
	it('summarises one latency per request, whatever its row count', async () => {
		// Request 1 has three rows at 10 ms; requests 2..5 one row each.
		const lines = [
			...[0, 1, 2].map((row) => line({ request: 1, row, latencyMs: 10 })),
			line({ request: 2, latencyMs: 20 }),
			line({ request: 3, latencyMs: 30 }),
			line({ request: 4, latencyMs: 40 }),
			line({ request: 5, latencyMs: 100 })
		];
		const { latency } = (await read(lines.join('\n'))).summary;
		// numpy.percentile([10, 20, 30, 40, 100], [50, 95, 99]) -> 30, 88, 97.6
		expect(latency!.requests).toBe(5);
		expect(latency!.p50).toBe(30);
		expect(latency!.p95).toBeCloseTo(88, 10);
		expect(latency!.p99).toBeCloseTo(97.6, 10);
		expect(latency!.max).toBe(100);
	});

	it('tells requests apart by time too: the numbers restart with the server', async () => {
		const lines = [
			line({ request: 1, time: T1, latencyMs: 5 }),
			line({ request: 1, time: T2, latencyMs: 15 })
		];
		expect((await read(lines.join('\n'))).summary.latency).toMatchObject({
			requests: 2,
			p50: 10,
			max: 15
		});
	});

	it('gives the time range by instant and the models with their line counts', async () => {
		const lines = [
			line({ time: T2 }),
			line({ time: '2026-03-01T11:00:00+02:00', version: '1.1.0' }),
			line({ time: T1 })
		];
		const { summary } = await read(lines.join('\n'));
		// 11:00 at +02:00 is 09:00 UTC: the earliest.
		expect(summary.timeRange).toEqual({ first: '2026-03-01T11:00:00+02:00', last: T2 });
		expect(summary.models).toEqual([
			{ model: 'housing', version: '1.0.0', lines: 2 },
			{ model: 'housing', version: '1.1.0', lines: 1 }
		]);
	});
});

describe('readPredictionLog: bad lines', () => {
	const bad = (text: string, message: RegExp) =>
		expectCoreError(() => read(text), 'bad-log-line', message);

	it('names the line that is not JSON, and says a cut-off last line may be a stopped write', async () => {
		const error = await bad(
			`${line({})}\n{"time": oops\n`,
			/^Line 2 of the prediction log is not valid JSON: /
		);
		expect(error.place.line).toBe(2);
		await bad(
			`${line({})}\n${line({}).slice(0, 30)}`,
			/Line 2 .* cut off while the server was writing it/
		);
	});

	it('names the line and the field that is wrong', async () => {
		await bad(
			`${line({})}\n[1, 2]\n`,
			/^Line 2 of the prediction log is an array, not a JSON object\.$/
		);
		await bad(
			line({ time: 'yesterday' }),
			/Line 1 .* "time" "yesterday", which is not an ISO date and time/
		);
		await bad(
			line({ time: '2026-03-01 10:00:00' }),
			/"time" "2026-03-01 10:00:00", which is not an ISO date and time with its time zone/
		);
		await bad(line({ model: 3 }), /Line 1 .* no "model" text \(found a number\)/);
		await bad(line({ request: -1 }), /"request" -1; it must be a whole number >= 0/);
		await bad(line({ row: 1.5 }), /"row" 1\.5; it must be a whole number >= 0/);
		await bad(
			line({ latencyMs: 'fast' }),
			/"latencyMs" a string; it must be a number of milliseconds/
		);
		await bad(line({ inputs: [1] }), /"inputs" an array; it must be an object/);
		await bad(line({ error: [] }), /either an "output" or an "error" field, not both or neither/);
		await bad(line({ output: undefined }), /either an "output" or an "error" field/);
		await bad(
			line({ output: { prediction: null } }),
			/"prediction" is null, not a label or a number/
		);
		await bad(
			line({ output: undefined, error: [{ reason: 3 }] }),
			/an "error" entry without a "column" \(text or null\) and a "reason"/
		);
	});

	it('refuses a predicted row whose input is not a cell', async () => {
		const error = await bad(
			`${line({})}\n${line({ inputs: { x: { deep: 1 } } })}`,
			/^Line 2 .* input "x" as an object/
		);
		expect(error.place).toEqual({ line: 2, column: 'x' });
	});

	it('refuses an empty log and a file that is not UTF-8', async () => {
		await expectCoreError(() => read('\n\n'), 'empty-log', /holds no lines/);
		const latin1: ByteSource = {
			size: 3,
			read: async () => new Uint8Array([0x7b, 0xe9, 0x7d])
		};
		await expectCoreError(() => readPredictionLog(latin1), 'not-utf-8', /not valid UTF-8/);
	});
});
