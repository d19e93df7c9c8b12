import { isClassification, type TaskKind } from '../../brief/task';
import type { BaselineSpec } from '../../models/baseline/baseline';
import type { OneRuleSpec } from '../../models/baseline/one-rule';
import type { ForestSpec } from '../../models/forest/random-forest';
import type { LinearSpec } from '../../models/linear/linear';
import type { ModelSpec } from '../../models/model';
import type { NeuralSpec } from '../../models/neural/mlp';
import type { DecisionTreeSpec } from '../../models/tree/decision-tree';
import { assertNever } from '../../util/assert-never';
import { CoreError } from '../../util/core-error';
import { boostingCode } from './boosting-code';
import { call, from, SHIPSHAPE, type EstimatorCode } from './estimator-call';

const POINTWISE =
	'Ranking is learned pointwise, as in the app: a regressor of each row’s relevance, whose scores order the rows of a query.';

/**
 * Returns the estimator of a model spec for a task, with the seed as `random_state` wherever
 * the family draws. Throws `bad-spec` for a baseline strategy that does not fit the task.
 */
export function estimatorPython(spec: ModelSpec, task: TaskKind, seed: number): EstimatorCode {
	const written = familyCode(spec, task, seed);
	if (task === 'ranking') written.notes.push(POINTWISE);
	return written;
}

function familyCode(spec: ModelSpec, task: TaskKind, seed: number): EstimatorCode {
	const classify = isClassification(task);
	switch (spec.kind) {
		case 'baseline':
			return baselineCode(spec, classify, seed);
		case 'rule':
			return ruleCode(spec, classify);
		case 'linear':
			return classify ? logisticCode(spec, seed) : linearRegressionCode(spec);
		case 'tree':
			return treeCode(spec, classify, seed);
		case 'forest':
			return forestCode(spec, classify, seed);
		case 'boosting':
			return boostingCode(spec, task, seed);
		case 'neural':
			return neuralCode(spec, classify, seed);
		default:
			return assertNever(spec, 'model spec');
	}
}

function baselineCode(spec: BaselineSpec, classify: boolean, seed: number): EstimatorCode {
	const strategy = spec.strategy ?? (classify ? 'prior' : 'mean');
	const fits = classify
		? ['prior', 'most_frequent', 'stratified'].includes(strategy)
		: ['mean', 'median'].includes(strategy);
	if (!fits)
		throw new CoreError('bad-spec', `The baseline strategy "${strategy}" does not fit this task.`);
	if (strategy === 'stratified')
		return {
			code: call('StratifiedBaseline', { seed: seed >>> 0 }),
			imports: [from(SHIPSHAPE, 'StratifiedBaseline')],
			notes: [
				'The stratified baseline draws each row’s class as the app does (DummyClassifier’s draws come from numpy and differ row by row).'
			]
		};
	const name = classify ? 'DummyClassifier' : 'DummyRegressor';
	return { code: call(name, { strategy }), imports: [from('sklearn.dummy', name)], notes: [] };
}

function ruleCode(spec: OneRuleSpec, classify: boolean): EstimatorCode {
	const name = classify ? 'OneRuleClassifier' : 'OneRuleRegressor';
	return {
		code: call(name, { max_bins: spec.maxBins }),
		imports: [from(SHIPSHAPE, name)],
		notes: ['No library has the one-rule model: shipshape.models writes out the app’s.']
	};
}

function logisticCode(spec: LinearSpec, seed: number): EstimatorCode {
	const l1 = spec.l1 ?? 0;
	const imports = [from('sklearn.linear_model', 'LogisticRegression')];
	if (l1 === 0) {
		// Newton-CG, as the app solves by Newton: lbfgs stops on a relative fall of the loss and
		// leaves the weights about 1e-4 from the optimum.
		const penalty = spec.l2 > 0 ? { C: 1 / spec.l2 } : { penalty: null };
		const args = { ...penalty, solver: 'newton-cg', tol: 1e-8, max_iter: 1000 };
		return { code: call('LogisticRegression', args), imports, notes: [] };
	}
	const args =
		spec.l2 > 0
			? { penalty: 'elasticnet', C: 1 / (l1 + spec.l2), l1_ratio: l1 / (l1 + spec.l2) }
			: { penalty: 'l1', C: 1 / l1 };
	return {
		code: call('LogisticRegression', {
			...args,
			solver: 'saga',
			tol: 1e-10,
			max_iter: 100000,
			random_state: seed
		}),
		imports,
		notes: [
			'With an L1 penalty scikit-learn solves by saga (its one solver for L1 with an unpenalised intercept and several classes), a stochastic method, to a tight tolerance; the app solves by proximal Newton. Where features are dependent (the columns of one one-hot encoding with the intercept) pure L1 has many optimal weights: the two may pick different ones with the same predictions.'
		]
	};
}

