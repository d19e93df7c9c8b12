// Feature steps: dates, units, outliers, transforms, scaling and derived columns.
import { assertNever } from '../../util/assert-never';
import type { Frame } from '../frame';
import {
	applyStandardize,
	fitStandardize,
	type FittedStandardize,
	type StandardizeStep
} from './standardize';
import { appliedFit, type FitContext, type StepFit } from './step';

export type FeatureStep = StandardizeStep;
export type FittedFeatureStep = FittedStandardize;

export const FEATURE_STEP_KINDS = ['standardize'] as const satisfies readonly FeatureStep['kind'][];

/** Kinds whose new number columns are never missing (finishing does not impute them). */
export const FEATURE_COMPLETE_OUTPUTS: readonly FeatureStep['kind'][] = [];
/** Kinds that leave a number column scaled or encoded (finishing does not standardise it). */
export const FEATURE_SCALING: readonly FeatureStep['kind'][] = ['standardize'];

/** True when a step (fitted or not) belongs to this group. */
export function isFeatureStep<S extends { kind: string }>(
	step: S
): step is S & { kind: FeatureStep['kind'] } {
	return (FEATURE_STEP_KINDS as readonly string[]).includes(step.kind);
}

export function fitFeatureStep(
	step: FeatureStep,
	frame: Frame,
	_ctx: FitContext
): StepFit<FittedFeatureStep> {
	switch (step.kind) {
		case 'standardize':
			return appliedFit(fitStandardize(step, frame), frame, applyStandardize);
		default:
			return assertNever(step.kind, 'feature step');
	}
}

export function applyFeatureStep(step: FittedFeatureStep, frame: Frame): Frame {
	switch (step.kind) {
		case 'standardize':
			return applyStandardize(step, frame);
		default:
			return assertNever(step.kind, 'feature step');
	}
}

/** Returns what the step does, in a short plain sentence for the recipe list. */
export function describeFeatureStep(step: FeatureStep): string {
	switch (step.kind) {
		case 'standardize':
			return `${step.column}: standardise (train mean 0, standard deviation 1)`;
		default:
			return assertNever(step.kind, 'feature step');
	}
}
