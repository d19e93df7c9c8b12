import { describe, expect, it } from 'vitest';
import { EMPTY_BRIEF, type Brief } from '../../../src/core/brief/brief';
import {
	formatScore,
	kpiGuidance,
	metricPhrase,
	type KpiBaseline
} from '../../../src/core/brief/brief-guidance';

const NO_KPI =
	'No KPI yet: the brief is not finished, and Evaluate will have nothing to judge against.';

const ACCURACY: Brief = {
	...EMPTY_BRIEF,
	target: 'churn',
	task: 'binary',
	positiveClass: 'yes',
	metric: 'accuracy',
	kpiThreshold: 0.7
};

const majority = (metrics: KpiBaseline['metrics']): KpiBaseline => ({
	metrics,
	label: 'majority-class baseline'
});

describe('kpiGuidance: no KPI', () => {
	it('says the brief is not finished when it has no KPI', () => {
		expect(kpiGuidance(EMPTY_BRIEF, null)).toEqual([NO_KPI]);
		expect(kpiGuidance({ ...ACCURACY, kpiThreshold: null }, null)).toEqual([NO_KPI]);
	});

	it('stays quiet once there is a primary or an extra KPI', () => {
		expect(kpiGuidance(ACCURACY, null)).toEqual([]);
		const extraOnly: Brief = {
			...ACCURACY,
			kpiThreshold: null,
			extraKpis: [{ metric: 'recall', threshold: 0.6 }]
		};
		expect(kpiGuidance(extraOnly, null)).toEqual([]);
	});
});

describe('kpiGuidance: a KPI the baseline meets', () => {
	it('questions a KPI the baseline already meets, suggesting a metric it cannot game', () => {
		expect(kpiGuidance(ACCURACY, majority({ accuracy: 0.7 }))).toEqual([
			'The majority-class baseline already scores 0.70 accuracy, which meets your KPI of 0.70: a model that learns nothing passes. Raise the KPI or pick a metric that baseline cannot game, such as balanced accuracy.'
		]);
	});

	it('questions each KPI the baseline meets, extra ones included', () => {
		const brief: Brief = {
			...ACCURACY,
			extraKpis: [
				{ metric: 'recall', threshold: 0.5 },
				{ metric: 'f1', threshold: 0.5 }
			]
		};
		const messages = kpiGuidance(brief, majority({ accuracy: 0.9, recall: 1, f1: 0.2 }));
		expect(messages).toHaveLength(2);
		expect(messages[0]).toMatch(/^The majority-class baseline already scores 0\.90 accuracy/);
		expect(messages[1]).toMatch(/already scores 1\.00 recall, which meets your KPI of 0\.50/);
	});

	it('asks only to raise a KPI on a metric where the baseline scores chance', () => {
		const brief: Brief = { ...ACCURACY, metric: 'roc_auc', kpiThreshold: 0.5 };
		expect(kpiGuidance(brief, majority({ roc_auc: 0.5 }))).toEqual([
			"The majority-class baseline already scores 0.50 ROC-AUC, which meets your KPI of 0.50: a model that learns nothing passes. Raise the KPI above the baseline's score."
		]);
	});

	it('reads a lower-is-better KPI the right way round, and suggests R² for regression', () => {
		const brief: Brief = {
			...EMPTY_BRIEF,
			target: 'price',
			task: 'regression',
			metric: 'rmse',
			kpiThreshold: 12
		};
		const mean = { metrics: { rmse: 10.5 }, label: 'mean baseline' };
		expect(kpiGuidance(brief, mean)).toEqual([
			'The mean baseline already scores 10.50 RMSE, which meets your KPI of 12.00: a model that learns nothing passes. Raise the KPI or pick a metric that baseline cannot game, such as R², on which the mean scores 0.'
		]);
		expect(kpiGuidance(brief, { ...mean, metrics: { rmse: 12.5 } })).toEqual([]);
	});

	it('stays quiet when the baseline falls short, lacks the metric, or has no finite value', () => {
		expect(kpiGuidance(ACCURACY, majority({ accuracy: 0.6999 }))).toEqual([]);
		expect(kpiGuidance(ACCURACY, majority({ roc_auc: 0.9 }))).toEqual([]);
		expect(kpiGuidance(ACCURACY, majority({ accuracy: NaN }))).toEqual([]);
		expect(kpiGuidance(ACCURACY, null)).toEqual([]);
	});
});

describe('kpiGuidance: costs against the metric', () => {
	const costly = (
		metric: Brief['metric'],
		falsePositive: number,
		falseNegative: number
	): Brief => ({
		...ACCURACY,
		metric,
		costMatrix: { falsePositive, falseNegative }
	});

	it('suggests recall or a cost-based threshold when a miss costs 5 times a false alarm', () => {
		expect(kpiGuidance(costly('accuracy', 1, 5), null)).toEqual([
			'A false negative costs 5 times a false positive, but accuracy counts both mistakes alike. Prefer recall as the metric, or let Evaluate choose the decision threshold by cost.'
		]);
		expect(kpiGuidance(costly('precision', 2, 25), null)).toEqual([
			'A false negative costs 12.5 times a false positive, but precision ignores the misses. Prefer recall as the metric, or let Evaluate choose the decision threshold by cost.'
		]);
		expect(kpiGuidance(costly('accuracy', 0, 1), null)[0]).toMatch(
			/^A false negative costs more than a false positive/
		);
	});

	it('suggests precision when a false alarm costs 5 times a miss and the metric is recall', () => {
		expect(kpiGuidance(costly('recall', 10, 1), null)).toEqual([
			'A false positive costs 10 times a false negative, but recall ignores the false alarms. Prefer precision as the metric, or let Evaluate choose the decision threshold by cost.'
		]);
	});

	it('stays quiet below a ratio of 5, for other metrics, and without a matrix', () => {
		expect(kpiGuidance(costly('accuracy', 1, 4.9), null)).toEqual([]);
		expect(kpiGuidance(costly('roc_auc', 1, 50), null)).toEqual([]);
		expect(kpiGuidance(costly('recall', 1, 50), null)).toEqual([]);
		expect(kpiGuidance(costly('precision', 5, 1), null)).toEqual([]);
		expect(kpiGuidance(ACCURACY, null)).toEqual([]);
	});
});

describe('metricPhrase and formatScore', () => {
	it('lowers the first letter of a word label only', () => {
		expect(metricPhrase('accuracy')).toBe('accuracy');
		expect(metricPhrase('balanced_accuracy')).toBe('balanced accuracy');
		expect(metricPhrase('roc_auc')).toBe('ROC-AUC');
		expect(metricPhrase('f1')).toBe('F1');
		expect(metricPhrase('r2')).toBe('R²');
	});

	it('writes two to four decimals', () => {
		expect(formatScore(0.7)).toBe('0.70');
		expect(formatScore(0.70004)).toBe('0.70');
		expect(formatScore(0.7049)).toBe('0.7049');
		expect(formatScore(0.123456)).toBe('0.1235');
		expect(formatScore(12)).toBe('12.00');
	});
});
