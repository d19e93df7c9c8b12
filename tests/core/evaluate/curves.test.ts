import { describe, expect, it } from 'vitest';
import {
	MAX_RESIDUAL_POINTS,
	brierScore,
	calibrationCurve,
	liftCurve,
	precisionRecallCurve,
	residuals,
	rocCurve,
	scoreSteps
} from '../../../src/core/evaluate/curves';
import { expectClose } from '../helpers';

// Sixteen rows with tied scores (0.8 x3, 0.6 x3, 0.3 x2) and scores on bin edges (0.3, 0.5, 0.7).
const SCORES = [0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.6, 0.5, 0.4, 0.35, 0.3, 0.3, 0.2, 0.1, 0.05, 0.8];
const TRUTH = [1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1].map((y) => y === 1);
// Golden values from scikit-learn 1.2.1 (numpy 1.24.2), with in Python
//   s = np.array(SCORES); y = np.array(TRUTH as 0/1)

/** Returns one field of every point. */
const pick = <P, K extends keyof P>(points: readonly P[], key: K) => points.map((p) => p[key]);

describe('scoreSteps', () => {
	it('gives each distinct score, highest first, with the classes scoring at or above it', () => {
		expect(scoreSteps([0.2, 0.8, 0.2, 0.5], [true, false, false, true])).toEqual([
			{ score: 0.8, tp: 0, fp: 1 },
			{ score: 0.5, tp: 1, fp: 1 },
			{ score: 0.2, tp: 2, fp: 2 }
		]);
	});

	it('leaves out rows whose score is not a finite number', () => {
		expect(scoreSteps([NaN, 0.4, Infinity], [true, false, true])).toEqual([
			{ score: 0.4, tp: 0, fp: 1 }
		]);
	});
});

describe('rocCurve', () => {
	it('matches scikit-learn roc_curve with tied scores and dropped intermediate points', () => {
		// fpr, tpr, thr = roc_curve(y, s)  (drop_intermediate=True)
		const { points, reason } = rocCurve(SCORES, TRUTH);
		expect(reason).toBeUndefined();
		expect(pick(points, 'fpr')).toEqual([
			0.0, 0.0, 0.125, 0.125, 0.375, 0.375, 0.5, 0.5, 0.75, 0.875, 0.875, 1.0
		]);
		expect(pick(points, 'tpr')).toEqual([
			0.0, 0.125, 0.375, 0.5, 0.625, 0.75, 0.75, 0.875, 0.875, 0.875, 1.0, 1.0
		]);
		// scikit-learn 1.2.1 writes the first threshold as max + 1 (1.9); 1.3 and later write inf.
		expect(pick(points, 'threshold')).toEqual([
			Infinity,
			0.9,
			0.8,
			0.7,
			0.6,
			0.5,
			0.4,
			0.35,
			0.3,
			0.2,
			0.1,
			0.05
		]);
	});

	it('drops the points inside a straight run, as scikit-learn does', () => {
		// roc_curve([1,1,1,0,0,0], [0.9,0.8,0.7,0.6,0.5,0.4])
		// -> fpr [0,0,0,1], tpr [0,1/3,1,1], thresholds [1.9 (inf in 1.3+), 0.9, 0.7, 0.4]
		const { points } = rocCurve(
			[0.9, 0.8, 0.7, 0.6, 0.5, 0.4],
			[true, true, true, false, false, false]
		);
		expect(points).toEqual([
			{ fpr: 0, tpr: 0, threshold: Infinity },
			{ fpr: 0, tpr: 1 / 3, threshold: 0.9 },
			{ fpr: 0, tpr: 1, threshold: 0.7 },
			{ fpr: 1, tpr: 1, threshold: 0.4 }
		]);
	});

	it('does not depend on the order of the rows', () => {
		const order = SCORES.map((_, i) => i).reverse();
		const shuffled = rocCurve(
			order.map((i) => SCORES[i]),
			order.map((i) => TRUTH[i])
		);
		expect(shuffled).toEqual(rocCurve(SCORES, TRUTH));
	});

	it('is empty with a reason for one class or no rows', () => {
		expect(rocCurve([0.2, 0.9], [true, true])).toEqual({
			points: [],
			reason: 'The rows hold only one class (no negatives), so the ROC curve is not defined.'
		});
		expect(rocCurve([0.2, 0.9], [false, false]).reason).toMatch(/no positives/);
		const empty = rocCurve([], []);
		expect(empty.points).toEqual([]);
		expect(empty.reason).toMatch(/no rows/);
	});
});

