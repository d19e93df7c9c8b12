import { isClassification, type TaskKind } from '../../brief/task';
import type { BoostingSpec } from '../../models/boosting/boosting';
import { call, from, SHIPSHAPE, type EstimatorCode } from './estimator-call';

/**
 * XGBoost's min_child_weight for the app's fewest rows per leaf: a leaf's Hessian sum, which is
 * its row count for squared error and at most a quarter of it for log-loss (half for softmax,
 * whose Hessian XGBoost doubles), so that every leaf still holds at least that many rows.
 */
function minChildWeight(spec: BoostingSpec, task: TaskKind): number {
	if (!isClassification(task)) return spec.minDataInLeaf;
	return spec.minDataInLeaf * (task === 'binary' ? 0.25 : 0.5);
}

/**
 * Returns the parameters of XGBoost's scikit-learn estimators (`xgboost.dask.DaskXGBClassifier`
 * or `DaskXGBRegressor`, and the plain ones) for the app's boosted trees: histograms of
 * `max_bin` bins, trees grown leaf-wise ("lossguide") to `max_leaves`, the app's learning rate,
 * rounds, L2 penalty on the leaves and subsampling, and early stopping on the validation rows
 * (given as `eval_set`). XGBoost has no fewest rows per leaf: `min_child_weight` bounds a leaf's
 * Hessian sum instead (see `minChildWeight`).
 */
export function xgboostParams(
	spec: BoostingSpec,
	task: TaskKind,
	seed: number
): Record<string, unknown> {
	const classify = isClassification(task);
	const metric = !classify ? 'rmse' : task === 'binary' ? 'logloss' : 'mlogloss';
	const objective = !classify
		? 'reg:squarederror'
		: task === 'binary'
			? 'binary:logistic'
			: 'multi:softprob';
	return {
		objective,
		tree_method: 'hist',
		grow_policy: 'lossguide',
		max_leaves: spec.maxLeaves,
		max_depth: spec.maxDepth ?? 0,
		max_bin: spec.maxBins,
		learning_rate: spec.learningRate,
		n_estimators: spec.iterations,
		reg_lambda: spec.l2,
		reg_alpha: 0,
		gamma: 0,
		min_child_weight: minChildWeight(spec, task),
		subsample: spec.rowSubsample,
		colsample_bytree: spec.featureSubsample,
		random_state: seed,
		eval_metric: metric,
		early_stopping_rounds: spec.earlyStopping > 0 ? spec.earlyStopping : null
	};
}

export function boostingCode(spec: BoostingSpec, task: TaskKind, seed: number): EstimatorCode {
	const classify = isClassification(task);
	if (spec.rowSubsample < 1 || spec.featureSubsample < 1) {
		const name = classify ? 'XGBClassifier' : 'XGBRegressor';
		return {
			code: call(name, xgboostParams(spec, task, seed)),
			imports: [from('xgboost', name)],
			notes: xgboostNotes(classify)
		};
	}
	const name = classify ? 'HistGradientBoostingClassifier' : 'HistGradientBoostingRegressor';
	const hgb = call(name, {
		loss: classify ? 'log_loss' : 'squared_error',
		learning_rate: spec.learningRate,
		max_iter: spec.iterations,
		max_leaf_nodes: spec.maxLeaves,
		max_depth: spec.maxDepth,
		min_samples_leaf: spec.minDataInLeaf,
		l2_regularization: spec.l2,
		max_bins: spec.maxBins,
		early_stopping: false,
		random_state: seed
	});
	const imports = [from('sklearn.ensemble', name)];
	const notes = [
		'The same algorithm as the app’s (quantile bins, leaf-wise growth, second-order leaves); scikit-learn sums the gradients in float32, and where a bin edge’s percentile falls exactly on a train value numpy’s rounding may take the midpoint beside it: the trees can part late in training.'
	];
	if (spec.earlyStopping === 0) return { code: hgb, imports, notes };
	notes.push(
		'scikit-learn 1.2 stops early on train rows it holds out itself: EarlyStoppingBoosting watches the validation rows instead, as the app does, and refits with the rounds the app keeps.'
	);
	return {
		code: call('EarlyStoppingBoosting', {
			estimator: { python: hgb },
			patience: spec.earlyStopping
		}),
		imports: [...imports, from(SHIPSHAPE, 'EarlyStoppingBoosting')],
		notes
	};
}

function xgboostNotes(classify: boolean): string[] {
	const notes = [
		'scikit-learn 1.2’s HistGradientBoosting cannot subsample rows or features: XGBoost (hist, lossguide) does, drawing them from its own generator.',
		'XGBoost starts from a score of 0 rather than the train log-odds or mean, and its quantile sketch places the bin edges a little differently.'
	];
	notes.push(
		classify
			? 'XGBoost has no fewest rows per leaf: min_child_weight bounds the leaf’s Hessian sum, at most a quarter of its rows under log-loss, so it is set to a quarter of the app’s fewest rows (half for several classes, whose Hessian XGBoost doubles, which also halves its steps): every leaf keeps at least that many rows, more where the model is already sure.'
			: 'min_child_weight is the fewest rows per leaf: with squared error a row’s Hessian is 1.'
	);
	return notes;
}
