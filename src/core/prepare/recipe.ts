import { CoreError } from '../util/core-error';
import { hashJson } from '../util/hash';
import type { ColumnSchema } from '../table/schema';
import { MISSING_BOOLEAN, type BooleanColumn, type NumberColumn, type Table } from '../table/table';
import { frameColumn, type Frame } from './frame';
import {
	applyCleanStep,
	CLEAN_COMPLETE_OUTPUTS,
	CLEAN_SCALING,
	describeCleanStep,
	fitCleanStep,
	isCleanStep,
	type CleanStep,
	type FittedCleanStep
} from './steps/clean-steps';
import {
	applyFeatureStep,
	describeFeatureStep,
	FEATURE_COMPLETE_OUTPUTS,
	FEATURE_SCALING,
	fitFeatureStep,
	isFeatureStep,
	type FeatureStep,
	type FittedFeatureStep
} from './steps/feature-steps';
import { NO_FIT_CONTEXT, type FitContext, type FitTarget } from './steps/step';

export type { FitContext, FitTarget };

/**
 * One preparation step, before fitting: a plain JSON value. Add a step: a file in steps/, and a
 * member and a case in its group (`clean-steps.ts` or `feature-steps.ts`).
 */
export type RecipeStep = CleanStep | FeatureStep;
/** One step with the parameters it learned on train. */
export type FittedStep = FittedCleanStep | FittedFeatureStep;

/**
 * The ordered steps that turn the chosen input columns into model features. Plain JSON.
 * After the user's steps, `fitRecipe` adds the finishing steps a model needs (see `finishingSteps`).
 */
export interface Recipe {
	inputs: ColumnSchema[];
	steps: RecipeStep[];
}

/** A recipe fitted on train: the only kind of recipe that can be applied to other rows. */
export interface FittedRecipe {
	inputs: ColumnSchema[];
	/** Every step applied, the user's then the finishing ones, with what each learned. */
	steps: FittedStep[];
	/** How many of `steps`, at the end, were added by `fitRecipe` to finish the recipe. */
	finishing?: number;
	/** Names of the model's feature columns, in matrix order. */
	features: string[];
}

/** Rows x features, row-major: row i's features are `values[i * width .. (i + 1) * width)`. */
export interface FeatureMatrix {
	rows: number;
	width: number;
	values: Float64Array;
	features: string[];
}

/** A fitted recipe and the train rows it prepared. */
export interface RecipeFit {
	recipe: FittedRecipe;
	/** The train features the model learns from (out-of-fold where a step needs it). */
	x: FeatureMatrix;
	/** The train rows `x` holds, by index into the train table, when a step dropped some. */
	rows: Int32Array | null;
	/** The context's target for the rows `x` holds (null without one). */
	target: FitTarget | null;
}

/** Returns the recipe with no steps of the user's: `fitRecipe` finishes it for the model. */
export function defaultRecipe(inputs: readonly ColumnSchema[]): Recipe {
	return { inputs: inputs.map(({ name, kind }) => ({ name, kind })), steps: [] };
}

/** True when a stored value is a recipe step of a kind this version knows. */
export function isRecipeStep(value: unknown): value is RecipeStep {
	if (typeof value !== 'object' || value === null) return false;
	const { kind } = value as { kind?: unknown };
	return typeof kind === 'string' && (isCleanStep({ kind }) || isFeatureStep({ kind }));
}

/** Returns the input columns a step reads (those it drops excepted): they must be model inputs. */
export function stepColumns(step: RecipeStep): string[] {
	const fields = step as unknown as Record<string, unknown>;
	return ['column', 'left', 'right']
		.map((key) => fields[key])
		.filter((name): name is string => typeof name === 'string');
}

/** Returns what a step does, in a short plain sentence. */
export function describeStep(step: RecipeStep): string {
	return isCleanStep(step) ? describeCleanStep(step) : describeFeatureStep(step);
}

function fitStep(step: RecipeStep, frame: Frame, ctx: FitContext) {
	return isCleanStep(step) ? fitCleanStep(step, frame, ctx) : fitFeatureStep(step, frame, ctx);
}

function applyStep(step: FittedStep, frame: Frame): Frame {
	return isCleanStep(step) ? applyCleanStep(step, frame) : applyFeatureStep(step, frame);
}

function inputFrame(inputs: readonly ColumnSchema[], table: Table): Frame {
	return inputs.map(({ name, kind }) => {
		const column = frameColumn(table.columns, name);
		if (column.kind !== kind) {
			throw new CoreError(
				'wrong-kind',
				`Column "${name}" should hold ${kind} but holds ${column.kind}.`,
				{ column: name }
			);
		}
		// True / false reach the steps as the numbers 1 / 0.
		if (column.kind === 'boolean') return booleanAsNumber(column);
		return column;
	});
}

