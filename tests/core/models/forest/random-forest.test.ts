import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeClasses } from '../../../../src/core/brief/target';
import { regressionMetrics, rocAuc } from '../../../../src/core/evaluate/metrics';
import {
	DEFAULT_FOREST_SPEC,
	featuresPerSplit,
	fitForest,
	predictForest,
	type ForestModel,
	type ForestSpec
} from '../../../../src/core/models/forest/random-forest';
import type { FitEvent, Prediction, TrainData } from '../../../../src/core/models/model';
import { applyRecipe, fitRecipe, type FeatureMatrix } from '../../../../src/core/prepare/recipe';
import { typeTable } from '../../../../src/core/table/schema';
import { findColumn } from '../../../../src/core/table/table';
import { createRng } from '../../../../src/core/util/rng';
import { expectClose, expectCoreError, featureMatrix } from '../../helpers';
import { accuracy, proba, values } from '../predictions';
import { loadReference, REFERENCE } from '../../reference';

const spec = (over: Partial<ForestSpec> = {}): ForestSpec => ({
	...DEFAULT_FOREST_SPEC,
	trees: 30,
	...over
});

function positiveAuc(prediction: Prediction, y: Int32Array): number {
	const p = proba(prediction);
	return rocAuc(
		Array.from(y, (_, i) => p[i * 2 + 1]),
		Array.from(y, (c) => c === 1)
	);
}

/** Returns rows [from, to) of a matrix. */
function slice(x: FeatureMatrix, from: number, to: number): FeatureMatrix {
	const values = x.values.slice(from * x.width, to * x.width);
	return { rows: to - from, width: x.width, values, features: x.features };
}

/** Uniform features in [0, 1): x0 and x1 carry the signal, the others are noise. */
function uniformRows(rows: number, width: number, seed: number): number[][] {
	const rng = createRng(seed);
	return Array.from({ length: rows }, () => Array.from({ length: width }, () => rng.next()));
}

const binary = (x: FeatureMatrix, y: Int32Array): TrainData => ({
	task: 'binary',
	classes: ['no', 'yes'],
	x,
	y
});

/** y = (x0 > 0.5) xor (x1 > 0.5), among three noise features. */
function xorData(rows: number, seed: number): { x: FeatureMatrix; y: Int32Array } {
	const points = uniformRows(rows, 5, seed);
	const y = Int32Array.from(points, ([a, b]) => (a > 0.5 !== b > 0.5 ? 1 : 0));
	return { x: featureMatrix(points), y };
}

