// Permutation importance (Breiman 2001; scikit-learn's `permutation_importance`): how much the
// score drops when one input column's values are shuffled across rows, breaking its link to the
// target while keeping its distribution.
import type { EncodedTarget } from '../brief/target';
import { predictTable, scorePrediction, type Pipeline } from '../ship/pipeline';
import { findColumn, selectColumnRows, type Column, type Table } from '../table/table';
import { CoreError } from '../util/core-error';
import { shuffleInPlace, type Rng } from '../util/rng';
import { createPacer, type TaskContext } from '../util/task';
import { metricInfo, type MetricName } from './metric-catalogue';

/** Shuffles per column unless asked otherwise. */
export const DEFAULT_REPEATS = 5;

/** Options of `permutationImportance`; the task context brings progress and cancellation. */
export interface PermutationOptions extends TaskContext {
	/** The only source of the shuffles: the same seed gives the same result. */
	rng: Rng;
	/** Shuffles per column. Default 5. */
	repeats?: number;
	/** The input columns to measure; default every input of the pipeline's recipe. */
	columns?: readonly string[];
}

/** How much one column helps: the score lost when it is shuffled. */
export interface ColumnImportance {
	column: string;
	/** Mean over the repeats; positive means the column helps the model. */
	mean: number;
	/** Population standard deviation over the repeats (as scikit-learn's `importances_std`). */
	sd: number;
	/** The importance of each repeat. */
	repeats: number[];
}

/** Importance of each input column, the most important first. */
export interface PermutationImportance {
	metric: MetricName;
	/** The score on the rows as they are. */
	baseline: number;
	columns: ColumnImportance[];
}

function score(pipeline: Pipeline, table: Table, truth: EncodedTarget, metric: MetricName): number {
	return scorePrediction(pipeline.target, truth, predictTable(pipeline, table))[metric] ?? NaN;
}

/** Returns a copy of the table whose column `index` has its rows shuffled by `rng`. */
function shuffledTable(table: Table, index: number, rng: Rng): Table {
	const order = shuffleInPlace(
		Int32Array.from({ length: table.rowCount }, (_, i) => i),
		rng
	);
	const columns: Column[] = table.columns.slice();
	columns[index] = selectColumnRows(table.columns[index], order);
	return { rowCount: table.rowCount, columns };
}

function columnIndices(pipeline: Pipeline, table: Table, names: readonly string[]): number[] {
	return names.map((name) => {
		if (!pipeline.recipe.inputs.some((c) => c.name === name))
			throw new CoreError('missing-column', `"${name}" is not an input of the model.`);
		const column = findColumn(table.columns, name);
		if (!column)
			throw new CoreError('missing-column', `The rows have no column "${name}".`, { column: name });
		return table.columns.indexOf(column);
	});
}

function meanSd(values: readonly number[]): { mean: number; sd: number } {
	const mean = values.reduce((a, b) => a + b, 0) / values.length;
	const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
	return { mean, sd: Math.sqrt(variance) };
}

/**
 * Returns the permutation importance of the pipeline's input columns on the given rows: for each
 * column and repeat, the column's rows are shuffled (with `rng` only), the pipeline predicts, and
 * the importance is the baseline score minus the shuffled score, sign-flipped for a metric where
 * lower is better, so a positive importance always means the column helps. Columns come sorted by
 * mean importance, highest first. The input table is never changed.
 */
export async function permutationImportance(
	pipeline: Pipeline,
	table: Table,
	truth: EncodedTarget,
	metric: MetricName,
	options: PermutationOptions
): Promise<PermutationImportance> {
	const { rng, repeats = DEFAULT_REPEATS } = options;
	const names = options.columns ?? pipeline.recipe.inputs.map((c) => c.name);
	if (truth.y.length !== table.rowCount)
		throw new CoreError('row-mismatch', 'The rows and their true values do not match in number.');
	const indices = columnIndices(pipeline, table, names);
	const baseline = score(pipeline, table, truth, metric);
	if (Number.isNaN(baseline))
		throw new CoreError('bad-metric', `${metricInfo(metric).label} is undefined on these rows.`);
	const sign = metricInfo(metric).higherIsBetter ? 1 : -1;
	const tick = createPacer(options);
	const total = indices.length * repeats;
	const columns: ColumnImportance[] = [];
	for (const [c, index] of indices.entries()) {
		const drops: number[] = [];
		for (let r = 0; r < repeats; r++) {
			await tick('permutation importance', (c * repeats + r) / total);
			const shuffled = score(pipeline, shuffledTable(table, index, rng), truth, metric);
			drops.push(sign * (baseline - shuffled));
		}
		columns.push({ column: names[c], ...meanSd(drops), repeats: drops });
	}
	// Stable: equal means keep the order of the inputs.
	columns.sort((a, b) => b.mean - a.mean);
	return { metric, baseline, columns };
}
