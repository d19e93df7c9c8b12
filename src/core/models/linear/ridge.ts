import { solveCholesky } from '../../util/cholesky';
import type { FeatureMatrix } from '../../prepare/recipe';
import { centredGram } from './centred-gram';

/**
 * Returns the ridge solution minimising |y - Xw - b|^2 + l2 |w|^2 (scikit-learn's Ridge, alpha = l2),
 * with an unpenalised intercept, by centring and a Cholesky solve of the normal equations.
 */
export function fitRidge(
	x: FeatureMatrix,
	y: Float64Array,
	l2: number
): { weights: number[]; intercept: number } {
	const p = x.width;
	const { xMean, yMean, gram, xty } = centredGram(x, y);
	for (let j = 0; j < p; j++) gram[j * p + j] += l2;
	const w = solveCholesky(gram, xty, p);
	let intercept = yMean;
	for (let j = 0; j < p; j++) intercept -= xMean[j] * w[j];
	return { weights: Array.from(w), intercept };
}
