// What each model feature stands for in the user's terms, traced through the fitted recipe: the
// input columns it is computed from, and how a value in model units maps back to theirs. The
// decision-tree view phrases its splits with it; coefficients could be shown the same way.
import { assertNever } from '../util/assert-never';
import { CoreError } from '../util/core-error';
import { applyRecipe, type FittedRecipe, type FittedStep } from './recipe';
import { datePartName } from './steps/date-parts';
import { bucketName } from './steps/hash-tokens';
import { imputeIndicatorName } from './steps/impute';
import { oneHotName } from './steps/one-hot';
import type { TransformFn } from './steps/transform';
import { MISSING_BOOLEAN, type Column, type ColumnKind } from '../table/table';

/** What a model feature (or a frame column on the way) stands for in the user's terms. */
export type Meaning = { kind: 'labels' | 'date'; column: string } | NumberMeaning;

export interface NumberMeaning {
	kind: 'number';
	/** Maps a value in the column's units back to `base`'s; increasing, as every scaling is. */
	toBase: (v: number) => number;
	base: Base;
	/** The input columns the values are computed from. */
	sources: string[];
}

export type Base =
	| { kind: 'quantity'; name: string; unit: string | null; flag: boolean }
	| { kind: 'level'; column: string; level: string }
	| { kind: 'missing'; column: string }
	| { kind: 'order'; column: string; order: string[] }
	| { kind: 'bins'; edges: number[]; inner: NumberMeaning };

const identity = (v: number) => v;

function numeric(base: Base, sources: string[]): NumberMeaning {
	return { kind: 'number', toBase: identity, base, sources };
}

function quantity(name: string, sources: string[], flag = false, unit: string | null = null) {
	return numeric({ kind: 'quantity', name, unit, flag }, sources);
}

export function traceFeatures(recipe: FittedRecipe): Map<string, Meaning> {
	const meanings = new Map<string, Meaning>();
	for (const { name, kind } of recipe.inputs) meanings.set(name, inputMeaning(name, kind));
	for (const step of recipe.steps) traceStep(step, meanings);
	return meanings;
}

function inputMeaning(name: string, kind: ColumnKind): Meaning {
	switch (kind) {
		case 'number':
		case 'boolean':
			return quantity(name, [name], kind === 'boolean');
		case 'category':
		case 'text':
			return { kind: 'labels', column: name };
		case 'date':
			return { kind: 'date', column: name };
		default:
			return assertNever(kind, 'column kind');
	}
}

/** Records in `m` what the columns a fitted step writes mean. Long: one case per step kind. */
function traceStep(step: FittedStep, m: Map<string, Meaning>): void {
	const from = (column: string) => sourcesOf(m.get(column), column);
	const c = 'column' in step ? step.column : '';
	const set = (name: string, base: Base) => m.set(name, numeric(base, from(c)));
	switch (step.kind) {
		// These keep what a column means: labels change in place, and clipping moves no threshold
		// (a tree's thresholds are train values, so they lie within the clip bounds).
		case 'drop-duplicates':
		case 'clean-labels':
		case 'rare-levels':
		case 'clip':
		case 'time-zone':
			return;
		case 'drop-columns':
			for (const column of step.columns) m.delete(column);
			return;
		case 'impute':
			if (step.indicator) set(imputeIndicatorName(c), { kind: 'missing', column: c });
			return;
		case 'standardize':
			return rescale(m, c, (v) => v * step.std + step.mean);
		case 'scale':
			return rescale(m, c, (v) => v * step.scale + step.center);
		case 'transform':
			return rescale(m, c, inverseTransform(step.fn));
		case 'units':
			set(c, { kind: 'quantity', name: c, unit: step.unit, flag: false });
			return;
		case 'parse-date':
			m.set(c, { kind: 'date', column: c });
			return;
		case 'date-parts':
			return replace(
				m,
				c,
				step.parts.map((part) => datePartName(c, part)),
				step.keep === true
			);
		case 'derive':
			m.set(step.name, quantity(step.name, [...from(step.left), ...from(step.right)]));
			return;
		case 'ordinal':
			set(c, { kind: 'order', column: c, order: step.order });
			return;
		case 'one-hot':
			for (const level of step.levels)
				set(oneHotName(c, level), { kind: 'level', column: c, level });
			m.delete(c);
			return;
		case 'target-encode':
			return replace(m, c, step.outputs, false);
		case 'hash-tokens':
			return replace(
				m,
				c,
				Array.from({ length: step.buckets }, (_, b) => bucketName(c, b)),
				false
			);
		case 'bin': {
			const inner = m.get(c);
			if (inner?.kind === 'number') set(c, { kind: 'bins', edges: step.edges, inner });
			else m.delete(c);
			return;
		}
		default:
			return assertNever(step, 'recipe step');
	}
}

function sourcesOf(meaning: Meaning | undefined, column: string): string[] {
	if (!meaning) return [column];
	return meaning.kind === 'number' ? meaning.sources : [meaning.column];
}

/** Records new number columns made from one column (kept or not), named as the step names them. */
function replace(m: Map<string, Meaning>, column: string, names: string[], keep: boolean): void {
	const sources = sourcesOf(m.get(column), column);
	if (!keep) m.delete(column);
	for (const name of names) m.set(name, quantity(name, sources));
}

function rescale(m: Map<string, Meaning>, column: string, inverse: (v: number) => number): void {
	const meaning = m.get(column);
	if (meaning?.kind !== 'number') return;
	const before = meaning.toBase;
	m.set(column, { ...meaning, toBase: (v) => before(inverse(v)) });
}

function inverseTransform(fn: TransformFn): (v: number) => number {
	switch (fn) {
		case 'log':
			return (v) => Math.sign(v) * Math.expm1(Math.abs(v));
		case 'sqrt':
			return (v) => Math.sign(v) * v * v;
		default:
			return assertNever(fn, 'transform function');
	}
}

/**
 * Returns the features of a row whose every input is missing, through the recipe's own apply: a
 * feature made from one column has there the value a row missing that column gets. Null when
 * the recipe cannot apply to such a row.
 */
export function missingRow(recipe: FittedRecipe): Float64Array | null {
	const columns = recipe.inputs.map(({ name, kind }) => missingColumn(name, kind));
	try {
		return applyRecipe(recipe, { rowCount: 1, columns }).values;
	} catch (error) {
		if (error instanceof CoreError) return null;
		throw error;
	}
}

function missingColumn(name: string, kind: ColumnKind): Column {
	switch (kind) {
		case 'number':
			return { kind, name, values: Float64Array.of(NaN) };
		case 'date':
			return { kind, name, values: Float64Array.of(NaN), offsets: null };
		case 'boolean':
			return { kind, name, values: Uint8Array.of(MISSING_BOOLEAN), words: ['false', 'true'] };
		case 'category':
		case 'text':
			return { kind, name, codes: Int32Array.of(-1), levels: [] };
		default:
			return assertNever(kind, 'column kind');
	}
}
