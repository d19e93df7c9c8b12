// The Monitor stage's check as the app runs it on California housing: the reference is the train
// part of the app's default split, the model the default linear regression, and the batch
// dirty/housing_drift_current.csv (MANIFEST.json: four columns drifted on purpose). The e2e
// journey (tests/e2e/monitor.spec.ts) expects exactly these flags.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareTables } from '../../../src/core/monitor/batch-tables';
import { driftReport } from '../../../src/core/monitor/drift-report';
import { monitorBatch, type MonitorReport } from '../../../src/core/monitor/monitor-batch';
import {
	columnStats,
	referenceStats,
	type ReferenceStats
} from '../../../src/core/monitor/reference-stats';
import { statsTable } from '../../../src/core/monitor/stats-table';
import { readBatch, type MonitorBatch } from '../../../src/core/monitor/read-batch';
import { predictionCells, predictRaw, type Pipeline } from '../../../src/core/ship/pipeline';
import { bytesSource } from '../../../src/core/table/ingest';
import { cellText, type RawTable } from '../../../src/core/table/table';
import { DATASETS_DIR } from '../reference';
import { expectAllFinite, expectRelative } from './monitor-helpers';
import { HOUSING_TARGET, housingModel } from '../housing';

const TARGET = HOUSING_TARGET;
const DRIFTED = ['housing_median_age', 'total_bedrooms', 'median_income', 'ocean_proximity'];
const STEADY = ['longitude', 'latitude', 'total_rooms', 'population', 'households'];

// This code's figures on the app's reference (12384 train rows, so the distances); that they
// match scipy and Evidently is shown on the manifest's own reference in housing-drift.test.ts.
const STATISTICS: [string, number, number][] = [
	['longitude', 0.02449, 0.003024],
	['latitude', 0.02709, 0.005083],
	['housing_median_age', 0.4043, 0.8135],
	['total_rooms', 0.02714, 0.006564],
	['total_bedrooms', 0.0319, 0.003454],
	['population', 0.02718, 0.01165],
	['households', 0.0262, 0.002928],
	['median_income', 0.4934, 0.2306],
	['ocean_proximity', 0.1127, 0.1021],
	['median_house_value', 0.01444, 0.002225],
	['prediction', 0.382, 0.1562]
];

async function readBytes(bytes: Uint8Array, fileName: string, pipeline: Pipeline) {
	return readBatch(bytesSource(bytes), fileName, pipeline.schema);
}

/** Returns the server's log of the batch's rows (sent as CSV text), predicted by the pipeline. */
function logOf(raw: RawTable, pipeline: Pipeline): Uint8Array {
	const inputs = pipeline.schema.columns.map((c) => raw.columns.find((r) => r.name === c.name)!);
	const { cells } = predictionCells(predictRaw(pipeline, raw));
	const lines = cells.map((cell, row) =>
		JSON.stringify({
			time: '2026-03-01T10:00:00.000Z',
			model: 'california_housing-median_house_value',
			version: '1.0.0',
			request: Math.floor(row / 100) + 1,
			row: row % 100,
			latencyMs: 1 + (row % 7),
			inputs: Object.fromEntries(inputs.map((c) => [c.name, cellText(c, row)])),
			output: { prediction: Number(cell[0]) }
		})
	);
	return new TextEncoder().encode(lines.join('\n') + '\n');
}

