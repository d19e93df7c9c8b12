// Reading predictions in the model families' tests.
import type { Prediction } from '../../../src/core/models/model';

/** The class probabilities of a prediction (rows x classes, row-major). */
export function proba(prediction: Prediction): Float64Array {
	if (prediction.kind !== 'classes') throw new Error('expected class probabilities');
	return prediction.proba;
}

/** The predicted numbers of a regression. */
export function values(prediction: Prediction): Float64Array {
	if (prediction.kind !== 'values') throw new Error('expected values');
	return prediction.values;
}

/** The share of rows whose most probable class (the lowest on a tie) is the true one. */
export function accuracy(prediction: Prediction, y: Int32Array): number {
	const p = proba(prediction);
	const k = p.length / y.length;
	let right = 0;
	for (let i = 0; i < y.length; i++) {
		let best = 0;
		for (let c = 1; c < k; c++) if (p[i * k + c] > p[i * k + best]) best = c;
		if (best === y[i]) right++;
	}
	return right / y.length;
}
