import type { FeatureMatrix } from '../../prepare/recipe';

/** The normal equations of least squares with an intercept, after centring X and y. */
export interface CentredGram {
	xMean: Float64Array;
	yMean: number;
	/** Xc' Xc, p x p row-major, lower triangle only. */
	gram: Float64Array;
	/** Xc' yc. */
	xty: Float64Array;
	/** yc' yc. */
	yy: number;
}

/**
 * Returns X'X and X'y of the centred features and target: centring takes the unpenalised
 * intercept out of the problem (it is then mean(y) - mean(x)'w), for ridge and elastic net alike.
 */
export function centredGram(x: FeatureMatrix, y: Float64Array): CentredGram {
	const { rows: n, width: p, values } = x;
	const xMean = new Float64Array(p);
	let yMean = 0;
	for (let i = 0; i < n; i++) {
		yMean += y[i];
		for (let j = 0; j < p; j++) xMean[j] += values[i * p + j];
	}
	yMean /= n;
	for (let j = 0; j < p; j++) xMean[j] /= n;
	const gram = new Float64Array(p * p);
	const xty = new Float64Array(p);
	const row = new Float64Array(p);
	let yy = 0;
	for (let i = 0; i < n; i++) {
		for (let j = 0; j < p; j++) row[j] = values[i * p + j] - xMean[j];
		const yc = y[i] - yMean;
		yy += yc * yc;
		for (let j = 0; j < p; j++) {
			xty[j] += row[j] * yc;
			for (let k = 0; k <= j; k++) gram[j * p + k] += row[j] * row[k];
		}
	}
	return { xMean, yMean, gram, xty, yy };
}
