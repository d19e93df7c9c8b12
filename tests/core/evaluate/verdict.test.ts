import { describe, expect, it } from 'vitest';
import { judge, type Kpi, type VerdictInput } from '../../../src/core/evaluate/verdict';
import type { MetricValues } from '../../../src/core/evaluate/metric-catalogue';

/** A verdict input with no intervals: the point estimates alone. */
function points(kpi: Kpi, metrics: MetricValues, baseline: MetricValues): VerdictInput {
	return { kpis: [kpi], metrics, intervals: {}, baseline, difference: null };
}

describe('judge', () => {
	it('passes a higher-is-better metric that meets the KPI and beats the baseline', () => {
		const v = judge(
			points({ metric: 'roc_auc', threshold: 0.8 }, { roc_auc: 0.85 }, { roc_auc: 0.5 })
		);
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
		const atKpi = points({ metric: 'roc_auc', threshold: 0.8 }, { roc_auc: 0.8 }, { roc_auc: 0.5 });
		expect(judge(atKpi).pass).toBe(true);
	});

	it('fails a higher-is-better metric below the KPI, or not above the baseline', () => {
		const low = judge(
			points({ metric: 'roc_auc', threshold: 0.8 }, { roc_auc: 0.75 }, { roc_auc: 0.5 })
		);
		expect(low).toMatchObject({ pass: false, kpiMet: false, beatsBaseline: true });
		expect(low.summary).toContain('the KPI asks ≥ 0.8 (not met)');
		expect(low.advice.join(' ')).toMatch(/ROC-AUC misses the KPI: go back to Choose and Train/);
		const tie = judge(
			points({ metric: 'accuracy', threshold: 0.8 }, { accuracy: 0.85 }, { accuracy: 0.85 })
		);
		expect(tie).toMatchObject({ pass: false, kpiMet: true, beatsBaseline: false });
		expect(tie.summary).toMatch(/\(not beaten\)\.$/);
		expect(tie.advice[0]).toMatch(/no better than the baseline: go back to Prepare/);
	});

	it('passes a lower-is-better metric at or under the KPI and under the baseline', () => {
		const v = judge(points({ metric: 'rmse', threshold: 12 }, { rmse: 10 }, { rmse: 20 }));
		expect(v).toMatchObject({ pass: true, kpiMet: true, beatsBaseline: true });
		expect(v.summary).toContain('the KPI asks ≤ 12 (met)');
		const atKpi = points(
			{ metric: 'log_loss', threshold: 0.5 },
			{ log_loss: 0.5 },
			{ log_loss: 0.69 }
		);
		expect(judge(atKpi).pass).toBe(true);
	});

	it('fails a lower-is-better metric above the KPI, or not under the baseline', () => {
		expect(judge(points({ metric: 'mae', threshold: 12 }, { mae: 15 }, { mae: 20 }))).toMatchObject(
			{
				pass: false,
				kpiMet: false,
				beatsBaseline: true
			}
		);
		expect(
			judge(points({ metric: 'rmse', threshold: 12 }, { rmse: 10 }, { rmse: 9 }))
		).toMatchObject({
			pass: false,
			kpiMet: true,
			beatsBaseline: false
		});
	});

	it('fails an undefined value, and does not hold an undefined baseline against the model', () => {
		const missing = judge(points({ metric: 'roc_auc', threshold: 0.5 }, {}, { roc_auc: 0.5 }));
		expect(missing).toMatchObject({ pass: false, kpiMet: false, beatsBaseline: false });
		expect(missing.summary).toContain('is undefined');
		expect(judge(points({ metric: 'r2', threshold: 0.5 }, { r2: 0.7 }, { r2: NaN })).pass).toBe(
			true
		);
	});

	it('judges every KPI, the primary one first, and fails when any is missed', () => {
		const v = judge({
			kpis: [
				{ metric: 'roc_auc', threshold: 0.7 },
				{ metric: 'recall', threshold: 0.6 }
			],
			metrics: { roc_auc: 0.78, recall: 0.52 },
			intervals: {},
			baseline: { roc_auc: 0.5, recall: 0 },
			difference: null
		});
		expect(v.checks.map((c) => [c.kpi.metric, c.met])).toEqual([
			['roc_auc', true],
			['recall', false]
		]);
		expect(v).toMatchObject({ pass: false, kpiMet: false, beatsBaseline: true, value: 0.78 });
		expect(v.summary).toContain('Recall on test is 0.5200; the KPI asks ≥ 0.6 (not met)');
		expect(v.advice).toEqual([expect.stringMatching(/^Recall misses the KPI/)]);
	});

	it('says when a pass hangs on the luck of the test rows', () => {
		const v = judge({
			kpis: [{ metric: 'roc_auc', threshold: 0.75 }],
			metrics: { roc_auc: 0.78 },
			intervals: { roc_auc: { low: 0.71, high: 0.84 } },
			baseline: { roc_auc: 0.74 },
			difference: { low: -0.02, high: 0.09 }
		});
		expect(v).toMatchObject({ pass: true, beatsBaseline: true, clearOfBaseline: false });
		expect(v.checks[0].sure).toBe(false);
		expect(v.summary).toContain('ROC-AUC on test is 0.7800 (95 % CI 0.7100 to 0.8400)');
		expect(v.advice).toHaveLength(2);
		expect(v.advice[0]).toMatch(/spans zero/);
		expect(v.advice[1]).toMatch(/only on the point estimate/);
	});

	it('is sure of a pass whose whole interval meets the KPI and clears the baseline', () => {
		const v = judge({
			kpis: [{ metric: 'rmse', threshold: 50 }],
			metrics: { rmse: 40 },
			intervals: { rmse: { low: 36, high: 45 } },
			baseline: { rmse: 90 },
			difference: { low: -55, high: -44 }
		});
		expect(v).toMatchObject({ pass: true, clearOfBaseline: true, advice: [] });
		expect(v.checks[0].sure).toBe(true);
	});
});

describe('judge with an undefined interval', () => {
	it('treats it as no interval, and does not say the interval falls short', () => {
		const v = judge({
			kpis: [{ metric: 'roc_auc', threshold: 0.7 }],
			metrics: { roc_auc: 0.8 },
			intervals: { roc_auc: { low: NaN, high: NaN } },
			baseline: { roc_auc: 0.5 },
			difference: null
		});
		expect(v.checks[0]).toMatchObject({ met: true, sure: false, interval: null });
		expect(v.advice).toEqual([]);
		expect(v.summary).not.toContain('CI');
	});
});