function booleanAsNumber(column: BooleanColumn): NumberColumn {
	const values = Float64Array.from(column.values, (b) => (b === MISSING_BOOLEAN ? NaN : b));
	return { kind: 'number', name: column.name, values };
}

/** Step kinds whose new number columns are never missing, so finishing does not impute them. */
const COMPLETE_OUTPUTS: ReadonlySet<string> = new Set([
	...CLEAN_COMPLETE_OUTPUTS,
	...FEATURE_COMPLETE_OUTPUTS
]);
/** Step kinds that already scale or encode a number column, so finishing does not standardise it. */
const SCALING: ReadonlySet<string> = new Set([...CLEAN_SCALING, ...FEATURE_SCALING]);

/**
 * Returns the steps that make the frame left by the user's steps fit for a model: every number
 * column that may be missing (not `complete`: no imputation or encoding wrote it last) gets the
 * train median (booleans the most frequent value); every number column that is not a boolean,
 * an encoding's output or scaled by the user is standardised; and every label column gets its
 * most frequent label then one-hot encoding. With no steps of the user's, this is the default
 * recipe.
 */
export function finishingSteps(
	frame: Frame,
	inputs: readonly ColumnSchema[],
	userSteps: readonly RecipeStep[],
	{ complete, encoded }: { complete: ReadonlySet<string>; encoded: ReadonlySet<string> }
): RecipeStep[] {
	const touched = (kinds: (kind: string) => boolean, name: string) =>
		userSteps.some((s) => kinds(s.kind) && 'column' in s && s.column === name);
	const input = new Map(inputs.map((c) => [c.name, c.kind]));
	const steps: RecipeStep[] = [];
	for (const column of frame) {
		const name = column.name;
		if (column.kind === 'number') {
			if (!complete.has(name))
				steps.push({
					kind: 'impute',
					column: name,
					strategy: input.get(name) === 'boolean' ? 'most-frequent' : 'median'
				});
			const scaled = touched((k) => SCALING.has(k), name);
			if (!encoded.has(name) && input.get(name) !== 'boolean' && !scaled)
				steps.push({ kind: 'standardize', column: name });
		} else if (column.kind === 'category' || column.kind === 'text') {
			if (!complete.has(name))
				steps.push({ kind: 'impute', column: name, strategy: 'most-frequent' });
			steps.push({ kind: 'one-hot', column: name });
		}
	}
	return steps;
}

/**
 * Step kinds that can turn a present cell missing when they rewrite a column: a text that is no
 * quantity, no date, or a label that cleans to nothing. Other rewrites (scaling, clipping,
 * transforms, bins) keep missing cells missing and present ones present.
 */
const MAY_MISS: ReadonlySet<string> = new Set(['units', 'parse-date', 'clean-labels']);

/**
 * Records what a step wrote: a column added or replaced by a complete-output kind (imputation,
 * encodings) is complete (never missing), and an encoding when it is new; a new column of any
 * other kind is neither, and a column rewritten by a kind that may leave cells missing is no
 * longer complete.
 */
function track(
	step: RecipeStep,
	before: Frame,
	after: Frame,
	sets: { complete: Set<string>; encoded: Set<string> }
): void {
	const completes = COMPLETE_OUTPUTS.has(step.kind);
	for (const column of after) {
		const old = before.find((c) => c.name === column.name);
		if (old === column) continue;
		if (completes) {
			sets.complete.add(column.name);
			if (!old) sets.encoded.add(column.name);
		} else if (!old || MAY_MISS.has(step.kind)) {
			sets.complete.delete(column.name);
			sets.encoded.delete(column.name);
		}
	}
}

/** Returns the target rows a step kept. */
function keepTarget(target: FitTarget | null, keep: Int32Array): FitTarget | null {
	if (!target) return null;
	if (target.kind === 'classes') return { ...target, y: Int32Array.from(keep, (i) => target.y[i]) };
	return { kind: 'values', y: Float64Array.from(keep, (i) => target.y[i]) };
}

/** What `fitRecipe` tells an observer after each step: the step, and the train frame around it. */
export interface StepFitted {
	step: RecipeStep;
	fitted: FittedStep;
	/** True for a finishing step `fitRecipe` added. */
	finishing: boolean;
	before: Frame;
	after: Frame;
	/** The rows the step kept, by index into `before`, when it dropped some. */
	keep: Int32Array | null;
}

