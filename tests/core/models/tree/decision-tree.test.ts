import { describe, expect, it } from 'vitest';
import {
	fitDecisionTree,
	predictDecisionTree,
	type DecisionTreeModel,
	type DecisionTreeSpec
} from '../../../../src/core/models/tree/decision-tree';
import type { Prediction, TrainData } from '../../../../src/core/models/model';
import type { FeatureMatrix } from '../../../../src/core/prepare/recipe';
import { createRng } from '../../../../src/core/util/rng';
import { expectClose, expectCoreError, featureMatrix } from '../../helpers';

const spec = (over: Partial<DecisionTreeSpec> = {}): DecisionTreeSpec => ({
	kind: 'tree',
	criterion: 'gini',
	maxDepth: 8,
	minSamplesLeaf: 5,
	...over
});

function proba(prediction: Prediction): Float64Array {
	if (prediction.kind !== 'classes') throw new Error('expected class probabilities');
	return prediction.proba;
}

/** Returns the index of the most probable class of each row. */
function argmax(prediction: Prediction): number[] {
	const p = proba(prediction);
	const k = prediction.kind === 'classes' ? prediction.classes.length : 1;
	const out: number[] = [];
	for (let i = 0; i < p.length / k; i++) {
		let best = 0;
		for (let c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
		out.push(best);
	}
	return out;
}

function accuracy(prediction: Prediction, y: Int32Array): number {
	return argmax(prediction).filter((c, i) => c === y[i]).length / y.length;
}

/** Rows of uniform features in [0, 1) and the XOR rule y = (x0 > 0.3) xor (x1 > 0.6). */
function xorData(rows: number, seed: number): { x: FeatureMatrix; y: Int32Array } {
	const rng = createRng(seed);
	const points = Array.from({ length: rows }, () => [rng.next(), rng.next(), rng.next()]);
	const y = Int32Array.from(points, ([a, b]) => (a > 0.3 !== b > 0.6 ? 1 : 0));
	return { x: featureMatrix(points), y };
}

const binary = (x: FeatureMatrix, y: Int32Array): TrainData => ({
	task: 'binary',
	classes: ['no', 'yes'],
	x,
	y
});

describe('decision tree', () => {
	it('fits a tiny dataset exactly with leaves of one row', async () => {
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
		const { model, info } = await fitDecisionTree(
			spec({ minSamplesLeaf: 1, maxDepth: 10 }),
			binary(x, y),
			42
		);
		expect(accuracy(predictDecisionTree(model, x), y)).toBe(1);
		expect(info).toEqual({ iterations: model.tree.feature.length, converged: true, loss: null });
		expect(info.iterations).toBeGreaterThan(1);
	});

	it('predicts identically from the same data, and from a JSON copy', async () => {
		const { x, y } = xorData(500, 7);
		const a = await fitDecisionTree(spec(), binary(x, y), 42);
		const b = await fitDecisionTree(spec(), binary(x, y), 42);
		expect(b.model).toEqual(a.model);
		const copy = JSON.parse(JSON.stringify(a.model)) as DecisionTreeModel;
		expect(predictDecisionTree(copy, x)).toEqual(predictDecisionTree(a.model, x));
	});

	it('recovers an XOR of two thresholds on held-out rows', async () => {
		const { x, y } = xorData(2000, 42);
		const trainRows = 1500;
		const slice = (from: number, to: number): FeatureMatrix => ({
			rows: to - from,
			width: x.width,
			values: x.values.slice(from * x.width, to * x.width),
			features: x.features
		});
		for (const criterion of ['gini', 'entropy'] as const) {
			const { model } = await fitDecisionTree(
				spec({ criterion }),
				binary(slice(0, trainRows), y.slice(0, trainRows)),
				42
			);
			const test = predictDecisionTree(model, slice(trainRows, 2000));
			expect(accuracy(test, y.slice(trainRows))).toBeGreaterThan(0.97);
			expect(model.tree.feature[0]).not.toBe(2);
		}
	});

	it('learns a step function for a regression task, even from a Gini spec', async () => {
		const points = Array.from({ length: 200 }, (_, i) => [i / 200]);
		const step = (v: number) => (v <= 0.25 ? 1 : v <= 0.7 ? -2 : 5);
		const x = featureMatrix(points);
		const y = Float64Array.from(points, ([v]) => step(v));
		const { model } = await fitDecisionTree(spec(), { task: 'regression', x, y }, 42);
		expect(model.task).toBe('regression');
		const probe = featureMatrix([[0], [0.2], [0.3], [0.69], [0.71], [1.5]]);
		const prediction = predictDecisionTree(model, probe);
		if (prediction.kind !== 'values') throw new Error('expected values');
		expectClose(prediction.values, [1, 1, -2, -2, 5, 5], 1e-12);
		expect(model.tree.feature.length).toBe(5);
	});

	it('separates three classes and returns probabilities per class', async () => {
		const rng = createRng(3);
		const points = Array.from({ length: 300 }, () => [rng.next() * 3, rng.next()]);
		const y = Int32Array.from(points, ([a]) => Math.floor(a));
		const x = featureMatrix(points);
		const { model } = await fitDecisionTree(
			spec(),
			{
				task: 'multiclass',
				classes: ['a', 'b', 'c'],
				x,
				y
			},
			42
		);
		const prediction = predictDecisionTree(model, x);
		expect(proba(prediction).length).toBe(900);
		expect(accuracy(prediction, y)).toBe(1);
		for (let i = 0; i < 300; i++) {
			const row = proba(prediction).subarray(i * 3, i * 3 + 3);
			expectClose(row[0] + row[1] + row[2], 1, 1e-12);
		}
	});

	it('stops with the cancelled error when the signal is already aborted', async () => {
		const { x, y } = xorData(100, 1);
		const controller = new AbortController();
		controller.abort();
		await expectCoreError(
			() => fitDecisionTree(spec(), binary(x, y), 42, { signal: controller.signal }),
			'cancelled'
		);
	});

	it('rejects a depth or leaf size that is not a whole number', async () => {
		const { x, y } = xorData(20, 1);
		await expectCoreError(
			() => fitDecisionTree(spec({ maxDepth: 1.5 }), binary(x, y), 42),
			'bad-spec'
		);
		await expectCoreError(
			() => fitDecisionTree(spec({ minSamplesLeaf: 0 }), binary(x, y), 42),
			'bad-spec'
		);
	});
});
