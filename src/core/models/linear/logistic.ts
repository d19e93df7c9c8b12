import { exp } from '../../util/exp';
import type { SparseRows } from '../../prepare/sparse-rows';
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
 * [w_c (width), b_c], with its gradient and Hessian:
 * (1/n) [sum of log losses + (l2 / 2) sum_c |w_c|^2 + (1/2) |sum_c [w_c, b_c]|^2].
 * Softmax is unchanged when every class's parameters move by the same vector, which leaves the
 * Hessian singular along those directions (always for the unpenalised intercepts). The last term
 * removes only them: it is 0 at the optimum, where the parameters sum to 0 over the classes, so
 * the probabilities are those of the objective without it (scikit-learn's).
 */
export function multinomialObjective(
	x: SparseRows,
	y: Int32Array,
	classes: number,
	l2: number
): SecondOrderObjective {
	const { rows: n, width: p, start, index, value } = x;
	const stride = p + 1;
	const d = classes * stride;
	const z = new Float64Array(classes);
	const prob = new Float64Array(classes);
	// One row's non-zero features plus the intercept (index p, value 1), in increasing index order.
	const rowIndex = new Int32Array(p + 1);
	const rowValue = new Float64Array(p + 1);
	return (theta, grad, hessian) => {
		grad.fill(0);
		let loss = 0;
		for (let i = 0; i < n; i++) {
			let m = 0;
			for (let k = start[i]; k < start[i + 1]; k++, m++) {
				rowIndex[m] = index[k];
				rowValue[m] = value[k];
			}
			rowIndex[m] = p;
			rowValue[m++] = 1;
			let max = -Infinity;
			for (let c = 0; c < classes; c++) {
				const base = c * stride;
				let s = 0;
				for (let a = 0; a < m; a++) s += rowValue[a] * theta[base + rowIndex[a]];
				z[c] = s;
				if (s > max) max = s;
			}
			let sum = 0;
			for (let c = 0; c < classes; c++) sum += exp(z[c] - max);
			const lse = max + Math.log(sum);
			loss += lse - z[y[i]];
			for (let c = 0; c < classes; c++) {
				prob[c] = exp(z[c] - lse);
				const r = prob[c] - (c === y[i] ? 1 : 0);
				const base = c * stride;
				for (let a = 0; a < m; a++) grad[base + rowIndex[a]] += r * rowValue[a];
			}
			if (!hessian) continue;
			for (let c = 0; c < classes; c++) {
				for (let c2 = 0; c2 <= c; c2++) {
					const w = c === c2 ? prob[c] * (1 - prob[c]) : -prob[c] * prob[c2];
					for (let a = 0; a < m; a++) {
						const row = (c * stride + rowIndex[a]) * d + c2 * stride;
						const wa = w * rowValue[a];
						const last = c === c2 ? a : m - 1;
						for (let b = 0; b <= last; b++) hessian[row + rowIndex[b]] += wa * rowValue[b];
					}
				}
			}
		}
		let penalty = 0;
		let centring = 0;
		for (let j = 0; j <= p; j++) {
			let sum = 0;
			for (let c = 0; c < classes; c++) sum += theta[c * stride + j];
			centring += sum * sum;
			for (let c = 0; c < classes; c++) {
				const w = theta[c * stride + j];
				if (j < p) {
					penalty += w * w;
					grad[c * stride + j] += l2 * w;
				}
				grad[c * stride + j] += sum;
			}
		}
		for (let j = 0; j < d; j++) grad[j] /= n;
		if (hessian) {
			for (let c = 0; c < classes; c++) {
				for (let j = 0; j <= p; j++) {
					if (j < p) hessian[(c * stride + j) * d + c * stride + j] += l2;
					for (let c2 = 0; c2 <= c; c2++) hessian[(c * stride + j) * d + c2 * stride + j] += 1;
				}
			}
			for (let j = 0; j < d; j++) for (let k = 0; k <= j; k++) hessian[j * d + k] /= n;
		}
		return (loss + 0.5 * l2 * penalty + 0.5 * centring) / n;
	};
}