describe('precisionRecallCurve', () => {
	it('matches scikit-learn precision_recall_curve, ending at precision 1, recall 0', () => {
		// p, r, thr = precision_recall_curve(y, s)
		const { points } = precisionRecallCurve(SCORES, TRUTH);
		expectClose(
			pick(points, 'precision'),
			[
				0.5, 0.5333333333333333, 0.5, 0.5384615384615384, 0.6363636363636364, 0.6,
				0.6666666666666666, 0.625, 0.8, 0.75, 1.0, 1.0
			],
			1e-15
		);
		expect(pick(points, 'recall')).toEqual([
			1.0, 1.0, 0.875, 0.875, 0.875, 0.75, 0.75, 0.625, 0.5, 0.375, 0.125, 0.0
		]);
		// scikit-learn returns one threshold fewer: the last point (nothing positive) has none.
		expect(pick(points, 'threshold')).toEqual([
			0.05,
			0.1,
			0.2,
			0.3,
			0.35,
			0.4,
			0.5,
			0.6,
			0.7,
			0.8,
			0.9,
			Infinity
		]);
	});

	it('is empty with a reason for one class', () => {
		expect(precisionRecallCurve([0.1, 0.3], [false, false])).toEqual({
			points: [],
			reason:
				'The rows hold only one class (no positives), so the precision-recall curve is not defined.'
		});
		expect(precisionRecallCurve([], []).points).toEqual([]);
	});
});

describe('calibrationCurve', () => {
	it('matches scikit-learn calibration_curve (uniform) with ten bins, edge scores going down', () => {
		// prob_true, prob_pred = calibration_curve(y, s, n_bins=10)
		const { points } = calibrationCurve(SCORES, TRUTH);
		expectClose(
			pick(points, 'fractionPositive'),
			[0.5, 0.0, 0.0, 0.5, 1.0, 0.3333333333333333, 1.0, 0.6666666666666666, 1.0],
			1e-15
		);
		expectClose(
			pick(points, 'meanPredicted'),
			[0.07500000000000001, 0.2, 0.3, 0.375, 0.5, 0.6, 0.7, 0.8000000000000002, 0.9],
			1e-15
		);
		expect(pick(points, 'count')).toEqual([2, 1, 2, 2, 1, 3, 1, 3, 1]);
		// 0.3 falls in (0.2, 0.3], 0.5 in (0.4, 0.5]; the band (0.9, 1] is empty and left out.
		expect(pick(points, 'binStart')).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]);
		expect(points[8]).toMatchObject({ binStart: 0.8, binEnd: 0.9 });
	});

	it('matches scikit-learn with four bins', () => {
		// calibration_curve(y, s, n_bins=4)
		const { points } = calibrationCurve(SCORES, TRUTH, 4);
		expectClose(pick(points, 'fractionPositive'), [0.3333333333333333, 0.4, 0.5, 0.75], 1e-15);
		expectClose(pick(points, 'meanPredicted'), [0.11666666666666668, 0.37, 0.625, 0.825], 1e-15);
	});

	it('puts scores outside [0, 1] in the end bins, and is empty with a reason for no rows', () => {
		const { points } = calibrationCurve([-0.2, 1.5], [false, true], 2);
		expect(points).toEqual([
			{ binStart: 0, binEnd: 0.5, meanPredicted: -0.2, fractionPositive: 0, count: 1 },
			{ binStart: 0.5, binEnd: 1, meanPredicted: 1.5, fractionPositive: 1, count: 1 }
		]);
		expect(calibrationCurve([], []).points).toEqual([]);
		expect(calibrationCurve([], []).reason).toMatch(/no rows/);
	});
});

