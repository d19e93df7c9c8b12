import { describe, expect, it } from 'vitest';
import {
	fitLinear,
	predictLinear,
	type LinearModel
} from '../../../../src/core/models/linear/linear';
import type { FeatureMatrix } from '../../../../src/core/prepare/recipe';
import type { FitEvent } from '../../../../src/core/models/model';
import { expectClose, expectCoreError, featureMatrix } from '../../helpers';
import {
	expectKkt,
	logisticLabels,
	lossGradient,
	normalMatrix,
	penalisedObjective
} from './penalised';

// 200 rows, 8 features; only x0 and x1 inform the class.
const X = normalMatrix(7, 200, 8);
const Y = logisticLabels(X, [2, -1.5], 0.3, 8);
// Three classes: class 1 as Y, otherwise 2 where x2 > 0.5.
const Y3 = Int32Array.from(Y, (v, i) => (v === 1 ? 1 : X.values[i * 8 + 2] > 0.5 ? 2 : 0));

const binary = (l1: number, l2 = 0, x = X, y = Y, onEvent?: (e: FitEvent) => void) =>
	fitLinear(
		{ kind: 'linear', l2, l1 },
		{ task: 'binary', classes: ['no', 'yes'], y, x },
		{ onEvent }
	);
const multiclass = (l1: number, l2 = 0, x: FeatureMatrix = X) =>
	fitLinear({ kind: 'linear', l2, l1 }, { task: 'multiclass', classes: ['a', 'b', 'c'], y: Y3, x });

const mean = (values: ArrayLike<number>) =>
	Array.from(values).reduce((s, v) => s + v, 0) / values.length;

describe('L1 logistic regression', () => {
	it("matches scikit-learn 1.9's LogisticRegression(solver='saga') with C = 1 / l1, or 1 / (l1 + l2) and l1_ratio = l1 / (l1 + l2)", async () => {
		// Printed by scikit-learn (tol = 1e-15) on eight rows; multinomial intercepts centred.
		const x = featureMatrix([
			[0.5, 1.2],
			[-1.0, 0.3],
			[1.5, -0.7],
			[0.2, 0.1],
			[-0.3, -1.1],
			[2.0, 0.4],
			[-1.4, 0.9],
			[0.8, -0.2]
		]);
		const y = Int32Array.from([1, 0, 1, 0, 1, 1, 0, 0]);
		const y3 = Int32Array.from([0, 1, 2, 0, 2, 2, 1, 0]);
		const cases = [
			{ l1: 0.5, l2: 0, w: [1.014104782224, 0], b: -0.29419087552 },
			{ l1: 0.5, l2: 0.5, w: [0.771430273976, 0], b: -0.22287007563 }
		];
		for (const { l1, l2, w, b } of cases) {
			const { model } = await binary(l1, l2, x, y);
			expectClose(model.weights[0], w, 1e-8);
			expectClose(model.intercepts[0], b, 1e-8);
		}
		const multinomial = [
			{
				l1: 0.5,
				l2: 0,
				w: [0, 0, -2.205469211649, 0, 0.705779229317, -1.436920427048],
				b: [0.551418540567, -0.539736999414, -0.011681541153]
			},
			{
				l1: 0.5,
				l2: 0.5,
				w: [0, 0, -1.156334820811, 0, 0.46824985752, -0.789413131698],
				b: [0.295771573071, -0.310845442201, 0.01507386913]
			}
		];
		for (const { l1, l2, w, b } of multinomial) {
			const { model } = await fitLinear(
				{ kind: 'linear', l2, l1 },
				{ task: 'multiclass', classes: ['a', 'b', 'c'], y: y3, x }
			);
			expectClose(model.weights.flat(), w, 1e-6);
			expectClose(model.intercepts, b, 1e-6);
			expect(model.weights.flat().map((v) => v === 0)).toEqual(w.map((v) => v === 0));
		}
	});

	it('sets the noise features to exactly 0 and keeps the informative ones, with their signs', async () => {
		const { model, info } = await binary(10);
		expect(info.converged).toBe(true);
		const [w0, w1, ...noise] = model.weights[0];
		expect(w0).toBeGreaterThan(0.5);
		expect(w1).toBeLessThan(-0.5);
		expect(noise).toEqual([0, 0, 0, 0, 0, 0]);
	});

	it('stops where the KKT conditions hold, lasso and elastic net', async () => {
		for (const [l1, l2] of [
			[1, 0],
			[10, 0],
			[3, 5]
		]) {
			const { model, info } = await binary(l1, l2);
			expect(info.converged).toBe(true);
			expect(info.iterations).toBeGreaterThan(0);
			expectKkt(model, X, Y, l1, l2, 1e-7 * X.rows);
			expectClose(info.loss!, penalisedObjective(model, X, Y, l1, l2) / X.rows, 1e-12);
		}
	});

	it("zeroes every weight just above l1 = max |X'(y - mean y)|, leaving the log-odds of the positive share", async () => {
		// At w = 0 the best intercept is logit(mean y), where the loss's gradient is X'(mean y - y).
		const share = mean(Y);
		const zero = {
			...binaryModel(),
			weights: [new Array<number>(8).fill(0)],
			intercepts: [Math.log(share / (1 - share))]
		};
		const lambdaMax = Math.max(...lossGradient(zero, X, Y)[0].slice(0, 8).map(Math.abs));
		const { model } = await binary(lambdaMax * (1 + 1e-9));
		expect(model.weights[0]).toEqual(new Array<number>(8).fill(0));
		expectClose(model.intercepts[0], Math.log(share / (1 - share)), 1e-7);
		const below = (await binary(0.95 * lambdaMax)).model.weights[0];
		expect(below.filter((w) => w !== 0)).toHaveLength(1);
	});

	it('agrees with the smooth L2 fit when l1 is negligible', async () => {
		const smooth = (await binary(0, 2)).model;
		const sparse = (await binary(1e-9, 2)).model;
		expectClose(sparse.weights[0], smooth.weights[0], 1e-7);
		expectClose(sparse.intercepts[0], smooth.intercepts[0], 1e-7);
	});

	it('reports a falling objective each iteration, and gives identical weights for the same data', async () => {
		const events: FitEvent[] = [];
		const first = await binary(1, 0, X, Y, (e) => events.push(e));
		const losses = events.flatMap((e) => (e.kind === 'loss' ? [e] : []));
		expect(losses.map((e) => e.iteration)).toEqual(losses.map((_, k) => k + 1));
		expect(losses.length).toBe(first.info.iterations);
		for (let k = 1; k < losses.length; k++)
			expect(losses[k].loss).toBeLessThanOrEqual(losses[k - 1].loss);
		expect(events.some((e) => e.kind === 'progress')).toBe(true);
		expect((await binary(1)).model).toEqual(first.model);
	});

	it('throws cancelled when the signal is aborted during the fit', async () => {
		const controller = new AbortController();
		await expectCoreError(
			() =>
				fitLinear(
					{ kind: 'linear', l2: 0, l1: 1 },
					{ task: 'binary', classes: ['no', 'yes'], y: Y, x: X },
					{ signal: controller.signal, onEvent: (e) => e.kind === 'loss' && controller.abort() }
				),
			'cancelled'
		);
	});
});

