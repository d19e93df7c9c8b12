// Random forest benchmark: the default spec (100 fully grown trees, 'sqrt' features, Gini) on
// adult's reference train split, timed, and scored on its test split.
import {
	DEFAULT_FOREST_SPEC,
	fitForest,
	predictForest,
	type ForestModel
} from '../src/core/models/forest/random-forest';
import { applyRecipe } from '../src/core/prepare/recipe';
import { typeTable } from '../src/core/table/schema';
import { REFERENCE, type ReferenceData } from '../tests/core/reference';
import { median, prepare, round, testAuc, type Line } from './train';

const RUNS = 3;
const SEED = 42;

/**
 * Returns `rf_fit_s` (median of 3 fits of DEFAULT_FOREST_SPEC on the prepared train rows; the
 * recipe is fitted once, outside the timing), and `rf_auc` and `rf_trees` of one such forest on the
 * reference split's test rows (next to scikit-learn's random forest there, from REFERENCE.md).
 */
export async function forestBench(data: ReferenceData): Promise<Line[]> {
	const { fit, y, classes } = prepare(data, data.parts.train);
	const train = { task: 'binary' as const, classes, x: fit.x, y };
	const seconds: number[] = [];
	let model: ForestModel | null = null;
	for (let run = 0; run < RUNS; run++) {
		const start = performance.now();
		model = (await fitForest(DEFAULT_FOREST_SPEC, train, SEED)).model;
		seconds.push((performance.now() - start) / 1000);
	}
	if (!model) throw new Error('no forest was fitted');
	const testX = applyRecipe(fit.recipe, typeTable(data.parts.test, data.schema).table);
	const prediction = predictForest(model, testX);
	if (prediction.kind !== 'classes') throw new Error('expected probabilities');
	const scores = Array.from({ length: testX.rows }, (_, i) => prediction.proba[i * 2 + 1]);
	const context = { dataset: 'adult', rows: fit.x.rows, features: fit.x.width };
	return [
		{
			figure: 'rf_fit_s',
			value: round(median(seconds), 3),
			...context,
			trees: DEFAULT_FOREST_SPEC.trees,
			runs: RUNS
		},
		{
			figure: 'rf_auc',
			value: round(testAuc(scores, data)),
			split: 'reference test',
			sklearn: REFERENCE.adult.scores.random_forest
		},
		{ figure: 'rf_trees', value: model.trees.length }
	];
}
