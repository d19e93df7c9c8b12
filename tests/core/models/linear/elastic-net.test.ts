import { describe, expect, it } from 'vitest';
import { fitLinear, predictLinear } from '../../../../src/core/models/linear/linear';
import type { FeatureMatrix } from '../../../../src/core/prepare/recipe';
import type { FitEvent } from '../../../../src/core/models/model';
import { expectClose, expectCoreError, featureMatrix } from '../../helpers';
import { expectKkt, normalMatrix, penalisedObjective } from './penalised';

const regression = (
	x: FeatureMatrix,
	y: Float64Array,
	l1: number,
	l2 = 0,
	onEvent?: (e: FitEvent) => void
) => fitLinear({ kind: 'linear', l2, l1 }, { task: 'regression', y, x }, { onEvent });

/** Returns X'(y - mean y) with X centred: the gradient of (1/2)|y - Xw - b|^2 at w = 0. */
function centredCorrelations(x: FeatureMatrix, y: Float64Array): number[] {
	const n = x.rows;
	const yMean = y.reduce((s, v) => s + v, 0) / n;
	return Array.from({ length: x.width }, (_, j) => {
		let mean = 0;
		for (let i = 0; i < n; i++) mean += x.values[i * x.width + j] / n;
		let s = 0;
		for (let i = 0; i < n; i++) s += (x.values[i * x.width + j] - mean) * (y[i] - yMean);
		return s;
	});
}

// Centred orthogonal columns: X'X = 4 I, X'(y - 1) = [8, 4], mean y = 1.
const ORTHOGONAL = featureMatrix([
	[1, 1],
	[-1, 1],
	[1, -1],
	[-1, -1]
]);
const ORTHOGONAL_Y = Float64Array.from([4, 0, 2, -2]);

// Five rows, three correlated features, and a target they explain unequally.
const X = featureMatrix([
	[1, 0.5, 2],
	[2, 1.5, 1],
	[3, 2.5, 4],
	[4, 4.5, 3],
	[5, 4, 7]
]);
const Y = Float64Array.from([2.1, 3.9, 6.2, 7.8, 10.4]);

