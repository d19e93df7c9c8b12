import { describe, expect, it } from 'vitest';
import {
	fitLinear,
	predictLinear,
	type LinearModel
} from '../../../../src/core/models/linear/linear';
import { binaryObjective } from '../../../../src/core/models/linear/logistic';
import { toSparseRows } from '../../../../src/core/prepare/sparse-rows';
import { minimizeLbfgs, type Objective } from '../../../../src/core/util/lbfgs';
import type { FeatureMatrix } from '../../../../src/core/prepare/recipe';
import type { Prediction, TrainData } from '../../../../src/core/models/model';
import { expectClose, expectCoreError, featureMatrix } from '../../helpers';

// Eight rows, two features, classes overlapping: the binary optimum is finite even without a penalty.
const X = featureMatrix([
	[0.5, 1.2],
	[-1.0, 0.3],
	[1.5, -0.7],
	[0.2, 0.1],
	[-0.3, -1.1],
	[2.0, 0.4],
	[-1.4, 0.9],
	[0.8, -0.2]
]);
const Y = Int32Array.from([1, 0, 1, 0, 1, 1, 0, 0]);
const Y3 = Int32Array.from([0, 1, 2, 0, 2, 2, 1, 0]);

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The objective (1/n)[sum of log losses + l2/2 |w|^2] over [w, b], written densely and independently. */
function denseBinary(x: FeatureMatrix, y: Int32Array, l2: number): Objective {
	return (theta, grad) => {
		const p = x.width;
		grad.fill(0);
		let f = 0;
		for (let i = 0; i < x.rows; i++) {
			let z = theta[p];
			for (let j = 0; j < p; j++) z += x.values[i * p + j] * theta[j];
			const mu = sigmoid(z);
			f -= y[i] === 1 ? Math.log(mu) : Math.log(1 - mu);
			for (let j = 0; j < p; j++) grad[j] += (mu - y[i]) * x.values[i * p + j];
			grad[p] += mu - y[i];
		}
		for (let j = 0; j < p; j++) {
			f += 0.5 * l2 * theta[j] ** 2;
			grad[j] += l2 * theta[j];
		}
		for (let j = 0; j <= p; j++) grad[j] /= x.rows;
		return f / x.rows;
	};
}

/** The gradient of the multinomial objective, class by class [w_c, b_c], written independently. */
function multinomialGradient(
	x: FeatureMatrix,
	y: Int32Array,
	model: LinearModel,
	l2: number
): number[] {
	const k = model.weights.length;
	const p = x.width;
	const grad = new Array<number>(k * (p + 1)).fill(0);
	for (let i = 0; i < x.rows; i++) {
		const z = model.weights.map((w, c) =>
			w.reduce((s, wj, j) => s + wj * x.values[i * p + j], model.intercepts[c])
		);
		const sum = z.reduce((s, v) => s + Math.exp(v), 0);
		for (let c = 0; c < k; c++) {
			const r = Math.exp(z[c]) / sum - (y[i] === c ? 1 : 0);
			for (let j = 0; j < p; j++) grad[c * (p + 1) + j] += r * x.values[i * p + j];
			grad[c * (p + 1) + p] += r;
		}
	}
	for (let c = 0; c < k; c++)
		for (let j = 0; j < p; j++) grad[c * (p + 1) + j] += l2 * model.weights[c][j];
	return grad.map((g) => g / x.rows);
}

function params(model: LinearModel): Float64Array {
	return Float64Array.from([...model.weights[0], model.intercepts[0]]);
}

function probabilities(prediction: Prediction): Float64Array {
	if (prediction.kind !== 'classes') throw new Error('expected class probabilities');
	return prediction.proba;
}

const binary = (x: FeatureMatrix, y: Int32Array, l2: number) =>
	fitLinear({ kind: 'linear', l2 }, { task: 'binary', classes: ['no', 'yes'], y, x });
const multiclass = (x: FeatureMatrix, y: Int32Array, l2: number) =>
	fitLinear({ kind: 'linear', l2 }, { task: 'multiclass', classes: ['a', 'b', 'c'], y, x });

