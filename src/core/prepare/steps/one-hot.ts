import { labelColumn, replaceColumn, type Frame } from '../frame';
import type { NumberColumn } from '../../table/table';
import { compareLabels, levelCounts } from './map-labels';
import { assertNewColumns } from './assert-new-columns';

/** Replace a label column by one 0/1 column per label seen in train. */
export interface OneHotStep {
	kind: 'one-hot';
	column: string;
}

/** The labels learned on train, sorted; a label not among them encodes as all zeros. */
export interface FittedOneHot extends OneHotStep {
	levels: string[];
}

/** Returns the step with the train frame's labels (present in at least one row), sorted. */
export function fitOneHot(step: OneHotStep, frame: Frame): FittedOneHot {
	const column = labelColumn(frame, step.column, 'one-hot');
	const counts = levelCounts(column);
	const levels = column.levels.filter((_, l) => counts[l] > 0).sort(compareLabels);
	return { ...step, levels };
}

/** Returns the name of the 0/1 column for one label. */
export function oneHotName(column: string, level: string): string {
	return `${column}=${level}`;
}

/** Returns the frame with the label column replaced by its 0/1 columns (unseen or missing: all 0). */
export function applyOneHot(step: FittedOneHot, frame: Frame): Frame {
	const column = labelColumn(frame, step.column, 'one-hot');
	const names = step.levels.map((level) => oneHotName(step.column, level));
	assertNewColumns(frame, names, 'one-hot', step.column);
	const position = new Map(step.levels.map((level, i) => [level, i]));
	const target = column.levels.map((level) => position.get(level) ?? -1);
	const outputs: NumberColumn[] = names.map((name) => ({
		kind: 'number',
		name,
		values: new Float64Array(column.codes.length)
	}));
	column.codes.forEach((code, row) => {
		const k = code < 0 ? -1 : target[code];
		if (k >= 0) outputs[k].values[row] = 1;
	});
	return replaceColumn(frame, step.column, outputs);
}
