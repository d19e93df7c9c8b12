// Error analysis: the rows the model gets most wrong, and how its error varies across each input
// column's levels and bins (the same groups as slices).
import type { EncodedTarget } from '../brief/target';
import type { Prediction } from '../models/model';
import { CoreError } from '../util/core-error';
import type { Table } from '../table/table';
import { decide, type Decision } from './metrics';
import {
	DEFAULT_BINS,
	errorMeasureOf,
	groupRows,
	checkLength,
	meanAt,
	rowErrors,
	SMALL_SLICE_ROWS,
	type ErrorMeasure
} from './slices';

/** A classified row, with the probability the model gave its true class. */
export interface ClassMistake {
	/** The row's id (its row in the file). */
	row: number;
	truth: string;
	predicted: string;
	/** The probability of the predicted class. */
	predictedProbability: number;
	/** The probability of the true class: the ranking key, lowest first. */
	truthProbability: number;
}

/** A row with a predicted value, and its error (prediction - truth). */
export interface ValueMistake {
	row: number;
	truth: number;
	predicted: number;
	/** Prediction minus truth; ranked by its absolute value, largest first. */
	error: number;
}

/** The worst-predicted rows, worst first. */
export type WorstPredictions =
	{ kind: 'classes'; rows: ClassMistake[] } | { kind: 'values'; rows: ValueMistake[] };

/** The error on one level or bin of a column. */
export interface GroupError {
	label: string;
	missing: boolean;
	rows: number;
	error: number;
	/** True under the small-group size: left out of the column's best, worst and spread. */
	small: boolean;
}

/** How the error varies over one column's groups. */
export interface FeatureErrors {
	column: string;
	groups: GroupError[];
	/** Lowest and highest error over the groups that are not small; NaN when there are none. */
	best: number;
	worst: number;
	/** Worst minus best; NaN with fewer than two groups that are not small. */
	spread: number;
}

/** The error by column, the columns with the widest spread first. */
export interface ErrorsByFeature {
	errorMeasure: ErrorMeasure;
	/** The error on all rows. */
	overall: number;
	columns: FeatureErrors[];
	/** Columns with no groups (date and text). */
	skipped: string[];
}

/** Options of `errorsByFeature`: bins of a number column and the small-group size. */
export interface ErrorsByFeatureOptions {
	bins?: number;
	minRows?: number;
}

/** Returns row order by a key, then by row id, so ties always rank the same way. */
function rankRows(key: Float64Array, rowIds: ArrayLike<number>, count: number): number[] {
	const order = Array.from({ length: key.length }, (_, i) => i);
	order.sort((a, b) => key[a] - key[b] || rowIds[a] - rowIds[b]);
	return order.slice(0, Math.max(0, count));
}

function classMistakes(
	truth: Extract<EncodedTarget, { kind: 'classes' }>,
	prediction: Extract<Prediction, { kind: 'classes' }>,
	decision: Decision,
	rowIds: ArrayLike<number>,
	count: number
): ClassMistake[] {
	const { proba, classes } = prediction;
	const k = classes.length;
	const decided = decide(proba, k, decision);
	const key = Float64Array.from(truth.y, (c, i) => proba[i * k + c]);
	return rankRows(key, rowIds, count).map((i) => ({
		row: rowIds[i],
		truth: truth.classes[truth.y[i]],
		predicted: classes[decided[i]],
		predictedProbability: proba[i * k + decided[i]],
		truthProbability: key[i]
	}));
}

function valueMistakes(
	truth: Float64Array,
	values: Float64Array,
	rowIds: ArrayLike<number>,
	count: number
): ValueMistake[] {
	// Negated so that the largest absolute error sorts first.
	const key = Float64Array.from(values, (p, i) => -Math.abs(p - truth[i]));
	return rankRows(key, rowIds, count).map((i) => ({
		row: rowIds[i],
		truth: truth[i],
		predicted: values[i],
		error: values[i] - truth[i]
	}));
}

/**
 * Returns the `count` worst-predicted rows: for classification those that gave their true class
 * the lowest probability, with the class decided and its probability; for regression those with
 * the largest absolute error. Ties go to the smaller row id.
 */
export function worstPredictions(
	truth: EncodedTarget,
	prediction: Prediction,
	decision: Decision,
	rowIds: ArrayLike<number>,
	count = 50
): WorstPredictions {
	const n = truth.y.length;
	const predicted =
		prediction.kind === 'classes'
			? prediction.proba.length / prediction.classes.length
			: prediction.values.length;
	if (rowIds.length !== n || predicted !== n)
		throw new CoreError(
			'row-mismatch',
			'Every row needs one id, one true value and one prediction.'
		);
	if (truth.kind === 'classes' && prediction.kind === 'classes')
		return { kind: 'classes', rows: classMistakes(truth, prediction, decision, rowIds, count) };
	if (truth.kind === 'values' && prediction.kind === 'values')
		return { kind: 'values', rows: valueMistakes(truth.y, prediction.values, rowIds, count) };
	throw new CoreError(
		'prediction-mismatch',
		'The prediction does not match the task of the target.'
	);
}

function featureErrors(column: string, groups: GroupError[]): FeatureErrors {
	const judged = groups.filter((g) => !g.small).map((g) => g.error);
	const best = judged.length > 0 ? Math.min(...judged) : NaN;
	const worst = judged.length > 0 ? Math.max(...judged) : NaN;
	return { column, groups, best, worst, spread: judged.length >= 2 ? worst - best : NaN };
}

/**
 * Returns, per column, the error rate (classification) or MAE (regression) on each level or bin
 * (the groups of `groupRows`), and the spread between the best and the worst group that is not
 * small; columns with the widest spread come first, those without a spread last.
 */
export function errorsByFeature(
	table: Table,
	truth: EncodedTarget,
	prediction: Prediction,
	decision: Decision,
	options: ErrorsByFeatureOptions = {}
): ErrorsByFeature {
	const { bins = DEFAULT_BINS, minRows = SMALL_SLICE_ROWS } = options;
	const errors = rowErrors(truth, prediction, decision);
	checkLength(table.rowCount, errors.length);
	const columns: FeatureErrors[] = [];
	const skipped: string[] = [];
	for (const column of table.columns) {
		const groups = groupRows(column, bins);
		if (!groups) {
			skipped.push(column.name);
			continue;
		}
		const measured = groups.map((g) => ({
			label: g.label,
			missing: g.missing,
			rows: g.rows.length,
			error: meanAt(errors, g.rows),
			small: g.rows.length < minRows
		}));
		columns.push(featureErrors(column.name, measured));
	}
	// Spreads are >= 0, so -1 sorts a NaN spread last; equal spreads keep the table's order.
	const key = (c: FeatureErrors) => (Number.isNaN(c.spread) ? -1 : c.spread);
	columns.sort((a, b) => key(b) - key(a));
	let total = 0;
	for (const e of errors) total += e;
	return { errorMeasure: errorMeasureOf(truth), overall: total / errors.length, columns, skipped };
}