describe('random forest', () => {
	it('fits a tiny dataset exactly with fully grown trees', async () => {
		const x = featureMatrix([
			[0.1, 5],
			[0.4, 3],
			[0.2, 9],
			[0.9, 1],
			[0.5, 4],
			[0.3, 2],
			[0.7, 8]
		]);
		const y = Int32Array.from([0, 1, 1, 0, 1, 0, 0]);
		const { model, info } = await fitForest(spec({ maxFeatures: 'all' }), binary(x, y), 1);
		expect(accuracy(predictForest(model, x), y)).toBe(1);
		expect(info).toEqual({ iterations: 30, converged: true, loss: null });
		expect(model.trees).toHaveLength(30);
	});

	it('gives the same forest for a seed, another for another seed, and the same from JSON', async () => {
		const { x, y } = xorData(300, 7);
		const a = await fitForest(spec(), binary(x, y), 11);
		const b = await fitForest(spec(), binary(x, y), 11);
		const c = await fitForest(spec(), binary(x, y), 12);
		expect(b.model).toEqual(a.model);
		expect(predictForest(b.model, x)).toEqual(predictForest(a.model, x));
		expect(proba(predictForest(c.model, x))).not.toEqual(proba(predictForest(a.model, x)));
		const copy = JSON.parse(JSON.stringify(a.model)) as ForestModel;
		expect(predictForest(copy, x)).toEqual(predictForest(a.model, x));
	});

	it('recovers an XOR of two features among noise on held-out rows', async () => {
		const { x, y } = xorData(1500, 42);
		const { model } = await fitForest(spec(), binary(slice(x, 0, 1000), y.slice(0, 1000)), 3);
		expect(accuracy(predictForest(model, slice(x, 1000, 1500)), y.slice(1000))).toBeGreaterThan(
			0.95
		);
	});

	it('learns a smooth regression function, reports the out-of-bag R² and survives JSON', async () => {
		const rng = createRng(5);
		const points = uniformRows(900, 3, 9);
		const f = ([a, b]: number[]) => Math.sin(2 * Math.PI * a) + b * b;
		const x = featureMatrix(points);
		const y = Float64Array.from(points, (p) => f(p) + 0.1 * (rng.next() - 0.5));
		const train: TrainData = { task: 'regression', x: slice(x, 0, 600), y: y.slice(0, 600) };
		const { model } = await fitForest(spec({ maxFeatures: 'all' }), train, 1);
		const predicted = values(predictForest(model, slice(x, 600, 900)));
		const { r2 } = regressionMetrics(y.slice(600), predicted);
		expect(r2).toBeGreaterThan(0.97);
		expect(model.oob?.metric).toBe('r2');
		expect(Math.abs(model.oob!.value - r2!)).toBeLessThan(0.02);
		const copy = JSON.parse(JSON.stringify(model)) as ForestModel;
		expect(values(predictForest(copy, slice(x, 600, 900)))).toEqual(predicted);
	});

	it('reports an out-of-bag ROC-AUC close to the held-out one', async () => {
		const rng = createRng(11);
		const points = uniformRows(5000, 4, 24);
		const y = Int32Array.from(points, ([a, b]) => (a + b + 0.6 * (rng.next() - 0.5) > 1 ? 1 : 0));
		const x = featureMatrix(points);
		// 100 trees: with fewer, each row's out-of-bag vote is small and the score runs low.
		const train = binary(slice(x, 0, 1000), y.slice(0, 1000));
		const { model } = await fitForest(spec({ trees: 100 }), train, 3);
		const held = positiveAuc(predictForest(model, slice(x, 1000, 5000)), y.slice(1000));
		expect(model.oob).toMatchObject({ metric: 'roc_auc', rows: 1000 });
		expect(Math.abs(model.oob!.value - held)).toBeLessThan(0.02);
	});

	it('separates three classes with probabilities summing to one', async () => {
		const points = uniformRows(400, 3, 3).map(([a, b, c]) => [a * 3, b, c]);
		const y = Int32Array.from(points, ([a]) => Math.floor(a));
		const x = featureMatrix(points);
		const data: TrainData = { task: 'multiclass', classes: ['a', 'b', 'c'], x, y };
		const { model } = await fitForest(spec(), data, 4);
		const prediction = predictForest(model, x);
		expect(accuracy(prediction, y)).toBe(1);
		for (let i = 0; i < 400; i++) {
			const row = proba(prediction).subarray(i * 3, i * 3 + 3);
			expectClose(row[0] + row[1] + row[2], 1, 1e-12);
		}
		expect(model.oob?.metric).toBe('accuracy');
		expect(model.oob!.value).toBeGreaterThan(0.95);
	});

	it('grows the same trees as before, bit for bit (pinned hashes of their JSON)', async () => {
		// Recorded when growTree's thresholds, feature draws and quantile bins took scikit-learn's rules.
		const sha256 = (model: ForestModel) =>
			createHash('sha256').update(JSON.stringify(model.trees)).digest('hex');
		const { x, y } = xorData(600, 5);
		const gini = await fitForest(spec({ trees: 5 }), binary(x, y), 21);
		const entropy = await fitForest(
			spec({ trees: 5, criterion: 'entropy', maxFeatures: 0.6 }),
			binary(x, y),
			22
		);
		const noise = createRng(3);
		const yv = Float64Array.from({ length: 600 }, (_, i) => {
			const row = x.values.subarray(i * 5, i * 5 + 5);
			return Math.sin(6 * row[0]) + row[1] * row[2] + 0.1 * noise.next();
		});
		const regression = await fitForest(spec({ trees: 5 }), { task: 'regression', x, y: yv }, 23);
		expect([sha256(gini.model), sha256(entropy.model), sha256(regression.model)]).toEqual([
			'42c2c30606f80fb79ffb1e694153a45b0d2c814dc9d95fe11b63e2395d247367',
			'66d34cd7353d12800cfe01c262e85154921435a7ae0717d1be4b90c055ab9db7',
			'e5f00931654e2ec2b658ed0827d187938a62505143878d8f1f4d2a91cfe4f816'
		]);
	});

	it('counts the features per split as scikit-learn does', () => {
		expect(featuresPerSplit('sqrt', 105)).toBe(10);
		expect(featuresPerSplit('sqrt', 2)).toBe(1);
		expect(featuresPerSplit('all', 7)).toBe(7);
		expect(featuresPerSplit(0.5, 7)).toBe(3);
		expect(featuresPerSplit(0.01, 7)).toBe(1);
	});

	it('rejects bad hyperparameters', async () => {
		const { x, y } = xorData(20, 1);
		const bad: Partial<ForestSpec>[] = [
			{ trees: 0 },
			{ trees: 2.5 },
			{ maxDepth: -1 },
			{ maxDepth: 1.5 },
			{ minSamplesLeaf: 0 },
			{ maxFeatures: 0 },
			{ maxFeatures: 1.5 },
			{ maxFeatures: 'log2' as 'sqrt' },
			{ criterion: 'squared_error' as 'gini' }
		];
		for (const over of bad)
			await expectCoreError(() => fitForest(spec(over), binary(x, y), 1), 'bad-spec');
	});

	it('stops with the cancelled error, before fitting or between ticks', async () => {
		const { x, y } = xorData(300, 1);
		const aborted = new AbortController();
		aborted.abort();
		await expectCoreError(
			() => fitForest(spec(), binary(x, y), 1, { signal: aborted.signal }),
			'cancelled'
		);
		const later = new AbortController();
		const events: FitEvent[] = [];
		const onEvent = (event: FitEvent) => {
			events.push(event);
			if (event.kind === 'progress' && event.fraction >= 0.2) later.abort();
		};
		await expectCoreError(
			() => fitForest(spec(), binary(x, y), 1, { signal: later.signal, onEvent }),
			'cancelled'
		);
		const last = events[events.length - 1];
		expect(last).toMatchObject({ kind: 'progress', phase: 'Growing trees' });
		expect(last.kind === 'progress' && last.fraction).toBeLessThan(0.3);
	});
});

describe('random forest on titanic', () => {
	const sklearn = REFERENCE.titanic.scores.random_forest;

	it(`scores a test ROC-AUC within 0.01 of scikit-learn's (${sklearn})`, async () => {
		const data = await loadReference('titanic');
		const { table } = typeTable(data.parts.train, data.schema);
		const { recipe, x } = fitRecipe(data.recipe, table);
		const test = typeTable(data.parts.test, data.schema).table;
		const target = data.target;
		if (target.task !== 'binary') throw new Error('titanic has a binary target');
		const y = encodeClasses(findColumn(table.columns, target.name)!, target.classes);
		const testY = encodeClasses(findColumn(test.columns, target.name)!, target.classes);
		const { model } = await fitForest(DEFAULT_FOREST_SPEC, binary(x, y), 42);
		const auc = positiveAuc(predictForest(model, applyRecipe(recipe, test)), testY);
		console.log(`random forest titanic test ROC-AUC: ${auc.toFixed(4)}`);
		expect(Math.abs(auc - sklearn)).toBeLessThan(0.01);
	});
});
