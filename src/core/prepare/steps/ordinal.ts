import { CoreError } from '../../util/core-error';
import type { NumberColumn } from '../../table/table';
import { labelColumn, replaceColumn, type Frame } from '../frame';
import { compareLabels, levelCounts } from './map-labels';

/** The number a label outside the order, or a missing cell, encodes as. */
export const ORDINAL_UNKNOWN = -1;

/**
 * Replace a label column by a number column of the same name: each label's position in `order`
 * (0 to k - 1), or, with no order given, in the sorted train labels. A label outside the order
 * (unseen in train) and a missing cell both become `ORDINAL_UNKNOWN` (-1), so the column is never
 * missing; put a label for them in the order, or impute first, to place them elsewhere.
 */
export interface OrdinalStep {
	kind: 'ordinal';
	column: string;
	order?: string[];
}

/** The order used: the step's own, or the sorted labels present in train. */
export interface FittedOrdinal extends OrdinalStep {
	order: string[];
}

/** Returns the step with its order: the one given (checked), or the train labels sorted. */
export function fitOrdinal(step: OrdinalStep, frame: Frame): FittedOrdinal {
	const column = labelColumn(frame, step.column, 'ordinal');
	if (step.order) {
		checkOrder(step.column, step.order);
		return { ...step, order: [...step.order] };
	}
	const counts = levelCounts(column);
	const order = column.levels.filter((_, l) => counts[l] > 0).sort(compareLabels);
	return { ...step, order };
}

function checkOrder(column: string, order: readonly string[]): void {
	const bad = (message: string) =>
		new CoreError('bad-option', `The ordinal step on "${column}" ${message}`, { column });
	if (order.length === 0) throw bad('needs at least one label in its order.');
	const seen = new Set<string>();
	for (const label of order) {
		if (seen.has(label)) throw bad(`lists "${label}" twice in its order.`);
		seen.add(label);
	}
}

/** Returns the frame with the label column replaced by each label's position in the order. */
export function applyOrdinal(step: FittedOrdinal, frame: Frame): Frame {
	const column = labelColumn(frame, step.column, 'ordinal');
	const position = new Map(step.order.map((label, i) => [label, i]));
	const target = column.levels.map((label) => position.get(label) ?? ORDINAL_UNKNOWN);
	const values = Float64Array.from(column.codes, (c) => (c < 0 ? ORDINAL_UNKNOWN : target[c]));
	const encoded: NumberColumn = { kind: 'number', name: step.column, values };
	return replaceColumn(frame, step.column, [encoded]);
}
