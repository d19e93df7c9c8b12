import { describe, expect, it } from 'vitest';
import { DEFAULT_DRIFT_OPTIONS } from '../../../src/core/monitor/drift-options';
import { missingRateCheck } from '../../../src/core/monitor/missing-rate';
import { expectRelative } from './monitor-helpers';

const rule = DEFAULT_DRIFT_OPTIONS.missingRate;

// p-values: scipy 1.10.1, the pooled two-proportion z-test written out,
// P = (x1 + x2) / (n1 + n2); z = (x2/n2 - x1/n1) / sqrt(P (1 - P) (1/n1 + 1/n2)); 2 * norm.sf(|z|).
describe('missingRateCheck', () => {
	it('alerts on a change that is both significant and at least 5 points', () => {
		const check = missingRateCheck(2, 100, 12, 100, rule);
		expectRelative(check.change, 0.1, 1e-12);
		expectRelative(check.pValue, 0.005582096093171001, 1e-12);
		expect(check).toMatchObject({ referenceRate: 0.02, currentRate: 0.12, alert: true });
		// A fall alerts too.
		expect(missingRateCheck(12, 100, 2, 100, rule).alert).toBe(true);
	});

	it('stays quiet on a large change that chance explains (1 missing cell in 10)', () => {
		const check = missingRateCheck(0, 10, 1, 10, rule);
		expectRelative(check.pValue, 0.3049017881787883, 1e-12);
		expect(check.alert).toBe(false);
	});

	it('stays quiet on a significant change that is too small to matter', () => {
		const check = missingRateCheck(10_000, 100_000, 10_400, 100_000, rule);
		expectRelative(check.pValue, 0.0031232955876898906, 1e-11);
		expect(check.alert).toBe(false);
		expect(
			missingRateCheck(10_000, 100_000, 10_400, 100_000, { pValue: 0.05, minChange: 0.004 }).alert
		).toBe(true);
	});

	it('counts an exact 5-point change as 5 points despite rounding', () => {
		// 3/20 - 2/20 is 0.04999999999999999 in doubles.
		expect(missingRateCheck(2, 20, 3, 20, { pValue: 1, minChange: 0.05 }).alert).toBe(true);
	});

	it('gives p = 1 when neither side has a missing cell, and nulls when a side has no rows', () => {
		expect(missingRateCheck(0, 50, 0, 70, rule)).toMatchObject({
			change: 0,
			pValue: 1,
			alert: false
		});
		expect(missingRateCheck(5, 5, 3, 3, rule)).toMatchObject({
			change: 0,
			pValue: 1,
			alert: false
		});
		expect(missingRateCheck(1, 10, 0, 0, rule)).toEqual({
			referenceMissing: 1,
			referenceRows: 10,
			referenceRate: 0.1,
			currentMissing: 0,
			currentRows: 0,
			currentRate: null,
			change: null,
			pValue: null,
			alert: false
		});
	});
});