describe('L1 multinomial regression', () => {
	it('stops where the KKT conditions hold for every class, lasso and elastic net', async () => {
		for (const [l1, l2] of [
			[1, 0],
			[10, 0],
			[1, 0.5]
		]) {
			const { model, info } = await multiclass(l1, l2);
			expect(info.converged).toBe(true);
			expect(model.weights).toHaveLength(3);
			expectKkt(model, X, Y3, l1, l2, 1e-7 * X.rows);
			expectClose(info.loss!, penalisedObjective(model, X, Y3, l1, l2) / X.rows, 1e-12);
		}
	});

	it('keeps per class only the features that separate it, and centres the intercepts', async () => {
		const { model } = await multiclass(10);
		// Class b is Y's positive class (x0, x1); class c is decided by x2.
		expect(model.weights[1].slice(0, 2).every((w) => w !== 0)).toBe(true);
		expect(model.weights[2][2]).toBeGreaterThan(0);
		for (const w of model.weights) expect(w.slice(3)).toEqual([0, 0, 0, 0, 0]);
		expectClose(mean(model.intercepts), 0, 1e-12);
	});

	it('predicts the class shares when l1 zeroes every weight, and identically after a JSON round trip', async () => {
		const { model } = await multiclass(1000);
		for (const w of model.weights) expect(w).toEqual(new Array<number>(8).fill(0));
		const prediction = predictLinear(model, X);
		if (prediction.kind !== 'classes') throw new Error('expected class probabilities');
		const shares = [0, 1, 2].map((c) => mean(Array.from(Y3, (y) => (y === c ? 1 : 0))));
		// To the solver's tolerance: the intercepts' gradient, divided by n, is below 1e-8.
		expectClose(prediction.proba.subarray(0, 3), shares, 1e-7);
		const copy = JSON.parse(JSON.stringify(model)) as LinearModel;
		expect(predictLinear(copy, X)).toEqual(prediction);
	});
});

function binaryModel(): LinearModel {
	return {
		kind: 'linear',
		task: 'binary',
		classes: ['no', 'yes'],
		features: X.features,
		weights: [],
		intercepts: []
	};
}
