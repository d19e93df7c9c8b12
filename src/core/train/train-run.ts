import { CoreError } from '../util/core-error';
import type { TaskContext } from '../util/task';
import type { MetricValues } from '../evaluate/metric-catalogue';
import type { FitEvent, FitInfo, ModelSpec, TrainData } from '../models/model';
import { fitModel, predictModel } from '../models/registry';
import { measureModel } from './measure';
import { applyRecipe, fitRecipe, type FeatureMatrix, type Recipe } from '../prepare/recipe';
import type { EncodedTarget } from '../brief/target';
import { fitTargetOf } from '../prepare/steps/step';
import {
	encodeTargetOf,
	predictTable,
	scorePrediction,
	type Pipeline,
	type TargetSpec
} from '../ship/pipeline';
import {
	columnLength,
	findColumn,
	isMissingAt,
	type Column,
	type RawTable,
	type Table
} from '../table/table';
import { typeTable, type DatasetSchema } from '../table/schema';

/** Everything one training run needs; test rows are deliberately not part of it. */
export interface TrainRequest {
	train: RawTable;
	val: RawTable;
	/** Kinds of the recipe's inputs and of the target column. */
	schema: DatasetSchema;
	target: TargetSpec;
	recipe: Recipe;
	spec: ModelSpec;
	seed: number;
}

/** What a run produced: the fitted pipeline and its scores on train and validation rows. */
export interface TrainResult {
	pipeline: Pipeline;
	trainMetrics: MetricValues;
	valMetrics: MetricValues;
	info: FitInfo;
	fitMs: number | null;
	/** UTF-8 bytes of the pipeline's JSON. */
	modelBytes: number;
	/** Mean microseconds to predict one validation row on its own; null without a clock. */
	latencyUs: number | null;
}

function typed(raw: RawTable, schema: DatasetSchema, part: string): Table {
	const { table, invalid } = typeTable(raw, schema);
	if (invalid.length > 0) {
		const first = invalid[0];
		throw new CoreError(
			'invalid-cell',
			`${part} row ${first.row + 1}, column "${first.column}": ${first.problem}.`,
			{
				column: first.column
			}
		);
	}
	return table;
}

function firstMissing(column: Column): number {
	const n = columnLength(column);
	for (let i = 0; i < n; i++) if (isMissingAt(column, i)) return i;
	return -1;
}

function trainData(
	target: TargetSpec,
	x: FeatureMatrix,
	y: EncodedTarget,
	valX: FeatureMatrix,
	valY: EncodedTarget
): TrainData {
	// A ranking model learns each row's relevance as a regression (pointwise ranking).
	if (y.kind === 'values' && valY.kind === 'values')
		return { task: 'regression', x, y: y.y, validation: { x: valX, y: valY.y } };
	if (
		y.kind === 'classes' &&
		valY.kind === 'classes' &&
		target.task !== 'regression' &&
		target.task !== 'ranking'
	)
		return {
			task: target.task,
			classes: y.classes,
			x,
			y: y.y,
			validation: { x: valX, y: valY.y }
		};
	throw new CoreError('bad-target', `The target "${target.name}" is encoded two different ways.`);
}

/**
 * Fits the recipe and the model on the train rows, then scores the pipeline on train and
 * validation rows. The seed is recorded; the linear families do not draw random numbers.
 */
export async function trainRun(
	request: TrainRequest,
	ctx: TaskContext<FitEvent> = {}
): Promise<TrainResult> {
	const { schema, target } = request;
	const train = typed(request.train, schema, 'Train');
	const val = typed(request.val, schema, 'Validation');
	const targetColumn = findColumn(train.columns, target.name);
	const valTargetColumn = findColumn(val.columns, target.name);
	if (!targetColumn || !valTargetColumn)
		throw new CoreError('missing-column', `The schema has no target column "${target.name}".`);
	for (const [part, column] of [
		['Train', targetColumn],
		['Validation', valTargetColumn]
	] as const) {
		const missing = firstMissing(column);
		if (missing >= 0)
			throw new CoreError(
				'missing-target',
				`${part} row ${missing + 1} has no value for the target "${target.name}".`
			);
	}
	const started = ctx.now?.();
	const classes = 'classes' in target ? target.classes : null;
	// The model learns the target of the rows the recipe kept (a step may drop repeated rows).
	const fit = fitRecipe(request.recipe, train, {
		target: fitTargetOf(targetColumn, classes),
		seed: request.seed
	});
	const { recipe, x } = fit;
	const y = fit.target!;
	// Validation rows go through the recipe fitted on train once: for the families that stop
	// early, and for the validation scores.
	const valX = applyRecipe(recipe, val);
	const valY = encodeTargetOf(target, val);
	const data = trainData(target, x, y, valX, valY);
	const { model, info } = await fitModel(request.spec, data, request.seed, ctx);
	const fitMs = started === undefined || !ctx.now ? null : ctx.now() - started;
	const inputs = request.recipe.inputs.map((c) => c.name);
	const pipeline: Pipeline = {
		schema: {
			columns: schema.columns.filter((c) => inputs.includes(c.name)),
			missingTokens: schema.missingTokens
		},
		recipe,
		model,
		target
	};
	return {
		pipeline,
		trainMetrics: scorePrediction(
			target,
			encodeTargetOf(target, train),
			predictTable(pipeline, train)
		),
		valMetrics: scorePrediction(target, valY, predictModel(model, valX)),
		info,
		fitMs,
		...measureModel(pipeline, val, ctx.now)
	};
}
