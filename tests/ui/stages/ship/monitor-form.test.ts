import { describe, expect, it } from 'vitest';
import { resolveDriftOptions } from '../../../../src/core/monitor/drift-options';
import {
	thresholdForm,
	thresholdProblem,
	toDriftOptions
} from '../../../../src/ui/stages/ship/monitor.svelte';
import { verdictText } from '../../../../src/ui/stages/ship/monitor-words';

describe('the thresholds form', () => {
	it("starts from Evidently's defaults, or from the project's saved thresholds", () => {
		expect(thresholdForm(undefined)).toEqual({
			pValue: 0.05,
			distance: 0.1,
			datasetShare: 0.5,
			missingChange: 0.05
		});
		expect(thresholdForm({ thresholds: { ks: 0.01, wasserstein: 0.2 } })).toMatchObject({
			pValue: 0.01,
			distance: 0.2
		});
	});

	it('sets one p-value for K-S, Z and chi-square, and one distance for both distances', () => {
		const form = { pValue: 0.01, distance: 0.3, datasetShare: 0.4, missingChange: 0.1 };
		const resolved = resolveDriftOptions(toDriftOptions(form));
		expect(resolved.thresholds).toEqual({
			ks: 0.01,
			z: 0.01,
			chisquare: 0.01,
			wasserstein: 0.3,
			jensenshannon: 0.3
		});
		expect(resolved.datasetDriftShare).toBe(0.4);
		expect(resolved.missingRate).toEqual({ pValue: 0.05, minChange: 0.1 });
		expect(thresholdForm(toDriftOptions(form))).toEqual(form);
	});

	it('names the field that is empty or out of range', () => {
		const form = thresholdForm(undefined);
		expect(thresholdProblem(form)).toBeNull();
		// An emptied number input binds null.
		expect(thresholdProblem({ ...form, distance: null as unknown as number })).toBe(
			'The distance threshold needs a number.'
		);
		expect(thresholdProblem({ ...form, pValue: 1 })).toBe(
			'The p-value threshold must be between 0 and 1, not 1.'
		);
		expect(thresholdProblem({ ...form, datasetShare: 0 })).toBe(
			'The dataset drift share must be above 0 and at most 1, not 0.'
		);
		expect(thresholdProblem({ ...form, missingChange: -0.1 })).toBe(
			'The missing-rate change must be between 0 and 1, not -0.1.'
		);
	});
});

describe('verdictText', () => {
	it('says whether the dataset drifted, with the counts and the threshold', () => {
		const drift = { drifted: 5, total: 11, share: 5 / 11, threshold: 0.5, detected: false };
		expect(verdictText(drift)).toBe(
			'No dataset drift: 5 of 11 compared columns drifted (45.5%), below the 50% threshold.'
		);
		expect(verdictText({ ...drift, threshold: 0.4, detected: true })).toBe(
			'Dataset drift: 5 of 11 compared columns drifted (45.5%), at or above the 40% threshold.'
		);
	});
});
