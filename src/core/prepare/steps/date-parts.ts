import { assertNever } from '../../util/assert-never';
import { CoreError } from '../../util/core-error';
import type { NumberColumn } from '../../table/table';
import { mapNumbers, replaceColumn, type Frame } from '../frame';
import { dateColumn } from './date-column';
import { assertNewColumns } from './assert-new-columns';

/** The parts of a date a `date-parts` step can make into number columns. */
export type DatePart = 'year' | 'month' | 'day' | 'weekday' | 'hour' | 'dayofyear';

export const DATE_PARTS: readonly DatePart[] = [
	'year',
	'month',
	'day',
	'weekday',
	'hour',
	'dayofyear'
];

/**
 * Replace a date column by number columns named `<column> <part>`, read in UTC: year, month
 * (1-12), day of the month (1-31), weekday (0 Monday to 6 Sunday, as pandas), hour (0-23) and day
 * of the year (1-366). A missing date gives missing parts, which finishing then imputes.
 */
export interface DatePartsStep {
	kind: 'date-parts';
	column: string;
	parts: DatePart[];
	/** Keep the date column too, after its parts (for a later step); false by default. */
	keep?: boolean;
}

/** The parts learn nothing from train: the fitted step is the step. */
export type FittedDateParts = DatePartsStep;

const DAY_MS = 86_400_000;

/** Returns the step once its column and parts are checked; throws `bad-step` for unknown parts. */
export function fitDateParts(step: DatePartsStep, frame: Frame): FittedDateParts {
	checkParts(step);
	dateColumn(frame, step.column, 'date-parts');
	return { ...step, parts: [...new Set(step.parts)] };
}

function checkParts(step: DatePartsStep): void {
	const unknown = step.parts.filter((p) => !DATE_PARTS.includes(p));
	if (step.parts.length === 0 || unknown.length > 0)
		throw new CoreError(
			'bad-step',
			step.parts.length === 0
				? `The date-parts step on "${step.column}" needs at least one part (${DATE_PARTS.join(', ')}).`
				: `The date-parts step on "${step.column}" cannot make "${unknown[0]}": choose from ${DATE_PARTS.join(', ')}.`,
			{ column: step.column }
		);
}

/** Returns the name of the number column holding one part of a date column. */
export function datePartName(column: string, part: DatePart): string {
	return `${column} ${part}`;
}

/** Returns the frame with the date column replaced by (or, with `keep`, followed by) its parts. */
export function applyDateParts(step: FittedDateParts, frame: Frame): Frame {
	checkParts(step);
	const column = dateColumn(frame, step.column, 'date-parts');
	const names = step.parts.map((part) => datePartName(step.column, part));
	assertNewColumns(frame, names, 'date-parts', step.keep ? null : step.column);
	const parts: NumberColumn[] = step.parts.map((part, k) => ({
		kind: 'number',
		name: names[k],
		values: mapNumbers(column.values, (ms) => (Number.isNaN(ms) ? NaN : partOf(new Date(ms), part)))
	}));
	return replaceColumn(frame, step.column, step.keep ? [column, ...parts] : parts);
}

function partOf(date: Date, part: DatePart): number {
	switch (part) {
		case 'year':
			return date.getUTCFullYear();
		case 'month':
			return date.getUTCMonth() + 1;
		case 'day':
			return date.getUTCDate();
		case 'weekday':
			// getUTCDay counts from Sunday; pandas and ISO 8601 weeks start on Monday.
			return (date.getUTCDay() + 6) % 7;
		case 'hour':
			return date.getUTCHours();
		case 'dayofyear': {
			const start = new Date(0);
			start.setUTCFullYear(date.getUTCFullYear(), 0, 1);
			return Math.floor((date.getTime() - start.getTime()) / DAY_MS) + 1;
		}
		default:
			return assertNever(part, 'date part');
	}
}
