import { CoreError } from '../../util/core-error';
import { quantile } from '../../util/stats';
import { numberColumn, mapNumbers, replaceColumn, type Frame } from '../frame';

/**
 * Clip a number column's outliers to bounds learned on train: `k` interquartile ranges beyond the
 * quartiles (Tukey's fences, `k` 1.5 by default), or the `lower` and `upper` train quantiles
 * (0.01 and 0.99 by default). Missing cells stay missing.
 */
export interface ClipStep {
	kind: 'clip';
	column: string;
	method: 'iqr' | 'percentiles';
	k?: number;
	lower?: number;
	upper?: number;
}

/** The train bounds; null when the train column had no value, and then nothing is clipped. */
export interface FittedClip extends ClipStep {
	low: number | null;
	high: number | null;
}

export const CLIP_DEFAULT_K = 1.5;
export const CLIP_DEFAULT_LOWER = 0.01;
export const CLIP_DEFAULT_UPPER = 0.99;

/** Returns the step with its bounds learned from the train column; throws `bad-step` for bad options. */
export function fitClip(step: ClipStep, frame: Frame): FittedClip {
	const values = numberColumn(frame, step.column, 'clip').values;
	const [low, high] =
		step.method === 'iqr' ? iqrBounds(step, values) : quantileBounds(step, values);
	// An empty or all-missing train column has no quantiles (NaN): keep no bound rather than NaN.
	return Number.isNaN(low) ? { ...step, low: null, high: null } : { ...step, low, high };
}

function iqrBounds(step: ClipStep, values: Float64Array): [number, number] {
	const k = step.k ?? CLIP_DEFAULT_K;
	if (!(k >= 0 && Number.isFinite(k)))
		throw badClip(step, `k must be a number of 0 or more, not ${k}`);
	const q1 = quantile(values, 0.25);
	const q3 = quantile(values, 0.75);
	return [q1 - k * (q3 - q1), q3 + k * (q3 - q1)];
}

function quantileBounds(step: ClipStep, values: Float64Array): [number, number] {
	const lower = step.lower ?? CLIP_DEFAULT_LOWER;
	const upper = step.upper ?? CLIP_DEFAULT_UPPER;
	if (step.method !== 'percentiles')
		throw badClip(step, `"${String(step.method)}" is not a method it knows (iqr, percentiles)`);
	if (!(lower >= 0 && lower < upper && upper <= 1))
		throw badClip(
			step,
			`the quantiles must satisfy 0 ≤ lower < upper ≤ 1, not ${lower} and ${upper}`
		);
	return [quantile(values, lower), quantile(values, upper)];
}

function badClip(step: ClipStep, why: string): CoreError {
	return new CoreError('bad-step', `The clip step on "${step.column}" cannot run: ${why}.`, {
		column: step.column
	});
}

/** Returns the frame with the column's values clipped to the train bounds. */
export function applyClip(step: FittedClip, frame: Frame): Frame {
	const column = numberColumn(frame, step.column, 'clip');
	const low = step.low ?? -Infinity;
	const high = step.high ?? Infinity;
	// NaN fails both comparisons, so a missing cell stays missing.
	const values = mapNumbers(column.values, (v) => (v < low ? low : v > high ? high : v));
	return replaceColumn(frame, step.column, [{ ...column, values }]);
}
