import { describe, expect, it } from 'vitest';
import {
	classificationMetrics,
	confusionMatrix,
	decide,
	regressionMetrics,
	rocAuc
} from '../../../src/core/evaluate/metrics';
import { expectClose } from '../helpers';

/** Rows x 2 probabilities from the probability of class 1. */
const binaryProba = (p1: number[]) => Float64Array.from(p1.flatMap((p) => [1 - p, p]));

describe('rocAuc', () => {
	it('counts the share of positive-negative pairs ranked right', () => {
		expect(rocAuc([0.1, 0.4, 0.35, 0.8], [false, false, true, true])).toBe(0.75);
		expect(rocAuc([1, 2, 3], [false, true, true])).toBe(1);
		expect(rocAuc([3, 2, 1], [false, true, true])).toBe(0);
	});

	it('counts a tied pair as one half', () => {
		// Positives 0.5 and 0.9, negatives 0.5 and 0.5: 0.9 wins twice, 0.5 ties twice.
		expect(rocAuc([0.5, 0.5, 0.5, 0.9], [false, true, false, true])).toBe(0.75);
		expect(rocAuc([0.3, 0.3, 0.3, 0.3], [true, false, true, false])).toBe(0.5);
	});

	it('is undefined with one class only', () => {
		expect(rocAuc([0.1, 0.2], [true, true])).toBeNaN();
	});
});

describe('decide', () => {
	it('calls a row positive only above the threshold, for either positive class', () => {
		const proba = binaryProba([0.9, 0.5, 0.2]);
		expect(
			Array.from(decide(proba, 2, { kind: 'threshold', positive: 1, threshold: 0.5 }))
		).toEqual([1, 0, 0]);
		expect(
			Array.from(decide(proba, 2, { kind: 'threshold', positive: 0, threshold: 0.5 }))
		).toEqual([1, 1, 0]);
		expect(
			Array.from(decide(proba, 2, { kind: 'threshold', positive: 1, threshold: 0.1 }))
		).toEqual([1, 1, 1]);
		expect(Array.from(decide(Float64Array.from([0.2, 0.5, 0.3]), 3, { kind: 'argmax' }))).toEqual([
			1
		]);
	});
});

describe('confusionMatrix', () => {
	it('puts true classes in rows and predictions in columns', () => {
		expect(
			confusionMatrix(Int32Array.from([0, 0, 1, 2]), Int32Array.from([0, 1, 1, 0]), 3)
		).toEqual([
			[1, 1, 0],
			[0, 1, 0],
			[1, 0, 0]
		]);
	});
});

describe('classificationMetrics, binary', () => {
	// Truth 1 0 1 1 0 0; predicted at 0.5: 1 1 1 1 0 0 (TP 3, FP 1, FN 0, TN 2).
	const truth = Int32Array.from([1, 0, 1, 1, 0, 0]);
	const proba = binaryProba([0.9, 0.6, 0.6, 0.8, 0.2, 0.3]);
	const m = classificationMetrics(truth, proba, 2, {
		kind: 'threshold',
		positive: 1,
		threshold: 0.5
	});

	it('matches hand-computed values', () => {
		expectClose(m.accuracy!, 5 / 6, 1e-15);
		expectClose(m.balanced_accuracy!, (1 + 2 / 3) / 2, 1e-15);
		expectClose(m.precision!, 3 / 4, 1e-15);
		expectClose(m.recall!, 1, 1e-15);
		expectClose(m.f1!, 6 / 7, 1e-15);
		// Pairs: 0.9 and 0.8 beat all three negatives; 0.6 beats two and ties one.
		expectClose(m.roc_auc!, 8.5 / 9, 1e-15);
		const logLoss =
			-(
				Math.log(0.9) +
				Math.log(0.4) +
				Math.log(0.6) +
				Math.log(0.8) +
				Math.log(0.8) +
				Math.log(0.7)
			) / 6;
		expectClose(m.log_loss!, logLoss, 1e-12);
		expect(m.f1_macro).toBeUndefined();
	});

	it('scores the other class when it is the positive one', () => {
		const flipped = classificationMetrics(truth, proba, 2, {
			kind: 'threshold',
			positive: 0,
			threshold: 0.5
		});
		// Class 0 is predicted for rows 4 and 5 (p0 = 0.8, 0.7), both right; three class-0 rows in all.
		expectClose(flipped.precision!, 1, 1e-15);
		expectClose(flipped.recall!, 2 / 3, 1e-15);
		expectClose(flipped.roc_auc!, 8.5 / 9, 1e-15);
	});

	it('gives precision and F1 of 0 when nothing is predicted positive, as scikit-learn does', () => {
		const none = classificationMetrics(truth, binaryProba([0.1, 0.1, 0.1, 0.1, 0.1, 0.1]), 2, {
			kind: 'threshold',
			positive: 1,
			threshold: 0.5
		});
		expect([none.precision, none.recall, none.f1, none.roc_auc]).toEqual([0, 0, 0, 0.5]);
		expectClose(none.balanced_accuracy!, 0.5, 1e-15);
	});

	it('clips probabilities of 0 and 1 so log loss stays finite', () => {
		const sure = classificationMetrics(Int32Array.from([1, 0]), binaryProba([0, 1]), 2, {
			kind: 'threshold',
			positive: 1,
			threshold: 0.5
		});
		expectClose(sure.log_loss!, -Math.log(1e-15), 1e-6);
	});
});

