// Cleaning and encoding steps: missing values, columns, rows, labels and their encodings.
import { assertNever } from '../../util/assert-never';
import type { Frame } from '../frame';
import {
	applyCleanLabels,
	fitCleanLabels,
	type CleanLabelsStep,
	type FittedCleanLabels
} from './clean-labels';
import {
	applyDropColumns,
	fitDropColumns,
	type DropColumnsStep,
	type FittedDropColumns
} from './drop-columns';
import {
	applyDropDuplicates,
	fitDropDuplicates,
	type DropDuplicatesStep,
	type FittedDropDuplicates
} from './drop-duplicates';
import {
	applyImpute,
	fitImpute,
	imputeIndicatorName,
	type FittedImpute,
	type ImputeStep
} from './impute';
import { applyOneHot, fitOneHot, type FittedOneHot, type OneHotStep } from './one-hot';
import { applyOrdinal, fitOrdinal, type FittedOrdinal, type OrdinalStep } from './ordinal';
import {
	applyRareLevels,
	DEFAULT_OTHER_LABEL,
	DEFAULT_RARE_SHARE,
	fitRareLevels,
	type FittedRareLevels,
	type RareLevelsStep
} from './rare-levels';
import { appliedFit, type FitContext, type StepFit } from './step';
import {
	applyTargetEncode,
	DEFAULT_FOLDS,
	DEFAULT_SMOOTHING,
	fitTargetEncode,
	type FittedTargetEncode,
	type TargetEncodeStep
} from './target-encode';

/** A cleaning or encoding step, before fitting. */
export type CleanStep =
	| ImputeStep
	| DropColumnsStep
	| DropDuplicatesStep
	| CleanLabelsStep
	| RareLevelsStep
	| OrdinalStep
	| TargetEncodeStep
	| OneHotStep;
/** A cleaning or encoding step with what it learned on train. */
export type FittedCleanStep =
	| FittedImpute
	| FittedDropColumns
	| FittedDropDuplicates
	| FittedCleanLabels
	| FittedRareLevels
	| FittedOrdinal
	| FittedTargetEncode
	| FittedOneHot;

/** Every cleaning step kind, in the order a recipe usually uses them. */
export const CLEAN_STEP_KINDS = [
	'drop-columns',
	'drop-duplicates',
	'clean-labels',
	'rare-levels',
	'impute',
	'ordinal',
	'target-encode',
	'one-hot'
] as const satisfies readonly CleanStep['kind'][];

/** Kinds whose new number columns are never missing (finishing does not impute them). */
export const CLEAN_COMPLETE_OUTPUTS: readonly CleanStep['kind'][] = [
	'impute',
	'ordinal',
	'target-encode',
	'one-hot'
];
/** Kinds that leave a number column scaled or encoded (finishing does not standardise it). */
export const CLEAN_SCALING: readonly CleanStep['kind'][] = ['ordinal', 'target-encode'];

/** True when a step (fitted or not) belongs to this group. */
export function isCleanStep<S extends { kind: string }>(
	step: S
): step is S & { kind: CleanStep['kind'] } {
	return (CLEAN_STEP_KINDS as readonly string[]).includes(step.kind);
}

/** Returns the step fitted on the train frame, and the train frame it leaves for the next step. */
export function fitCleanStep(
	step: CleanStep,
	frame: Frame,
	ctx: FitContext
): StepFit<FittedCleanStep> {
	switch (step.kind) {
		case 'impute':
			return appliedFit(fitImpute(step, frame), frame, applyImpute);
		case 'drop-columns':
			return appliedFit(fitDropColumns(step), frame, applyDropColumns);
		case 'drop-duplicates':
			return fitDropDuplicates(step, frame, ctx.target);
		case 'clean-labels':
			return appliedFit(fitCleanLabels(step, frame), frame, applyCleanLabels);
		case 'rare-levels':
			return appliedFit(fitRareLevels(step, frame), frame, applyRareLevels);
		case 'ordinal':
			return appliedFit(fitOrdinal(step, frame), frame, applyOrdinal);
		case 'target-encode':
			return fitTargetEncode(step, frame, ctx);
		case 'one-hot':
			return appliedFit(fitOneHot(step, frame), frame, applyOneHot);
		default:
			return assertNever(step, 'cleaning step');
	}
}

/** Returns the frame of any rows (validation, test, production) after a fitted step. */
export function applyCleanStep(step: FittedCleanStep, frame: Frame): Frame {
	switch (step.kind) {
		case 'impute':
			return applyImpute(step, frame);
		case 'drop-columns':
			return applyDropColumns(step, frame);
		case 'drop-duplicates':
			return applyDropDuplicates(step, frame);
		case 'clean-labels':
			return applyCleanLabels(step, frame);
		case 'rare-levels':
			return applyRareLevels(step, frame);
		case 'ordinal':
			return applyOrdinal(step, frame);
		case 'target-encode':
			return applyTargetEncode(step, frame);
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
			return describeImpute(step);
		case 'drop-columns':
			return describeDropColumns(step);
		case 'drop-duplicates':
			return 'drop train rows that repeat an earlier train row';
		case 'clean-labels':
			return describeCleanLabels(step);
		case 'rare-levels':
			return describeRareLevels(step);
		case 'ordinal':
			return step.order
				? `${step.column}: encode as numbers in the order ${step.order.join(' < ')} (others -1)`
				: `${step.column}: encode as numbers in sorted label order (unseen or missing -1)`;
		case 'target-encode':
			return `${step.column}: encode by the train target per label (smoothing ${step.smoothing ?? DEFAULT_SMOOTHING}, ${step.folds ?? DEFAULT_FOLDS}-fold out-of-fold on train)`;
		case 'one-hot':
			return `${step.column}: one-hot encode`;
		default:
			return assertNever(step, 'cleaning step');
	}
}

function describeImpute(step: ImputeStep): string {
	const how =
		step.strategy === 'constant' ? `constant ${JSON.stringify(step.value)}` : step.strategy;
	const flag = step.indicator ? `, flagged in "${imputeIndicatorName(step.column)}"` : '';
	return `${step.column}: fill missing values (${how})${flag}`;
}

function describeDropColumns(step: DropColumnsStep): string {
	const names = step.columns.length > 0 ? step.columns.join(', ') : 'no columns';
	return `drop ${names}${step.reason ? ` (${step.reason})` : ''}`;
}

function describeCleanLabels(step: CleanLabelsStep): string {
	const merges = step.merge.length;
	const parts = [
		...(step.trim ? ['trim spaces'] : []),
		...(step.caseFold === 'none' ? [] : [`${step.caseFold} case`]),
		...(merges > 0 ? [`merge ${merges} spelling${merges === 1 ? '' : 's'}`] : [])
	];
	return `${step.column}: clean labels (${parts.length > 0 ? parts.join(', ') : 'no change'})`;
}

function describeRareLevels(step: RareLevelsStep): string {
	const { minCount, minShare } = step;
	const rules = [
		...(minCount !== undefined ? [`fewer than ${minCount} times`] : []),
		...(minShare !== undefined ? [`in under ${percent(minShare)} of rows`] : [])
	];
	if (rules.length === 0) rules.push(`in under ${percent(DEFAULT_RARE_SHARE)} of rows`);
	return `${step.column}: group labels seen ${rules.join(' or ')} into "${step.other ?? DEFAULT_OTHER_LABEL}"`;
}

/** Returns a share as a short percentage (0.07 gives 7%, not 7.000000000000001%). */
function percent(share: number): string {
	return `${Number((share * 100).toPrecision(4))}%`;
}
