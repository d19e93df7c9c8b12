import { describe, expect, it } from 'vitest';
import {
	briefGaps,
	DEFAULT_THRESHOLD,
	defaultPositiveClass,
	EMPTY_BRIEF,
	kpiOf,
	kpisOf,
	metricWarning,
	toTargetSpec,
	type Brief
} from '../../../src/core/brief/brief';
import { summarizeTarget } from '../../../src/core/brief/target';
import { categories, numbers } from '../helpers';

const COMPLETE: Brief = {
	...EMPTY_BRIEF,
	decision: 'Call back customers likely to leave',
	users: 'Retention team',
	costs: 'A wasted call vs. a lost customer',
	target: 'churn',
	task: 'binary',
	positiveClass: 'yes',
	metric: 'roc_auc',
	kpiThreshold: 0.8,
	interpretable: false,
	latencyBudgetUs: null,
	modelBytesBudget: null
};

/** A binary target with `yes` rows of "yes" and `no` rows of "no". */
function churn(yes: number, no: number) {
	return summarizeTarget(
		categories('churn', [...Array<string>(no).fill('no'), ...Array<string>(yes).fill('yes')])
	);
}

describe('briefGaps', () => {
	it('lists everything an empty brief lacks, in the order a user fills it in', () => {
		expect(briefGaps(EMPTY_BRIEF)).toEqual([
			'choose the target column',
			'choose the task',
			'choose the primary metric',
			'set the KPI threshold'
		]);
	});

	it('is empty for a complete brief', () => {
		expect(briefGaps(COMPLETE)).toEqual([]);
		expect(briefGaps({ ...COMPLETE, kpiThreshold: 0 })).toEqual([]);
	});

	it('asks for the positive class of a binary task only', () => {
		expect(briefGaps({ ...COMPLETE, positiveClass: null })).toEqual(['choose the positive class']);
		const regression: Brief = {
			...COMPLETE,
			task: 'regression',
			positiveClass: null,
			metric: 'rmse'
		};
		expect(briefGaps(regression)).toEqual([]);
	});

	it('refuses a KPI threshold that is not a finite number', () => {
		for (const kpiThreshold of [null, NaN, Infinity]) {
			expect(briefGaps({ ...COMPLETE, kpiThreshold })).toEqual(['set the KPI threshold']);
		}
	});
});

describe('kpiOf', () => {
	it('returns the metric and threshold of a brief that has both', () => {
		expect(kpiOf(COMPLETE)).toEqual({ metric: 'roc_auc', threshold: 0.8 });
		expect(kpiOf({ ...COMPLETE, metric: 'rmse', kpiThreshold: 0 })).toEqual({
			metric: 'rmse',
			threshold: 0
		});
	});

	it('returns null without a metric or a threshold', () => {
		expect(kpiOf(EMPTY_BRIEF)).toBeNull();
		expect(kpiOf({ ...COMPLETE, metric: null })).toBeNull();
		expect(kpiOf({ ...COMPLETE, kpiThreshold: null })).toBeNull();
		expect(kpiOf({ ...COMPLETE, kpiThreshold: NaN })).toBeNull();
	});
});

describe('kpisOf', () => {
	const extras: Brief = {
		...COMPLETE,
		extraKpis: [
			{ metric: 'recall', threshold: 0.6 },
			{ metric: 'log_loss', threshold: 0.4 }
		]
	};

	it('returns the primary KPI first, then the extra ones in order', () => {
		expect(kpisOf(extras)).toEqual([
			{ metric: 'roc_auc', threshold: 0.8 },
			{ metric: 'recall', threshold: 0.6 },
			{ metric: 'log_loss', threshold: 0.4 }
		]);
		expect(kpisOf(COMPLETE)).toEqual([{ metric: 'roc_auc', threshold: 0.8 }]);
	});

	it('keeps the extra KPIs when the primary one is not complete, and is empty without any', () => {
		expect(kpisOf({ ...extras, kpiThreshold: null })).toEqual(extras.extraKpis);
		expect(kpisOf(EMPTY_BRIEF)).toEqual([]);
	});

	it('leaves out an extra KPI that repeats the primary metric or has no finite threshold', () => {
		const odd: Brief = {
			...COMPLETE,
			extraKpis: [
				{ metric: 'roc_auc', threshold: 0.9 },
				{ metric: 'recall', threshold: NaN }
			]
		};
		expect(kpisOf(odd)).toEqual([{ metric: 'roc_auc', threshold: 0.8 }]);
	});
});

