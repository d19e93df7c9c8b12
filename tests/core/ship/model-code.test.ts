import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOSTING_SPEC } from '../../../src/core/models/boosting/boosting';
import { DEFAULT_FOREST_SPEC } from '../../../src/core/models/forest/random-forest';
import { DEFAULT_NEURAL_SPEC } from '../../../src/core/models/neural/mlp';
import { DEFAULT_TREE_SPEC } from '../../../src/core/models/tree/decision-tree';
import { xgboostParams } from '../../../src/core/ship/python/boosting-code';
import { estimatorPython } from '../../../src/core/ship/python/model-code';
import { expectCoreError } from '../helpers';

const code = (...args: Parameters<typeof estimatorPython>) => estimatorPython(...args).code;

describe('estimatorPython', () => {
	it("scales the linear penalties to scikit-learn's objectives", () => {
		expect(code({ kind: 'linear', l2: 2 }, 'binary', 1)).toBe(
			'LogisticRegression(C=0.5, solver="newton-cg", tol=1e-8, max_iter=1000)'
		);
		expect(code({ kind: 'linear', l2: 0 }, 'multiclass', 1)).toContain('penalty=None');
		expect(code({ kind: 'linear', l2: 3, l1: 1 }, 'binary', 7)).toBe(
			'LogisticRegression(penalty="elasticnet", C=0.25, l1_ratio=0.25, solver="saga", tol=1e-10, max_iter=100000, random_state=7)'
		);
		expect(code({ kind: 'linear', l2: 0, l1: 4 }, 'binary', 7)).toContain('penalty="l1", C=0.25');
		expect(code({ kind: 'linear', l2: 5 }, 'regression', 1)).toBe('Ridge(alpha=5)');
		expect(code({ kind: 'linear', l2: 0 }, 'ranking', 1)).toBe('LinearRegression()');
		expect(code({ kind: 'linear', l2: 5, l1: 2 }, 'regression', 1)).toBe(
			'ScaledElasticNet(l1=2, l2=5)'
		);
	});

	it('maps the baselines, refusing a strategy of the other task', async () => {
		expect(code({ kind: 'baseline' }, 'binary', 3)).toBe('DummyClassifier(strategy="prior")');
		expect(code({ kind: 'baseline', strategy: 'median' }, 'ranking', 3)).toBe(
			'DummyRegressor(strategy="median")'
		);
		expect(code({ kind: 'baseline', strategy: 'stratified' }, 'multiclass', -1)).toBe(
			'StratifiedBaseline(seed=4294967295)'
		);
		await expectCoreError(
			() => estimatorPython({ kind: 'baseline', strategy: 'mean' }, 'binary', 1),
			'bad-spec'
		);
	});

	it('gives trees and forests their criterion, depth, leaves, features and seed', () => {
		expect(code({ ...DEFAULT_TREE_SPEC, criterion: 'squared_error' }, 'binary', 9)).toBe(
			'DecisionTreeClassifier(criterion="gini", max_depth=8, min_samples_leaf=5, random_state=9)'
		);
		expect(code(DEFAULT_TREE_SPEC, 'regression', 9)).toContain('criterion="squared_error"');
		expect(code({ ...DEFAULT_TREE_SPEC, maxDepth: 0 }, 'binary', 9)).toBe(
			'DummyClassifier(strategy="prior")'
		);
		expect(code(DEFAULT_FOREST_SPEC, 'regression', 9)).toBe(
			'RandomForestRegressor(n_estimators=100, criterion="squared_error", max_depth=None, min_samples_leaf=1, max_features="sqrt", bootstrap=True, random_state=9, n_jobs=-1)'
		);
		expect(code({ ...DEFAULT_FOREST_SPEC, maxFeatures: 'all' }, 'binary', 9)).toContain(
			'max_features=None'
		);
		expect(code({ ...DEFAULT_FOREST_SPEC, maxFeatures: 0.5 }, 'binary', 9)).toContain(
			'max_features=0.5'
		);
	});

	it('boosts with HistGradientBoosting, early stopped on the validation rows, or XGBoost to subsample', () => {
		expect(code(DEFAULT_BOOSTING_SPEC, 'binary', 5)).toBe(
			'EarlyStoppingBoosting(estimator=HistGradientBoostingClassifier(loss="log_loss", learning_rate=0.1, max_iter=100, max_leaf_nodes=31, max_depth=None, min_samples_leaf=20, l2_regularization=0, max_bins=255, early_stopping=False, random_state=5), patience=10)'
		);
		expect(code({ ...DEFAULT_BOOSTING_SPEC, earlyStopping: 0 }, 'regression', 5)).toMatch(
			/^HistGradientBoostingRegressor\(loss="squared_error",/
		);
		const xgb = estimatorPython({ ...DEFAULT_BOOSTING_SPEC, rowSubsample: 0.8 }, 'binary', 5);
		expect(xgb.code).toMatch(/^XGBClassifier\(.*subsample=0\.8, colsample_bytree=1/);
		expect(xgb.imports).toEqual([{ module: 'xgboost', names: ['XGBClassifier'] }]);
	});

	it('trains the network epoch by epoch, noting the dropout it cannot apply', () => {
		const net = estimatorPython(
			{ ...DEFAULT_NEURAL_SPEC, hidden: [32, 16], dropout: 0.2 },
			'regression',
			2
		);
		expect(net.code).toMatch(
			/^EarlyStoppingMLP\(estimator=MLPRegressor\(hidden_layer_sizes=\(32, 16,\)/
		);
		expect(net.code).toMatch(
			/epsilon=1e-7, .*random_state=2\), patience=10, standardize_target=True\)$/
		);
		expect(net.notes.some((n) => n.includes('no dropout'))).toBe(true);
		expect(estimatorPython(DEFAULT_NEURAL_SPEC, 'binary', 2).notes.join()).not.toContain('dropout');
	});

	it('says that ranking is learned pointwise', () => {
		const ranking = estimatorPython({ kind: 'rule', maxBins: 6 }, 'ranking', 1);
		expect(ranking.code).toBe('OneRuleRegressor(max_bins=6)');
		expect(ranking.notes.some((n) => n.includes('pointwise'))).toBe(true);
	});
});

describe('xgboostParams', () => {
	it("maps the app's boosting to XGBoost's, min_child_weight from the fewest rows per leaf", () => {
		const binary = xgboostParams(DEFAULT_BOOSTING_SPEC, 'binary', 3);
		expect(binary).toMatchObject({
			objective: 'binary:logistic',
			tree_method: 'hist',
			grow_policy: 'lossguide',
			max_leaves: 31,
			max_depth: 0,
			max_bin: 255,
			learning_rate: 0.1,
			n_estimators: 100,
			reg_lambda: 0,
			min_child_weight: 5,
			subsample: 1,
			colsample_bytree: 1,
			random_state: 3,
			eval_metric: 'logloss',
			early_stopping_rounds: 10
		});
		expect(xgboostParams(DEFAULT_BOOSTING_SPEC, 'multiclass', 3)).toMatchObject({
			objective: 'multi:softprob',
			min_child_weight: 10,
			eval_metric: 'mlogloss'
		});
		const spec = { ...DEFAULT_BOOSTING_SPEC, maxDepth: 6, earlyStopping: 0 };
		expect(xgboostParams(spec, 'ranking', 3)).toMatchObject({
			objective: 'reg:squarederror',
			max_depth: 6,
			min_child_weight: 20,
			early_stopping_rounds: null
		});
	});
});
