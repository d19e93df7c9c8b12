import { CoreError } from '../../util/core-error';
import { assertNever } from '../../util/assert-never';
import { numberColumn, mapNumbers, replaceColumn, type Frame } from '../frame';

/**
 * Compress a number column's large values, defined for every real so no value gives NaN:
 * 'log' is sign(x)·ln(1 + |x|) and 'sqrt' is sign(x)·√|x|. Both keep 0 at 0 and keep the sign and
 * order of values. Missing cells stay missing.
 */
export interface TransformStep {
	kind: 'transform';
	column: string;
	fn: TransformFn;
}

export type TransformFn = 'log' | 'sqrt';

export const TRANSFORM_FNS: readonly TransformFn[] = ['log', 'sqrt'];

/** A transform learns nothing from train: the fitted step is the step. */
export type FittedTransform = TransformStep;

/** Returns the step once its column and function are checked. */
export function fitTransform(step: TransformStep, frame: Frame): FittedTransform {
	numberColumn(frame, step.column, 'transform');
	checkFn(step);
	return { ...step };
}

/** Returns the frame with the function applied to every value of the column. */
export function applyTransform(step: FittedTransform, frame: Frame): Frame {
	const column = numberColumn(frame, step.column, 'transform');
	const fn = transformFn(checkFn(step));
	return replaceColumn(frame, step.column, [{ ...column, values: mapNumbers(column.values, fn) }]);
}

function checkFn(step: TransformStep): TransformFn {
	if (!TRANSFORM_FNS.includes(step.fn))
		throw new CoreError(
			'bad-step',
			`The transform step on "${step.column}" cannot apply "${String(step.fn)}": choose log or sqrt.`,
			{ column: step.column }
		);
	return step.fn;
}

/** Returns the function a transform applies to each value. */
export function transformFn(fn: TransformFn): (x: number) => number {
	switch (fn) {
		case 'log':
			// log1p keeps precision for small |x|, where ln(1 + |x|) would round 1 + |x|.
			return (x) => Math.sign(x) * Math.log1p(Math.abs(x));
		case 'sqrt':
			return (x) => Math.sign(x) * Math.sqrt(Math.abs(x));
		default:
			return assertNever(fn, 'transform function');
	}
}
