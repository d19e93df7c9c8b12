import { beforeAll, describe, expect, it } from 'vitest';
import { regressionMetrics } from '../../../src/core/evaluate/metrics';
import { compareTables, predictionName } from '../../../src/core/monitor/batch-tables';
import { monitorBatch, type MonitorInput } from '../../../src/core/monitor/monitor-batch';
import { readBatch, type MonitorBatch } from '../../../src/core/monitor/read-batch';
import { defaultRecipe } from '../../../src/core/prepare/recipe';
import { predictRaw, type Pipeline, type TargetSpec } from '../../../src/core/ship/pipeline';
import { bytesSource } from '../../../src/core/table/ingest';
import type { ColumnSchema } from '../../../src/core/table/schema';
import { findColumn, type Column, type RawTable } from '../../../src/core/table/table';
import { trainRun } from '../../../src/core/train/train-run';
import { expectCoreError, ingestText } from '../helpers';
import { expectAllFinite } from './monitor-helpers';

const Y: ColumnSchema = { name: 'y', kind: 'number' };
const INPUTS: ColumnSchema[] = [
	{ name: 'x', kind: 'number' },
	{ name: 'c', kind: 'category' }
];

/** Eight rows where y = 2x, plus 5 when c is b. */
const TRAIN_CSV =
	'x,c,y\n' +
	[
		[1, 'a', 2],
		[2, 'b', 9],
		[3, 'a', 6],
		[4, 'b', 13],
		[5, 'a', 10],
		[6, 'b', 17],
		[7, 'a', 14],
		[8, 'b', 21]
	]
		.map((r) => r.join(','))
		.join('\n');

async function rawOf(text: string): Promise<RawTable> {
	return (await ingestText(text)).raw;
}

async function fit(train: RawTable, target: TargetSpec, targetColumn: ColumnSchema) {
	const schema = { columns: [...INPUTS, targetColumn], missingTokens: ['', 'NA'] };
	const run = await trainRun({
		train,
		val: train,
		schema,
		target,
		recipe: defaultRecipe(INPUTS),
		spec: { kind: 'linear', l2: 0.01 },
		seed: 1
	});
	return run.pipeline;
}

async function csvBatch(text: string, schema = { columns: INPUTS, missingTokens: ['', 'NA'] }) {
	return readBatch(bytesSource(new TextEncoder().encode(text)), 'batch.csv', schema);
}

function logBatch(lines: object[]): Promise<MonitorBatch> {
	const text = lines
		.map((fields, row) =>
			JSON.stringify({
				time: '2026-03-01T10:00:00Z',
				model: 'm',
				version: '1.0.0',
				request: 1,
				row,
				latencyMs: 3,
				...fields
			})
		)
		.join('\n');
	return readBatch(bytesSource(new TextEncoder().encode(text)), 'predictions.jsonl', {
		columns: INPUTS,
		missingTokens: ['']
	});
}

function values(column: Column | undefined): number[] {
	if (column?.kind !== 'number') throw new Error(`not a number column: ${column?.name}`);
	return Array.from(column.values);
}

