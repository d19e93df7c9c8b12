import { describe, expect, it } from 'vitest';
import {
	DEFAULT_DRIFT_OPTIONS,
	resolveDriftOptions
} from '../../../src/core/monitor/drift-options';
import { expectCoreError } from '../helpers';

describe('resolveDriftOptions', () => {
	it("fills in Evidently's defaults", () => {
		expect(resolveDriftOptions()).toEqual({
			thresholds: { ks: 0.05, wasserstein: 0.1, z: 0.05, chisquare: 0.05, jensenshannon: 0.1 },
			datasetDriftShare: 0.5,
			referenceSizeCutoff: 1000,
			missingRate: { pValue: 0.05, minChange: 0.05 }
		});
	});

	it('keeps the edited fields and the defaults of the others', () => {
		const resolved = resolveDriftOptions({
			thresholds: { wasserstein: 0.2 },
			missingRate: { minChange: 0.1 },
			referenceSizeCutoff: 0
		});
		expect(resolved.thresholds).toEqual({ ...DEFAULT_DRIFT_OPTIONS.thresholds, wasserstein: 0.2 });
		expect(resolved.missingRate).toEqual({ pValue: 0.05, minChange: 0.1 });
		expect(resolved.referenceSizeCutoff).toBe(0);
		expect(DEFAULT_DRIFT_OPTIONS.thresholds.wasserstein).toBe(0.1);
	});

	it('names the option that is out of range', async () => {
		await expectCoreError(
			() => resolveDriftOptions({ thresholds: { ks: 1.5 } }),
			'bad-drift-option',
			/ks p-value threshold must be between 0 and 1/
		);
		await expectCoreError(
			() => resolveDriftOptions({ thresholds: { jensenshannon: 0 } }),
			'bad-drift-option',
			/jensenshannon distance threshold must be above 0/
		);
		await expectCoreError(
			() => resolveDriftOptions({ thresholds: { z: NaN } }),
			'bad-drift-option',
			/z p-value/
		);
		await expectCoreError(
			() => resolveDriftOptions({ datasetDriftShare: 0 }),
			'bad-drift-option',
			/dataset drift share/
		);
		await expectCoreError(
			() => resolveDriftOptions({ referenceSizeCutoff: 10.5 }),
			'bad-drift-option',
			/cutoff must be a whole number/
		);
		await expectCoreError(
			() => resolveDriftOptions({ missingRate: { pValue: 0 } }),
			'bad-drift-option',
			/missing-rate p-value/
		);
		await expectCoreError(
			() => resolveDriftOptions({ missingRate: { minChange: -0.1 } }),
			'bad-drift-option',
			/minimum change/
		);
	});

	it('accepts a dataset share of 1 (every column must drift)', () => {
		expect(resolveDriftOptions({ datasetDriftShare: 1 }).datasetDriftShare).toBe(1);
	});
});
