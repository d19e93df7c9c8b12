// Group fairness of a binary classifier over one sensitive column, with Fairlearn's disparity
// measures (https://fairlearn.org/main/user_guide/assessment/common_fairness_metrics.html).
import type { EncodedTarget } from '../brief/target';
import type { Prediction } from '../models/model';
import { findColumn, type Table } from '../table/table';
import { decide, type Decision } from './metrics';
import { DEFAULT_BINS, groupRows, SMALL_SLICE_ROWS, type RowGroup } from './slices';

/** The rates of one group of the sensitive column, at the decision threshold. */
export interface FairnessGroup {
	group: string;
	missing: boolean;
	rows: number;
	/** Rows whose true class is the positive class. */
	positives: number;
	negatives: number;
	/** Share of the group's rows predicted positive. */
	selectionRate: number;
	/** Share of the group's positives predicted positive; NaN without positives. */
	truePositiveRate: number;
	/** Share of the group's negatives predicted positive; NaN without negatives. */
	falsePositiveRate: number;
	/** True under the small-group size: its rates are noisy. */
	small: boolean;
	notes: string[];
}

/** Fairness of a binary classifier over one column, or why it cannot be assessed. */
export type FairnessReport =
	| { kind: 'unsupported'; column: string; reason: string }
	| {
			kind: 'binary';
			column: string;
			groups: FairnessGroup[];
			/** Largest minus smallest selection rate. 0 is parity. */
			demographicParityDifference: number;
			/** Smallest over largest selection rate. 1 is parity. */
			demographicParityRatio: number;
			/** The larger of the TPR difference and the FPR difference. 0 is parity. */
			equalizedOddsDifference: number;
			/** The smaller of the TPR ratio and the FPR ratio. 1 is parity. */
			equalizedOddsRatio: number;
			/** What was left out of a measure, and why. */
			notes: string[];
	  };

/** How to group the sensitive column: bins of a number column and the small-group size. */
export interface FairnessOptions {
	/** Quantile bins of a number column, as slices make them. Default 4. */
	bins?: number;
	/** Groups with fewer rows get a small-group warning. Default 30. */
	minRows?: number;
}

/** Largest minus smallest and smallest over largest of the defined (non-NaN) values. */
interface Disparity {
	difference: number;
	ratio: number;
}

function disparity(values: readonly number[]): Disparity {
	const defined = values.filter((v) => !Number.isNaN(v));
	if (defined.length === 0) return { difference: NaN, ratio: NaN };
	const max = Math.max(...defined);
	const min = Math.min(...defined);
	// 0 / 0 when every group's rate is 0: Fairlearn's ratio is then NaN as well.
	return { difference: max - min, ratio: max === 0 ? NaN : min / max };
}

/** The larger (difference) or smaller (ratio) of two measures, ignoring an undefined one. */
function worstOf(a: number, b: number, pick: (x: number, y: number) => number): number {
	if (Number.isNaN(a)) return b;
	if (Number.isNaN(b)) return a;
	return pick(a, b);
}

function groupRates(
	group: RowGroup,
	actual: Int32Array,
	decided: Int32Array,
	positive: number,
	minRows: number
): FairnessGroup {
	let positives = 0;
	let selected = 0;
	let truePositives = 0;
	let falsePositives = 0;
	for (const r of group.rows) {
		const isPositive = actual[r] === positive;
		const predictedPositive = decided[r] === positive;
		if (isPositive) positives++;
		if (predictedPositive) selected++;
		if (predictedPositive && isPositive) truePositives++;
		if (predictedPositive && !isPositive) falsePositives++;
	}
	const rows = group.rows.length;
	const negatives = rows - positives;
	const notes: string[] = [];
	if (rows < minRows) notes.push(`Only ${rows} rows (under ${minRows}): its rates are noisy.`);
	if (positives === 0) notes.push('No positive rows: its true positive rate is undefined.');
	if (negatives === 0) notes.push('No negative rows: its false positive rate is undefined.');
	return {
		group: group.label,
		missing: group.missing,
		rows,
		positives,
		negatives,
		selectionRate: selected / rows,
		truePositiveRate: positives === 0 ? NaN : truePositives / positives,
		falsePositiveRate: negatives === 0 ? NaN : falsePositives / negatives,
		small: rows < minRows,
		notes
	};
}

