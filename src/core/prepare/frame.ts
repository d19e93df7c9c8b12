import { CoreError } from '../util/core-error';
import type { CategoryColumn, Column, NumberColumn, TextColumn } from '../table/table';

/** The columns a recipe works on, in order; each step replaces some of them. */
export type Frame = Column[];

/** Returns the column a step names, or throws `missing-column`. */
export function frameColumn(frame: Frame, name: string): Column {
	const column = frame.find((c) => c.name === name);
	if (!column)
		throw new CoreError(
			'missing-column',
			`The recipe needs a column "${name}", which the data does not have.`,
			{ column: name }
		);
	return column;
}

/** Returns the column a step names when it holds numbers, or throws `wrong-kind`. */
export function numberColumn(frame: Frame, name: string, step: string): NumberColumn {
	const column = frameColumn(frame, name);
	if (column.kind !== 'number') throw wrongKind(name, step, 'numbers', column.kind);
	return column;
}

/** Returns the column a step names when it holds labels, or throws `wrong-kind`. */
export function labelColumn(frame: Frame, name: string, step: string): CategoryColumn | TextColumn {
	const column = frameColumn(frame, name);
	if (column.kind !== 'category' && column.kind !== 'text')
		throw wrongKind(name, step, 'categories or text', column.kind);
	return column;
}

function wrongKind(name: string, step: string, wants: string, has: string): CoreError {
	return new CoreError(
		'wrong-kind',
		`The ${step} step on "${name}" needs ${wants}, but the column holds ${has}.`,
		{ column: name }
	);
}

/**
 * Returns `f` of each number, as a new array. A plain loop: V8's Float64Array.prototype.map is
 * several times slower, and recipes apply it to every column of every batch they see.
 */
export function mapNumbers(values: Float64Array, f: (v: number) => number): Float64Array {
	const out = new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) out[i] = f(values[i]);
	return out;
}

/** Returns `f` of each label code, as a new array (a plain loop, as `mapNumbers`). */
export function mapCodes(codes: Int32Array, f: (code: number) => number): Int32Array {
	const out = new Int32Array(codes.length);
	for (let i = 0; i < codes.length; i++) out[i] = f(codes[i]);
	return out;
}

/** Returns a new frame with the named column replaced by `replacement` (zero or more columns). */
export function replaceColumn(frame: Frame, name: string, replacement: Column[]): Frame {
	const at = frame.findIndex((c) => c.name === name);
	return [...frame.slice(0, at), ...replacement, ...frame.slice(at + 1)];
}
