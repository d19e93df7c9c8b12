import { toErrorValue, type ErrorValue } from '../util/core-error';
import { datasetSchema, type Dataset } from '../table/dataset';
import { typeTable, type ColumnSchema } from '../table/schema';
import {
	columnLength,
	findColumn,
	isMissingAt,
	MISSING_BOOLEAN,
	selectRawRows,
	type Column,
	type Table
} from '../table/table';
import type { Frame } from './frame';
import { fitTargetOf } from './steps/step';
import { describeStep, fitRecipe, type FitContext, type Recipe, type StepFitted } from './recipe';

/** How many rows each step's before / after sample shows. */
export const PREVIEW_SAMPLE_ROWS = 5;

/** How much of what a step learned the preview shows, in characters. */
const LEARNED_CHARS = 240;

/** What a step did to one column that it kept (same name before and after). */
export interface ColumnChange {
	column: string;
	kindBefore: Column['kind'];
	kindAfter: Column['kind'];
	/** Cells whose value differs (every cell when the kind changed). */
	changedCells: number;
	missingBefore: number;
	missingAfter: number;
}

/** One step as fitted on the user's rows, with before / after counts and a sample. */
export interface StepPreview {
	text: string;
	/** Added by the recipe to finish it for the model, rather than by the user. */
	finishing: boolean;
	rowsBefore: number;
	rowsAfter: number;
	added: string[];
	removed: string[];
	changed: ColumnChange[];
	/** The first rows' cells, before and after, in the columns the step touched. */
	sample: { before: Sample; after: Sample };
	/** What the step learned from the rows (its fitted value without kind and column). */
	learned: string;
}

/** Some rows of some columns, as text. */
export interface Sample {
	columns: string[];
	rows: string[][];
}

/** The recipe fitted on the preview rows, step by step; stops at the first step that fails. */
export interface RecipePreview {
	rows: number;
	steps: StepPreview[];
	/** The model's features when every step fitted. */
	features: string[];
	/** The columns the user's steps leave, with their kinds (what a next step can work on). */
	columns: { name: string; kind: Column['kind'] }[];
	/** The first step that failed and why; the steps before it are previewed. */
	error: { step: number; finishing: boolean; error: ErrorValue } | null;
}

/**
 * Returns the recipe fitted on `table` (the train rows) step by step, with what each step did:
 * rows and columns before and after, changed and missing cells, and a sample of the first rows.
 */
export function previewRecipe(recipe: Recipe, table: Table, ctx?: FitContext): RecipePreview {
	const steps: StepPreview[] = [];
	// Booleans reach the steps as 1 / 0.
	let columns: RecipePreview['columns'] = recipe.inputs.map(({ name, kind }) => ({
		name,
		kind: kind === 'boolean' ? 'number' : kind
	}));
	const observe = (s: StepFitted) => {
		if (!s.finishing) columns = kindsOf(s.after);
		steps.push(stepPreview(s));
	};
	try {
		const { recipe: fitted } = fitRecipe(recipe, table, ctx, observe);
		return { rows: table.rowCount, steps, features: fitted.features, columns, error: null };
	} catch (error) {
		// Past the user's steps, the failure is a finishing step's, or the final check's.
		const finishing = steps.length >= recipe.steps.length;
		const step = finishing ? steps.length - recipe.steps.length : steps.length;
		return {
			rows: table.rowCount,
			steps,
			features: [],
			columns,
			error: { step, finishing, error: toErrorValue(error) }
		};
	}
}

function kindsOf(frame: Frame): RecipePreview['columns'] {
	return frame.map((c) => ({ name: c.name, kind: c.kind }));
}

function stepPreview({ step, fitted, finishing, before, after, keep }: StepFitted): StepPreview {
	const names = new Set(before.map((c) => c.name));
	const afterNames = new Set(after.map((c) => c.name));
	const added = after.filter((c) => !names.has(c.name)).map((c) => c.name);
	const removed = before.filter((c) => !afterNames.has(c.name)).map((c) => c.name);
	const changed: ColumnChange[] = [];
	for (const column of after) {
		const old = before.find((c) => c.name === column.name);
		if (!old || old === column) continue;
		const change = compare(old, column, keep);
		if (change.changedCells > 0 || change.kindBefore !== change.kindAfter) changed.push(change);
	}
	const touchedBefore = [...removed, ...changed.map((c) => c.column)];
	const touchedAfter = [...changed.map((c) => c.column), ...added];
	const firstRows = keep ? Array.from(keep.subarray(0, PREVIEW_SAMPLE_ROWS)) : sampleRows(before);
	const rest: Record<string, unknown> = { ...fitted };
	delete rest.kind;
	return {
		text: describeStep(step),
		finishing,
		rowsBefore: frameRowCount(before),
		rowsAfter: frameRowCount(after),
		added,
		removed,
		changed,
		sample: {
			before: sampleOf(before, touchedBefore, firstRows),
			after: sampleOf(
				after,
				touchedAfter,
				firstRows.map((_, i) => (keep ? i : firstRows[i]))
			)
		},
		learned: learnedText(rest, step)
	};
}

