import { describe, expect, it } from 'vitest';
import { judge } from '../../../src/core/evaluate/verdict';

describe('judge', () => {
	it('passes a higher-is-better metric that meets the KPI and beats the baseline', () => {
		const v = judge({ metric: 'roc_auc', threshold: 0.8 }, { roc_auc: 0.85 }, { roc_auc: 0.5 });
		expect(v).toMatchObject({
			pass: true,
			kpiMet: true,
			beatsBaseline: true,
			value: 0.85,
			baselineValue: 0.5
		});
		expect(v.summary).toContain(
			'ROC-AUC on test is 0.8500; the KPI asks ≥ 0.8 (met); the baseline scores 0.5000 (beaten).'
		);
		expect(
			judge({ metric: 'roc_auc', threshold: 0.8 }, { roc_auc: 0.8 }, { roc_auc: 0.5 }).pass
		).toBe(true);
	});

	it('fails a higher-is-better metric below the KPI, or not above the baseline', () => {
		const low = judge({ metric: 'roc_auc', threshold: 0.8 }, { roc_auc: 0.75 }, { roc_auc: 0.5 });
		expect(low).toMatchObject({ pass: false, kpiMet: false, beatsBaseline: true });
		expect(low.summary).toContain('the KPI asks ≥ 0.8 (not met)');
		const tie = judge(
			{ metric: 'accuracy', threshold: 0.8 },
			{ accuracy: 0.85 },
			{ accuracy: 0.85 }
		);
		expect(tie).toMatchObject({ pass: false, kpiMet: true, beatsBaseline: false });
		expect(tie.summary).toMatch(/\(not beaten\)\.$/);
	});

	it('passes a lower-is-better metric at or under the KPI and under the baseline', () => {
		const v = judge({ metric: 'rmse', threshold: 12 }, { rmse: 10 }, { rmse: 20 });
		expect(v).toMatchObject({ pass: true, kpiMet: true, beatsBaseline: true });
		expect(v.summary).toContain('the KPI asks ≤ 12 (met)');
		expect(
			judge({ metric: 'log_loss', threshold: 0.5 }, { log_loss: 0.5 }, { log_loss: 0.69 }).pass
		).toBe(true);
	});

	it('fails a lower-is-better metric above the KPI, or not under the baseline', () => {
		expect(judge({ metric: 'mae', threshold: 12 }, { mae: 15 }, { mae: 20 })).toMatchObject({
			pass: false,
			kpiMet: false,
			beatsBaseline: true
		});
		expect(judge({ metric: 'rmse', threshold: 12 }, { rmse: 10 }, { rmse: 9 })).toMatchObject({
			pass: false,
			kpiMet: true,
			beatsBaseline: false
		});
	});

	it('fails an undefined value, and does not hold an undefined baseline against the model', () => {
		const missing = judge({ metric: 'roc_auc', threshold: 0.5 }, {}, { roc_auc: 0.5 });
		expect(missing).toMatchObject({ pass: false, kpiMet: false, beatsBaseline: false });
		expect(missing.summary).toContain('is undefined');
		expect(judge({ metric: 'r2', threshold: 0.5 }, { r2: 0.7 }, { r2: NaN }).pass).toBe(true);
	});
});