describe('monitorBatch on a regression model', () => {
	let pipeline: Pipeline;
	let reference: RawTable;
	const check = (batch: MonitorBatch, extra: Partial<MonitorInput> = {}) =>
		monitorBatch({ pipeline, reference, batch, target: Y, ...extra });

	beforeAll(async () => {
		reference = await rawOf(TRAIN_CSV);
		pipeline = await fit(reference, { name: 'y', task: 'regression' }, Y);
	});

	it("compares the inputs, the target and the model's predictions; other columns are ignored", async () => {
		const batch = await csvBatch('id,x,c,y\n1,1,a,2\n2,9,b,23\n3,3,b,11\n');
		const tables = compareTables({ pipeline, reference, batch, target: Y });
		expect(tables.reference.columns.map((c) => c.name)).toEqual(['x', 'c', 'y', 'prediction']);
		expect(tables.current.columns.map((c) => c.name)).toEqual(['x', 'c', 'y', 'prediction']);
		expect(tables.ignoredColumns).toEqual(['id']);
		// The prediction columns are predictRaw's, the code the bundle runs.
		const own = predictRaw(pipeline, reference).prediction;
		const theirs = predictRaw(pipeline, (batch as { raw: RawTable }).raw).prediction;
		expect(values(tables.reference.columns[3])).toEqual(
			Array.from(own.kind === 'values' ? own.values : [])
		);
		expect(values(tables.current.columns[3])).toEqual(
			Array.from(theirs.kind === 'values' ? theirs.values : [])
		);
		const report = check(batch);
		expect(report.drift.columns.map((c) => c.name)).toEqual(['x', 'c', 'y', 'prediction']);
		expect(report.prediction).toBe('prediction');
		expect(report.source).toEqual({ kind: 'csv', rows: 3, notes: [] });
		expect(report.drift.schema).toEqual([]);
		expectAllFinite(report.drift);
	});

	it('leaves the target out when the batch has no labels, and scores nothing', async () => {
		const report = check(await csvBatch('x,c\n1,a\n2,b\n'));
		expect(report.drift.columns.map((c) => c.name)).toEqual(['x', 'c', 'prediction']);
		expect(report.drift.schema).toEqual([]);
		expect(report.performance).toBeNull();
	});

	it('reports an input the batch lacks, and says why it has no predictions, without failing', async () => {
		const report = check(await csvBatch('x,other\n1,q\n2,r\n'));
		expect(report.drift.schema).toEqual([
			{ kind: 'missing-column', column: 'c', referenceKind: 'category' }
		]);
		expect(report.drift.columns.map((c) => c.name)).toEqual(['x']);
		expect(report.prediction).toBeNull();
		expect(report.predictionNote).toBe(
			'The batch has no column "c", which the model reads, so its rows cannot be predicted and prediction drift is not checked.'
		);
		expect(report.alerts.map((a) => a.kind)).toEqual(['no-predictions', 'missing-column']);
		expect(report.ignoredColumns).toEqual(['other']);
	});

	it('compares a cell that does not fit its column as missing, and says where it is', async () => {
		const batch = await csvBatch('x,c,y\n1,a,2\nabc,b,9\n3,a,6\n4,b,oops\n');
		const report = check(batch);
		expect(report.problems).toEqual([
			{
				column: 'x',
				cells: 1,
				wholeColumn: false,
				examples: [{ where: 'row 2', text: 'abc' }],
				message: `x: 1 value is not a number ("abc" in row 2); the model's server refuses that row.`
			},
			{
				column: 'y',
				cells: 1,
				wholeColumn: false,
				examples: [{ where: 'row 4', text: 'oops' }],
				message:
					'y: 1 value is not a number ("oops" in row 4); that row is left out of the performance check.'
			}
		]);
		const x = report.drift.columns.find((c) => c.name === 'x')!;
		expect(x.missing).toMatchObject({ currentMissing: 1, currentRows: 4 });
		// Row 2 has no prediction (the server refuses it); row 4 has no label: two rows are scored.
		const prediction = report.drift.columns.find((c) => c.name === 'prediction')!;
		expect(prediction.missing.currentMissing).toBe(1);
		expect(report.performance).toMatchObject({ rows: 2, leftOut: 2, problem: null });
		expect(report.alerts.filter((a) => a.kind === 'invalid-cells').map((a) => a.column)).toEqual([
			'x',
			'y'
		]);
	});

	it('shows a column with no value of its kind as a kind change', async () => {
		const report = check(await csvBatch('x,c\nlow,a\nhigh,b\nlow,a\n'));
		expect(report.drift.schema).toEqual([
			{ kind: 'kind-changed', column: 'x', referenceKind: 'number', currentKind: 'category' }
		]);
		expect(report.problems[0]).toMatchObject({ column: 'x', cells: 3, wholeColumn: true });
		expect(report.problems[0].message).toMatch(
			/^x: none of its values is a number \("low" in row 1/
		);
		// Every row is refused, so the predictions are all missing: that is an alert too.
		const prediction = report.drift.columns.find((c) => c.name === 'prediction')!;
		expect(prediction.missing).toMatchObject({ currentMissing: 3, alert: true });
	});

	it('refuses a file with none of the model’s inputs, naming both column lists', async () => {
		const batch = await csvBatch('a,b\n1,2\n');
		await expectCoreError(
			() => check(batch),
			'no-input-columns',
			/^batch\.csv has none of the model's input columns \(x, c\); its columns are a, b\. Is it the right file\?$/
		);
	});

	it('scores a labelled batch as the test set was scored, and alerts on a missed KPI', async () => {
		const batch = await csvBatch('x,c,y\n1,a,2\n2,b,9\n3,a,16\n4,b,\n');
		const report = check(batch, {
			kpis: [{ metric: 'rmse', threshold: 1 }],
			testMetrics: { rmse: 0.5 }
		});
		const predicted = predictRaw(pipeline, (batch as { raw: RawTable }).raw).prediction;
		const p = predicted.kind === 'values' ? predicted.values : new Float64Array();
		const expected = regressionMetrics(Float64Array.of(2, 9, 16), p.subarray(0, 3));
		expect(report.performance).toEqual({
			rows: 3,
			leftOut: 1,
			metrics: expected,
			problem: null,
			kpis: [{ kpi: { metric: 'rmse', threshold: 1 }, value: expected.rmse, met: false }]
		});
		expect(report.alerts[0]).toEqual({
			kind: 'kpi-missed',
			column: null,
			message: `RMSE on this batch is ${Number(expected.rmse!.toPrecision(3))} (on the test set: 0.5); the KPI asks ≤ 1.`
		});
	});

	it('names the prediction column so that it never takes an input’s name', () => {
		expect(predictionName(['x', 'c'])).toBe('prediction');
		expect(predictionName(['prediction', 'prediction_2', 'c'])).toBe('prediction_3');
	});

	it('compares a log by its logged predictions and counts the rows the server refused', async () => {
		const batch = await logBatch([
			{ inputs: { x: 1, c: 'a' }, output: { prediction: 100 } },
			{ inputs: { x: '2', c: 'b' }, output: { prediction: 200 } },
			{ inputs: { x: 'abc', c: 'b' }, error: [{ column: 'x', reason: '"abc" is not a number' }] }
		]);
		const tables = compareTables({ pipeline, reference, batch, target: Y });
		expect(values(findColumn(tables.current.columns, 'prediction'))).toEqual([100, 200]);
		expect(tables.where(1)).toBe('line 2');
		const report = check(batch);
		expect(report.source.kind).toBe('log');
		expect(report.drift.currentRows).toBe(2);
		expect(report.performance).toBeNull();
		expect(report.alerts[0]).toEqual({
			kind: 'refused-rows',
			column: null,
			message:
				'The server refused 1 of 3 logged rows (33.3%); they are left out of the drift checks. Most often x: 1 ("abc" is not a number).'
		});
	});
});

describe('monitorBatch on a classifier', () => {
	const target: TargetSpec = {
		name: 'y',
		task: 'binary',
		classes: ['no', 'yes'],
		positive: 'yes',
		threshold: 0.5
	};
	const Y_CLASS: ColumnSchema = { name: 'y', kind: 'category' };
	let pipeline: Pipeline;
	let reference: RawTable;

	beforeAll(async () => {
		reference = await rawOf(
			'x,c,y\n1,a,no\n2,a,no\n3,b,no\n4,a,no\n5,b,yes\n6,b,yes\n7,a,yes\n8,b,yes\n'
		);
		pipeline = await fit(reference, target, Y_CLASS);
	});

	it('compares the predicted answers as a category column and scores the labelled rows', async () => {
		const batch = await csvBatch('x,c,y\n1,a,no\n8,b,yes\n7,b,no\n');
		const report = monitorBatch({ pipeline, reference, batch, target: Y_CLASS });
		const prediction = report.drift.columns.find((c) => c.name === 'prediction')!;
		expect(prediction.kind).toBe('category');
		expect(prediction.bins?.kind).toBe('categories');
		expect(report.performance?.rows).toBe(3);
		expect(report.performance?.metrics?.accuracy).toBeCloseTo(2 / 3, 12);
	});

	it('gives a class the model never saw as a performance problem, not an error', async () => {
		const batch = await csvBatch('x,c,y\n1,a,no\n8,b,maybe\n');
		const report = monitorBatch({ pipeline, reference, batch, target: Y_CLASS });
		expect(report.performance).toMatchObject({ rows: 2, metrics: null });
		expect(report.performance?.problem).toMatch(
			/^The batch could not be scored: Row 2 of "y" has the class "maybe", which the model was not trained on\.$/
		);
		expect(report.drift.columns.find((c) => c.name === 'y')?.unseenCategories).toEqual([
			{ label: 'maybe', count: 1 }
		]);
	});
});
