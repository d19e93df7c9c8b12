import { CoreError } from '../../util/core-error';
import { labelColumn, replaceColumn, type Frame } from '../frame';
import { compareLabels, levelCounts, mapLabels } from './map-labels';

/** The label rare labels become when the step names none. */
export const DEFAULT_OTHER_LABEL = 'Other';
/** The share of train labels a label needs to be kept when the step gives no threshold. */
export const DEFAULT_RARE_SHARE = 0.01;

/**
 * Group rare labels into one: a label is kept when its train count reaches `minCount` and its
 * share of the present train labels reaches `minShare` (with neither given, a share of
 * `DEFAULT_RARE_SHARE`); every other label, unseen ones included, becomes `other`. Missing cells
 * stay missing. If `other` is itself a kept label, the rare ones join it.
 */
export interface RareLevelsStep {
	kind: 'rare-levels';
	column: string;
	minCount?: number;
	minShare?: number;
	other?: string;
}

/** The labels kept on train, sorted, and the label that stands for the rest. */
export interface FittedRareLevels extends RareLevelsStep {
	kept: string[];
	other: string;
}

/** Returns the step with the labels frequent enough in the train frame to keep. */
export function fitRareLevels(step: RareLevelsStep, frame: Frame): FittedRareLevels {
	const column = labelColumn(frame, step.column, 'rare-levels');
	checkOptions(step);
	const counts = levelCounts(column);
	const present = counts.reduce((sum, n) => sum + n, 0);
	const threshold = rareThreshold(step, present);
	const kept = column.levels
		.filter((_, l) => counts[l] > 0 && counts[l] >= threshold)
		.sort(compareLabels);
	return { ...step, kept, other: step.other ?? DEFAULT_OTHER_LABEL };
}

/** Returns the train count a label needs to be kept, out of `present` non-missing train cells. */
export function rareThreshold(step: RareLevelsStep, present: number): number {
	if (step.minCount === undefined && step.minShare === undefined)
		return DEFAULT_RARE_SHARE * present;
	return Math.max(step.minCount ?? 0, (step.minShare ?? 0) * present);
}

function checkOptions(step: RareLevelsStep): void {
	const bad = (message: string) =>
		new CoreError('bad-option', `The rare-levels step on "${step.column}" ${message}`, {
			column: step.column
		});
	const { minCount, minShare, other } = step;
	if (minCount !== undefined && !(Number.isFinite(minCount) && minCount >= 0))
		throw bad(`needs a minimum count of zero or more; got ${minCount}.`);
	if (minShare !== undefined && !(minShare >= 0 && minShare <= 1))
		throw bad(`needs a minimum share between 0 and 1; got ${minShare}.`);
	if (other !== undefined && other === '') throw bad('needs a label for the rare ones.');
}

/** Returns the frame with every label not kept on train replaced by the other label. */
export function applyRareLevels(step: FittedRareLevels, frame: Frame): Frame {
	const column = labelColumn(frame, step.column, 'rare-levels');
	const kept = new Set(step.kept);
	const mapped = mapLabels(column, (label) => (kept.has(label) ? label : step.other));
	return replaceColumn(frame, step.column, [mapped]);
}