describe('classificationMetrics, multiclass', () => {
	const truth = Int32Array.from([0, 0, 1, 1, 2, 2]);
	const proba = Float64Array.from([
		0.7, 0.2, 0.1, 0.3, 0.4, 0.3, 0.1, 0.8, 0.1, 0.2, 0.3, 0.5, 0.1, 0.1, 0.8, 0.2, 0.2, 0.6
	]);
	const m = classificationMetrics(truth, proba, 3, { kind: 'argmax' });

	it('matches hand-computed values', () => {
		// Predicted 0 1 1 2 2 2. Per class (precision, recall, F1): (1, 1/2, 2/3), (1/2, 1/2, 1/2), (2/3, 1, 4/5).
		expectClose(m.accuracy!, 4 / 6, 1e-15);
		expectClose(m.balanced_accuracy!, (0.5 + 0.5 + 1) / 3, 1e-15);
		expectClose(m.f1_macro!, (2 / 3 + 1 / 2 + 4 / 5) / 3, 1e-15);
		// One-vs-rest AUC: class 0 -> 1, class 1 -> 7/8 (0.3 loses to 0.4), class 2 -> 1.
		expectClose(m.roc_auc_ovr!, (1 + 7 / 8 + 1) / 3, 1e-15);
		const logLoss =
			-(
				Math.log(0.7) +
				Math.log(0.3) +
				Math.log(0.8) +
				Math.log(0.3) +
				Math.log(0.8) +
				Math.log(0.6)
			) / 6;
		expectClose(m.log_loss!, logLoss, 1e-12);
		expect(m.roc_auc).toBeUndefined();
	});

	it('averages F1 over the classes present in the truth or the predictions', () => {
		// Class 2 never occurs: macro F1 averages classes 0 and 1 only.
		const two = classificationMetrics(
			Int32Array.from([0, 1]),
			Float64Array.from([0.6, 0.3, 0.1, 0.2, 0.7, 0.1]),
			3,
			{ kind: 'argmax' }
		);
		expect(two.f1_macro).toBe(1);
		expect(two.roc_auc_ovr).toBe(1);
	});
});

describe('regressionMetrics', () => {
	it('matches hand-computed MAE, RMSE and R²', () => {
		// Errors 0.5, -0.5, 0, -1; truth mean 2.875, total sum of squares 29.1875.
		const m = regressionMetrics(
			Float64Array.from([3, -0.5, 2, 7]),
			Float64Array.from([2.5, 0, 2, 8])
		);
		expectClose(m.mae!, 0.5, 1e-15);
		expectClose(m.rmse!, Math.sqrt(0.375), 1e-15);
		expectClose(m.r2!, 1 - 1.5 / 29.1875, 1e-12);
	});

	it('gives R² 0 for the mean and NaN for a constant truth', () => {
		expectClose(
			regressionMetrics(Float64Array.from([1, 2, 3]), Float64Array.from([2, 2, 2])).r2!,
			0,
			1e-15
		);
		expect(regressionMetrics(Float64Array.from([2, 2]), Float64Array.from([1, 3])).r2).toBeNaN();
	});
});
