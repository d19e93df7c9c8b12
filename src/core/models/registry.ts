import { assertNever } from '../util/assert-never';
import type { TaskContext } from '../util/task';
import type { FeatureMatrix } from '../prepare/recipe';
import { fitBaseline, predictBaseline } from './baseline/baseline';
import { DEFAULT_ONE_RULE_SPEC, fitOneRule, predictOneRule } from './baseline/one-rule';
import { fitLinear, predictLinear } from './linear/linear';
import { DEFAULT_FOREST_SPEC, fitForest, predictForest } from './forest/random-forest';
import { DEFAULT_NEURAL_SPEC, fitNeural, predictNeural } from './neural/mlp';
import { DEFAULT_BOOSTING_SPEC, fitBoosting, predictBoosting } from './boosting/boosting';
import { DEFAULT_TREE_SPEC, fitDecisionTree, predictDecisionTree } from './tree/decision-tree';
import type { FitEvent, FitInfo, Model, ModelSpec, Prediction, TrainData } from './model';

/** What the Choose stage shows about a family. */
export interface FamilyInfo {
	kind: ModelSpec['kind'];
	label: string;
	summary: string;
	interpretable: boolean;
	defaultSpec: ModelSpec;
}

/** The model families the app can train, in the order the Choose stage lists them. */
export const MODEL_FAMILIES: readonly FamilyInfo[] = [
	{
		kind: 'baseline',
		label: 'Baseline',
		summary: 'Predicts the class shares (or the mean) for every row. Every model must beat it.',
		interpretable: true,
		defaultSpec: { kind: 'baseline' }
	},
	{
		kind: 'rule',
		label: 'One rule',
		summary:
			'The best single-feature rule: one question about one column, answered by a lookup table. If it does nearly as well as a real model, a rule may do.',
		interpretable: true,
		defaultSpec: DEFAULT_ONE_RULE_SPEC
	},
	{
		kind: 'linear',
		label: 'Logistic / linear regression',
		summary:
			'A weighted sum of the features with an L2 penalty: fast, stable, each weight readable.',
		interpretable: true,
		defaultSpec: { kind: 'linear', l2: 1 }
	},
	{
		kind: 'tree',
		label: 'Decision tree',
		summary:
			'A chart of yes/no questions about the features, each answer leading to the next question or to a prediction: captures thresholds and interactions, and every path can be read.',
		interpretable: true,
		defaultSpec: DEFAULT_TREE_SPEC
	},
	{
		kind: 'forest',
		label: 'Random forest',
		summary:
			'Many deep trees, each grown on a resample of the rows and choosing among a random few features at each question, then averaged: robust with little tuning, and it scores itself on the rows each tree left out.',
		interpretable: false,
		defaultSpec: DEFAULT_FOREST_SPEC
	},
	{
		kind: 'boosting',
		label: 'Gradient-boosted trees',
		summary:
			'Hundreds of small trees, each correcting the errors of those before it: usually the most accurate choice on tables, at the cost of a model no one can read whole.',
		interpretable: false,
		defaultSpec: DEFAULT_BOOSTING_SPEC
	},
	{
		kind: 'neural',
		label: 'Neural network',
		summary:
			'Layers of weighted sums passed through simple bends, trained by small steps downhill (TF.js, on the GPU when there is a trustworthy one): flexible, slower to train, and hard to read.',
		interpretable: false,
		defaultSpec: DEFAULT_NEURAL_SPEC
	}
];

/**
 * Returns the fitted model of the spec's family, with what the fit reports. Every random choice
 * (bootstrap, subsampling, initialisation, shuffling) draws from `seed`.
 */
export async function fitModel(
	spec: ModelSpec,
	data: TrainData,
	seed: number,
	ctx: TaskContext<FitEvent> = {}
): Promise<{ model: Model; info: FitInfo }> {
	switch (spec.kind) {
		case 'baseline':
			return {
				model: fitBaseline(data, spec, seed),
				info: { iterations: 0, converged: true, loss: null }
			};
		case 'rule':
			return fitOneRule(spec, data, ctx);
		case 'linear':
			return fitLinear(spec, data, ctx);
		case 'tree':
			return fitDecisionTree(spec, data, seed, ctx);
		case 'forest':
			return fitForest(spec, data, seed, ctx);
		case 'boosting':
			return fitBoosting(spec, data, seed, ctx);
		case 'neural':
			return fitNeural(spec, data, seed, ctx);
		default:
			return assertNever(spec, 'model spec');
	}
}

/** Returns the model's predictions for a feature matrix. The app and the bundle both call this. */
export function predictModel(model: Model, x: FeatureMatrix): Prediction {
	switch (model.kind) {
		case 'baseline':
			return predictBaseline(model, x.rows);
		case 'rule':
			return predictOneRule(model, x);
		case 'linear':
			return predictLinear(model, x);
		case 'tree':
			return predictDecisionTree(model, x);
		case 'forest':
			return predictForest(model, x);
		case 'boosting':
			return predictBoosting(model, x);
		case 'neural':
			return predictNeural(model, x);
		default:
			return assertNever(model, 'model');
	}
}
