// Benchmarks: `npm run bench` prints one JSON line of figures per benchmark. Not a test: nothing
// here asserts a time. Figures come from the adult reference split (../shared/datasets).
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { encodeClasses } from '../src/core/brief/target';
import { evaluateTest } from '../src/core/evaluate/evaluate-test';
import { fitModel } from '../src/core/models/registry';
import { fitRecipe } from '../src/core/prepare/recipe';
import { predictionCells, predictRaw } from '../src/core/ship/pipeline';
import { bytesSource, ingestCsv } from '../src/core/table/ingest';
import { parseCsv } from '../src/core/table/parse-csv';
import { typeTable } from '../src/core/table/schema';
import { findColumn, rawRows } from '../src/core/table/table';
import { toCsv } from '../src/core/table/to-csv';
import { trainRun } from '../src/core/train/train-run';
import { profileDataset } from '../src/core/profile/profile-dataset';
import { loadDataset } from '../src/core/table/dataset';
import { ingestBench } from './ingest';
import { mlpBench, trainBench } from './train';
import { forestBench } from './forest';
import { qualityBench } from './quality';
import { serveBench } from './serve';
import {
	loadReference,
	referenceEvaluation,
	referenceRequest,
	type ReferenceData
} from '../tests/core/reference';

const FIT_RUNS = 3;
const PREDICT_RUNS = 5;
const INGEST_RUNS = 3;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Returns the median wall-clock seconds of `runs` calls of `work`. */
async function timeMedian(runs: number, work: () => unknown): Promise<number> {
	const seconds: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		await work();
		seconds.push((performance.now() - start) / 1000);
	}
	return median(seconds);
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/** Fits the default recipe and logistic regression on the train rows, as trainRun does. */
async function fitLinearOnTrain(data: ReferenceData): Promise<void> {
	const { table } = typeTable(data.parts.train, data.schema);
	const { x } = fitRecipe(data.recipe, table);
	const target = data.target;
	if (target.task !== 'binary') throw new Error('The benchmark expects a binary target.');
	const y = encodeClasses(findColumn(table.columns, target.name)!, target.classes);
	await fitModel({ kind: 'linear', l2: 1 }, { task: 'binary', classes: target.classes, y, x }, 42);
}

async function linearAdult(data: ReferenceData): Promise<Record<string, number | string>> {
	const lrFit = await timeMedian(FIT_RUNS, () => fitLinearOnTrain(data));
	const linear = await trainRun(referenceRequest(data, { kind: 'linear', l2: 1 }));
	const baseline = await trainRun(referenceRequest(data, { kind: 'baseline' }));
	const test = data.parts.test;
	const kpi = { metric: 'roc_auc' as const, threshold: 0.8 };
	const evaluation = await evaluateTest(
		referenceEvaluation(data, linear.pipeline, baseline.pipeline, [kpi])
	);
	const predict = await timeMedian(PREDICT_RUNS, () =>
		predictionCells(predictRaw(linear.pipeline, test))
	);
	// The bundle's whole path: CSV text in, CSV text out.
	const csv = toCsv(
		test.columns.map((c) => c.name),
		rawRows(test, 0, test.rowCount)
	);
	const predictCsv = await timeMedian(PREDICT_RUNS, async () => {
		const { raw } = await parseCsv({ text: csv, encoding: 'utf-8', bom: false });
		const { header, cells } = predictionCells(predictRaw(linear.pipeline, raw));
		return toCsv(header, cells);
	});
	const megabytes = data.bytes.length / 1e6;
	const ingest = await timeMedian(INGEST_RUNS, () => ingestCsv(bytesSource(data.bytes)));
	return {
		bench: 'linear-adult',
		lr_fit_adult_s: round(lrFit),
		lr_adult_test_auc: round(evaluation.metrics.roc_auc!),
		predict_rows_per_s: Math.round(test.rowCount / predict),
		predict_csv_rows_per_s: Math.round(test.rowCount / predictCsv),
		ingest_adult_mb_per_s: round(megabytes / ingest, 2),
		adult_train_rows: data.rows.train.length,
		adult_test_rows: test.rowCount
	};
}

/** A peer for context: PapaParse reading the same file (parsing only, no typing or inference). */
async function parsePeer(data: ReferenceData): Promise<Record<string, number | string>> {
	const text = new TextDecoder().decode(data.bytes);
	const ours = await timeMedian(INGEST_RUNS, () =>
		parseCsv({ text, encoding: 'utf-8', bom: false })
	);
	const papa = await timeMedian(INGEST_RUNS, () => Papa.parse(text, { skipEmptyLines: true }));
	const megabytes = data.bytes.length / 1e6;
	return {
		bench: 'parse-adult',
		parse_csv_adult_mb_per_s: round(megabytes / ours, 2),
		papaparse_adult_mb_per_s: round(megabytes / papa, 2)
	};
}

/** Seconds to profile the ingest benchmark's file (1M x 12) with a target, once it is loaded. */
async function profileSeconds(path: string): Promise<number> {
	const bytes = new Uint8Array(readFileSync(path));
	const dataset = await loadDataset(bytesSource(bytes), 'bench.csv');
	const start = performance.now();
	await profileDataset(dataset, 'active');
	return (performance.now() - start) / 1000;
}

// `npm run bench -- train` runs one group; no argument runs them all.
const only = process.argv[2];
const adult = await loadReference('adult');
if (!only || only === 'quality')
	for (const line of await qualityBench()) console.log(JSON.stringify(line));
if (!only || only === 'train')
	for (const line of [
		...(await trainBench(adult)),
		...(await forestBench(adult)),
		...(await mlpBench(adult))
	])
		console.log(JSON.stringify(line));
if (!only || only === 'linear')
	for (const bench of [linearAdult, parsePeer]) console.log(JSON.stringify(await bench(adult)));
if (!only || only === 'serve') console.log(JSON.stringify(await serveBench(adult)));
if (!only || only === 'ingest') console.log(JSON.stringify(await ingestBench(profileSeconds)));
