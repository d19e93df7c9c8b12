import { CoreError } from '../../util/core-error';
import { assertNever } from '../../util/assert-never';
import { quantile, meanStd } from '../../util/stats';
import { frameColumn, mapCodes, mapNumbers, replaceColumn, type Frame } from '../frame';
import type { CategoryColumn, NumberColumn, TextColumn } from '../../table/table';
import { assertNewColumns } from './assert-new-columns';
import { levelCounts } from './map-labels';

interface ImputeBase {
	kind: 'impute';
	column: string;
	/** Also add a 0/1 column `<column> missing` right after the column, 1 where a cell was missing. */
	indicator?: boolean;
}

/** Fill missing cells with a train statistic: the median or mean (numbers), or the most frequent. */
export interface ImputeLearnedStep extends ImputeBase {
	strategy: 'median' | 'mean' | 'most-frequent';
}

/** Fill missing cells with a value the user gives: a number for numbers, a label for labels. */
export interface ImputeConstantStep extends ImputeBase {
	strategy: 'constant';
	value: number | string;
}

/** Fill missing cells of one column. */
export type ImputeStep = ImputeLearnedStep | ImputeConstantStep;

/** The step with its fill value learned on train: a number, or a label. */
export type FittedImpute = ImputeStep & { fill: number | string };

type FillableColumn = NumberColumn | CategoryColumn | TextColumn;

/** Returns the name of the 0/1 column that flags a column's missing cells. */
export function imputeIndicatorName(column: string): string {
	return `${column} missing`;
}

/** Returns the step with its fill value learned on the train frame (or checked, for a constant). */
export function fitImpute(step: ImputeStep, frame: Frame): FittedImpute {
	const column = fillableColumn(frame, step.column);
	if (step.indicator) assertNewColumns(frame, [imputeIndicatorName(step.column)], 'impute');
	const fill =
		step.strategy === 'constant' ? constantFill(step, column) : learnedFill(step, column);
	return { ...step, fill };
}

function fillableColumn(frame: Frame, name: string): FillableColumn {
	const column = frameColumn(frame, name);
	if (column.kind === 'number' || column.kind === 'category' || column.kind === 'text')
		return column;
	throw new CoreError(
		'wrong-kind',
		`The impute step cannot fill "${column.name}", which holds ${column.kind}.`,
		{ column: column.name }
	);
}

function constantFill(step: ImputeConstantStep, column: FillableColumn): number | string {
	const value = step.value;
	if (column.kind === 'number') return numberFill(value, step.column);
	const label = String(value);
	if (label === '')
		throw new CoreError(
			'bad-option',
			`The impute step on "${step.column}" needs a label to fill with, not an empty text.`,
			{ column: step.column }
		);
	return label;
}

/** Returns a fill value as a number, or throws `bad-option`: a number column never gets NaN. */
function numberFill(value: number | string, column: string): number {
	const n = typeof value === 'number' ? value : value.trim() === '' ? NaN : Number(value);
	if (Number.isFinite(n)) return n;
	throw new CoreError(
		'bad-option',
		`The impute step on "${column}" fills numbers, but ${JSON.stringify(value)} is not a number.`,
		{ column }
	);
}

function learnedFill(step: ImputeLearnedStep, column: FillableColumn): number | string {
	if (column.kind !== 'number') return mostFrequentLabel(column);
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

function mostFrequentLabel(column: CategoryColumn | TextColumn): string {
	const counts = levelCounts(column);
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

/** Returns the frame with the column's missing cells filled (and flagged, with `indicator`). */
export function applyImpute(step: FittedImpute, frame: Frame): Frame {
	const column = fillableColumn(frame, step.column);
	const filled = column.kind === 'number' ? fillNumbers(step, column) : fillLabels(step, column);
	if (!step.indicator) return replaceColumn(frame, step.column, [filled]);
	const name = imputeIndicatorName(step.column);
	assertNewColumns(frame, [name], 'impute');
	const indicator: NumberColumn = { kind: 'number', name, values: missingFlags(column) };
	return replaceColumn(frame, step.column, [filled, indicator]);
}

function fillNumbers(step: FittedImpute, column: NumberColumn): NumberColumn {
	const fill = numberFill(step.fill, step.column);
	return { ...column, values: mapNumbers(column.values, (v) => (Number.isNaN(v) ? fill : v)) };
}

function fillLabels<C extends CategoryColumn | TextColumn>(step: FittedImpute, column: C): C {
	const fill = String(step.fill);
	let fillCode = column.levels.indexOf(fill);
	const levels = fillCode >= 0 ? column.levels : [...column.levels, fill];
	if (fillCode < 0) fillCode = levels.length - 1;
	const codes = mapCodes(column.codes, (c) => (c < 0 ? fillCode : c));
	return { ...column, codes, levels };
}

function missingFlags(column: FillableColumn): Float64Array {
	if (column.kind === 'number') return mapNumbers(column.values, (v) => (Number.isNaN(v) ? 1 : 0));
	return Float64Array.from(column.codes, (c) => (c < 0 ? 1 : 0));
}
