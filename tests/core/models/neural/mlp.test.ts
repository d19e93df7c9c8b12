import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	DEFAULT_NEURAL_SPEC,
	fitNeural,
	predictNeural,
	type NeuralModel,
	type NeuralSpec
} from '../../../../src/core/models/neural/mlp';
import type { FitEvent, Prediction, TrainData } from '../../../../src/core/models/model';
import type { FeatureMatrix } from '../../../../src/core/prepare/recipe';
import { createRng } from '../../../../src/core/util/rng';
import { expectClose, expectCoreError, featureMatrix } from '../../helpers';
import { accuracy, proba } from '../predictions';

const spec = (over: Partial<NeuralSpec> = {}): NeuralSpec => ({
	...DEFAULT_NEURAL_SPEC,
	hidden: [8],
	epochs: 20,
	...over
});

/** Rows of uniform features in [-1, 1); class 1 where the first two have the same sign. */
function xorRows(rows: number, seed: number): { x: FeatureMatrix; y: Int32Array } {
	const rng = createRng(seed);
	const points = Array.from({ length: rows }, () => [2 * rng.next() - 1, 2 * rng.next() - 1]);
	return { x: featureMatrix(points), y: Int32Array.from(points, ([a, b]) => (a * b > 0 ? 1 : 0)) };
}

/** Rows of 10 uniform features in [-1, 1); class 1 where the first is positive, flipped with `noise`. */
function signRows(rows: number, seed: number, noise: number): { x: FeatureMatrix; y: Int32Array } {
	const rng = createRng(seed);
	const points = Array.from({ length: rows }, () =>
		Array.from({ length: 10 }, () => 2 * rng.next() - 1)
	);
	const y = Int32Array.from(points, ([a]) => (a > 0 !== rng.next() < noise ? 1 : 0));
	return { x: featureMatrix(points), y };
}

const binary = (
	x: FeatureMatrix,
	y: Int32Array,
	validation?: { x: FeatureMatrix; y: Int32Array }
): TrainData => ({ task: 'binary', classes: ['no', 'yes'], x, y, validation });

/** Mean log-loss of binary probabilities. */
function logLoss(prediction: Prediction, y: Int32Array): number {
	const p = proba(prediction);
	let sum = 0;
	for (let i = 0; i < y.length; i++) sum -= Math.log(p[2 * i + y[i]]);
	return sum / y.length;
}

beforeAll(async () => {
	tf.env().set('PROD', true);
	expect(await tf.setBackend('cpu')).toBe(true);
});