describe("monitor: housing_drift_current.csv against California housing's train rows", () => {
	let pipeline: Pipeline;
	let reference: RawTable;
	let batch: MonitorBatch;
	let report: MonitorReport;
	let currentBytes: Uint8Array;

	beforeAll(async () => {
		({ train: reference, pipeline } = await housingModel());
		currentBytes = new Uint8Array(readFileSync(`${DATASETS_DIR}dirty/housing_drift_current.csv`));
		batch = await readBytes(currentBytes, 'housing_drift_current.csv', pipeline);
		report = monitorBatch({
			pipeline,
			reference,
			batch,
			target: TARGET,
			kpis: [{ metric: 'rmse', threshold: 80000 }]
		});
	});

	it("flags exactly the manifest's four drifted inputs, and the predictions they move", () => {
		expect(reference.rowCount).toBe(12384);
		expect(report.drift.schema).toEqual([]);
		expect(report.problems).toEqual([]);
		const flagged = report.drift.columns.filter((c) => c.drifted).map((c) => c.name);
		expect(flagged).toEqual([...DRIFTED, 'prediction']);
		for (const name of [...STEADY, TARGET.name]) {
			const column = report.drift.columns.find((c) => c.name === name)!;
			expect([name, column.drifted, column.missing.alert]).toEqual([name, false, false]);
		}
		// ISLAND is in the train rows too, so no label is new this time.
		expect(report.drift.columns.flatMap((c) => c.unseenCategories)).toEqual([]);
		expect(report.drift.datasetDrift).toMatchObject({ drifted: 5, total: 11, detected: false });
		expectAllFinite(report.drift);
	});

	it('measures each column with the distances, as the reference has over 1000 rows', () => {
		for (const [name, statistic, psi] of STATISTICS) {
			const column = report.drift.columns.find((c) => c.name === name)!;
			const method = name === 'ocean_proximity' ? 'jensenshannon' : 'wasserstein';
			expect([name, column.method, column.threshold]).toEqual([name, method, 0.1]);
			expectRelative(column.statistic, statistic, 5e-3);
			expectRelative(column.psi, psi, 5e-3);
		}
		// total_bedrooms is flagged by its missing rate alone: 119 of 12384 train rows -> 483 of 3000.
		const bedrooms = report.drift.columns.find((c) => c.name === 'total_bedrooms')!;
		expect(bedrooms.distributionDrifted).toBe(false);
		expect(bedrooms.missing).toMatchObject({ referenceMissing: 119, currentMissing: 483 });
	});

	it("gives the same drift report from a bundle's reference statistics as from the train rows", () => {
		const stats: ReferenceStats = JSON.parse(
			JSON.stringify(referenceStats(pipeline, reference, TARGET))
		);
		expect(stats.columns.map((c) => [c.name, c.kind])).toEqual([
			...pipeline.schema.columns.map((c) => [c.name, c.kind]),
			[TARGET.name, 'number'],
			['prediction', 'number']
		]);
		const bedrooms = stats.columns.find((c) => c.name === 'total_bedrooms')!;
		expect([bedrooms.rows, bedrooms.missing]).toEqual([12384, 119]);
		// Only distributions: no cell of the rows in order.
		const income = stats.columns.find((c) => c.name === 'median_income')!;
		expect(income.kind === 'number' && income.values).toEqual(
			[...new Set(income.kind === 'number' ? income.values : [])].sort((a, b) => a - b)
		);
		const rebuilt = statsTable(stats);
		expect(rebuilt.columns.map(columnStats)).toEqual(stats.columns);
		const { reference: typed, current } = compareTables({
			pipeline,
			reference,
			batch,
			target: TARGET
		});
		const fromRows = driftReport(typed, current);
		const fromStats = driftReport(rebuilt, current);
		expect(fromStats.alerts).toEqual(fromRows.alerts);
		expect(fromStats.datasetDrift).toEqual(fromRows.datasetDrift);
		for (const [i, column] of fromStats.columns.entries()) {
			const expected = fromRows.columns[i];
			expect({ ...column, statistic: 0, psi: 0 }).toEqual({ ...expected, statistic: 0, psi: 0 });
			// The rows' order is gone, so sums over them may round differently in the last bits.
			expectRelative(column.statistic, expected.statistic!, 1e-12);
			expectRelative(column.psi, expected.psi!, 1e-12);
		}
		// The monitor itself, given the statistics as its reference, flags the same columns.
		const fromStatsReport = monitorBatch({ pipeline, reference: stats, batch, target: TARGET });
		expect(fromStatsReport.drift.columns.map((c) => [c.name, c.drifted])).toEqual(
			report.drift.columns.map((c) => [c.name, c.drifted])
		);
		expect(fromStatsReport.drift.referenceRows).toBe(12384);
		// A batch without labels compares the inputs and the predictions only.
		if (batch.kind !== 'csv') throw new Error('the batch is a CSV');
		const columns = batch.raw.columns.filter((c) => c.name !== TARGET.name);
		const unlabelled: MonitorBatch = { ...batch, raw: { ...batch.raw, columns } };
		const inputsOnly = monitorBatch({
			pipeline,
			reference: stats,
			batch: unlabelled,
			target: TARGET
		});
		expect(inputsOnly.drift.schema).toEqual([]);
		expect(inputsOnly.drift.columns.map((c) => c.name)).toEqual([
			...pipeline.schema.columns.map((c) => c.name),
			'prediction'
		]);
	});

	it('scores the labelled batch: worse than on validation, and past the KPI', () => {
		const performance = report.performance!;
		expect(performance).toMatchObject({ rows: 3000, leftOut: 0, problem: null });
		expectRelative(performance.metrics!.rmse!, 80595.33, 1e-6);
		expect(performance.kpis[0].met).toBe(false);
		expect(report.alerts[0].kind).toBe('kpi-missed');
	});

	it('follows the drift alone when the threshold moves: a distance of 0.45 keeps only median_income', () => {
		const strict = monitorBatch({
			pipeline,
			reference,
			batch,
			target: TARGET,
			options: { thresholds: { wasserstein: 0.45, jensenshannon: 0.45 } }
		});
		const flagged = strict.drift.columns.filter((c) => c.drifted).map((c) => c.name);
		expect(flagged).toEqual(['total_bedrooms', 'median_income']);
	});

	it("gives the server's log of the same rows the same input and prediction drift", async () => {
		const log = await readBytes(
			logOf((batch as { raw: RawTable }).raw, pipeline),
			'p.jsonl',
			pipeline
		);
		const fromLog = monitorBatch({ pipeline, reference, batch: log, target: TARGET });
		expect(fromLog.source.kind === 'log' && fromLog.source.summary.latency?.requests).toBe(30);
		const byName = new Map(report.drift.columns.map((c) => [c.name, c]));
		expect(fromLog.drift.columns.map((c) => c.name)).toEqual([
			...pipeline.schema.columns.map((c) => c.name),
			'prediction'
		]);
		for (const column of fromLog.drift.columns) {
			const csv = byName.get(column.name)!;
			expect([column.name, column.statistic, column.psi, column.drifted]).toEqual([
				csv.name,
				csv.statistic,
				csv.psi,
				csv.drifted
			]);
		}
		expect(fromLog.performance).toBeNull();
	});
});