function linearRegressionCode(spec: LinearSpec): EstimatorCode {
	const l1 = spec.l1 ?? 0;
	if (l1 > 0)
		return {
			code: call('ScaledElasticNet', { l1, l2: spec.l2 }),
			imports: [from(SHIPSHAPE, 'ScaledElasticNet')],
			notes: [
				'scikit-learn’s ElasticNet divides the squared errors by the row count: ScaledElasticNet sets alpha = (l1 + l2) / n and l1_ratio = l1 / (l1 + l2) from the train rows, the app’s penalties.'
			]
		};
	if (spec.l2 === 0)
		return {
			code: 'LinearRegression()',
			imports: [from('sklearn.linear_model', 'LinearRegression')],
			notes: []
		};
	return {
		code: call('Ridge', { alpha: spec.l2 }),
		imports: [from('sklearn.linear_model', 'Ridge')],
		notes: []
	};
}

/** A depth of 0 (a single leaf) is no tree to scikit-learn: the leaf is the prior or the mean. */
function rootOnly(classify: boolean): EstimatorCode {
	const name = classify ? 'DummyClassifier' : 'DummyRegressor';
	return {
		code: call(name, { strategy: classify ? 'prior' : 'mean' }),
		imports: [from('sklearn.dummy', name)],
		notes: ['A depth of 0 is a single leaf: the train class shares or mean, a dummy estimator.']
	};
}

const TIES =
	'Ties between equally good splits are broken by scikit-learn’s own seeded feature order, not the app’s: trees may part where two splits tie.';

function treeCode(spec: DecisionTreeSpec, classify: boolean, seed: number): EstimatorCode {
	if (spec.maxDepth === 0) return rootOnly(classify);
	const name = classify ? 'DecisionTreeClassifier' : 'DecisionTreeRegressor';
	// 'squared_error' on classes is the Gini impurity; numbers always split on squared error.
	const criterion = !classify ? 'squared_error' : spec.criterion === 'entropy' ? 'entropy' : 'gini';
	return {
		code: call(name, {
			criterion,
			max_depth: spec.maxDepth,
			min_samples_leaf: spec.minSamplesLeaf,
			random_state: seed
		}),
		imports: [from('sklearn.tree', name)],
		notes: [TIES]
	};
}

function forestCode(spec: ForestSpec, classify: boolean, seed: number): EstimatorCode {
	if (spec.maxDepth === 0) return rootOnly(classify);
	const name = classify ? 'RandomForestClassifier' : 'RandomForestRegressor';
	const maxFeatures =
		spec.maxFeatures === 'all' ? null : spec.maxFeatures === 'sqrt' ? 'sqrt' : spec.maxFeatures;
	const notes = [
		'The bootstrap rows and the features drawn at each split come from numpy’s generator, not the app’s: the trees differ, the forest’s scores agree within sampling noise.',
		'The app cuts each feature into at most 255 quantile bins before growing; scikit-learn splits between any two train values.'
	];
	if (spec.minSamplesLeaf > 1)
		notes.push(
			'min_samples_leaf counts the distinct rows of a bootstrap sample in scikit-learn, the draws (repeats too) in the app.'
		);
	return {
		code: call(name, {
			n_estimators: spec.trees,
			criterion: classify ? spec.criterion : 'squared_error',
			max_depth: spec.maxDepth,
			min_samples_leaf: spec.minSamplesLeaf,
			max_features: maxFeatures,
			bootstrap: true,
			random_state: seed,
			n_jobs: -1
		}),
		imports: [from('sklearn.ensemble', name)],
		notes
	};
}

function neuralCode(spec: NeuralSpec, classify: boolean, seed: number): EstimatorCode {
	const name = classify ? 'MLPClassifier' : 'MLPRegressor';
	const net = call(name, {
		hidden_layer_sizes: { python: `(${spec.hidden.map((h) => `${h},`).join(' ')})` },
		activation: spec.activation,
		solver: 'adam',
		alpha: spec.l2,
		batch_size: spec.batchSize,
		learning_rate_init: spec.learningRate,
		max_iter: spec.epochs,
		beta_1: 0.9,
		beta_2: 0.999,
		epsilon: 1e-7,
		shuffle: true,
		random_state: seed
	});
	const notes = [
		'The same network, loss, penalty and Adam steps, but the initial weights and the batches’ order come from numpy, and scikit-learn computes in float64 where TF.js used float32: expect close, not equal, scores.',
		'EarlyStoppingMLP trains epoch by epoch and keeps the epoch with the best validation loss, as the app does (scikit-learn’s own early stopping holds out train rows and watches accuracy).'
	];
	if (spec.dropout > 0)
		notes.push(
			`scikit-learn’s MLP has no dropout: the app dropped ${spec.dropout} of the hidden units in each step; this network drops none.`
		);
	return {
		code: call('EarlyStoppingMLP', {
			estimator: { python: net },
			patience: spec.patience,
			standardize_target: !classify
		}),
		imports: [from('sklearn.neural_network', name), from(SHIPSHAPE, 'EarlyStoppingMLP')],
		notes
	};
}
