import { CoreError } from '../../util/core-error';
import { NO_OFFSET, type DateColumn } from '../../table/table';
import { frameColumn, replaceColumn, type Frame } from '../frame';
import { dateReader } from './date-format';

/**
 * Read a label column as dates with an explicit strftime-like format (see `dateReader`). A cell
 * the format does not read becomes missing; `dateFormatCoverage` counts them for the preview.
 */
export interface ParseDateStep {
	kind: 'parse-date';
	column: string;
	format: string;
}

/** Reading dates learns nothing from train: the fitted step is the step. */
export type FittedParseDate = ParseDateStep;

/** Returns the step once its column and format are checked; throws `bad-step` for a bad format. */
export function fitParseDate(step: ParseDateStep, frame: Frame): FittedParseDate {
	dateReader(step.format);
	labelTexts(frame, step.column);
	return { ...step };
}

/**
 * Returns the frame with the column replaced by a date column of the same name. Category and text
 * cells are read as written; a number column (`20190702` read as a number) as its shortest decimal.
 */
export function applyParseDate(step: FittedParseDate, frame: Frame): Frame {
	const read = dateReader(step.format);
	const { codes, levels } = labelTexts(frame, step.column);
	const parsed = levels.map(read);
	const values = new Float64Array(codes.length);
	const offsets = new Int16Array(codes.length).fill(NO_OFFSET);
	let anyOffset = false;
	for (let i = 0; i < codes.length; i++) {
		const date = codes[i] < 0 ? null : parsed[codes[i]];
		values[i] = date ? date.ms : NaN;
		if (date && date.offset !== NO_OFFSET) {
			offsets[i] = date.offset;
			anyOffset = true;
		}
	}
	const column: DateColumn = {
		kind: 'date',
		name: step.column,
		values,
		offsets: anyOffset ? offsets : null
	};
	return replaceColumn(frame, step.column, [column]);
}

/** A column's cells as texts: a code per row (-1 for missing) into levels. */
interface LabelTexts {
	codes: Int32Array;
	levels: readonly string[];
}

function labelTexts(frame: Frame, name: string): LabelTexts {
	const column = frameColumn(frame, name);
	if (column.kind === 'category' || column.kind === 'text') return column;
	if (column.kind === 'number') return numberTexts(column.values);
	throw new CoreError(
		'wrong-kind',
		`The parse-date step on "${name}" needs categories, text or numbers, but the column holds ${column.kind}.`,
		{ column: name }
	);
}

function numberTexts(values: Float64Array): LabelTexts {
	const index = new Map<number, number>();
	const levels: string[] = [];
	const codes = Int32Array.from(values, (v) => {
		if (Number.isNaN(v)) return -1;
		let code = index.get(v);
		if (code === undefined) {
			code = levels.length;
			index.set(v, code);
			levels.push(String(v));
		}
		return code;
	});
	return { codes, levels };
}
