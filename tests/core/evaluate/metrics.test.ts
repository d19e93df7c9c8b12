import { describe, expect, it } from 'vitest';
import {
	averagePrecision,
	classificationMetrics,
	confusionMatrix,
	decide,
	mapeWarning,
	regressionMetrics,
	rocAuc,
	type Decision
} from '../../../src/core/evaluate/metrics';
import type { MetricValues } from '../../../src/core/evaluate/metric-catalogue';
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

const POSITIVE_1: Decision = { kind: 'threshold', positive: 1, threshold: 0.5 };

/** Rows x k probabilities putting 0.7 on each row's `predicted` class and the rest spread evenly. */
const argmaxProba = (predicted: number[], k: number) =>
	Float64Array.from(
		predicted.flatMap((p) => Array.from({ length: k }, (_, c) => (c === p ? 0.7 : 0.3 / (k - 1))))
	);

/** Asserts that every value is a number, not NaN, except those named in `undefinedNames`. */
function expectNoNaN(values: MetricValues, undefinedNames: readonly string[] = []): void {
	for (const [name, value] of Object.entries(values)) {
		if (!undefinedNames.includes(name)) expect([name, value]).not.toEqual([name, NaN]);
	}
}

describe('averagePrecision', () => {
	it('sums recall gained times precision over distinct thresholds, ties as one threshold', () => {
		// Scores 0.9 (+), 0.8 (+), then 0.6 tied (+ and -): (1/3)(1) + (1/3)(1) + (1/3)(3/4) = 11/12.
		expectClose(
			averagePrecision([0.9, 0.6, 0.6, 0.8, 0.2, 0.3], [true, false, true, true, false, false]),
			11 / 12,
			1e-15
		);
	});

	it('gives the positive share for constant scores, 1 when all positive, NaN when none', () => {
		// One threshold: recall 0 -> 1 at precision 2/5 (scikit-learn 1.2.1 gives 0.4 too).
		expectClose(
			averagePrecision([0.5, 0.5, 0.5, 0.5, 0.5], [true, false, false, true, false]),
			0.4,
			1e-15
		);
		expect(averagePrecision([0.1, 0.2], [true, true])).toBe(1);
		// scikit-learn warns and returns 0 here; with no positive, precision-recall is undefined.
		expect(averagePrecision([0.1, 0.2], [false, false])).toBeNaN();
		expect(averagePrecision([], [])).toBeNaN();
	});
});

describe('classificationMetrics, binary PR-AUC and Brier', () => {
	it('matches hand-computed values', () => {
		const m = classificationMetrics(
			Int32Array.from([1, 0, 1, 1, 0, 0]),
			binaryProba([0.9, 0.6, 0.6, 0.8, 0.2, 0.3]),
			2,
			POSITIVE_1
		);
		expectClose(m.pr_auc!, 11 / 12, 1e-15);
		// Squared gaps 0.01, 0.36, 0.16, 0.04, 0.04, 0.09: sum 0.70 over 6 rows.
		expectClose(m.brier!, 0.7 / 6, 1e-15);
	});

	it('matches scikit-learn 1.2.1, for either positive class', () => {
		// average_precision_score(y, p), brier_score_loss(y, p), roc_auc_score(y, p); for class 0:
		// average_precision_score([1 - t for t in y], [1 - q for q in p]) and brier_score_loss(y, [1 - q for q in p], pos_label=0).
		const y = Int32Array.from([1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 1]);
		const proba = binaryProba([0.9, 0.4, 0.65, 0.4, 0.1, 0.65, 0.3, 0.2, 0.4, 0.8, 0.55, 0.4]);
		const m = classificationMetrics(y, proba, 2, POSITIVE_1);
		expectClose(m.pr_auc!, 0.7435185185185185, 1e-12);
		expectClose(m.brier!, 0.20645833333333333, 1e-12);
		expectClose(m.roc_auc!, 0.7083333333333334, 1e-12);
		const flipped = classificationMetrics(y, proba, 2, { ...POSITIVE_1, positive: 0 });
		expectClose(flipped.pr_auc!, 0.7279761904761904, 1e-12);
		expectClose(flipped.brier!, 0.20645833333333333, 1e-12);
	});
});

