import { describe, expect, it } from 'vitest';
import {
	isBetter,
	meetsThreshold,
	metricInfo,
	metricsForTask
} from '../../../src/core/evaluate/metric-catalogue';
import { TASK_KINDS } from '../../../src/core/brief/task';

describe('metric catalogue', () => {
	it('lists known metrics for every task, primary first', () => {
		expect(metricsForTask('binary')[0]).toBe('roc_auc');
		expect(metricsForTask('multiclass')[0]).toBe('f1_macro');
		expect(metricsForTask('regression')).toEqual(['rmse', 'mae', 'r2', 'mape']);
		for (const task of TASK_KINDS)
			for (const name of metricsForTask(task)) expect(metricInfo(name).name).toBe(name);
	});

	it("compares in the metric's direction", () => {
		expect(meetsThreshold('f1', 0.7, 0.7)).toBe(true);
		expect(meetsThreshold('f1', 0.69, 0.7)).toBe(false);
		expect(meetsThreshold('mae', 3, 3)).toBe(true);
		expect(meetsThreshold('mae', 3.1, 3)).toBe(false);
		expect(isBetter('r2', 0.6, 0.5)).toBe(true);
		expect(isBetter('log_loss', 0.6, 0.5)).toBe(false);
		expect(isBetter('log_loss', 0.5, 0.5)).toBe(false);
	});
});