describe('neural network', () => {
	it('fits XOR exactly with one hidden layer', async () => {
		const x = featureMatrix([
			[0, 0],
			[0, 1],
			[1, 0],
			[1, 1]
		]);
		const y = Int32Array.from([0, 1, 1, 0]);
		const { model, info } = await fitNeural(
			spec({
				hidden: [8],
				activation: 'tanh',
				learningRate: 0.1,
				epochs: 100,
				patience: 0,
				l2: 0
			}),
			binary(x, y),
			1
		);
		expect(accuracy(predictNeural(model, x), y)).toBe(1);
		expect(info).toMatchObject({ iterations: 100, converged: false });
		expect(info.loss).toBeLessThan(0.1);
		expect(model).toMatchObject({ backend: 'cpu', epoch: 100, task: 'binary', target: null });
	});

	it('gives identical weights for the same seed and different ones for another', async () => {
		const { x, y } = xorRows(120, 3);
		const options = spec({ hidden: [8, 4], dropout: 0.2, batchSize: 32, epochs: 5, patience: 0 });
		const a = await fitNeural(options, binary(x, y), 7);
		const b = await fitNeural(options, binary(x, y), 7);
		const c = await fitNeural(options, binary(x, y), 8);
		expect(b.model.layers).toEqual(a.model.layers);
		expect(proba(predictNeural(b.model, x))).toEqual(proba(predictNeural(a.model, x)));
		expect(proba(predictNeural(c.model, x))).not.toEqual(proba(predictNeural(a.model, x)));
	});

	it('predicts identically from a JSON copy', async () => {
		const { x, y } = xorRows(100, 4);
		const { model } = await fitNeural(spec({ epochs: 3 }), binary(x, y), 1);
		const copy = JSON.parse(JSON.stringify(model)) as NeuralModel;
		expect(proba(predictNeural(copy, x))).toEqual(proba(predictNeural(model, x)));
	});

	it('stops early when the validation loss rises, keeping the best epoch', async () => {
		// 40 train rows with 30 % of labels flipped and 9 useless features: a wide network first
		// learns the rule, then the noise, which the 200 clean validation rows punish.
		const train = signRows(40, 3, 0.3);
		const validation = signRows(200, 103, 0);
		const events: FitEvent[] = [];
		const { model, info } = await fitNeural(
			spec({ hidden: [64], learningRate: 0.01, batchSize: 10, epochs: 200, patience: 5, l2: 0 }),
			binary(train.x, train.y, validation),
			3,
			{ onEvent: (e) => events.push(e) }
		);
		const losses = events.flatMap((e) => (e.kind === 'loss' ? [e] : []));
		expect(info).toMatchObject({ iterations: model.epoch + 5, converged: true });
		expect(losses).toHaveLength(info.iterations);
		expect(model.epoch).toBeGreaterThan(5);
		const kept = losses[model.epoch - 1];
		// The lowest validation loss, give or take the 1e-4 an epoch must gain to count as better.
		const lowest = Math.min(...losses.map((e) => e.validation!));
		expect(kept.validation).toBeLessThanOrEqual(lowest + 1e-4);
		expect(losses[0].validation).toBeGreaterThan(kept.validation! + 0.1);
		expect(losses.at(-1)!.validation).toBeGreaterThan(kept.validation! + 0.01);
		expect(info.loss).toBe(kept.loss);
		// The kept weights are that epoch's: their validation loss is the one reported for it.
		expectClose(logLoss(predictNeural(model, validation.x), validation.y), kept.validation!, 1e-5);
	});

	it('learns a regression target on its standardised scale', async () => {
		const rng = createRng(6);
		const rows = Array.from({ length: 300 }, () => [rng.next(), rng.next()]);
		const y = Float64Array.from(rows, ([a, b]) => 1000 + 300 * a - 200 * b * b);
		const data: TrainData = { task: 'regression', x: featureMatrix(rows), y };
		const { model } = await fitNeural(
			spec({ hidden: [16], learningRate: 0.03, batchSize: 100, epochs: 100, patience: 0 }),
			data,
			1
		);
		if (model.task !== 'regression') throw new Error('expected a regression model');
		const prediction = predictNeural(model, data.x);
		if (prediction.kind !== 'values') throw new Error('expected values');
		const rmse = Math.sqrt(prediction.values.reduce((s, v, i) => s + (v - y[i]) ** 2, 0) / 300);
		expect(model.target.mean).toBeCloseTo(y.reduce((s, v) => s + v, 0) / 300, 6);
		expect(model.target.sd).toBeGreaterThan(50);
		expect(rmse).toBeLessThan(0.1 * model.target.sd);
	});

	it('separates three classes with a softmax', async () => {
		const rng = createRng(8);
		const centres = [
			[0, 0],
			[3, 0],
			[0, 3]
		];
		const labels = Int32Array.from({ length: 150 }, (_, i) => i % 3);
		const x = featureMatrix(Array.from(labels, (c) => centres[c].map((m) => m + rng.next() - 0.5)));
		const data: TrainData = { task: 'multiclass', classes: ['a', 'b', 'c'], x, y: labels };
		const { model } = await fitNeural(
			spec({ learningRate: 0.02, batchSize: 30, epochs: 30 }),
			data,
			1
		);
		const prediction = predictNeural(model, x);
		expect(accuracy(prediction, labels)).toBe(1);
		expect(model.layers.at(-1)!.outputs).toBe(3);
		const p = proba(prediction);
		for (let i = 0; i < 150; i++) expectClose(p[3 * i] + p[3 * i + 1] + p[3 * i + 2], 1, 1e-12);
	});

	it('leaves no tensors behind after a fit, a cancelled fit and a prediction', async () => {
		const { x, y } = xorRows(60, 9);
		const before = tf.memory().numTensors;
		const { model } = await fitNeural(
			spec({ dropout: 0.3, epochs: 4, patience: 1 }),
			binary(x, y, { x, y }),
			1
		);
		expect(tf.memory().numTensors).toBe(before);
		const controller = new AbortController();
		const fit = fitNeural(spec({ epochs: 50, batchSize: 10 }), binary(x, y), 1, {
			signal: controller.signal,
			onEvent: (e) => e.kind === 'loss' && controller.abort()
		});
		await expectCoreError(() => fit, 'cancelled');
		expect(tf.memory().numTensors).toBe(before);
		predictNeural(model, x);
		expect(tf.memory().numTensors).toBe(before);
	});

	it('stops within a batch of a cancel', async () => {
		const { x, y } = xorRows(200, 10);
		const controller = new AbortController();
		let batches = 0;
		const fit = fitNeural(spec({ epochs: 50, batchSize: 10 }), binary(x, y), 1, {
			signal: controller.signal,
			onEvent: (e) => {
				if (e.kind !== 'progress') return;
				if (++batches === 3) controller.abort();
			}
		});
		await expectCoreError(() => fit, 'cancelled');
		expect(batches).toBe(3);
		const aborted = new AbortController();
		aborted.abort();
		await expectCoreError(
			() => fitNeural(spec(), binary(x, y), 1, { signal: aborted.signal }),
			'cancelled'
		);
	});

	it('rejects a bad spec', async () => {
		const { x, y } = xorRows(10, 11);
		const bad: Partial<NeuralSpec>[] = [
			{ hidden: [0] },
			{ hidden: [2.5] },
			{ activation: 'sigmoid' as 'relu' },
			{ dropout: 1 },
			{ learningRate: 0 },
			{ batchSize: 0 },
			{ epochs: 1.5 },
			{ patience: -1 },
			{ l2: -1 }
		];
		for (const over of bad)
			await expectCoreError(() => fitNeural(spec(over), binary(x, y), 1), 'bad-spec');
		const empty = { rows: 0, width: 2, values: new Float64Array(0), features: ['a', 'b'] };
		await expectCoreError(
			() => fitNeural(spec(), binary(empty, new Int32Array(0)), 1),
			'no-train-rows'
		);
	});

	it('predicts what TF.js computes from the same weights, to 1e-6', async () => {
		const { x, y } = xorRows(300, 12);
		for (const activation of ['relu', 'tanh'] as const) {
			const { model } = await fitNeural(
				spec({ hidden: [64, 32], activation, epochs: 5 }),
				binary(x, y),
				1
			);
			const ours = proba(predictNeural(model, x));
			const theirs = tf.tidy(() => {
				let h: tf.Tensor = tf.tensor2d(Float32Array.from(x.values), [x.rows, x.width]);
				model.layers.forEach((layer, l) => {
					const w = tf.tensor2d(layer.weights, [layer.inputs, layer.outputs]);
					const z = tf.add(tf.matMul(h, w), tf.tensor1d(layer.bias));
					const last = l === model.layers.length - 1;
					h = last ? tf.sigmoid(z) : activation === 'relu' ? tf.relu(z) : tf.tanh(z);
				});
				return h.dataSync();
			});
			expectClose(
				ours.filter((_, i) => i % 2 === 1),
				theirs,
				1e-6
			);
		}
	});
});