describe('elastic-net regression', () => {
	it("matches scikit-learn 1.9's Lasso(alpha = l1 / n) and ElasticNet(alpha = (l1 + l2) / n, l1_ratio = l1 / (l1 + l2))", async () => {
		// Printed by scikit-learn with tol = 1e-15 on these five rows (n = 5).
		const lasso = (await regression(X, Y, 0.5)).model;
		expectClose(lasso.weights[0], [1.781176470588, 0, 0.182352941176], 1e-11);
		expectClose(lasso.intercepts[0], 0.11647058823529033, 1e-11);
		const net = (await regression(X, Y, 0.5, 1)).model;
		expectClose(net.weights[0], [0.779597315436, 0.603489932886, 0.449127516779], 1e-11);
		expectClose(net.intercepts[0], 0.6451006711409377, 1e-11);
	});

	it("soft-thresholds each weight of orthogonal features: w_j = S(x_j'y, l1) / (x_j'x_j + l2)", async () => {
		const lasso = (await regression(ORTHOGONAL, ORTHOGONAL_Y, 6)).model;
		expectClose(lasso.weights[0], [(8 - 6) / 4, 0], 1e-12);
		expect(lasso.weights[0][1]).toBe(0);
		expectClose(lasso.intercepts[0], 1, 1e-12);
		const net = (await regression(ORTHOGONAL, ORTHOGONAL_Y, 2, 4)).model;
		expectClose(net.weights[0], [(8 - 2) / (4 + 4), (4 - 2) / (4 + 4)], 1e-12);
		expectClose(net.intercepts[0], 1, 1e-12);
	});

	it("zeroes every weight from l1 = max |Xc'yc| on, and lets the first feature in just below it", async () => {
		const c = centredCorrelations(X, Y);
		const lambdaMax = Math.max(...c.map(Math.abs));
		const first = c.findIndex((v) => Math.abs(v) === lambdaMax);
		const { model, info } = await regression(X, Y, lambdaMax);
		expect(model.weights[0]).toEqual([0, 0, 0]);
		expectClose(model.intercepts[0], Y.reduce((s, v) => s + v, 0) / 5, 1e-12);
		expect(info).toMatchObject({ converged: true, iterations: 0 });
		// Just below, only that feature is in, with weight (|c| - l1) sign(c) / x'x (x centred).
		const l1 = 0.99 * lambdaMax;
		const below = (await regression(X, Y, l1)).model.weights[0];
		expect(below.map((w) => w !== 0)).toEqual([0, 1, 2].map((j) => j === first));
		const column = Array.from({ length: 5 }, (_, i) => X.values[i * 3 + first]);
		const mean = column.reduce((s, v) => s + v, 0) / 5;
		const xx = column.reduce((s, v) => s + (v - mean) ** 2, 0);
		expectClose(below[first], (Math.sign(c[first]) * (lambdaMax - l1)) / xx, 1e-12);
	});

	it('gives one of two identical features all the weight under lasso, and splits it evenly under elastic net', async () => {
		// x = 1..4 twice, y mean 4.75: x'x = 5 and x'y = 9.5 after centring. Lasso: w1 + w2 =
		// (9.5 - l1) / 5 = 1.6, all on the first; elastic net: w1 = w2 = (9.5 - l1) / (2 * 5 + l2).
		const twice = featureMatrix([
			[1, 1],
			[2, 2],
			[3, 3],
			[4, 4]
		]);
		const y = Float64Array.from([2, 4, 5, 8]);
		const lasso = await regression(twice, y, 1.5);
		expect(lasso.info.converged).toBe(true);
		expectClose(lasso.model.weights[0], [1.6, 0], 1e-12);
		expectClose(lasso.model.intercepts[0], 4.75 - 2.5 * 1.6, 1e-12);
		const net = await regression(twice, y, 1.5, 2);
		expect(net.info.converged).toBe(true);
		expectClose(net.model.weights[0], [8 / 12, 8 / 12], 1e-9);
	});

	it('splits the weight of two correlated features where lasso keeps one', async () => {
		// Two noisy measurements of one signal (correlation about 0.96); the target follows the signal.
		const base = normalMatrix(11, 60, 4);
		const at = (i: number, j: number) => base.values[i * 4 + j];
		const x = featureMatrix(
			Array.from({ length: 60 }, (_, i) => [at(i, 0) + 0.2 * at(i, 1), at(i, 0) + 0.2 * at(i, 2)])
		);
		const y = Float64Array.from({ length: 60 }, (_, i) => 2 * at(i, 0) + 0.5 * at(i, 3));
		const lasso = (await regression(x, y, 40)).model.weights[0];
		expect(lasso[0]).toBeGreaterThan(1);
		expect(lasso[1]).toBe(0);
		const [w1, w2] = (await regression(x, y, 40, 100)).model.weights[0];
		expect(Math.min(w1, w2) / Math.max(w1, w2)).toBeGreaterThan(0.75);
	});

	it('stops where the KKT conditions hold, with correlated features, lasso and elastic net', async () => {
		const base = normalMatrix(5, 40, 6);
		// Each feature mixes in the one before it, so neighbours correlate.
		const rows = Array.from({ length: 40 }, (_, i) =>
			Array.from(
				{ length: 6 },
				(_, j) => base.values[i * 6 + j] + (j > 0 ? 0.8 * base.values[i * 6 + j - 1] : 0)
			)
		);
		const x = featureMatrix(rows);
		const y = Float64Array.from(
			rows,
			(r, i) => 3 * r[0] - 2 * r[2] + 0.5 * r[4] + base.values[i * 6 + 5]
		);
		for (const [l1, l2] of [
			[5, 0],
			[20, 0],
			[5, 10]
		]) {
			const { model, info } = await regression(x, y, l1, l2);
			expect(info.converged).toBe(true);
			expect(model.weights[0].some((w) => w === 0)).toBe(true);
			expectKkt(model, x, y, l1, l2, 1e-9);
			expectClose(info.loss!, penalisedObjective(model, x, y, l1, l2) / 40, 1e-12);
		}
	});

	it('reports a falling objective each sweep, and gives identical weights for the same data', async () => {
		const events: FitEvent[] = [];
		const first = await regression(X, Y, 0.5, 0, (e) => events.push(e));
		const losses = events.flatMap((e) => (e.kind === 'loss' ? [e.loss] : []));
		expect(losses.length).toBe(first.info.iterations);
		for (let k = 1; k < losses.length; k++) expect(losses[k]).toBeLessThanOrEqual(losses[k - 1]);
		expect(losses.at(-1)).toBe(first.info.loss);
		expect((await regression(X, Y, 0.5)).model).toEqual(first.model);
	});

	it('fits dependent features without a singular error, and predicts identically after a JSON round trip', async () => {
		const x = featureMatrix([
			[1, 2, 0],
			[2, 4, 1],
			[3, 6, 0],
			[4, 8, 1]
		]);
		const { model, info } = await regression(x, Float64Array.from([1, 3, 2, 5]), 0.1);
		expect(info.converged).toBe(true);
		const copy = JSON.parse(JSON.stringify(model)) as typeof model;
		expect(predictLinear(copy, x)).toEqual(predictLinear(model, x));
	});

	it('throws cancelled when the signal is aborted during the fit', async () => {
		const controller = new AbortController();
		await expectCoreError(
			() =>
				fitLinear(
					{ kind: 'linear', l2: 0, l1: 0.5 },
					{ task: 'regression', y: Y, x: X },
					{ signal: controller.signal, onEvent: () => controller.abort() }
				),
			'cancelled'
		);
	});
});
