import { describe, expect, it } from 'vitest';
import { EMPTY_BRIEF, type Brief } from '../../../src/core/brief/brief';
import {
	checkExtraKpi,
	checkSensitiveColumn,
	tidyBrief
} from '../../../src/core/brief/brief-checks';

const BINARY: Brief = {
	...EMPTY_BRIEF,
	target: 'churn',
	task: 'binary',
	positiveClass: 'yes',
	metric: 'roc_auc',
	kpiThreshold: 0.8
};

describe('checkExtraKpi', () => {
	it('accepts another metric of the task with a threshold in its range', () => {
		expect(checkExtraKpi(BINARY, { metric: 'recall', threshold: 0.6 }, null)).toBeNull();
		expect(checkExtraKpi(BINARY, { metric: 'log_loss', threshold: 0.4 }, null)).toBeNull();
	});

	it('asks for the task first', () => {
		expect(checkExtraKpi(EMPTY_BRIEF, { metric: 'recall', threshold: 0.6 }, null)).toBe(
			'Choose the task before adding KPIs: which metrics fit depends on it.'
		);
	});

	it('refuses a metric that does not fit the task, naming those that do', () => {
		const message = checkExtraKpi(BINARY, { metric: 'rmse', threshold: 1 }, null);
		expect(message).toMatch(/^RMSE does not fit binary classification; choose one of ROC-AUC, /);
	});

	it('refuses the primary metric again', () => {
		expect(checkExtraKpi(BINARY, { metric: 'roc_auc', threshold: 0.9 }, null)).toBe(
			'ROC-AUC is already the primary metric: set its threshold in the primary KPI instead of adding it again.'
		);
	});

	it('refuses a second KPI on one metric, but not a KPI replacing itself', () => {
		const brief: Brief = { ...BINARY, extraKpis: [{ metric: 'recall', threshold: 0.6 }] };
		expect(checkExtraKpi(brief, { metric: 'recall', threshold: 0.7 }, null)).toBe(
			'There is already an extra KPI on Recall: change its threshold instead.'
		);
		expect(checkExtraKpi(brief, { metric: 'recall', threshold: 0.7 }, 0)).toBeNull();
	});

	it('asks for a finite threshold inside the range of the metric', () => {
		expect(checkExtraKpi(BINARY, { metric: 'recall', threshold: NaN }, null)).toBe(
			'The extra KPI on Recall needs a threshold: a number.'
		);
		expect(checkExtraKpi(BINARY, { metric: 'recall', threshold: 1.5 }, null)).toBe(
			'Recall runs from 0 to 1: a KPI threshold of 1.5 is outside that range.'
		);
		expect(checkExtraKpi(BINARY, { metric: 'log_loss', threshold: -0.1 }, null)).toBe(
			'Log loss is never negative: a KPI threshold of -0.1 is outside that range.'
		);
		const regression: Brief = { ...BINARY, task: 'regression', metric: 'rmse' };
		expect(checkExtraKpi(regression, { metric: 'r2', threshold: 1.2 }, null)).toMatch(
			/^R² is at most 1/
		);
		expect(checkExtraKpi(regression, { metric: 'r2', threshold: -3 }, null)).toBeNull();
	});
});

describe('checkSensitiveColumn', () => {
	const columns = ['churn', 'sex', 'age'];

	it('accepts an input column of the dataset', () => {
		expect(checkSensitiveColumn(BINARY, 'sex', columns)).toBeNull();
	});

	it('refuses the target, an unknown column and a repeat, naming the column', () => {
		expect(checkSensitiveColumn(BINARY, 'churn', columns)).toBe(
			'"churn" is the target: fairness is checked across the groups of an input column, never the target.'
		);
		expect(checkSensitiveColumn(BINARY, 'race', columns)).toBe(
			'"race" is not a column of the dataset.'
		);
		const marked: Brief = { ...BINARY, sensitiveColumns: ['sex'] };
		expect(checkSensitiveColumn(marked, 'sex', columns)).toBe(
			'"sex" is already a sensitive column.'
		);
	});
});

describe('tidyBrief', () => {
	it('keeps a brief whose fields all fit', () => {
		const brief: Brief = {
			...BINARY,
			costMatrix: { falsePositive: 1, falseNegative: 5 },
			extraKpis: [{ metric: 'recall', threshold: 0.6 }],
			sensitiveColumns: ['sex']
		};
		expect(tidyBrief(brief)).toEqual(brief);
	});

	it('drops what no longer fits once the task or the primary metric changes', () => {
		const brief: Brief = {
			...BINARY,
			task: 'regression',
			metric: 'rmse',
			costMatrix: { falsePositive: 1, falseNegative: 5 },
			extraKpis: [
				{ metric: 'recall', threshold: 0.6 },
				{ metric: 'rmse', threshold: 2 },
				{ metric: 'mae', threshold: 1 },
				{ metric: 'mae', threshold: 3 }
			],
			sensitiveColumns: ['sex', 'churn', 'sex']
		};
		expect(tidyBrief(brief)).toEqual({
			...brief,
			costMatrix: null,
			extraKpis: [{ metric: 'mae', threshold: 1 }],
			sensitiveColumns: ['sex']
		});
	});
});