describe('classificationMetrics, multiclass averages', () => {
	// Imbalanced: six rows of class 0, two of 1, two of 2. Predicted 0 0 0 0 0 1 | 1 0 | 2 1.
	// Per class (precision, recall, F1, support): (5/6, 5/6, 5/6, 6), (1/3, 1/2, 2/5, 2), (1, 1/2, 2/3, 2).
	const truth = Int32Array.from([0, 0, 0, 0, 0, 0, 1, 1, 2, 2]);
	const m = classificationMetrics(truth, argmaxProba([0, 0, 0, 0, 0, 1, 1, 0, 2, 1], 3), 3, {
		kind: 'argmax'
	});

	it('averages with equal weight per class (macro) or by support (weighted)', () => {
		expectClose(m.precision_macro!, (5 / 6 + 1 / 3 + 1) / 3, 1e-15);
		expectClose(m.precision_weighted!, (6 * (5 / 6) + 2 * (1 / 3) + 2 * 1) / 10, 1e-15);
		expectClose(m.recall_macro!, (5 / 6 + 1 / 2 + 1 / 2) / 3, 1e-15);
		expectClose(m.recall_weighted!, 0.7, 1e-15);
		expectClose(m.f1_macro!, (5 / 6 + 2 / 5 + 2 / 3) / 3, 1e-15);
		expectClose(m.f1_weighted!, (6 * (5 / 6) + 2 * (2 / 5) + 2 * (2 / 3)) / 10, 1e-15);
		// Weighted recall is accuracy; macro and weighted differ when classes are imbalanced.
		expectClose(m.recall_weighted!, m.accuracy!, 1e-15);
		expect(m.precision_weighted! - m.precision_macro!).toBeGreaterThan(0.04);
	});

	it('matches scikit-learn 1.2.1', () => {
		// precision_score(t, p, average=a, zero_division=0), likewise recall_score and f1_score.
		expectClose(m.precision_macro!, 0.7222222222222223, 1e-12);
		expectClose(m.recall_macro!, 0.6111111111111112, 1e-12);
		expectClose(m.f1_macro!, 0.6333333333333333, 1e-12);
		expectClose(m.precision_weighted!, 0.7666666666666667, 1e-12);
		expectClose(m.recall_weighted!, 0.7, 1e-12);
		expectClose(m.f1_weighted!, 0.7133333333333333, 1e-12);
		// t = [0,1,2,2,1,0,3,3,3,2,0,1,3,3], p = [0,2,2,1,1,0,3,0,3,2,1,1,3,2].
		const big = classificationMetrics(
			Int32Array.from([0, 1, 2, 2, 1, 0, 3, 3, 3, 2, 0, 1, 3, 3]),
			argmaxProba([0, 2, 2, 1, 1, 0, 3, 0, 3, 2, 1, 1, 3, 2], 4),
			4,
			{ kind: 'argmax' }
		);
		expectClose(big.precision_macro!, 0.6666666666666666, 1e-12);
		expectClose(big.recall_macro!, 0.65, 1e-12);
		expectClose(big.f1_macro!, 0.6398809523809524, 1e-12);
		expectClose(big.precision_weighted!, 0.7142857142857143, 1e-12);
		expectClose(big.recall_weighted!, 0.6428571428571429, 1e-12);
		expectClose(big.f1_weighted!, 0.6556122448979592, 1e-12);
	});

	it('counts a class met only in the predictions in the macro average, with zero weight', () => {
		// Truth 0 0 1 1, predicted 0 2 1 1 (class 3 nowhere): class 2 has precision 0 and recall 0.
		const m2 = classificationMetrics(
			Int32Array.from([0, 0, 1, 1]),
			argmaxProba([0, 2, 1, 1], 4),
			4,
			{
				kind: 'argmax'
			}
		);
		// scikit-learn 1.2.1: macro (0.6667, 0.5, 0.5556), weighted (1.0, 0.75, 0.8333).
		expectClose(m2.precision_macro!, 2 / 3, 1e-15);
		expectClose(m2.recall_macro!, 1 / 2, 1e-15);
		expectClose(m2.f1_macro!, (2 / 3 + 1 + 0) / 3, 1e-15);
		expectClose(m2.precision_weighted!, 1, 1e-15);
		expectClose(m2.recall_weighted!, 3 / 4, 1e-15);
		expectClose(m2.f1_weighted!, (2 * (2 / 3) + 2 * 1) / 4, 1e-15);
	});
});