describe('brierScore', () => {
	it('matches scikit-learn brier_score_loss', () => {
		// brier_score_loss(y, s) -> 0.22281250000000002
		expectClose(brierScore(SCORES, TRUTH) ?? NaN, 0.22281250000000002, 1e-15);
		expect(brierScore([1, 0.5], [true, false])).toBe(0.125);
	});

	it('is null for no rows', () => {
		expect(brierScore([], [])).toBeNull();
	});
});

describe('liftCurve', () => {
	// Sorted by score: 0.9 yes | 0.8 no, 0.8 yes (tied) | 0.3 no; two positives.
	const scores = [0.8, 0.3, 0.9, 0.8];
	const truth = [false, false, true, true];

	it('gives the share of positives found in each top share of rows, with lift', () => {
		// The boundary at 2 rows splits the tied run of two in half: half its one positive counts.
		expect(liftCurve(scores, truth, 4).points).toEqual([
			{ share: 0.25, gain: 0.5, lift: 2 },
			{ share: 0.5, gain: 0.75, lift: 1.5 },
			{ share: 0.75, gain: 1, lift: 1 / 0.75 },
			{ share: 1, gain: 1, lift: 1 }
		]);
	});

	it('does not depend on the order of tied rows', () => {
		const swapped = liftCurve([0.8, 0.3, 0.9, 0.8], [true, false, true, false], 4);
		expect(swapped).toEqual(liftCurve(scores, truth, 4));
	});

	it('splits a row in proportion when a share boundary falls inside it', () => {
		// Three rows, two halves: the boundary at 1.5 rows takes half of row two (a negative).
		expect(liftCurve([0.9, 0.5, 0.1], [true, false, true], 2).points).toEqual([
			{ share: 0.5, gain: 0.5, lift: 1 },
			{ share: 1, gain: 1, lift: 1 }
		]);
	});

	it('has ten deciles by default and is empty with a reason without positives', () => {
		expect(liftCurve(SCORES, TRUTH).points.map((p) => p.share)).toHaveLength(10);
		expect(liftCurve([0.2], [false]).reason).toMatch(/no positive/);
		expect(liftCurve([], []).points).toEqual([]);
	});
});

describe('residuals', () => {
	it('gives truth minus prediction against the prediction, with the mean', () => {
		const result = residuals(Float64Array.from([3, 5, 2]), Float64Array.from([2.5, 6, 2]));
		expect(result).toEqual({
			points: [
				{ predicted: 2.5, residual: 0.5 },
				{ predicted: 6, residual: -1 },
				{ predicted: 2, residual: 0 }
			],
			rows: 3,
			meanResidual: -0.5 / 3,
			sampled: false
		});
	});

	it('leaves out rows with a missing number, and is empty with a reason for no rows', () => {
		const result = residuals(Float64Array.from([1, NaN, 4]), Float64Array.from([1, 2, Infinity]));
		expect(result.rows).toBe(1);
		const empty = residuals(new Float64Array(0), new Float64Array(0));
		expect(empty).toMatchObject({ points: [], rows: 0, meanResidual: null, sampled: false });
		expect(empty.reason).toBeTypeOf('string');
	});

	it('samples many rows evenly by index, the same way every time', () => {
		const n = 12_001;
		const truth = Float64Array.from({ length: n }, (_, i) => i);
		const result = residuals(truth, new Float64Array(n));
		expect(result.sampled).toBe(true);
		expect(result.rows).toBe(n);
		expect(result.points).toHaveLength(MAX_RESIDUAL_POINTS);
		// Row j * 12001 / 5000, rounded down: 0, 2, 4, 7, 9, ...
		expect(result.points.slice(0, 5).map((p) => p.residual)).toEqual([0, 2, 4, 7, 9]);
		expect(result.meanResidual).toBe(6000);
		expect(residuals(truth, new Float64Array(n))).toEqual(result);
	});
});
