// Shared by the L1 / elastic-net tests: seeded synthetic data and independent KKT checks, written
// densely from the objectives' definitions (no solver code).
import { expect } from 'vitest';
import { createRng } from '../../../../src/core/util/rng';
import type { FeatureMatrix } from '../../../../src/core/prepare/recipe';
import type { LinearModel } from '../../../../src/core/models/linear/linear';

/** Returns n rows of p standard normal features (Box-Muller over a seeded generator). */
export function normalMatrix(seed: number, n: number, p: number): FeatureMatrix {
	const rng = createRng(seed);
	const values = Float64Array.from(
		{ length: n * p },
		() => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next())
	);
	return { rows: n, width: p, values, features: Array.from({ length: p }, (_, j) => `x${j}`) };
}

/** Returns classes drawn from sigmoid(b + x'w): only the features with a non-zero w inform them. */
export function logisticLabels(x: FeatureMatrix, w: number[], b: number, seed: number): Int32Array {
	const rng = createRng(seed);
	return Int32Array.from({ length: x.rows }, (_, i) => {
		const z = w.reduce((s, wj, j) => s + wj * x.values[i * x.width + j], b);
		return rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
	});
}

/** The scores x_i'w_c + b_c of every row, one array per output. */
function scores(model: LinearModel, x: FeatureMatrix): number[][] {
	return model.weights.map((w, c) =>
		Array.from({ length: x.rows }, (_, i) =>
			w.reduce((s, wj, j) => s + wj * x.values[i * x.width + j], model.intercepts[c])
		)
	);
}

/**
 * Returns, per output, the gradient over [w, b] of the unpenalised loss: the sum of log losses
 * (binary or softmax) or (1/2) the sum of squared errors.
 */
export function lossGradient(
	model: LinearModel,
	x: FeatureMatrix,
	y: Int32Array | Float64Array
): number[][] {
	const z = scores(model, x);
	const k = z.length;
	const p = x.width;
	const grad = z.map(() => new Array<number>(p + 1).fill(0));
	for (let i = 0; i < x.rows; i++) {
		const total = z.reduce((s, zc) => s + Math.exp(zc[i]), 0);
		for (let c = 0; c < k; c++) {
			let r: number;
			if (model.task === 'regression') r = z[0][i] - y[i];
			else if (model.task === 'binary') r = 1 / (1 + Math.exp(-z[0][i])) - y[i];
			else r = Math.exp(z[c][i]) / total - (y[i] === c ? 1 : 0);
			for (let j = 0; j < p; j++) grad[c][j] += r * x.values[i * p + j];
			grad[c][p] += r;
		}
	}
	return grad;
}

/** Returns the objective: loss + l1 |w|_1 + (l2/2) |w|^2 over every output. */
export function penalisedObjective(
	model: LinearModel,
	x: FeatureMatrix,
	y: Int32Array | Float64Array,
	l1: number,
	l2: number
): number {
	const z = scores(model, x);
	let f = 0;
	for (let i = 0; i < x.rows; i++) {
		if (model.task === 'regression') f += 0.5 * (z[0][i] - y[i]) ** 2;
		else if (model.task === 'binary')
			f += Math.log(1 + Math.exp(z[0][i])) - (y[i] === 1 ? z[0][i] : 0);
		else f += Math.log(z.reduce((s, zc) => s + Math.exp(zc[i]), 0)) - z[y[i]][i];
	}
	for (const w of model.weights) for (const wj of w) f += l1 * Math.abs(wj) + 0.5 * l2 * wj * wj;
	return f;
}

/**
 * Asserts the optimality (KKT) conditions of loss + l1 |w|_1 + (l2/2) |w|^2 within `tolerance`:
 * a zero weight has |gradient| <= l1, a non-zero one gradient = -l1 sign(w), each intercept a
 * zero gradient (the gradient here is the loss's plus l2 w). Returns the largest violation.
 */
export function expectKkt(
	model: LinearModel,
	x: FeatureMatrix,
	y: Int32Array | Float64Array,
	l1: number,
	l2: number,
	tolerance: number
): number {
	const grad = lossGradient(model, x, y);
	let worst = 0;
	model.weights.forEach((w, c) => {
		const p = w.length;
		expect(Math.abs(grad[c][p]), `intercept ${c}`).toBeLessThanOrEqual(tolerance);
		w.forEach((wj, j) => {
			const g = grad[c][j] + l2 * wj;
			const violation = wj === 0 ? Math.abs(g) - l1 : Math.abs(g + l1 * Math.sign(wj));
			worst = Math.max(worst, violation);
			expect(violation, `output ${c}, weight ${j} = ${wj}, gradient ${g}`).toBeLessThanOrEqual(
				tolerance
			);
		});
	});
	return worst;
}