describe('metricWarning', () => {
	const accuracy: Brief = { ...COMPLETE, metric: 'accuracy' };

	it('warns about accuracy on an imbalanced target, with the majority score', () => {
		expect(metricWarning(accuracy, churn(1, 9))).toBe(
			'The smallest class is only 10.0% of rows: a model that always predicts the majority class already scores 90.0% accuracy. Prefer ROC-AUC, balanced accuracy or F1.'
		);
	});

	it('measures the smallest class among all classes of a multiclass target', () => {
		const target = summarizeTarget(
			categories('y', ['a', 'a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c'])
		);
		expect(metricWarning(accuracy, target)).toMatch(/only 10\.0% of rows.*scores 50\.0% accuracy/);
	});

	it('stays quiet on a balanced target, from a quarter of the rows up', () => {
		expect(metricWarning(accuracy, churn(5, 5))).toBeNull();
		expect(metricWarning(accuracy, churn(1, 3))).toBeNull();
		expect(metricWarning(accuracy, churn(1, 4))).not.toBeNull();
	});

	it('stays quiet for another metric, no target or a target without classes', () => {
		expect(metricWarning(COMPLETE, churn(1, 9))).toBeNull();
		expect(metricWarning({ ...COMPLETE, metric: 'f1' }, churn(1, 9))).toBeNull();
		expect(metricWarning(accuracy, null)).toBeNull();
		const many = summarizeTarget(
			numbers(
				'price',
				Array.from({ length: 60 }, (_, i) => i)
			)
		);
		expect(many.classes).toBeNull();
		expect(metricWarning(accuracy, many)).toBeNull();
	});
});

describe('toTargetSpec', () => {
	it('gives a binary target its classes, positive class and default threshold', () => {
		expect(toTargetSpec(COMPLETE, churn(2, 8))).toEqual({
			name: 'churn',
			task: 'binary',
			classes: ['no', 'yes'],
			positive: 'yes',
			threshold: DEFAULT_THRESHOLD
		});
		expect(DEFAULT_THRESHOLD).toBe(0.5);
	});

	it('returns null for a binary task without a positive class', () => {
		expect(toTargetSpec({ ...COMPLETE, positiveClass: null }, churn(2, 8))).toBeNull();
	});

	it('gives a multiclass target its classes in class order', () => {
		const target = summarizeTarget(categories('y', ['c', 'a', 'b', 'a']));
		const brief: Brief = { ...COMPLETE, target: 'y', task: 'multiclass', positiveClass: null };
		expect(toTargetSpec(brief, target)).toEqual({
			name: 'y',
			task: 'multiclass',
			classes: ['a', 'b', 'c']
		});
	});

	it('gives a regression target only its name', () => {
		const target = summarizeTarget(numbers('price', [1.5, 2, 3.25]));
		const brief: Brief = { ...COMPLETE, target: 'price', task: 'regression', metric: 'rmse' };
		expect(toTargetSpec(brief, target)).toEqual({ name: 'price', task: 'regression' });
	});

	it('returns null without a target or a task', () => {
		expect(toTargetSpec({ ...COMPLETE, target: null }, churn(2, 8))).toBeNull();
		expect(toTargetSpec({ ...COMPLETE, task: null }, churn(2, 8))).toBeNull();
	});
});

describe('defaultPositiveClass', () => {
	it('picks the rarer of two classes, whichever comes first', () => {
		expect(defaultPositiveClass(churn(2, 8))).toBe('yes');
		expect(defaultPositiveClass(churn(8, 2))).toBe('no');
	});

	it('picks the later class on a tie', () => {
		expect(defaultPositiveClass(churn(5, 5))).toBe('yes');
	});

	it('returns null unless there are exactly two classes', () => {
		expect(defaultPositiveClass(summarizeTarget(categories('y', ['a', 'b', 'c'])))).toBeNull();
		const many = summarizeTarget(
			numbers(
				'price',
				Array.from({ length: 60 }, (_, i) => i)
			)
		);
		expect(defaultPositiveClass(many)).toBeNull();
	});
});
