import { predictsValues, type TaskKind } from '../brief/task';
import type { LinearSpec } from '../models/linear/linear';
import type { DecisionTreeSpec } from '../models/tree/decision-tree';
import type { BoostingSpec } from '../models/boosting/boosting';
import type { ForestSpec } from '../models/forest/random-forest';
import type { NeuralSpec } from '../models/neural/mlp';
import { PARAM_INFO, type FormSpec, type ParamInfo, type ParamValue } from './param-info';

/** The specs of the families worth tuning; baselines have nothing to tune. */
export type TunableSpec = LinearSpec | DecisionTreeSpec | BoostingSpec | ForestSpec | NeuralSpec;
export type TunableKind = TunableSpec['kind'];

export const TUNABLE_KINDS: readonly TunableKind[] = [
	'linear',
	'tree',
	'boosting',
	'forest',
	'neural'
];

/** True when the spec's family can be tuned. */
export function isTunable(spec: FormSpec): spec is TunableSpec {
	return (TUNABLE_KINDS as readonly string[]).includes(spec.kind);
}

/**
 * Where random search draws a hyperparameter from: whole or real numbers in [min, max], spread
 * evenly or (with `log`) evenly over their logarithms, or one of a list of values.
 */
export type Distribution =
	| { kind: 'int' | 'float'; min: number; max: number; log: boolean }
	| { kind: 'choice'; options: readonly ParamValue[] };

/** One hyperparameter of a tuning search: its form entry, the grid values and the distribution. */
export interface ParamSpace extends ParamInfo {
	/** The values grid search tries, in order, the default spec's value among them. */
	grid: readonly ParamValue[];
	random: Distribution;
	/** Tuned unless the user says otherwise; the defaults together keep the grid small. */
	byDefault: boolean;
}

function param(
	kind: TunableKind,
	key: string,
	tuning: Pick<ParamSpace, 'grid' | 'random' | 'byDefault'>
): ParamSpace {
	const info = PARAM_INFO[kind].find((p) => p.key === key);
	// A programming error, caught by the tests the moment a key is misspelt.
	if (!info) throw new Error(`${kind} has no hyperparameter "${key}"`);
	return { ...info, ...tuning };
}

const logFloat = (min: number, max: number): Distribution => ({
	kind: 'float',
	min,
	max,
	log: true
});
const logInt = (min: number, max: number): Distribution => ({ kind: 'int', min, max, log: true });
const uniform = (min: number, max: number): Distribution => ({
	kind: 'float',
	min,
	max,
	log: false
});
const oneOf = (...options: ParamValue[]): Distribution => ({ kind: 'choice', options });

/**
 * The search space of each tunable family, in the order grid search nests them (first slowest).
 * The `byDefault` parameters make a small grid (linear 4, tree 12, boosting 18, forest 18,
 * neural 9 trials); the others are there to tick. Rounds, epochs and patience are left to early
 * stopping; a forest's tree count never overfits, so it is tuned only on request.
 */
export const TUNING_SPACES: Readonly<Record<TunableKind, readonly ParamSpace[]>> = {
	linear: [
		param('linear', 'l2', {
			grid: [0.1, 1, 10, 100],
			random: logFloat(1e-3, 1e3),
			byDefault: true
		}),
		param('linear', 'l1', { grid: [0, 1, 10], random: logFloat(1e-2, 1e2), byDefault: false })
	],
	tree: [
		param('tree', 'maxDepth', { grid: [2, 4, 8, 16], random: logInt(1, 30), byDefault: true }),
		param('tree', 'minSamplesLeaf', { grid: [1, 5, 20], random: logInt(1, 100), byDefault: true }),
		param('tree', 'criterion', {
			grid: ['gini', 'entropy'],
			random: oneOf('gini', 'entropy'),
			byDefault: false
		})
	],
	boosting: [
		param('boosting', 'learningRate', {
			grid: [0.03, 0.1, 0.3],
			random: logFloat(0.01, 0.5),
			byDefault: true
		}),
		param('boosting', 'maxLeaves', { grid: [7, 15, 31], random: logInt(4, 128), byDefault: true }),
		param('boosting', 'minDataInLeaf', { grid: [5, 20], random: logInt(1, 100), byDefault: true }),
		param('boosting', 'maxDepth', {
			grid: [null, 3, 6],
			random: oneOf(null, 3, 4, 6, 8),
			byDefault: false
		}),
		param('boosting', 'l2', { grid: [0, 1, 10], random: logFloat(1e-2, 1e2), byDefault: false }),
		param('boosting', 'rowSubsample', {
			grid: [0.5, 0.8, 1],
			random: uniform(0.5, 1),
			byDefault: false
		}),
		param('boosting', 'featureSubsample', {
			grid: [0.5, 0.8, 1],
			random: uniform(0.3, 1),
			byDefault: false
		})
	],
	forest: [
		param('forest', 'maxDepth', {
			grid: [null, 6, 12],
			random: oneOf(null, 4, 6, 8, 12, 16, 24),
			byDefault: true
		}),
		param('forest', 'minSamplesLeaf', { grid: [1, 5], random: logInt(1, 50), byDefault: true }),
		param('forest', 'maxFeatures', {
			grid: ['sqrt', 0.5, 'all'],
			random: oneOf('sqrt', 0.2, 0.33, 0.5, 0.7, 'all'),
			byDefault: true
		}),
		param('forest', 'trees', { grid: [50, 100, 300], random: logInt(20, 500), byDefault: false }),
		param('forest', 'criterion', {
			grid: ['gini', 'entropy'],
			random: oneOf('gini', 'entropy'),
			byDefault: false
		})
	],
	neural: [
		param('neural', 'hidden', {
			grid: [[32], [64], [64, 64]],
			random: oneOf([16], [32], [64], [128], [32, 32], [64, 64], [128, 64]),
			byDefault: true
		}),
		param('neural', 'learningRate', {
			grid: [0.0003, 0.001, 0.003],
			random: logFloat(1e-4, 1e-2),
			byDefault: true
		}),
		param('neural', 'l2', { grid: [1e-4, 1e-2, 1], random: logFloat(1e-6, 1), byDefault: false }),
		param('neural', 'dropout', { grid: [0, 0.2, 0.5], random: uniform(0, 0.5), byDefault: false }),
		param('neural', 'activation', {
			grid: ['relu', 'tanh'],
			random: oneOf('relu', 'tanh'),
			byDefault: false
		}),
		param('neural', 'batchSize', {
			grid: [32, 200],
			random: oneOf(32, 64, 128, 200, 256),
			byDefault: false
		})
	]
};

/** Returns the parameters of a space that fit the task (a class-only criterion is left out for numbers). */
export function spaceForTask(space: readonly ParamSpace[], task: TaskKind): ParamSpace[] {
	const target = predictsValues(task) ? 'values' : 'classes';
	return space.filter((p) => p.task === undefined || p.task === target);
}
