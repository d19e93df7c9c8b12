import { CoreError } from '../../util/core-error';
import type { NumberColumn } from '../../table/table';
import { numberColumn, type Frame } from '../frame';
import { assertNewColumns } from './assert-new-columns';

/**
 * Add a number column computed from two number columns: their ratio (`left / right`) or their
 * difference (`left - right`). A result that is not a finite number (division by zero, a missing
 * operand) is missing, which finishing then imputes.
 */
export interface DeriveStep {
	kind: 'derive';
	op: 'ratio' | 'difference';
	left: string;
	right: string;
	/** The new column's name; `<left> / <right>` or `<left> - <right>` when absent or empty. */
	name?: string;
}

/** The step with its new column's name settled. */
export interface FittedDerive extends DeriveStep {
	name: string;
}

/** Returns the name of the column a derive step adds. */
export function deriveName(step: DeriveStep): string {
	if (step.name !== undefined && step.name !== '') return step.name;
	return `${step.left} ${step.op === 'ratio' ? '/' : '-'} ${step.right}`;
}

/** Returns the step with its name settled, once both operands are checked to be numbers. */
export function fitDerive(step: DeriveStep, frame: Frame): FittedDerive {
	operands(step, frame);
	return { ...step, name: deriveName(step) };
}

/** Returns the frame with the derived column added at the end. */
export function applyDerive(step: FittedDerive, frame: Frame): Frame {
	const [left, right] = operands(step, frame);
	const values = new Float64Array(left.length);
	for (let i = 0; i < values.length; i++) {
		const v = step.op === 'ratio' ? left[i] / right[i] : left[i] - right[i];
		values[i] = Number.isFinite(v) ? v : NaN;
	}
	const column: NumberColumn = { kind: 'number', name: step.name, values };
	return [...frame, column];
}

function operands(step: DeriveStep, frame: Frame): [Float64Array, Float64Array] {
	if (step.op !== 'ratio' && step.op !== 'difference')
		throw new CoreError(
			'bad-step',
			`The derive step cannot compute "${String(step.op)}": choose ratio or difference.`
		);
	const left = numberColumn(frame, step.left, 'derive').values;
	const right = numberColumn(frame, step.right, 'derive').values;
	assertNewColumns(frame, [deriveName(step)], 'derive', null);
	return [left, right];
}
