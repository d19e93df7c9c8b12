import { assertNever } from '../util/assert-never';
import { CoreError } from '../util/core-error';
import { hashJson } from '../util/hash';
import type { ColumnSchema } from '../table/schema';
import { MISSING_BOOLEAN, type BooleanColumn, type NumberColumn, type Table } from '../table/table';
import { frameColumn, type Frame } from './frame';
import { applyImpute, fitImpute, type FittedImpute, type ImputeStep } from './steps/impute';
import { applyOneHot, fitOneHot, type FittedOneHot, type OneHotStep } from './steps/one-hot';
import {
	applyStandardize,
	fitStandardize,
	type FittedStandardize,
	type StandardizeStep
} from './steps/standardize';

/** One preparation step, before fitting. Add a step: a file in steps/, a member here, a case below. */
export type RecipeStep = ImputeStep | OneHotStep | StandardizeStep;
/** One step with the parameters it learned on train. */
export type FittedStep = FittedImpute | FittedOneHot | FittedStandardize;

/** The ordered steps that turn the chosen input columns into model features. Plain JSON. */
export interface Recipe {
	inputs: ColumnSchema[];
	steps: RecipeStep[];
}

/** A recipe fitted on train: the only kind of recipe that can be applied to other rows. */
export interface FittedRecipe {
	inputs: ColumnSchema[];
	steps: FittedStep[];
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

/**
 * Returns the default recipe for the chosen inputs: numbers get median imputation then
 * standardisation; booleans (as 1 / 0) most-frequent imputation; categories and text
 * most-frequent imputation then one-hot encoding. Dates need date parts first: they get none.
 */
export function defaultRecipe(inputs: readonly ColumnSchema[]): Recipe {
	const steps: RecipeStep[] = [];
	for (const { name, kind } of inputs) {
		if (kind === 'number') {
			steps.push(
				{ kind: 'impute', column: name, strategy: 'median' },
				{ kind: 'standardize', column: name }
			);
		} else if (kind === 'boolean') {
			steps.push({ kind: 'impute', column: name, strategy: 'most-frequent' });
		} else if (kind !== 'date') {
			steps.push(
				{ kind: 'impute', column: name, strategy: 'most-frequent' },
				{ kind: 'one-hot', column: name }
			);
		}
	}
	return { inputs: inputs.map(({ name, kind }) => ({ name, kind })), steps };
}

function fitStep(step: RecipeStep, frame: Frame): FittedStep {
	switch (step.kind) {
		case 'impute':
			return fitImpute(step, frame);
		case 'one-hot':
			return fitOneHot(step, frame);
		case 'standardize':
			return fitStandardize(step, frame);
		default:
			return assertNever(step, 'recipe step');
	}
}

function applyStep(step: FittedStep, frame: Frame): Frame {
	switch (step.kind) {
		case 'impute':
			return applyImpute(step, frame);
		case 'one-hot':
			return applyOneHot(step, frame);
		case 'standardize':
			return applyStandardize(step, frame);
		default:
			return assertNever(step, 'recipe step');
	}
}

function inputFrame(inputs: readonly ColumnSchema[], table: Table): Frame {
	return inputs.map(({ name, kind }) => {
		const column = frameColumn(table.columns, name);
		if (kind === 'date') {
			throw new CoreError(
				'wrong-kind',
				`Column "${name}" holds dates, which a model cannot use directly. Leave it out of the inputs (date parts such as year and month come with the cleaning steps).`,
				{ column: name }
			);
		}
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

/**
 * Returns the recipe fitted on the train table: each step learns its parameters from train rows
 * only, after the steps before it. Throws if a column is still not numeric at the end.
 */
export function fitRecipe(recipe: Recipe, train: Table): FittedRecipe {
	let frame = inputFrame(recipe.inputs, train);
	const steps: FittedStep[] = [];
	for (const step of recipe.steps) {
		const fitted = fitStep(step, frame);
		steps.push(fitted);
		frame = applyStep(fitted, frame);
	}
	const unencoded = frame.find((c) => c.kind !== 'number');
	if (unencoded) {
		throw new CoreError(
			'not-encoded',
			`Column "${unencoded.name}" holds ${unencoded.kind}; add an encoding step (one-hot) so the model gets numbers.`,
			{
				column: unencoded.name
			}
		);
	}
	return { inputs: recipe.inputs, steps, features: frame.map((c) => c.name) };
}

/** Returns the feature matrix for any rows (validation, test, production) under a fitted recipe. */
export function applyRecipe(fitted: FittedRecipe, table: Table): FeatureMatrix {
	let frame = inputFrame(fitted.inputs, table);
	for (const step of fitted.steps) frame = applyStep(step, frame);
	const width = frame.length;
	const values = new Float64Array(table.rowCount * width);
	frame.forEach((column, j) => {
		if (column.kind !== 'number')
			throw new CoreError(
				'not-encoded',
				`Column "${column.name}" is not numeric after the recipe.`
			);
		for (let i = 0; i < table.rowCount; i++) values[i * width + j] = column.values[i];
	});
	return { rows: table.rowCount, width, values, features: frame.map((c) => c.name) };
}

/** Returns the recipe's identity: the SHA-256 of its canonical JSON. */
export function recipeHash(recipe: Recipe): Promise<string> {
	return hashJson(recipe);
}
