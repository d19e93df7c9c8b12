import { describe, expect, it } from 'vitest';
import {
	DEFAULT_THRESHOLD,
	chooseThreshold,
	costCurve,
	ruleText,
	type ThresholdRule
} from '../../../src/core/evaluate/threshold';
import { expectCoreError } from '../helpers';

// Ten validation rows, five positive. Sorted by score, the candidate thresholds (halfway between
// neighbouring scores, at the top score, and below every score) and what scores above them:
//   threshold  0.95  0.9  0.775  0.65  0.525  0.425  0.35  0.25  0.15  0.075  0.025
//   tp            0    1      2     2      3      4     4     5     5      5      5
//   fp            0    0      0     1      1      1     2     2     3      4      5
const SCORES = [0.95, 0.85, 0.7, 0.6, 0.45, 0.4, 0.3, 0.2, 0.1, 0.05];
const TRUTH = [1, 1, 0, 1, 1, 0, 1, 0, 0, 0].map((y) => y === 1);

/** Chooses on the ten rows above. */
const choose = (rule: ThresholdRule) => chooseThreshold(SCORES, TRUTH, rule);

describe('chooseThreshold: default', () => {
	it('keeps 0.5 and counts a score of exactly 0.5 as negative (strictly above)', () => {
		const choice = chooseThreshold([0.5, 0.7, 0.2, 0.9], [true, true, false, false], {
			kind: 'default'
		});
		expect(choice.threshold).toBe(DEFAULT_THRESHOLD);
		expect(choice.validation).toEqual({ tp: 1, fp: 1, tn: 1, fn: 1, precision: 0.5, recall: 0.5 });
		expect(choice.reason).toBe(
			'The default threshold of 0.5 predicts positive when the score is above it. On the 4 validation rows it gives precision 0.50 and recall 0.50.'
		);
	});
});

describe('chooseThreshold: cost', () => {
	it('with equal costs, breaks a tie toward the threshold closest to 0.5', () => {
		// Cost 2 at 0.425 (1 FP + 1 FN) and at 0.25 (2 FP + 0 FN): 0.425 is closer to 0.5.
		const choice = choose({ kind: 'cost', falsePositive: 1, falseNegative: 1 });
		expect(choice.threshold).toBeCloseTo(0.425, 12);
		expect(choice.validation).toEqual({
			tp: 4,
			fp: 1,
			tn: 4,
			fn: 1,
			precision: 0.8,
			recall: 0.8,
			cost: 2
		});
		expect(choice.reason).toBe(
			'On the 10 validation rows, a threshold of 0.425 costs 2 (1 false positive × 1 + 1 false negative × 1), the lowest of any threshold (2 thresholds tie; the one closest to 0.5 is used).'
		);
	});

	it('prefers fewer false negatives when they cost more', () => {
		const choice = choose({ kind: 'cost', falsePositive: 1, falseNegative: 5 });
		expect(choice.threshold).toBeCloseTo(0.25, 12);
		expect(choice.validation).toMatchObject({ fp: 2, fn: 0, cost: 2 });
		expect(choice.reason).toBe(
			'On the 10 validation rows, a threshold of 0.25 costs 2 (2 false positives × 1 + 0 false negatives × 5), the lowest of any threshold.'
		);
	});

	it('prefers fewer false positives when they cost more', () => {
		const choice = choose({ kind: 'cost', falsePositive: 5, falseNegative: 1 });
		expect(choice.threshold).toBeCloseTo(0.775, 12);
		expect(choice.validation).toMatchObject({ fp: 0, fn: 3, cost: 3 });
	});

	it('splits neighbouring doubles with a threshold that works under "score > threshold"', () => {
		// Their midpoint rounds up onto 0.5; the lower score is used, and 0.5 > it still holds.
		const low = 0.49999999999999994;
		const choice = chooseThreshold([0.5, low], [true, false], {
			kind: 'cost',
			falsePositive: 1,
			falseNegative: 1
		});
		expect(choice.threshold).toBe(low);
		expect(choice.validation).toMatchObject({ tp: 1, fp: 0, cost: 0 });
	});

	it('refuses a negative cost', async () => {
		await expectCoreError(
			() => choose({ kind: 'cost', falsePositive: -1, falseNegative: 1 }),
			'threshold_rule'
		);
	});
});

describe('chooseThreshold: precision', () => {
	it('takes the most recall whose precision reaches the target', () => {
		// Precision 0.8 first reached with recall 0.8 at 0.425; 0.25 gives recall 1 at 5/7 only.
		const choice = choose({ kind: 'precision', target: 0.8 });
		expect(choice.threshold).toBeCloseTo(0.425, 12);
		expect(choice.validation).toEqual({
			tp: 4,
			fp: 1,
			tn: 4,
			fn: 1,
			precision: 0.8,
			recall: 0.8
		});
		expect(choice.reason).toBe(
			'On the 10 validation rows, a threshold of 0.425 reaches precision 0.80 (target 0.80) and finds 4 positives of 5 (recall 0.80), the highest recall of any threshold that reaches the target.'
		);
	});

	it('breaks a tie in recall toward the higher threshold', () => {
		// Recall 1 with precision >= 0.6 at 0.25 (5/7) and at 0.15 (5/8): 0.25 is kept.
		expect(choose({ kind: 'precision', target: 0.6 }).threshold).toBeCloseTo(0.25, 12);
		// Precision 1 at 0.9 (recall 0.2) and 0.775 (recall 0.4): more recall wins.
		expect(choose({ kind: 'precision', target: 1 }).threshold).toBeCloseTo(0.775, 12);
	});

	it('uses the best precision there is when the target is out of reach, and says so', () => {
		// Precision 0 at 0.85, 1/2 at 0.75, 1/3 at 0.65, 2/4 below every score (0.3).
		const choice = chooseThreshold([0.9, 0.8, 0.7, 0.6], [false, true, false, true], {
			kind: 'precision',
			target: 0.9
		});
		expect(choice.threshold).toBeCloseTo(0.3, 12);
		expect(choice.validation).toMatchObject({ precision: 0.5, recall: 1 });
		expect(choice.reason).toBe(
			'No threshold reaches precision 0.90 on the 4 validation rows: the best is 0.50, at a threshold of 0.3 (recall 1.00), so that threshold is used.'
		);
	});

	it('refuses a target outside 0 to 1', async () => {
		await expectCoreError(() => choose({ kind: 'precision', target: 80 }), 'threshold_rule');
	});
});

