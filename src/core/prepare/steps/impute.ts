import { CoreError } from '../../util/core-error';
import { assertNever } from '../../util/assert-never';
import { quantile, meanStd } from '../../util/stats';
import { frameColumn, replaceColumn, type Frame } from '../frame';
import type { Column } from '../../table/table';

/** Fill missing cells: numbers with the train median or mean, labels with the most frequent one. */
export interface ImputeStep {
	kind: 'impute';
	column: string;
	strategy: 'median' | 'mean' | 'most-frequent';
}

/** The fill value learned on train: a number, or a label. */
export interface FittedImpute extends ImputeStep {
	fill: number | string;
}

/** Returns the step with its fill value learned from the train frame. */
export function fitImpute(step: ImputeStep, frame: Frame): FittedImpute {
	const column = frameColumn(frame, step.column);
	return { ...step, fill: fillValue(step, column) };
}

function fillValue(step: ImputeStep, column: Column): number | string {
	if (column.kind === 'number') {
		switch (step.strategy) {
			case 'median':
				return orZero(quantile(column.values, 0.5));
			case 'mean':
				return orZero(meanStd(column.values).mean);
			case 'most-frequent':
				return orZero(mostFrequentNumber(column.values));
			default:
				return assertNever(step.strategy, 'impute strategy');
		}
	}
	if (column.kind !== 'category' && column.kind !== 'text')
		throw new CoreError(
			'wrong-kind',
			`The impute step cannot fill "${column.name}", which holds ${column.kind}.`,
			{ column: column.name }
		);
	const counts = new Int32Array(column.levels.length);
	for (const code of column.codes) if (code >= 0) counts[code]++;
	let best = -1;
	// Ties go to the label that sorts first, as scikit-learn's SimpleImputer does.
	for (let l = 0; l < counts.length; l++) {
		if (
			best < 0 ||
			counts[l] > counts[best] ||
			(counts[l] === counts[best] && column.levels[l] < column.levels[best])
		)
			best = l;
	}
	return best < 0 || counts[best] === 0 ? '' : column.levels[best];
}

/** An all-missing train column is filled with 0 / empty text rather than NaN, so apply stays total. */
function orZero(value: number): number {
	return Number.isNaN(value) ? 0 : value;
}

function mostFrequentNumber(values: Float64Array): number {
	const counts = new Map<number, number>();
	for (const v of values) if (!Number.isNaN(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
	let best = NaN;
	let top = 0;
	for (const [v, n] of counts) if (n > top || (n === top && v < best)) [best, top] = [v, n];
	return best;
}

/** Returns the frame with the column's missing cells filled. */
export function applyImpute(step: FittedImpute, frame: Frame): Frame {
	const column = frameColumn(frame, step.column);
	if (column.kind === 'number') {
		const fill = typeof step.fill === 'number' ? step.fill : Number(step.fill);
		const values = column.values.map((v) => (Number.isNaN(v) ? fill : v));
		return replaceColumn(frame, step.column, [{ ...column, values }]);
	}
	if (column.kind !== 'category' && column.kind !== 'text')
		throw new CoreError(
			'wrong-kind',
			`The impute step cannot fill "${column.name}", which holds ${column.kind}.`,
			{ column: column.name }
		);
	const fill = String(step.fill);
	let fillCode = column.levels.indexOf(fill);
	const levels = fillCode >= 0 ? column.levels : [...column.levels, fill];
	if (fillCode < 0) fillCode = levels.length - 1;
	const codes = column.codes.map((c) => (c < 0 ? fillCode : c));
	return replaceColumn(frame, step.column, [{ ...column, codes, levels }]);
}
