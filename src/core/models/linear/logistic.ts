import { exp } from '../../util/exp';
import type { SparseRows } from '../../prepare/sparse-rows';
import type { Objective } from '../../util/lbfgs';
import type { SecondOrderObjective } from '../../util/newton';

/** log(1 + e^z) without overflow. */
export function softplus(z: number): number {
	return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** 1 / (1 + e^-z) without overflow; bit-identical in every engine (see util/exp.ts). */
export function sigmoid(z: number): number {
	if (z >= 0) return 1 / (1 + exp(-z));
	const e = exp(z);
	return e / (1 + e);
}

/**
 * Returns the binary logistic objective over params [w (width), b] with its gradient and Hessian:
 * (1/n) [sum of log losses + (l2 / 2) |w|^2], scikit-learn's objective (C = 1 / l2) divided by n.
 */
export function binaryObjective(x: SparseRows, y: Int32Array, l2: number): SecondOrderObjective {
	const { rows: n, width: p, start, index, value } = x;
	const d = p + 1;
	return (theta, grad, hessian) => {
		grad.fill(0);
		let loss = 0;
		for (let i = 0; i < n; i++) {
			let z = theta[p];
			for (let k = start[i]; k < start[i + 1]; k++) z += value[k] * theta[index[k]];
			loss += softplus(z) - (y[i] === 1 ? z : 0);
			const mu = sigmoid(z);
			const r = mu - y[i];
			for (let k = start[i]; k < start[i + 1]; k++) grad[index[k]] += r * value[k];
			grad[p] += r;
			if (!hessian) continue;
			const w = mu * (1 - mu);
			for (let a = start[i]; a < start[i + 1]; a++) {
				const ja = index[a];
				const wa = w * value[a];
				for (let b = start[i]; b <= a; b++) hessian[ja * d + index[b]] += wa * value[b];
				hessian[p * d + ja] += wa;
			}
			hessian[p * d + p] += w;
		}
		let penalty = 0;
		for (let j = 0; j < p; j++) {
			penalty += theta[j] * theta[j];
			grad[j] = (grad[j] + l2 * theta[j]) / n;
		}
		grad[p] /= n;
		if (hessian) {
			for (let j = 0; j < p; j++) hessian[j * d + j] += l2;
			for (let j = 0; j < d; j++) for (let k = 0; k <= j; k++) hessian[j * d + k] /= n;
		}
		return (loss + 0.5 * l2 * penalty) / n;
	};
}

/**
 * Returns the multinomial (softmax) objective over params laid out class by class as
 * [w_c (width), b_c]: (1/n) [sum of log losses + (l2 / 2) sum_c |w_c|^2].
 */
export function multinomialObjective(
	x: SparseRows,
	y: Int32Array,
	classes: number,
	l2: number
): Objective {
	const { rows: n, width: p, start, index, value } = x;
	const stride = p + 1;
	const z = new Float64Array(classes);
	return (theta, grad) => {
		grad.fill(0);
		let loss = 0;
		for (let i = 0; i < n; i++) {
			let max = -Infinity;
			for (let c = 0; c < classes; c++) {
				const base = c * stride;
				let s = theta[base + p];
				for (let k = start[i]; k < start[i + 1]; k++) s += value[k] * theta[base + index[k]];
				z[c] = s;
				if (s > max) max = s;
			}
			let sum = 0;
			for (let c = 0; c < classes; c++) sum += exp(z[c] - max);
			const lse = max + Math.log(sum);
			loss += lse - z[y[i]];
			for (let c = 0; c < classes; c++) {
				const base = c * stride;
				const r = exp(z[c] - lse) - (c === y[i] ? 1 : 0);
				for (let k = start[i]; k < start[i + 1]; k++) grad[base + index[k]] += r * value[k];
				grad[base + p] += r;
			}
		}
		let penalty = 0;
		for (let c = 0; c < classes; c++) {
			for (let j = 0; j < p; j++) {
				const w = theta[c * stride + j];
				penalty += w * w;
				grad[c * stride + j] = (grad[c * stride + j] + l2 * w) / n;
			}
			grad[c * stride + p] /= n;
		}
		return (loss + 0.5 * l2 * penalty) / n;
	};
}
