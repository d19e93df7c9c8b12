import { solveCholesky } from '../../util/cholesky';
import type { FeatureMatrix } from '../../prepare/recipe';

/**
 * Returns the ridge solution minimising |y - Xw - b|^2 + l2 |w|^2 (scikit-learn's Ridge, alpha = l2),
 * with an unpenalised intercept, by centring and a Cholesky solve of the normal equations.
 */
export function fitRidge(
	x: FeatureMatrix,
	y: Float64Array,
	l2: number
): { weights: number[]; intercept: number } {
	const { rows: n, width: p, values } = x;
	const xMean = new Float64Array(p);
	let yMean = 0;
	for (let i = 0; i < n; i++) {
		yMean += y[i];
		for (let j = 0; j < p; j++) xMean[j] += values[i * p + j];
	}
	yMean /= n;
	for (let j = 0; j < p; j++) xMean[j] /= n;
	const a = new Float64Array(p * p);
	const rhs = new Float64Array(p);
	const row = new Float64Array(p);
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < p; j++) row[j] = values[i * p + j] - xMean[j];
		const yc = y[i] - yMean;
		for (let j = 0; j < p; j++) {
			rhs[j] += row[j] * yc;
			for (let k = 0; k <= j; k++) a[j * p + k] += row[j] * row[k];
		}
	}
	for (let j = 0; j < p; j++) a[j * p + j] += l2;
	const w = solveCholesky(a, rhs, p);
	let intercept = yMean;
	for (let j = 0; j < p; j++) intercept -= xMean[j] * w[j];
	return { weights: Array.from(w), intercept };
}
