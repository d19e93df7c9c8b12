import type { TaskKind } from '../brief/task';
import { CoreError } from '../util/core-error';
import type { FeatureMatrix } from '../prepare/recipe';
import type { BaselineModel, BaselineSpec } from './baseline/baseline';
import type { LinearModel, LinearSpec } from './linear/linear';
import type { DecisionTreeModel, DecisionTreeSpec } from './tree/decision-tree';
import type { BoostingModel, BoostingSpec } from './boosting/boosting';
import type { OneRuleModel, OneRuleSpec } from './baseline/one-rule';
import type { NeuralModel, NeuralSpec } from './neural/mlp';
import type { ForestModel, ForestSpec } from './forest/random-forest';

/** What to fit: a model family and its hyperparameters. Add a family: a folder, a member here. */
export type ModelSpec =
	| BaselineSpec
	| OneRuleSpec
	| LinearSpec
	| DecisionTreeSpec
	| ForestSpec
	| BoostingSpec
	| NeuralSpec;
/** A fitted model: plain JSON, the same in the app and in the exported bundle. */
export type Model =
	| BaselineModel
	| OneRuleModel
	| LinearModel
	| DecisionTreeModel
	| ForestModel
	| BoostingModel
	| NeuralModel;

/**
 * What a model learns from: features, and the target as class indices or numbers. `validation`
 * (rows the recipe fitted on train transformed, never test rows) is for the families that stop
 * early; the others ignore it.
 */
export type TrainData = { x: FeatureMatrix } & (
	| {
			task: 'binary' | 'multiclass';
			classes: string[];
			y: Int32Array;
			validation?: { x: FeatureMatrix; y: Int32Array };
	  }
	| { task: 'regression'; y: Float64Array; validation?: { x: FeatureMatrix; y: Float64Array } }
);

/** What a model predicts for each row. */
export type Prediction =
	| { kind: 'classes'; classes: string[]; /** rows x classes, row-major */ proba: Float64Array }
	| { kind: 'values'; values: Float64Array };

/** What a fit reports besides the model. */
export interface FitInfo {
	iterations: number;
	converged: boolean;
	/** Final value of the training objective, when the family minimises one. */
	loss: number | null;
}

/** Events a fit emits while it runs. */
export type FitEvent =
	| { kind: 'progress'; phase: string; fraction: number }
	| {
			kind: 'loss';
			iteration: number;
			/** The training objective. */
			loss: number;
			/** The same loss on the validation rows, for the families that watch them. */
			validation?: number;
	  };

export type { TaskKind };

/** Throws `no-train-rows` when the matrix a family is asked to fit on has no rows. */
export function checkTrainRows(x: FeatureMatrix): void {
	if (x.rows === 0) throw new CoreError('no-train-rows', 'There are no training rows to fit on.');
}

/** Throws `feature-mismatch` unless the matrix has as many features as the model was fitted on. */
export function checkFeatureCount(features: readonly string[], x: FeatureMatrix): void {
	if (x.width !== features.length)
		throw new CoreError(
			'feature-mismatch',
			`The model expects ${features.length} features but got ${x.width}.`
		);
}
