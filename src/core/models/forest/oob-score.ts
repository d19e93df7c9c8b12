import { regressionMetrics, rocAuc } from '../../evaluate/metrics';
import type { MetricName } from '../../evaluate/metric-catalogue';
import type { FeatureMatrix } from '../../prepare/recipe';
import type { TrainData } from '../model';
import { leafOf, type Tree } from '../tree/tree';

/**
 * A forest's out-of-bag score: each train row predicted by the trees whose bootstrap left it
 * out. ROC-AUC for two classes, accuracy for more, R² for numbers; `rows` is how many train rows
 * had at least one such tree.
 */
export interface OobScore {
	metric: Extract<MetricName, 'roc_auc' | 'accuracy' | 'r2'>;
	value: number;
	rows: number;
}

/** Running sums of the out-of-bag predictions of each train row. */
export interface OobTally {
	/** Rows x stride: class probabilities summed, or values (stride 1). */
	sums: Float64Array;
	/** How many trees left each row out. */
	trees: Int32Array;
	stride: number;
}

/** Returns an empty tally for `rows` train rows and `stride` numbers per prediction. */
export function createOobTally(rows: number, stride: number): OobTally {
	return { sums: new Float64Array(rows * stride), trees: new Int32Array(rows), stride };
}

/** Adds one tree's predictions of the train rows its bootstrap did not draw (`drawn[i]` 0). */
export function addOobTree(
	tally: OobTally,
	tree: Tree<number[] | number>,
	x: FeatureMatrix,
	drawn: Int32Array
): void {
	const { sums, stride } = tally;
	for (let i = 0; i < x.rows; i++) {
		if (drawn[i] > 0) continue;
		tally.trees[i]++;
		const value = tree.value[leafOf(tree, x.values, i * x.width)];
		if (typeof value === 'number') sums[i] += value;
		else for (let c = 0; c < stride; c++) sums[i * stride + c] += value[c];
	}
}

/** Returns the out-of-bag score, or null when no row was left out or the metric is undefined. */
export function scoreOob(tally: OobTally, data: TrainData): OobScore | null {
	const rows: number[] = [];
	for (let i = 0; i < tally.trees.length; i++) if (tally.trees[i] > 0) rows.push(i);
	if (rows.length === 0) return null;
	const { sums, stride, trees } = tally;
	let score: Omit<OobScore, 'rows'>;
	if (data.task === 'regression') {
		const truth = Float64Array.from(rows, (i) => data.y[i]);
		const predicted = Float64Array.from(rows, (i) => sums[i] / trees[i]);
		score = { metric: 'r2', value: regressionMetrics(truth, predicted).r2! };
	} else if (data.task === 'binary') {
		// Dividing by the tree count matters: rows are left out by different numbers of trees.
		const scores = rows.map((i) => sums[i * stride + 1] / trees[i]);
		score = {
			metric: 'roc_auc',
			value: rocAuc(
				scores,
				rows.map((i) => data.y[i] === 1)
			)
		};
	} else {
		let correct = 0;
		for (const i of rows) {
			let best = 0;
			for (let c = 1; c < stride; c++) if (sums[i * stride + c] > sums[i * stride + best]) best = c;
			if (best === data.y[i]) correct++;
		}
		score = { metric: 'accuracy', value: correct / rows.length };
	}
	return Number.isFinite(score.value) ? { ...score, rows: rows.length } : null;
}
