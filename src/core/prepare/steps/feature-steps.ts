// Feature steps: dates, units, outliers, transforms, scaling and derived columns.
import { assertNever } from '../../util/assert-never';
import type { Frame } from '../frame';
import { applyBin, fitBin, type BinStep, type FittedBin } from './bin';
import {
	applyClip,
	CLIP_DEFAULT_K,
	CLIP_DEFAULT_LOWER,
	CLIP_DEFAULT_UPPER,
	fitClip,
	type ClipStep,
	type FittedClip
} from './clip';
import {
	applyDateParts,
	fitDateParts,
	type DatePartsStep,
	type FittedDateParts
} from './date-parts';
import { applyDerive, deriveName, fitDerive, type DeriveStep, type FittedDerive } from './derive';
import {
	applyHashTokens,
	DEFAULT_BUCKETS,
	fitHashTokens,
	type FittedHashTokens,
	type HashTokensStep
} from './hash-tokens';
import {
	applyParseDate,
	fitParseDate,
	type FittedParseDate,
	type ParseDateStep
} from './parse-date';
import { applyScale, fitScale, type FittedScale, type ScaleStep } from './scale';
import {
	applyStandardize,
	fitStandardize,
	type FittedStandardize,
	type StandardizeStep
} from './standardize';
import { appliedFit, type FitContext, type StepFit } from './step';
import { applyTimeZone, fitTimeZone, type FittedTimeZone, type TimeZoneStep } from './time-zone';
import {
	applyTransform,
	fitTransform,
	type FittedTransform,
	type TransformStep
} from './transform';
import { applyUnits, fitUnits, type FittedUnits, type UnitsStep } from './units';

export type FeatureStep =
	| ParseDateStep
	| TimeZoneStep
	| DatePartsStep
	| UnitsStep
	| ClipStep
	| TransformStep
	| StandardizeStep
	| ScaleStep
	| DeriveStep
	| BinStep
	| HashTokensStep;
export type FittedFeatureStep =
	| FittedParseDate
	| FittedTimeZone
	| FittedDateParts
	| FittedUnits
	| FittedClip
	| FittedTransform
	| FittedStandardize
	| FittedScale
	| FittedDerive
	| FittedBin
	| FittedHashTokens;

export const FEATURE_STEP_KINDS = [
	'parse-date',
	'time-zone',
	'date-parts',
	'units',
	'clip',
	'transform',
	'standardize',
	'scale',
	'derive',
	'bin',
	'hash-tokens'
] as const satisfies readonly FeatureStep['kind'][];

/** Kinds whose new number columns are never missing (finishing does not impute them). */
export const FEATURE_COMPLETE_OUTPUTS: readonly FeatureStep['kind'][] = ['hash-tokens'];
/** Kinds that leave a number column scaled or encoded (finishing does not standardise it). */
export const FEATURE_SCALING: readonly FeatureStep['kind'][] = ['standardize', 'scale', 'bin'];

/** True when a step (fitted or not) belongs to this group. */
export function isFeatureStep<S extends { kind: string }>(
	step: S
): step is S & { kind: FeatureStep['kind'] } {
	return (FEATURE_STEP_KINDS as readonly string[]).includes(step.kind);
}

/** Returns the step fitted on the train frame, and the train frame it leaves. */
export function fitFeatureStep(
	step: FeatureStep,
	frame: Frame,
	_ctx: FitContext
): StepFit<FittedFeatureStep> {
	switch (step.kind) {
		case 'parse-date':
			return appliedFit(fitParseDate(step, frame), frame, applyParseDate);
		case 'time-zone':
			return appliedFit(fitTimeZone(step, frame), frame, applyTimeZone);
		case 'date-parts':
			return appliedFit(fitDateParts(step, frame), frame, applyDateParts);
		case 'units':
			return appliedFit(fitUnits(step, frame), frame, applyUnits);
		case 'clip':
			return appliedFit(fitClip(step, frame), frame, applyClip);
		case 'transform':
			return appliedFit(fitTransform(step, frame), frame, applyTransform);
		case 'standardize':
			return appliedFit(fitStandardize(step, frame), frame, applyStandardize);
		case 'scale':
			return appliedFit(fitScale(step, frame), frame, applyScale);
		case 'derive':
			return appliedFit(fitDerive(step, frame), frame, applyDerive);
		case 'bin':
			return appliedFit(fitBin(step, frame), frame, applyBin);
		case 'hash-tokens':
			return appliedFit(fitHashTokens(step, frame), frame, applyHashTokens);
		default:
			return assertNever(step, 'feature step');
	}
}

