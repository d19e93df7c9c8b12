// Training benchmarks: one JSON line per figure. Boosted trees on adult against YDF (the npm
// package ydf-training, Yggdrasil Decision Forests in WebAssembly) on the same rows in the same
// run, so the ratio survives a noisy machine.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import YDFTraining from 'ydf-training';
import { DEFAULT_NEURAL_SPEC, fitNeural } from '../src/core/models/neural/mlp';
import { encodeClasses } from '../src/core/brief/target';
import { rocAuc } from '../src/core/evaluate/metrics';
import { fitBoosting, predictBoosting } from '../src/core/models/boosting/boosting';
import { DEFAULT_BOOSTING_SPEC, type BoostingSpec } from '../src/core/models/boosting/boosting';
import { applyRecipe, fitRecipe } from '../src/core/prepare/recipe';
import { typeTable } from '../src/core/table/schema';
import { cellText, findColumn, selectRawRows, type RawTable } from '../src/core/table/table';
import { toCsv } from '../src/core/table/to-csv';
import type { ReferenceData } from '../tests/core/reference';

/** The setting: 100 rounds of 31 leaves, every round kept (no early stopping). */
const GBM_SPEC: BoostingSpec = {
	...DEFAULT_BOOSTING_SPEC,
	iterations: 100,
	maxLeaves: 31,
	earlyStopping: 0
};
const RUNS = 3;

export type Line = Record<string, number | string>;

export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function seconds(work: () => unknown): Promise<number> {
	const start = performance.now();
	await work();
	return (performance.now() - start) / 1000;
}

export const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/** What the app does before the first tree: type the rows and fit the default recipe. */
export function prepare(data: ReferenceData, raw: RawTable) {
	const { table } = typeTable(raw, data.schema);
	const fit = fitRecipe(data.recipe, table, { target: null, seed: 42 });
	const target = data.target;
	if (target.task !== 'binary') throw new Error('The benchmark expects a binary target.');
	const y = encodeClasses(findColumn(table.columns, target.name)!, target.classes);
	return { fit, y, classes: target.classes };
}

/** Our boosted trees: typing, recipe and fit, timed together (the user waits for all three). */
async function ourFit(data: ReferenceData, raw: RawTable) {
	const { fit, y, classes } = prepare(data, raw);
	return fitBoosting(GBM_SPEC, { task: 'binary', classes, x: fit.x, y }, 42);
}

/** The rows as CSV for YDF, with the header's leading spaces trimmed (YDF needs that). */
function csvOf(raw: RawTable): string {
	const names = raw.columns.map((c) => c.name.trim());
	const cells = Array.from({ length: raw.rowCount }, (_, row) =>
		raw.columns.map((c) => cellText(c, row).trim())
	);
	return toCsv(names, cells);
}

export function testAuc(scores: ArrayLike<number>, data: ReferenceData): number {
	if (data.target.task !== 'binary') throw new Error('The benchmark expects a binary target.');
	const positiveLabel = data.target.positive;
	const column = findColumn(data.parts.test.columns, data.target.name)!;
	const positive = Array.from(
		{ length: data.parts.test.rowCount },
		(_, row) => cellText(column, row) === positiveLabel
	);
	return rocAuc(scores, positive);
}

/**
 * Prints `gbm_fit_s` and `ydf_fit_s` (median of 3) on all 32,561 rows of adult_train.csv, and
 * `gbm_auc` and `ydf_auc` on the reference split's test rows from models fitted on its train
 * rows (scikit-learn's hist_gb scores 0.9275 there).
 */
export async function trainBench(data: ReferenceData): Promise<Line[]> {
	const all = data.ingested.raw;
	const allRows = Int32Array.from({ length: all.rowCount }, (_, i) => i);
	const everything = selectRawRows(all, allRows);
	const ydf = await YDFTraining({ print: () => {}, printErr: () => {} });
	const label = data.target.name.trim();
	const allCsv = csvOf(everything);
	const ours: number[] = [];
	const theirs: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		ours.push(await seconds(() => ourFit(data, everything)));
		theirs.push(
			await seconds(() =>
				new ydf.GradientBoostedTreesLearner(label, 'CLASSIFICATION').train(allCsv).unload()
			)
		);
	}
	// Quality on the reference split.
	const { model } = await ourFit(data, data.parts.train);
	const { fit } = prepare(data, data.parts.train);
	const testX = applyRecipe(fit.recipe, typeTable(data.parts.test, data.schema).table);
	const proba = predictBoosting(model, testX);
	if (proba.kind !== 'classes') throw new Error('expected probabilities');
	const gbmAuc = testAuc(
		Array.from({ length: testX.rows }, (_, i) => proba.proba[i * 2 + 1]),
		data
	);
	const ydfModel = new ydf.GradientBoostedTreesLearner(label, 'CLASSIFICATION').train(
		csvOf(data.parts.train)
	);
	// YDF returns the probability of the second label of its dictionary, '>50K' here.
	const ydfAuc = testAuc(ydfModel.predict(csvOf(data.parts.test)) as number[], data);
	ydfModel.unload();
	const gbmFit = median(ours);
	const ydfFit = median(theirs);
	const context = { dataset: 'adult', rows: all.rowCount, rounds: 100, leaves: 31 };
	return [
		{ figure: 'gbm_fit_s', value: round(gbmFit, 3), ...context },
		{ figure: 'ydf_fit_s', value: round(ydfFit, 3), ...context, note: 'ydf-training defaults' },
		{ figure: 'gbm_speedup_vs_ydf', value: round(ydfFit / gbmFit, 2) },
		{ figure: 'gbm_auc', value: round(gbmAuc), split: 'reference test', sklearn_hist_gb: 0.9275 },
		{ figure: 'ydf_auc', value: round(ydfAuc), split: 'reference test' }
	];
}

/** Epochs timed per backend: enough to average out the first epoch's warm-up. */
const MLP_EPOCHS = 3;

/**
 * Prints `mlp_epoch_s` for each TF.js backend Node has (cpu and WASM; WebGPU and WebGL need a
 * browser): seconds per epoch of the default network (one hidden layer of 64, batches of 200)
 * on adult's reference train rows, early stopping off.
 */
export async function mlpBench(data: ReferenceData): Promise<Line[]> {
	tf.env().set('PROD', true);
	const { fit, y, classes } = prepare(data, data.parts.train);
	const spec = { ...DEFAULT_NEURAL_SPEC, epochs: MLP_EPOCHS, patience: 0 };
	const lines: Line[] = [];
	for (const backend of ['cpu', 'wasm']) {
		if (!(await tf.setBackend(backend))) continue;
		const time = await seconds(() => fitNeural(spec, { task: 'binary', classes, x: fit.x, y }, 42));
		lines.push({
			figure: 'mlp_epoch_s',
			backend,
			value: round(time / MLP_EPOCHS, 3),
			rows: fit.x.rows,
			features: fit.x.width
		});
	}
	return lines;
}