describe('binary logistic regression', () => {
	it('stops where the gradient of the full objective is zero', async () => {
		const { model, info } = await binary(X, Y, 1);
		expect(info.converged).toBe(true);
		const grad = new Float64Array(3);
		const f = denseBinary(X, Y, 1)(params(model), grad);
		expectClose(grad, [0, 0, 0], 1e-8);
		expectClose(info.loss!, f, 1e-12);
	});

	it('agrees with a direct L-BFGS minimisation of the same objective', async () => {
		const { model } = await binary(X, Y, 0.5);
		const direct = await minimizeLbfgs(denseBinary(X, Y, 0.5), new Float64Array(3), {
			maxIterations: 1000,
			gradTol: 1e-10,
			memory: 10
		});
		expectClose(params(model), direct.x, 1e-6);
	});

	it('computes the same objective and gradient as the dense formula', () => {
		const theta = Float64Array.from([0.3, -0.7, 0.2]);
		const sparseGrad = new Float64Array(3);
		const denseGrad = new Float64Array(3);
		const f = binaryObjective(toSparseRows(X), Y, 2)(theta, sparseGrad, new Float64Array(9));
		expectClose(f, denseBinary(X, Y, 2)(theta, denseGrad), 1e-14);
		expectClose(sparseGrad, denseGrad, 1e-14);
	});

	it('solves a one-feature case by hand: without a penalty, the fit reproduces the group rates', async () => {
		// x = 0: one positive in three (b = ln(1/2)); x = 1: three in four (b + w = ln 3), so w = ln 6.
		const x = featureMatrix([[0], [0], [0], [1], [1], [1], [1]]);
		const { model } = await binary(x, Int32Array.from([0, 0, 1, 1, 1, 0, 1]), 0);
		expectClose(model.intercepts[0], Math.log(1 / 2), 1e-8);
		expectClose(model.weights[0][0], Math.log(6), 1e-8);
		expectClose(
			probabilities(predictLinear(model, featureMatrix([[0], [1]]))),
			[2 / 3, 1 / 3, 1 / 4, 3 / 4],
			1e-8
		);
	});

	it('can overfit a tiny separable dataset with a tiny penalty', async () => {
		const x = featureMatrix([
			[-2, 1],
			[-1, -1],
			[1, 1],
			[2, -1]
		]);
		const y = Int32Array.from([0, 0, 1, 1]);
		const { model } = await binary(x, y, 1e-6);
		const proba = probabilities(predictLinear(model, x));
		for (let i = 0; i < 4; i++) expect(proba[i * 2 + y[i]]).toBeGreaterThan(0.99);
	});

	it('gives identical weights for the same data', async () => {
		const a = await binary(X, Y, 1);
		const b = await binary(X, Y, 1);
		expect(b.model).toEqual(a.model);
	});
});

describe('multinomial logistic regression', () => {
	it('stops where the gradient of the full objective is zero, with rows of probabilities summing to 1', async () => {
		const { model, info } = await multiclass(X, Y3, 1);
		expect(info.converged).toBe(true);
		expect(model.weights).toHaveLength(3);
		expectClose(multinomialGradient(X, Y3, model, 1), new Array<number>(9).fill(0), 1e-7);
		const proba = probabilities(predictLinear(model, X));
		for (let i = 0; i < X.rows; i++)
			expectClose(proba[i * 3] + proba[i * 3 + 1] + proba[i * 3 + 2], 1, 1e-12);
	});

	it('solves a one-feature case by hand: without a penalty, the fit reproduces the group shares', async () => {
		const x = featureMatrix([[0], [0], [0], [0], [1], [1], [1], [1]]);
		const { model } = await multiclass(x, Int32Array.from([0, 0, 1, 2, 1, 1, 2, 0]), 0);
		const proba = probabilities(predictLinear(model, featureMatrix([[0], [1]])));
		expectClose(proba, [0.5, 0.25, 0.25, 0.25, 0.5, 0.25], 1e-6);
	});

	it('can overfit a tiny separable dataset with a tiny penalty', async () => {
		const x = featureMatrix([
			[0, 0],
			[0, 0.2],
			[3, 0],
			[3, 0.2],
			[0, 3],
			[0.2, 3]
		]);
		const y = Int32Array.from([0, 0, 1, 1, 2, 2]);
		const { model } = await multiclass(x, y, 1e-4);
		const proba = probabilities(predictLinear(model, x));
		for (let i = 0; i < 6; i++) expect(proba[i * 3 + y[i]]).toBeGreaterThan(0.95);
	});

	it('gives identical weights for the same data', async () => {
		const a = await multiclass(X, Y3, 1);
		expect((await multiclass(X, Y3, 1)).model).toEqual(a.model);
	});
});