/** Returns the frame of any rows (validation, test, production) after a fitted step. */
export function applyFeatureStep(step: FittedFeatureStep, frame: Frame): Frame {
	switch (step.kind) {
		case 'parse-date':
			return applyParseDate(step, frame);
		case 'time-zone':
			return applyTimeZone(step, frame);
		case 'date-parts':
			return applyDateParts(step, frame);
		case 'units':
			return applyUnits(step, frame);
		case 'clip':
			return applyClip(step, frame);
		case 'transform':
			return applyTransform(step, frame);
		case 'standardize':
			return applyStandardize(step, frame);
		case 'scale':
			return applyScale(step, frame);
		case 'derive':
			return applyDerive(step, frame);
		case 'bin':
			return applyBin(step, frame);
		case 'hash-tokens':
			return applyHashTokens(step, frame);
		default:
			return assertNever(step, 'feature step');
	}
}

/** Returns what the step does, in a short plain sentence for the recipe list. */
export function describeFeatureStep(step: FeatureStep): string {
	switch (step.kind) {
		case 'parse-date':
			return `${step.column}: read as dates in the format ${step.format}`;
		case 'time-zone':
			return `${step.column}: read times as local to ${step.zone}, converted to UTC`;
		case 'date-parts':
			return `${step.column}: split into ${step.parts.join(', ')}${step.keep ? ', keeping the date' : ''}`;
		case 'units':
			return `${step.column}: convert to ${step.unit} (numbers without a unit: ${step.bare === 'missing' ? 'missing' : `read as ${step.bare}`})`;
		case 'clip':
			return step.method === 'iqr'
				? `${step.column}: clip outliers beyond ${step.k ?? CLIP_DEFAULT_K} × IQR from the train quartiles`
				: `${step.column}: clip to the train ${percent(step.lower ?? CLIP_DEFAULT_LOWER)} and ${percent(step.upper ?? CLIP_DEFAULT_UPPER)} percentiles`;
		case 'transform':
			return step.fn === 'log'
				? `${step.column}: signed log, sign(x) · ln(1 + |x|)`
				: `${step.column}: signed square root, sign(x) · √|x|`;
		case 'standardize':
			return `${step.column}: standardise (train mean 0, standard deviation 1)`;
		case 'scale':
			return step.method === 'min-max'
				? `${step.column}: scale the train range to 0 to 1`
				: `${step.column}: robust scale (train median 0, interquartile range 1)`;
		case 'derive':
			return `${deriveName(step)}: ${step.op === 'ratio' ? `${step.left} divided by ${step.right}` : `${step.left} minus ${step.right}`}`;
		case 'bin':
			return `${step.column}: ${step.bins} bins of ${step.method === 'quantile' ? 'about equal train counts' : 'equal width over the train range'}`;
		case 'hash-tokens':
			return `${step.column}: count words in ${step.buckets ?? DEFAULT_BUCKETS} hashed columns`;
		default:
			return assertNever(step, 'feature step');
	}
}

/** Returns a quantile as an ordinal percentile: 0.01 is `1st`, 0.99 is `99th`. */
function percent(q: number): string {
	const n = Math.round(q * 1000) / 10;
	const last = n % 10;
	const teen = n % 100 >= 11 && n % 100 <= 13;
	const suffix =
		!teen && last === 1 ? 'st' : !teen && last === 2 ? 'nd' : !teen && last === 3 ? 'rd' : 'th';
	return `${n}${suffix}`;
}