/**
 * Fits the recipe on the train table: each step learns its parameters from train rows only,
 * after the steps before it; then the finishing steps are added and fitted. Returns the fitted
 * recipe and the train features. Throws if a column is still not numeric at the end.
 * `observe` sees every step as it is fitted (the preview shows them).
 */
export function fitRecipe(
	recipe: Recipe,
	train: Table,
	ctx: FitContext = NO_FIT_CONTEXT,
	observe?: (fitted: StepFitted) => void
): RecipeFit {
	let frame = inputFrame(recipe.inputs, train);
	let rows: Int32Array | null = null;
	let context = ctx;
	const steps: FittedStep[] = [];
	const complete = new Set<string>();
	const encoded = new Set<string>();
	const fitAll = (list: readonly RecipeStep[], finishing: boolean) => {
		for (const step of list) {
			const before = frame;
			const fit = fitStep(step, frame, context);
			steps.push(fit.fitted);
			frame = fit.frame;
			if (fit.keep) {
				const keep = fit.keep;
				rows = rows ? Int32Array.from(keep, (i) => rows![i]) : keep;
				context = { ...context, target: keepTarget(context.target, keep) };
			}
			if (!fit.keep) track(step, before, frame, { complete, encoded });
			observe?.({
				step,
				fitted: fit.fitted,
				finishing,
				before,
				after: frame,
				keep: fit.keep ?? null
			});
		}
	};
	fitAll(recipe.steps, false);
	const finishing = finishingSteps(frame, recipe.inputs, recipe.steps, { complete, encoded });
	fitAll(finishing, true);
	const fitted: FittedRecipe = {
		inputs: recipe.inputs,
		steps,
		finishing: finishing.length,
		features: frame.map((c) => c.name)
	};
	const x = toMatrix(frame, rowCountOf(frame, train, rows));
	const hole = x.values.findIndex((v) => !Number.isFinite(v));
	if (hole >= 0) {
		const column = x.features[hole % x.width];
		throw new CoreError(
			'missing-after-recipe',
			`Column "${column}" still has a missing or infinite value after the recipe (train row ${Math.floor(hole / x.width) + 1}); add a step that fills it, or move its imputation after the step that makes it.`,
			{ column }
		);
	}
	return { recipe: fitted, x, rows, target: context.target };
}

function rowCountOf(frame: Frame, train: Table, rows: Int32Array | null): number {
	if (rows) return rows.length;
	return frame.length > 0 ? frameRows(frame) : train.rowCount;
}

function frameRows(frame: Frame): number {
	const c = frame[0];
	return c.kind === 'category' || c.kind === 'text' ? c.codes.length : c.values.length;
}

/** Rows copied into the matrix at a time: their part of it stays in the cache for every column. */
const MATRIX_BLOCK_ROWS = 256;

function toMatrix(frame: Frame, rowCount: number): FeatureMatrix {
	const width = frame.length;
	const columns = frame.map((column) => {
		if (column.kind !== 'number')
			throw new CoreError(
				'not-encoded',
				column.kind === 'date'
					? `Column "${column.name}" holds dates, which a model cannot use directly: add a date-parts step (year, month, weekday...) or leave it out.`
					: `Column "${column.name}" holds ${column.kind}; add an encoding step (one-hot) so the model gets numbers.`,
				{ column: column.name }
			);
		return column.values;
	});
	const values = new Float64Array(rowCount * width);
	for (let start = 0; start < rowCount; start += MATRIX_BLOCK_ROWS) {
		const end = Math.min(rowCount, start + MATRIX_BLOCK_ROWS);
		for (let j = 0; j < width; j++) {
			const column = columns[j];
			for (let i = start; i < end; i++) values[i * width + j] = column[i];
		}
	}
	return { rows: rowCount, width, values, features: frame.map((c) => c.name) };
}

/** Returns the frame of any rows (validation, test, production) under a fitted recipe. */
export function applyRecipeFrame(fitted: FittedRecipe, table: Table): Frame {
	let frame = inputFrame(fitted.inputs, table);
	for (const step of fitted.steps) frame = applyStep(step, frame);
	return frame;
}

/** Returns the feature matrix for any rows (validation, test, production) under a fitted recipe. */
export function applyRecipe(fitted: FittedRecipe, table: Table): FeatureMatrix {
	return toMatrix(applyRecipeFrame(fitted, table), table.rowCount);
}

/** Returns the recipe's identity: the SHA-256 of its canonical JSON. */
export function recipeHash(recipe: Recipe): Promise<string> {
	return hashJson(recipe);
}
