// Cleaning and encoding steps: missing values, columns, rows, labels and their encodings.
import { assertNever } from '../../util/assert-never';
import type { Frame } from '../frame';
import { applyImpute, fitImpute, type FittedImpute, type ImputeStep } from './impute';
import { applyOneHot, fitOneHot, type FittedOneHot, type OneHotStep } from './one-hot';
import { appliedFit, type FitContext, type StepFit } from './step';

export type CleanStep = ImputeStep | OneHotStep;
export type FittedCleanStep = FittedImpute | FittedOneHot;

export const CLEAN_STEP_KINDS = [
	'impute',
	'one-hot'
] as const satisfies readonly CleanStep['kind'][];

/** Kinds whose new number columns are never missing (finishing does not impute them). */
export const CLEAN_COMPLETE_OUTPUTS: readonly CleanStep['kind'][] = ['one-hot'];
/** Kinds that leave a number column scaled or encoded (finishing does not standardise it). */
export const CLEAN_SCALING: readonly CleanStep['kind'][] = [];

/** True when a step (fitted or not) belongs to this group. */
export function isCleanStep<S extends { kind: string }>(
	step: S
): step is S & { kind: CleanStep['kind'] } {
	return (CLEAN_STEP_KINDS as readonly string[]).includes(step.kind);
}

export function fitCleanStep(
	step: CleanStep,
	frame: Frame,
	_ctx: FitContext
): StepFit<FittedCleanStep> {
	switch (step.kind) {
		case 'impute':
			return appliedFit(fitImpute(step, frame), frame, applyImpute);
		case 'one-hot':
			return appliedFit(fitOneHot(step, frame), frame, applyOneHot);
		default:
			return assertNever(step, 'cleaning step');
	}
}

export function applyCleanStep(step: FittedCleanStep, frame: Frame): Frame {
	switch (step.kind) {
		case 'impute':
			return applyImpute(step, frame);
		case 'one-hot':
			return applyOneHot(step, frame);
		default:
			return assertNever(step, 'cleaning step');
	}
}

/** Returns what the step does, in a short plain sentence for the recipe list. */
export function describeCleanStep(step: CleanStep): string {
	switch (step.kind) {
		case 'impute':
			return `${step.column}: fill missing values (${step.strategy})`;
		case 'one-hot':
			return `${step.column}: one-hot encode`;
		default:
			return assertNever(step, 'cleaning step');
	}
}
