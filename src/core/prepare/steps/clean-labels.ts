import { labelColumn, replaceColumn, type Frame } from '../frame';
import { mapLabels } from './map-labels';

/** How labels are case-folded: left as they are, or all lower or upper case. */
export type CaseFold = 'none' | 'lower' | 'upper';

/**
 * Tidy the spellings of a label column: trim surrounding spaces, fold the case, then replace each
 * spelling in `merge` by its chosen one. Merge pairs are cleaned the same way before use, so they
 * may be written in any of the spellings the column holds; they are applied once (no chains). A
 * label that cleans to empty text becomes missing; missing stays missing; labels never seen in
 * train pass through cleaned. Pairs, not an object, so a label such as `__proto__` is ordinary.
 */
export interface CleanLabelsStep {
	kind: 'clean-labels';
	column: string;
	trim: boolean;
	caseFold: CaseFold;
	/** `[from, to]` pairs: every `from` spelling becomes `to`. */
	merge: [string, string][];
}

/** Nothing is learned from train: the fitted step is the step. */
export type FittedCleanLabels = CleanLabelsStep;

/** Returns the step as fitted (a copy), after checking that the train column holds labels. */
export function fitCleanLabels(step: CleanLabelsStep, frame: Frame): FittedCleanLabels {
	labelColumn(frame, step.column, 'clean-labels');
	return { ...step, merge: step.merge.map(([from, to]) => [from, to]) };
}

/** Returns the label cleaner the step describes: the cleaned label, or null for missing. */
export function labelCleaner(step: CleanLabelsStep): (label: string) => string | null {
	const fold = (label: string) => {
		const trimmed = step.trim ? label.trim() : label;
		if (step.caseFold === 'lower') return trimmed.toLowerCase();
		if (step.caseFold === 'upper') return trimmed.toUpperCase();
		return trimmed;
	};
	const merge = new Map<string, string>();
	for (const [from, to] of step.merge) merge.set(fold(from), fold(to));
	return (label) => {
		const folded = fold(label);
		const cleaned = merge.get(folded) ?? folded;
		return cleaned === '' ? null : cleaned;
	};
}

/** Returns the frame with the label column's spellings cleaned. */
export function applyCleanLabels(step: FittedCleanLabels, frame: Frame): Frame {
	const column = labelColumn(frame, step.column, 'clean-labels');
	return replaceColumn(frame, step.column, [mapLabels(column, labelCleaner(step))]);
}
