import { encodeClasses, encodeValues } from '../../brief/target';
import type { Column } from '../../table/table';
import type { Frame } from '../frame';

/**
 * The train target as the steps that learn from it see it (target encoding), aligned with the
 * frame's rows: a class index per row (-1 for none), or a number per row.
 */
export type FitTarget =
	{ kind: 'classes'; classes: string[]; y: Int32Array } | { kind: 'values'; y: Float64Array };

/** What a step may read while it is fitted, besides the train frame. */
export interface FitContext {
	/** The train target, row-aligned with the frame; null when the caller has none. */
	target: FitTarget | null;
	/** Seeds every random choice a step makes (the folds of out-of-fold target encoding). */
	seed: number;
}

export const NO_FIT_CONTEXT: FitContext = Object.freeze({ target: null, seed: 0 });

/** A fitted step, with the train frame it leaves for the next step. */
export interface StepFit<F> {
	fitted: F;
	/**
	 * The train frame after the step. Usually `apply(fitted, frame)`; a step whose train output
	 * must differ (out-of-fold target encoding) or that drops train rows returns its own.
	 */
	frame: Frame;
	/** Indices of the input frame's rows the step keeps, when it drops rows; absent otherwise. */
	keep?: Int32Array;
}

/** Returns the usual step fit: the fitted step, and the train frame it gives when applied. */
export function appliedFit<F>(
	fitted: F,
	frame: Frame,
	apply: (f: F, frame: Frame) => Frame
): StepFit<F> {
	return { fitted, frame: apply(fitted, frame) };
}

/** Returns a target column as the steps read it: class indices for `classes`, or numbers when null. */
export function fitTargetOf(column: Column, classes: readonly string[] | null): FitTarget {
	return classes
		? { kind: 'classes', classes: [...classes], y: encodeClasses(column, classes) }
		: { kind: 'values', y: encodeValues(column) };
}
