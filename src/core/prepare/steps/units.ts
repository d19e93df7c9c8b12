import { CoreError } from '../../util/core-error';
import type { Column, NumberColumn } from '../../table/table';
import { frameColumn, mapNumbers, replaceColumn, type Frame } from '../frame';
import {
	convertUnit,
	dimensionOf,
	readQuantity,
	UNITS,
	unitOf,
	type Dimension,
	type Unit
} from './unit-table';

/**
 * Read numbers written with units (`5 kg`, `11 lb`, `20 °C`) and convert them all to one unit,
 * leaving a number column of the same name. A bare number has no unit: `bare` says which unit it
 * is in, or 'missing' to leave it out; a number column's values are all bare. A cell that is not
 * a number, or has a unit of another dimension, becomes missing.
 */
export interface UnitsStep {
	kind: 'units';
	column: string;
	unit: Unit;
	bare: Unit | 'missing';
}

/** The step, with how many non-missing train cells it could not read (so became missing). */
export interface FittedUnits extends UnitsStep {
	failed: number;
}

/**
 * Returns the step with its units as symbols and its train failures counted; throws `bad-step`
 * for an unknown unit, a bare unit of another dimension, or a train column none of whose cells read.
 */
export function fitUnits(given: UnitsStep, frame: Frame): FittedUnits {
	const step = resolveUnits(given);
	const { failed, read } = convert(step, frame);
	if (read === 0 && failed > 0) {
		const hint = step.bare === 'missing' ? ': say which unit its bare numbers are in' : '';
		throw new CoreError(
			'bad-step',
			`No train cell of "${step.column}" reads as a ${dimensionOf(step.unit)} the units step knows, so the column would be all missing${hint}.`,
			{ column: step.column }
		);
	}
	return { ...step, failed };
}

/** Returns the frame with the column replaced by its values in the step's unit. */
export function applyUnits(step: FittedUnits, frame: Frame): Frame {
	return replaceColumn(frame, step.column, [convert(step, frame).column]);
}

interface Converted {
	column: NumberColumn;
	/** Non-missing cells read, and those that could not be. */
	read: number;
	failed: number;
}

function convert(given: UnitsStep, frame: Frame): Converted {
	const step = resolveUnits(given);
	const source = frameColumn(frame, step.column);
	const levels = cellLevels(source, step);
	const values = new Float64Array(levels.codes.length);
	let read = 0;
	let failed = 0;
	for (let i = 0; i < values.length; i++) {
		const code = levels.codes[i];
		const v = code < 0 ? NaN : levels.values[code];
		values[i] = v;
		if (code < 0) continue;
		if (Number.isNaN(v)) failed++;
		else read++;
	}
	return { column: { kind: 'number', name: step.column, values }, read, failed };
}

/** A column's distinct cells, converted: a code per row (-1 for missing) into `values`. */
interface CellLevels {
	codes: Int32Array;
	values: Float64Array;
}

function cellLevels(source: Column, step: UnitsStep): CellLevels {
	if (source.kind === 'category' || source.kind === 'text') {
		const values = Float64Array.from(source.levels, (text) => {
			const q = readQuantity(text);
			return q ? toUnit(q.value, q.unit, step) : NaN;
		});
		return { codes: source.codes, values };
	}
	if (source.kind === 'number') {
		const values = mapNumbers(source.values, (v) => toUnit(v, null, step));
		const codes = Int32Array.from(source.values, (v, i) => (Number.isNaN(v) ? -1 : i));
		return { codes, values };
	}
	throw new CoreError(
		'wrong-kind',
		`The units step on "${step.column}" needs categories, text or numbers, but the column holds ${source.kind}.`,
		{ column: step.column }
	);
}

function toUnit(value: number, unit: Unit | null, step: UnitsStep): number {
	const from = unit ?? step.bare;
	if (from === 'missing' || dimensionOf(from) !== dimensionOf(step.unit)) return NaN;
	return convertUnit(value, from, step.unit);
}

/** Returns the step with its units as symbols (`kgs` is `kg`), or throws `bad-step`. */
function resolveUnits(step: UnitsStep): UnitsStep {
	const unit = unitOf(String(step.unit));
	const bare = step.bare === 'missing' ? 'missing' : unitOf(String(step.bare));
	const problem =
		unit === null
			? `"${String(step.unit)}" is not a unit it knows (${UNITS.join(', ')})`
			: bare === null
				? `"${String(step.bare)}" is not a unit it knows, nor 'missing'`
				: bare !== 'missing' && dimensionOf(bare) !== dimensionOf(unit)
					? `bare numbers cannot be in ${bare}, which is not a ${dimensionOf(unit)}`
					: null;
	if (problem || unit === null || bare === null)
		throw new CoreError('bad-step', `The units step on "${step.column}" cannot run: ${problem}.`, {
			column: step.column
		});
	return { ...step, unit, bare };
}

/** What `detectUnits` found: the dimension, the units seen, and the shares of cells read. */
export interface DetectedUnits {
	dimension: Dimension;
	/** Units of that dimension seen, the commonest first, with how many cells use each. */
	units: { unit: Unit; cells: number }[];
	/** The share of non-blank cells that are a number with a unit of that dimension. */
	share: number;
	/** The share of non-blank cells that are a bare number (whose unit the user must say). */
	bare: number;
}

/**
 * Returns the units a label column's levels (each weighted by `counts[level]` when given) are
 * written in, or null when the column does not look like numbers with units: no cell has a unit,
 * or fewer than half the non-blank cells are numbers (with a unit of the commonest dimension, or
 * bare). Blank levels count as missing.
 */
export function detectUnits(
	levels: readonly string[],
	counts?: ArrayLike<number>
): DetectedUnits | null {
	const byUnit = new Map<Unit, number>();
	let bare = 0;
	let total = 0;
	levels.forEach((level, l) => {
		const n = counts ? counts[l] : 1;
		if (n === 0 || level.trim() === '') return;
		total += n;
		const q = readQuantity(level);
		if (q && q.unit === null) bare += n;
		else if (q && q.unit) byUnit.set(q.unit, (byUnit.get(q.unit) ?? 0) + n);
	});
	const dimension = commonestDimension(byUnit);
	if (dimension === null) return null;
	const units = [...byUnit]
		.filter(([unit]) => dimensionOf(unit) === dimension)
		.map(([unit, cells]) => ({ unit, cells }))
		.sort((a, b) => b.cells - a.cells);
	const withUnit = units.reduce((sum, u) => sum + u.cells, 0);
	if ((withUnit + bare) * 2 < total) return null;
	return { dimension, units, share: withUnit / total, bare: bare / total };
}

function commonestDimension(byUnit: ReadonlyMap<Unit, number>): Dimension | null {
	const cells = new Map<Dimension, number>();
	for (const [unit, n] of byUnit)
		cells.set(dimensionOf(unit), (cells.get(dimensionOf(unit)) ?? 0) + n);
	let best: Dimension | null = null;
	for (const [dimension, n] of cells) if (best === null || n > cells.get(best)!) best = dimension;
	return best;
}
