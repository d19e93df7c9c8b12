import type { Frame } from '../frame';

/**
 * Leave columns out of the features (an identifier, a leak, a column with no signal). A column
 * already gone from the frame is skipped, never an error: dropping it again changes nothing.
 */
export interface DropColumnsStep {
	kind: 'drop-columns';
	columns: string[];
	/** Why the columns are dropped, in the user's words, shown in the recipe. */
	reason?: string;
}

/** Nothing is learned: the fitted step is the step. */
export type FittedDropColumns = DropColumnsStep;

/** Returns the step as fitted (a copy); dropping columns learns nothing from train. */
export function fitDropColumns(step: DropColumnsStep): FittedDropColumns {
	return { ...step, columns: [...step.columns] };
}

/** Returns the frame without the named columns, in the same order otherwise. */
export function applyDropColumns(step: FittedDropColumns, frame: Frame): Frame {
	const drop = new Set(step.columns);
	return frame.filter((column) => !drop.has(column.name));
}