describe('ridge regression', () => {
	it('matches the one-feature closed form w = Sxy / (Sxx + l2), b = mean(y) - w mean(x)', async () => {
		// x mean 2.5, y mean 4.75, Sxx = 5, Sxy = 9.5.
		const x = featureMatrix([[1], [2], [3], [4]]);
		const { model } = await fitLinear(
			{ kind: 'linear', l2: 1 },
			{ task: 'regression', y: Float64Array.from([2, 4, 5, 8]), x }
		);
		expectClose(model.weights[0], [9.5 / 6], 1e-12);
		expectClose(model.intercepts[0], 4.75 - 2.5 * (9.5 / 6), 1e-12);
	});

	it("matches a two-feature solution of (X'X + l2 I) w = X'y by hand, without penalising the intercept", async () => {
		// Centred orthogonal columns: X'X = 4 I, X'(y - 1) = [8, 4]; with l2 = 4, w = [1, 0.5] and b = 1.
		const x = featureMatrix([
			[1, 1],
			[-1, 1],
			[1, -1],
			[-1, -1]
		]);
		const { model } = await fitLinear(
			{ kind: 'linear', l2: 4 },
			{ task: 'regression', y: Float64Array.from([4, 0, 2, -2]), x }
		);
		expectClose(model.weights[0], [1, 0.5], 1e-12);
		expectClose(model.intercepts[0], 1, 1e-12);
	});

	it('fits exact data exactly without a penalty, and rejects dependent features', async () => {
		const x = featureMatrix([
			[0, 1],
			[1, 0],
			[2, 3],
			[3, 1],
			[4, 4]
		]);
		const y = Float64Array.from(
			[0, 1, 2, 3, 4].map((i) => 1 + 2 * x.values[i * 2] - 3 * x.values[i * 2 + 1])
		);
		const { model } = await fitLinear({ kind: 'linear', l2: 0 }, { task: 'regression', y, x });
		expectClose(model.weights[0], [2, -3], 1e-10);
		expectClose(model.intercepts[0], 1, 1e-10);
		const prediction = predictLinear(model, x);
		expectClose(prediction.kind === 'values' ? prediction.values : [], y, 1e-10);
		const twice = featureMatrix([
			[1, 1],
			[2, 2],
			[3, 3]
		]);
		await expectCoreError(
			() =>
				fitLinear(
					{ kind: 'linear', l2: 0 },
					{ task: 'regression', y: Float64Array.from([1, 2, 3]), x: twice }
				),
			'singular'
		);
	});
});

describe('linear model checks', () => {
	it('rejects a negative or missing penalty, no rows, and a matrix of the wrong width', async () => {
		await expectCoreError(() => binary(X, Y, -1), 'bad-spec');
		await expectCoreError(() => binary(X, Y, NaN), 'bad-spec');
		const empty = { rows: 0, width: 2, values: new Float64Array(0), features: ['x0', 'x1'] };
		await expectCoreError(() => binary(empty, new Int32Array(0), 1), 'no-train-rows');
		const { model } = await binary(X, Y, 1);
		await expectCoreError(
			() => predictLinear(model, featureMatrix([[1, 2, 3]])),
			'feature-mismatch',
			/expects 2 features but got 3/
		);
	});

	it('predicts identically after a JSON round trip', async () => {
		const models = [
			(await binary(X, Y, 1)).model,
			(await multiclass(X, Y3, 1)).model,
			(
				await fitLinear(
					{ kind: 'linear', l2: 1 },
					{ task: 'regression', y: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 9]), x: X }
				)
			).model
		];
		for (const model of models) {
			const copy = JSON.parse(JSON.stringify(model)) as LinearModel;
			expect(predictLinear(copy, X)).toEqual(predictLinear(model, X));
		}
	});
});

describe('the L1 penalty in the spec', () => {
	it('gives exactly the L2-only results when l1 is 0 or absent', async () => {
		const data: TrainData[] = [
			{ task: 'binary', classes: ['no', 'yes'], y: Y, x: X },
			{ task: 'multiclass', classes: ['a', 'b', 'c'], y: Y3, x: X },
			{ task: 'regression', y: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 9]), x: X }
		];
		for (const d of data) {
			const without = await fitLinear({ kind: 'linear', l2: 1 }, d);
			expect(await fitLinear({ kind: 'linear', l2: 1, l1: 0 }, d)).toEqual(without);
		}
	});

	it('rejects a negative, NaN or infinite L1 penalty', async () => {
		for (const l1 of [-1, NaN, Infinity])
			await expectCoreError(
				() =>
					fitLinear(
						{ kind: 'linear', l2: 1, l1 },
						{ task: 'binary', classes: ['no', 'yes'], y: Y, x: X }
					),
				'bad-spec',
				/L1 penalty/
			);
	});
});
