import { CoreError } from '../../util/core-error';
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

const SINGULAR_PIVOT = 1e-12;

/** Solves A w = b for symmetric positive definite A (lower triangle filled), in place. */
function solveCholesky(a: Float64Array, b: Float64Array, p: number): Float64Array {
	for (let j = 0; j < p; j++) {
		const diagonal = a[j * p + j];
		let d = diagonal;
		for (let k = 0; k < j; k++) d -= a[j * p + k] * a[j * p + k];
		// A dependent column leaves a pivot of rounding noise, often a tiny positive, not exactly 0.
		if (!(d > SINGULAR_PIVOT * diagonal)) {
			throw new CoreError(
				'singular',
				'The features are linearly dependent and the L2 penalty is 0; set a positive L2 penalty.'
			);
		}
		const l = Math.sqrt(d);
		a[j * p + j] = l;
		for (let i = j + 1; i < p; i++) {
			let s = a[i * p + j];
			for (let k = 0; k < j; k++) s -= a[i * p + k] * a[j * p + k];
			a[i * p + j] = s / l;
		}
	}
	const z = new Float64Array(p);
	for (let i = 0; i < p; i++) {
		let s = b[i];
		for (let k = 0; k < i; k++) s -= a[i * p + k] * z[k];
		z[i] = s / a[i * p + i];
	}
	for (let i = p - 1; i >= 0; i--) {
		let s = z[i];
		for (let k = i + 1; k < p; k++) s -= a[k * p + i] * z[k];
		z[i] = s / a[i * p + i];
	}
	return z;
}