function learnedText(fitted: Record<string, unknown>, step: object): string {
	const learned = Object.entries(fitted).filter(([key]) => !(key in step));
	if (learned.length === 0) return '';
	const text = JSON.stringify(Object.fromEntries(learned));
	return text.length <= LEARNED_CHARS ? text : `${text.slice(0, LEARNED_CHARS)}…`;
}

function frameRowCount(frame: Frame): number {
	return frame.length === 0 ? 0 : columnLength(frame[0]);
}

function sampleRows(frame: Frame): number[] {
	const n = Math.min(PREVIEW_SAMPLE_ROWS, frameRowCount(frame));
	return Array.from({ length: n }, (_, i) => i);
}

function sampleOf(frame: Frame, columns: readonly string[], rows: readonly number[]): Sample {
	const picked = columns
		.map((name) => frame.find((c) => c.name === name))
		.filter((c): c is Column => c !== undefined);
	return {
		columns: picked.map((c) => c.name),
		rows: rows.map((row) => picked.map((c) => cellOf(c, row)))
	};
}

/** Returns a cell as text: empty when missing. */
export function cellOf(column: Column, row: number): string {
	if (isMissingAt(column, row)) return '';
	switch (column.kind) {
		case 'number':
			return String(Number(column.values[row].toPrecision(6)));
		case 'date':
			return new Date(column.values[row]).toISOString().replace('T00:00:00.000Z', '');
		case 'boolean':
			return column.values[row] === MISSING_BOOLEAN ? '' : column.words[column.values[row]];
		default:
			return column.levels[column.codes[row]];
	}
}

function sameCell(a: Column, i: number, b: Column, j: number): boolean {
	if (a.kind !== b.kind) return false;
	if ((a.kind === 'number' || a.kind === 'date') && (b.kind === 'number' || b.kind === 'date')) {
		const x = a.values[i];
		const y = b.values[j];
		return x === y || (Number.isNaN(x) && Number.isNaN(y));
	}
	return cellOf(a, i) === cellOf(b, j);
}

function compare(before: Column, after: Column, keep: Int32Array | null): ColumnChange {
	const n = columnLength(after);
	let changedCells = 0;
	let missingAfter = 0;
	let missingBefore = 0;
	for (let i = 0; i < n; i++) {
		const j = keep ? keep[i] : i;
		const gone = isMissingAt(before, j);
		if (gone) missingBefore++;
		if (isMissingAt(after, i)) missingAfter++;
		if (!sameCell(before, j, after, i)) changedCells++;
	}
	return {
		column: after.name,
		kindBefore: before.kind,
		kindAfter: after.kind,
		changedCells,
		missingBefore,
		missingAfter
	};
}

/** What the recipe preview is fitted on: the train rows once there is a split, all rows before. */
export interface PreviewRequest {
	recipe: Recipe;
	/** Train row indices, or null to fit on every row (before the split). */
	rows: Int32Array | null;
	/** The target, for steps that learn from it; its classes, or null for a number target. */
	target: { column: ColumnSchema; classes: string[] | null } | null;
	seed: number;
}

/** A recipe preview, and which rows it was fitted on. */
export interface DatasetPreview extends RecipePreview {
	fittedOn: 'train' | 'all';
}

/** Returns the recipe previewed on the dataset's train rows (all rows when there is no split). */
export function previewOnDataset(dataset: Dataset, request: PreviewRequest): DatasetPreview {
	const { recipe, rows, target } = request;
	const raw = rows ? selectRawRows(dataset.raw, rows) : dataset.raw;
	const columns = target ? [...recipe.inputs, target.column] : recipe.inputs;
	const { table } = typeTable(raw, datasetSchema(dataset, columns));
	const targetColumn = target && findColumn(table.columns, target.column.name);
	const ctx: FitContext = {
		target: targetColumn ? fitTargetOf(targetColumn, target.classes) : null,
		seed: request.seed
	};
	return { ...previewRecipe(recipe, table, ctx), fittedOn: rows ? 'train' : 'all' };
}