/** Why fairness cannot be assessed for these inputs, or null when it can. */
function unsupportedReason(
	table: Table,
	truth: EncodedTarget,
	prediction: Prediction,
	decision: Decision,
	column: string
): string | null {
	if (truth.kind === 'values' || prediction.kind === 'values')
		return `Fairness measures here need a binary target; this is a ${truth.kind === 'values' && truth.queries ? 'ranking' : 'regression'} task.`;
	if (decision.kind !== 'threshold' || prediction.classes.length !== 2)
		return 'Fairness measures here need a binary target; this target has more than two classes.';
	if (truth.y.length !== table.rowCount || prediction.proba.length !== 2 * table.rowCount)
		return 'The rows, the truth and the predictions do not match in number.';
	const sensitive = findColumn(table.columns, column);
	if (!sensitive) return `There is no column "${column}" in these rows.`;
	if (sensitive.kind === 'date' || sensitive.kind === 'text')
		return `"${column}" is a ${sensitive.kind} column; choose a category, boolean or number column.`;
	return null;
}

function summaryNotes(groups: readonly FairnessGroup[], selection: Disparity): string[] {
	const notes: string[] = [];
	const names = (list: FairnessGroup[]) => list.map((g) => `"${g.group}"`).join(', ');
	const noPositives = groups.filter((g) => g.positives === 0);
	const noNegatives = groups.filter((g) => g.negatives === 0);
	if (noPositives.length > 0)
		notes.push(
			`Left out of the true positive rate measures (no positives): ${names(noPositives)}.`
		);
	if (noNegatives.length > 0)
		notes.push(
			`Left out of the false positive rate measures (no negatives): ${names(noNegatives)}.`
		);
	if (groups.length < 2) notes.push('There is only one group: nothing to compare.');
	if (groups.length > 0 && Number.isNaN(selection.ratio))
		notes.push('No group has a row predicted positive: the demographic parity ratio is undefined.');
	return notes;
}

/**
 * Returns the selection, true positive and false positive rates of each group of a sensitive
 * column (category or boolean levels, or a number column's quantile bins as in slices) for a
 * binary classifier at its decision threshold, and Fairlearn's disparity measures
 * (fairlearn.metrics, "between_groups"): demographic parity difference = max - min selection rate,
 * demographic parity ratio = min / max selection rate, equalized odds difference = the larger of
 * the TPR and FPR differences (each max - min over groups), equalized odds ratio = the smaller of
 * the TPR and FPR ratios (each min / max). Unlike Fairlearn, which counts an undefined rate as 0,
 * a group without positives (or negatives) has a NaN TPR (or FPR) and is left out of that
 * measure, with a note. Multiclass and regression tasks give `unsupported` with the reason.
 */
export function assessFairness(
	table: Table,
	truth: EncodedTarget,
	prediction: Prediction,
	decision: Decision,
	column: string,
	options: FairnessOptions = {}
): FairnessReport {
	const reason = unsupportedReason(table, truth, prediction, decision, column);
	if (reason !== null) return { kind: 'unsupported', column, reason };
	// Already ruled out by `unsupportedReason`; repeated so the types narrow.
	if (decision.kind !== 'threshold' || prediction.kind !== 'classes' || truth.kind !== 'classes')
		return { kind: 'unsupported', column, reason: 'Fairness measures need a binary target.' };
	const { bins = DEFAULT_BINS, minRows = SMALL_SLICE_ROWS } = options;
	const decided = decide(prediction.proba, 2, decision);
	const rowGroups = groupRows(findColumn(table.columns, column)!, bins) ?? [];
	const groups = rowGroups.map((g) => groupRates(g, truth.y, decided, decision.positive, minRows));
	const selection = disparity(groups.map((g) => g.selectionRate));
	const tpr = disparity(groups.map((g) => g.truePositiveRate));
	const fpr = disparity(groups.map((g) => g.falsePositiveRate));
	return {
		kind: 'binary',
		column,
		groups,
		demographicParityDifference: selection.difference,
		demographicParityRatio: selection.ratio,
		equalizedOddsDifference: worstOf(tpr.difference, fpr.difference, Math.max),
		equalizedOddsRatio: worstOf(tpr.ratio, fpr.ratio, Math.min),
		notes: summaryNotes(groups, selection)
	};
}
