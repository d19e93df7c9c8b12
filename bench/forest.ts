// Random forest benchmark: the default spec (100 fully grown trees, 'sqrt' features, Gini) on
// adult's reference train split, timed, and scored on its test split.
import { encodeClasses } from '../src/core/brief/target';
import { rocAuc } from '../src/core/evaluate/metrics';
import {
	DEFAULT_FOREST_SPEC,
	fitForest,
	predictForest,
	type ForestModel
} from '../src/core/models/forest/random-forest';
import { applyRecipe, fitRecipe } from '../src/core/prepare/recipe';
import { typeTable } from '../src/core/table/schema';
import { cellText, findColumn } from '../src/core/table/table';
import { REFERENCE, type ReferenceData } from '../tests/core/reference';

const RUNS = 3;
const SEED = 42;

type Line = Record<string, number | string>;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/** The train rows typed and encoded by the default recipe, as bench/train.ts `prepare` does. */
function prepareTrain(data: ReferenceData) {
	const { table } = typeTable(data.parts.train, data.schema);
	const fit = fitRecipe(data.recipe, table, { target: null, seed: 42 });
	const target = data.target;
	if (target.task !== 'binary') throw new Error('The benchmark expects a binary target.');
	const y = encodeClasses(findColumn(table.columns, target.name)!, target.classes);
	return { fit, y, classes: target.classes };
}

/**
 * Returns `rf_fit_s` (median of 3 fits of DEFAULT_FOREST_SPEC on the prepared train rows; the
 * recipe is fitted once, outside the timing), and `rf_auc` and `rf_trees` of one such forest on the
 * reference split's test rows (next to scikit-learn's random forest there, from REFERENCE.md).
 */
export async function forestBench(data: ReferenceData): Promise<Line[]> {
	const { fit, y, classes } = prepareTrain(data);
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
	if (data.target.task !== 'binary') throw new Error('The benchmark expects a binary target.');
	const column = findColumn(data.parts.test.columns, data.target.name)!;
	const positive = data.target.positive;
	const truth = Array.from({ length: testX.rows }, (_, row) => cellText(column, row) === positive);
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
			value: round(rocAuc(scores, truth)),
			split: 'reference test',
			sklearn: REFERENCE.adult.scores.random_forest
		},
		{ figure: 'rf_trees', value: model.trees.length }
	];
}