describe('classificationMetrics, degenerate inputs', () => {
	it('gives NaN for every metric on zero rows, without throwing', () => {
		const binary = classificationMetrics(new Int32Array(0), new Float64Array(0), 2, POSITIVE_1);
		const multi = classificationMetrics(new Int32Array(0), new Float64Array(0), 3, {
			kind: 'argmax'
		});
		expect(Object.keys(binary)).toContain('pr_auc');
		expect(Object.keys(multi)).toContain('f1_weighted');
		for (const value of [...Object.values(binary), ...Object.values(multi)])
			expect(value).toBeNaN();
	});

	it('leaves only the ranking metrics undefined when the truth has one class', () => {
		const m = classificationMetrics(
			Int32Array.from([0, 0, 0]),
			binaryProba([0.2, 0.7, 0.4]),
			2,
			POSITIVE_1
		);
		expect(m.roc_auc).toBeNaN();
		expect(m.pr_auc).toBeNaN();
		expectNoNaN(m, ['roc_auc', 'pr_auc']);
		// Squared gaps 0.04, 0.49, 0.16.
		expectClose(m.brier!, 0.69 / 3, 1e-15);
		const allPositive = classificationMetrics(
			Int32Array.from([1, 1]),
			binaryProba([0.2, 0.7]),
			2,
			POSITIVE_1
		);
		expect(allPositive.pr_auc).toBe(1);
	});

	it('is NaN-free when every prediction is one class or the scores are constant', () => {
		const truth = Int32Array.from([1, 0, 1, 0]);
		const constant = classificationMetrics(truth, binaryProba([0.5, 0.5, 0.5, 0.5]), 2, POSITIVE_1);
		expectNoNaN(constant);
		expect([constant.precision, constant.recall, constant.f1, constant.roc_auc]).toEqual([
			0, 0, 0, 0.5
		]);
		expectClose(constant.pr_auc!, 0.5, 1e-15);
		const multi = classificationMetrics(
			Int32Array.from([0, 1, 2, 0]),
			argmaxProba([1, 1, 1, 1], 3),
			3,
			{ kind: 'argmax' }
		);
		expectNoNaN(multi);
		// Only class 1 is predicted: precision (0, 1/4, 0), recall (0, 1, 0) over the three classes.
		expectClose(multi.precision_macro!, 1 / 12, 1e-15);
		expectClose(multi.recall_weighted!, 1 / 4, 1e-15);
	});
});

describe('regressionMetrics, MAPE', () => {
	it('matches hand-computed values and scikit-learn 1.2.1', () => {
		// |e| / |y|: 0.5/3, 0.5/0.5, 0/2, 1/7; mean (1/6 + 1 + 0 + 1/7) / 4 = 55/168.
		const m = regressionMetrics(
			Float64Array.from([3, -0.5, 2, 7]),
			Float64Array.from([2.5, 0, 2, 8])
		);
		expectClose(m.mape!, 55 / 168, 1e-15);
		// mean_absolute_percentage_error([120.5, 80.25, 99.0, 1.5, 42.0], [110.0, 85.0, 101.5, 2.0, 40.0])
		const golden = regressionMetrics(
			Float64Array.from([120.5, 80.25, 99.0, 1.5, 42.0]),
			Float64Array.from([110.0, 85.0, 101.5, 2.0, 40.0])
		);
		expectClose(golden.mape!, 0.11050637336362704, 1e-12);
	});

	it('divides by machine epsilon at a zero target, as scikit-learn does', () => {
		// mean_absolute_percentage_error([0, 1], [1, 1]) = (1 / 2.220446049250313e-16) / 2.
		const m = regressionMetrics(Float64Array.from([0, 1]), Float64Array.from([1, 1]));
		expect(m.mape).toBe(2251799813685248);
	});

	it('gives NaN on zero rows and no NaN otherwise', () => {
		const empty = regressionMetrics(new Float64Array(0), new Float64Array(0));
		for (const value of Object.values(empty)) expect(value).toBeNaN();
		// R² is undefined for a constant truth; the errors are all 0.
		const constant = regressionMetrics(Float64Array.from([2, 2]), Float64Array.from([2, 2]));
		expectNoNaN(constant, ['r2']);
	});
});

describe('mapeWarning', () => {
	it('counts the rows whose target is 0', () => {
		expect(mapeWarning(Float64Array.from([0, 3, 0, 5]))).toMatch(/^2 of 4 rows have a target of 0/);
		expect(mapeWarning(Float64Array.from([0, 3]))).toMatch(/^1 of 2 rows has a target of 0/);
	});

	it('counts the rows that are tiny next to the mean absolute target', () => {
		// Mean |y| is about 333.3; 1e-5 is under a millionth of it (3.3e-4), 0.01 is not.
		const warning = mapeWarning(Float64Array.from([1e-5, 500, -500, 0.01, 666.69]));
		expect(warning).toMatch(/^1 of 5 rows has a target under a millionth/);
		expect(warning).toMatch(/MAE or RMSE/);
	});

	it('is null for a safe truth, and for no rows', () => {
		expect(mapeWarning(Float64Array.from([1, -2, 300]))).toBeNull();
		expect(mapeWarning(new Float64Array(0))).toBeNull();
	});
});