describe('chooseThreshold: recall', () => {
	it('takes the highest threshold whose recall reaches the target', () => {
		expect(choose({ kind: 'recall', target: 0.4 }).threshold).toBeCloseTo(0.775, 12);
		const choice = choose({ kind: 'recall', target: 0.9 });
		expect(choice.threshold).toBeCloseTo(0.25, 12);
		expect(choice.validation).toMatchObject({ tp: 5, fp: 2, recall: 1 });
		expect(choice.reason).toBe(
			'On the 10 validation rows, a threshold of 0.25 finds 5 positives of 5 (recall 1.00, target 0.90) with precision 0.71, the highest precision of any threshold that reaches the target.'
		);
	});

	it('takes the most precise threshold that reaches the target', () => {
		// Recall 0.8 at 0.425 (precision 0.8), 0.35 (0.67), 0.25 (0.71) and lower: 0.425.
		expect(choose({ kind: 'recall', target: 0.8 }).threshold).toBeCloseTo(0.425, 12);
		// By score: no, yes, no, no, yes, yes, yes, yes. Recall 0.2 is first reached at 0.75 with
		// precision 1/2; below every score (0.1) it is 5/8, better in precision and in recall.
		const choice = chooseThreshold(
			[0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2],
			[false, true, false, false, true, true, true, true],
			{ kind: 'recall', target: 0.2 }
		);
		expect(choice.threshold).toBeCloseTo(0.1, 12);
		expect(choice.validation).toMatchObject({ precision: 5 / 8, recall: 1 });
	});
});

describe('chooseThreshold without both classes', () => {
	it('keeps the default and says why', () => {
		const choice = chooseThreshold([0.2, 0.7], [true, true], { kind: 'recall', target: 0.9 });
		expect(choice.threshold).toBe(DEFAULT_THRESHOLD);
		expect(choice.rule).toEqual({ kind: 'recall', target: 0.9 });
		expect(choice.validation).toEqual({ tp: 1, fp: 0, tn: 0, fn: 1, precision: 1, recall: 0.5 });
		expect(choice.reason).toBe(
			'The 2 validation rows hold only one class (no negatives), so no threshold can be chosen on them; the default of 0.5 is kept.'
		);
	});

	it('keeps the default on no rows, with zero counts', () => {
		const choice = chooseThreshold([], [], { kind: 'cost', falsePositive: 1, falseNegative: 1 });
		expect(choice.threshold).toBe(DEFAULT_THRESHOLD);
		expect(choice.validation).toEqual({ tp: 0, fp: 0, tn: 0, fn: 0, precision: 0, recall: 0 });
		expect(choice.reason).toMatch(/no validation rows/);
		expect(chooseThreshold([], [], { kind: 'default' }).reason).toMatch(/no validation rows/);
	});
});

describe('costCurve', () => {
	it('gives the cost below every score and at each score, rising, to draw as steps', () => {
		// Positive above 0.05: 2 FP; above 0.1: 1 FP; above 0.4: 1 FN (x2); above 0.8: 2 FN (x2).
		expect(costCurve([0.8, 0.4, 0.4, 0.1], [true, false, true, false], 1, 2)).toEqual([
			{ threshold: 0.05, cost: 2 },
			{ threshold: 0.1, cost: 1 },
			{ threshold: 0.4, cost: 2 },
			{ threshold: 0.8, cost: 4 }
		]);
	});

	it('agrees with the cost the rule chooses', () => {
		const curve = costCurve(SCORES, TRUTH, 1, 5);
		const choice = choose({ kind: 'cost', falsePositive: 1, falseNegative: 5 });
		expect(Math.min(...curve.map((p) => p.cost))).toBe(choice.validation.cost);
	});

	it('is empty for no rows', () => {
		expect(costCurve([], [], 1, 1)).toEqual([]);
	});
});

describe('ruleText', () => {
	it('says how each rule chooses, with its numbers', () => {
		expect(ruleText({ kind: 'default' })).toBe('The default 0.5');
		expect(ruleText({ kind: 'cost', falsePositive: 1, falseNegative: 5 })).toBe(
			'Lowest cost on validation (a false positive costs 1, a false negative 5)'
		);
		expect(ruleText({ kind: 'precision', target: 0.9 })).toContain('precision at least 0.9');
		expect(ruleText({ kind: 'recall', target: 0.75 })).toContain('recall at least 0.75');
	});
});
