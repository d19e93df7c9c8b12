import { describe, expect, it } from 'vitest';
import { judge, type Interval, type KpiCheck } from '../../../../../src/core/evaluate/verdict';
import {
	baselineWords,
	certaintyOf,
	kpiBound
} from '../../../../../src/ui/stages/evaluate/results/verdict-words';

function checkOf(overrides: Partial<KpiCheck>): KpiCheck {
	return {
		kpi: { metric: 'roc_auc', threshold: 0.8 },
		value: 0.85,
		interval: { low: 0.82, high: 0.88 },
		met: true,
		sure: true,
		...overrides
	};
}

function verdictOf(value: number, baseline: number, difference: Interval | null) {
	return judge({
		kpis: [{ metric: 'roc_auc', threshold: 0.7 }],
		metrics: { roc_auc: value },
		intervals: {},
		baseline: { roc_auc: baseline },
		difference
	});
}

describe('kpiBound', () => {
	it('uses ≥ for a score and ≤ for an error', () => {
		expect(kpiBound(checkOf({}))).toBe('≥ 0.8');
		expect(kpiBound(checkOf({ kpi: { metric: 'rmse', threshold: 12 } }))).toBe('≤ 12');
	});
});

describe('certaintyOf', () => {
	it('says sure, only on the point estimate, or no interval', () => {
		expect(certaintyOf(checkOf({}))).toMatch(/^sure/);
		expect(certaintyOf(checkOf({ sure: false }))).toBe('only on the point estimate');
		expect(certaintyOf(checkOf({ sure: false, interval: null }))).toBe('no interval to judge by');
		expect(certaintyOf(checkOf({ met: false, sure: false }))).toBe('—');
	});
});

describe('baselineWords', () => {
	it('says the gain is clear of luck when the difference excludes zero', () => {
		const difference = { low: 0.05, high: 0.2 };
		const words = baselineWords(verdictOf(0.8, 0.5, difference), difference, 'roc_auc');
		expect(words).toBe(
			'The baseline scores 0.5000 on ROC-AUC; the model beats it. Model minus baseline: [0.0500, 0.2000] (95 % interval over the same resamples), clear of zero: the gain is not the luck of the test rows.'
		);
	});

	it('says the gain could be luck when the difference spans zero', () => {
		const difference = { low: -0.01, high: 0.2 };
		const words = baselineWords(verdictOf(0.8, 0.75, difference), difference, 'roc_auc');
		expect(words).toContain('which includes zero: the gain could be the luck');
	});

	it('says when the model does not beat the baseline, and leaves out an undefined difference', () => {
		const difference = { low: NaN, high: NaN };
		const words = baselineWords(verdictOf(0.5, 0.6, difference), difference, 'roc_auc');
		expect(words).toBe('The baseline scores 0.6000 on ROC-AUC; the model does not beat it.');
	});

	it('writes an undefined baseline as "undefined"', () => {
		const words = baselineWords(verdictOf(0.8, NaN, null), null, 'roc_auc');
		expect(words).toBe('The baseline scores undefined on ROC-AUC; the model beats it.');
	});
});
