import { countDistinctSorted, sortWithOrder } from '../../profile/sorted';
import { isMissingAt, selectColumnRows, type Column, type Table } from '../../table/table';
import { averageOf } from './auc';
import { classFlagSets, scoredRows, selectTarget, type LintTarget } from './lint-target';
import { oofClassAuc, oofR2 } from './out-of-fold';
import { classValueAuc, valueR2 } from './value-scores';

/** How a column was read to score it alone. */
export type Reading = 'value' | 'levels' | 'missingness';

/**
 * How well one column alone predicts the target. `measure` is ROC-AUC for classes (macro
 * one-vs-rest when there are more than two) or R² for a number target. Each reading is scored
 * where it applies (null otherwise): the value itself (numbers and dates: as the score for
 * classes, a straight line for numbers), its levels out of fold (labels; numbers cut into
 * quantile bins; missing as a level of its own), and whether the cell is missing at all.
 */
export interface FeatureScore {
	column: string;
	measure: 'auc' | 'r2';
	/** The best reading's score. */
	score: number;
	via: Reading;
	value: number | null;
	levels: number | null;
	missingness: number | null;
}

/** Every column's score alone, and the rows they were measured on. */
export interface FeatureScores {
	scores: FeatureScore[];
	rowsUsed: number;
	rowsWithTarget: number;
	/** True when `rowsUsed` evenly spaced rows stood for the `rowsWithTarget` rows. */
	sampled: boolean;
}

/** Readings from the simplest to explain to the least. */
const READING_ORDER: readonly Reading[] = ['missingness', 'value', 'levels'];
/** A simpler reading this close to the best one explains the score instead. */
const READING_SLACK = 0.01;
/** Quantile bins a number column is cut into for its levels reading. */
const NUMBER_BINS = 20;

/** Returns the score of each column but the target alone, on the rows with a target value. */
export function scoreFeatures(table: Table, target: LintTarget): FeatureScores {
	const { rows, sampled, present } = scoredRows(target);
	const y = selectTarget(target, rows);
	const flagSets = y.kind === 'classes' ? classFlagSets(y.y, y.classes.length) : [];
	const scores = table.columns
		.filter((column) => column.name !== target.name)
		.map((column) => scoreColumn(selectColumnRows(column, rows), y, flagSets));
	return { scores, rowsUsed: rows.length, rowsWithTarget: present, sampled };
}

function scoreColumn(column: Column, target: LintTarget, flagSets: Uint8Array[]): FeatureScore {
	const numeric = column.kind === 'number' || column.kind === 'date' ? column.values : null;
	const { codes, levelCount } = levelCodes(column);
	const missing = missingFlags(column);
	const readings: Record<Reading, number | null> =
		target.kind === 'classes'
			? {
					value: numeric && classValueAuc(numeric, flagSets),
					levels: averageOf(flagSets.map((flags) => oofClassAuc(codes, levelCount, flags))),
					missingness: missing && averageOf(flagSets.map((flags) => oofClassAuc(missing, 2, flags)))
				}
			: {
					value: numeric && valueR2(numeric, target.y),
					levels: oofR2(codes, levelCount, target.y),
					missingness: missing && oofR2(missing, 2, target.y)
				};
	const via = explainedBy(readings);
	const floor = target.kind === 'classes' ? 0.5 : 0;
	return {
		column: column.name,
		measure: target.kind === 'classes' ? 'auc' : 'r2',
		score: Math.max(floor, readings[via] ?? floor),
		via,
		...readings
	};
}

/**
 * Returns the reading to explain a score by: the simplest to read (missingness, then the value,
 * then the levels) among those within `READING_SLACK` of the best.
 */
function explainedBy(readings: Record<Reading, number | null>): Reading {
	const best = Math.max(...Object.values(readings).map((r) => r ?? -1));
	return READING_ORDER.find((r) => (readings[r] ?? -1) >= best - READING_SLACK) ?? 'levels';
}

/** 1 where the cell is missing, 0 elsewhere; null unless some cells are missing and some not. */
function missingFlags(column: Column): Int32Array | null {
	const n =
		column.kind === 'category' || column.kind === 'text'
			? column.codes.length
			: column.values.length;
	const flags = new Int32Array(n);
	let count = 0;
	for (let i = 0; i < n; i++) if (isMissingAt(column, i)) count += flags[i] = 1;
	return count > 0 && count < n ? flags : null;
}

/** Each row's level, with missing as a level of its own (the last); numbers cut into bins. */
function levelCodes(column: Column): { codes: Int32Array; levelCount: number } {
	switch (column.kind) {
		case 'category':
		case 'text': {
			const missing = column.levels.length;
			const codes = new Int32Array(column.codes.length);
			for (let i = 0; i < codes.length; i++)
				codes[i] = column.codes[i] < 0 ? missing : column.codes[i];
			return { codes, levelCount: missing + 1 };
		}
		case 'boolean':
			// 0 false, 1 true, 2 missing (MISSING_BOOLEAN).
			return { codes: Int32Array.from(column.values).map((v) => Math.min(v, 2)), levelCount: 3 };
		default:
			return binCodes(column.values);
	}
}

/**
 * Returns each value's quantile bin (about equal counts; equal values share a bin, so a column
 * with few distinct values gets one bin each), with missing as the last level.
 */
export function binCodes(values: Float64Array): { codes: Int32Array; levelCount: number } {
	const { sorted, order } = sortWithOrder(values);
	const m = sorted.length;
	const few = countDistinctSorted(sorted) <= NUMBER_BINS;
	const codes = new Int32Array(values.length).fill(NUMBER_BINS);
	let bin = -1;
	for (let k = 0; k < m; k++) {
		if (k === 0 || sorted[k] !== sorted[k - 1])
			bin = few ? bin + 1 : Math.floor((k * NUMBER_BINS) / m);
		codes[order[k]] = bin;
	}
	return { codes, levelCount: NUMBER_BINS + 1 };
}
