import type { LinearModel } from './linear';

/** One feature's weight in one output's score. */
export interface Coefficient {
	feature: string;
	weight: number;
}

/** The weights of one output: the positive class (binary), one class (multiclass), or the value. */
export interface OutputCoefficients {
	/** The class whose score (log-odds for binary) these weights make; null for regression. */
	label: string | null;
	intercept: number;
	/** Largest |weight| first, ties in feature order; at most `top` of them. */
	coefficients: Coefficient[];
	/** How many weights are exactly 0: features the L1 penalty left out of this output. */
	zeros: number;
	/** How many weights the output has in all (the number of features). */
	total: number;
}

/**
 * Returns each output's coefficients sorted by absolute size with their feature names, with how
 * many are exactly zero: what to show for a linear model. The weights are on the features as the
 * recipe made them (standardised numbers, one-hot levels), so their sizes compare.
 */
export function describeLinear(model: LinearModel, top = Infinity): OutputCoefficients[] {
	return model.weights.map((weights, c) => {
		const coefficients = weights
			.map((weight, j) => ({ feature: model.features[j], weight }))
			.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
		return {
			label: outputLabel(model, c),
			intercept: model.intercepts[c],
			coefficients: coefficients.slice(0, Math.max(0, top)),
			zeros: weights.filter((w) => w === 0).length,
			total: weights.length
		};
	});
}

function outputLabel(model: LinearModel, c: number): string | null {
	if (model.classes === null) return null;
	// A binary model has one row of weights, for the second (positive) class.
	return model.task === 'binary' ? model.classes[1] : model.classes[c];
}
