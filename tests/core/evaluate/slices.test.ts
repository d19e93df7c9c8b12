import { describe, expect, it } from 'vitest';
import {
	groupRows,
	rowErrors,
	sliceMetrics,
	worstSlices,
	type Slice
} from '../../../src/core/evaluate/slices';
import { assessFairness } from '../../../src/core/evaluate/fairness';
import type { Decision } from '../../../src/core/evaluate/metrics';
import type { EncodedTarget } from '../../../src/core/brief/target';
import type { Prediction } from '../../../src/core/models/model';
import { trainRun } from '../../../src/core/train/train-run';
import {
	decisionOf,
	encodeTargetOf,
	predictTable,
	type TargetSpec
} from '../../../src/core/ship/pipeline';
import { typeTable } from '../../../src/core/table/schema';
import {
	columnLength,
	MISSING_BOOLEAN,
	type BooleanColumn,
	type Column,
	type Table
} from '../../../src/core/table/table';
import { categories, expectClose, numbers } from '../helpers';
import { loadReference, referenceRequest } from '../reference';

/** Rows x 2 probabilities from the probability of class 1. */
const binaryProba = (p1: number[]): Prediction => ({
	kind: 'classes',
	classes: ['no', 'yes'],
	proba: Float64Array.from(p1.flatMap((p) => [1 - p, p]))
});
const THRESHOLD: Decision = { kind: 'threshold', positive: 1, threshold: 0.5 };

function booleans(name: string, values: readonly (boolean | null)[]): BooleanColumn {
	const codes = values.map((v) => (v === null ? MISSING_BOOLEAN : v ? 1 : 0));
	return { kind: 'boolean', name, values: Uint8Array.from(codes), words: ['no', 'yes'] };
}

function tableOf(...columns: Column[]): Table {
	return { rowCount: columnLength(columns[0]), columns };
}

// Eight rows; decided = p(yes) > 0.5 (so 0.5 is "no").
// row colour flag  age y p(yes) decided right
//  0   a      yes  19  1  0.9    1       yes
//  1   a      no   22  0  0.6    1       no
//  2   a      yes  27  1  0.4    0       no
//  3   b      no   30  0  0.2    0       yes
//  4   b      no   35  0  0.1    0       yes
//  5   b      yes  41  1  0.7    1       yes
//  6   -      -    -   1  0.3    0       no
//  7   b      yes  60  0  0.5    0       yes
const TABLE = tableOf(
	categories('colour', ['a', 'a', 'a', 'b', 'b', 'b', null, 'b']),
	booleans('flag', [true, false, true, false, false, true, null, true]),
	numbers('age', [19, 22, 27, 30, 35, 41, NaN, 60]),
	{ kind: 'text', name: 'note', codes: new Int32Array(8), levels: ['x'] },
	{ kind: 'date', name: 'when', values: new Float64Array(8), offsets: null }
);
const TRUTH: EncodedTarget = {
	kind: 'classes',
	classes: ['no', 'yes'],
	y: Int32Array.from([1, 0, 1, 0, 0, 1, 1, 0])
};
const PREDICTION = binaryProba([0.9, 0.6, 0.4, 0.2, 0.1, 0.7, 0.3, 0.5]);

const pick = (slices: Slice[], column: string) =>
	slices
		.filter((s) => s.column === column)
		.map(({ label, rows, value, error, positives, small }) => ({
			label,
			rows,
			value,
			error,
			positives,
			small
		}));

describe('sliceMetrics', () => {
	it('gives one slice per level, a missing slice, and the whole-set values', () => {
		const report = sliceMetrics(TABLE, TRUTH, PREDICTION, THRESHOLD, 'accuracy', { minRows: 2 });
		// Right: rows 0, 3, 4, 5, 7 of 8.
		expect(report.overall).toBe(5 / 8);
		expect(report.overallError).toBe(3 / 8);
		expect(report.errorMeasure).toBe('error_rate');
		expect(report.skipped).toEqual(['note', 'when']);
		// a: rows 0-2, right 1 of 3, positives rows 0 and 2; b: rows 3, 4, 5, 7, all right, one
		// positive; missing: row 6, wrong (accuracy of one row is defined: 0).
		expect(pick(report.slices, 'colour')).toEqual([
			{ label: 'a', rows: 3, value: 1 / 3, error: 2 / 3, positives: 2, small: false },
			{ label: 'b', rows: 4, value: 1, error: 0, positives: 1, small: false },
			{ label: 'missing', rows: 1, value: 0, error: 1, positives: 1, small: true }
		]);
		// no: rows 1, 3, 4 (right 2); yes: rows 0, 2, 5, 7 (right 3).
		expect(pick(report.slices, 'flag')).toEqual([
			{ label: 'no', rows: 3, value: 2 / 3, error: 1 / 3, positives: 0, small: false },
			{ label: 'yes', rows: 4, value: 3 / 4, error: 1 / 4, positives: 3, small: false },
			{ label: 'missing', rows: 1, value: 0, error: 1, positives: 1, small: true }
		]);
		const missing = report.slices.find((s) => s.column === 'colour' && s.missing)!;
		expect(missing.note).toMatch(/Only 1 row: too few/);
	});

	it('bins a number column by quantiles, the last bin closed', () => {
		const report = sliceMetrics(TABLE, TRUTH, PREDICTION, THRESHOLD, 'accuracy', { minRows: 1 });
		// Seven ages in four bins of about 7 / 4 rows, cut where the rows before a value reach
		// 7/4, 14/4, 21/4: [19, 27) = 19, 22; [27, 35) = 27, 30; [35, 60) = 35, 41; [60, 60] = 60.
		expect(pick(report.slices, 'age')).toEqual([
			{ label: 'age 19 – 27', rows: 2, value: 1 / 2, error: 1 / 2, positives: 1, small: false },
			{ label: 'age 27 – 35', rows: 2, value: 1 / 2, error: 1 / 2, positives: 1, small: false },
			{ label: 'age 35 – 60', rows: 2, value: 1, error: 0, positives: 1, small: false },
			{ label: 'age = 60', rows: 1, value: 1, error: 0, positives: 0, small: false },
			{ label: 'missing', rows: 1, value: 0, error: 1, positives: 1, small: false }
		]);
	});

	it('flags every slice under 30 rows by default, keeping its numbers', () => {
		const report = sliceMetrics(TABLE, TRUTH, PREDICTION, THRESHOLD, 'accuracy');
		expect(report.slices.every((s) => s.small && s.note !== null)).toBe(true);
		expect(report.slices[0].value).toBe(1 / 3);
		expect(report.slices[0].note).toBe('Only 3 rows: too few to judge (under 30).');
	});

	it('flags a slice with one class for ROC-AUC, and leaves ROC-AUC of one row NaN', () => {
		const report = sliceMetrics(TABLE, TRUTH, PREDICTION, THRESHOLD, 'roc_auc', { minRows: 1 });
		const [a, b, missing] = report.slices.filter((s) => s.column === 'colour');
		// a: positives 0.9 and 0.4 against the negative 0.6: one pair of two ranked right.
		expect(a.value).toBe(0.5);
		// b: the positive 0.7 above the negatives 0.2, 0.1 and 0.5.
		expect(b.value).toBe(1);
		expect(a.small || b.small).toBe(false);
		expect(missing.value).toBeNaN();
		expect(missing.small).toBe(true);
		expect(missing.note).toBe('Only one class in this slice: ROC-AUC needs both.');
		// flag = no holds only negatives (rows 1, 3, 4).
		const no = report.slices.find((s) => s.column === 'flag' && s.label === 'no')!;
		expect(no.value).toBeNaN();
		expect(no.small).toBe(true);
		expect(no.note).toMatch(/one class/);
	});

	it('measures regression slices by MAE, flagging an undefined R²', () => {
		const table = tableOf(categories('g', ['a', 'a', 'b']));
		const truth: EncodedTarget = { kind: 'values', y: Float64Array.from([1, 3, 5]) };
		const prediction: Prediction = { kind: 'values', values: Float64Array.from([2, 1, 5]) };
		const report = sliceMetrics(table, truth, prediction, { kind: 'argmax' }, 'r2', { minRows: 1 });
		expect(report.errorMeasure).toBe('mae');
		// |1 - 2| + |3 - 1| + 0 = 3 over 3 rows.
		expect(report.overallError).toBe(1);
		// a: truth mean 2, SS_tot = 2, SS_res = 1 + 4 = 5, R² = 1 - 5/2; MAE (1 + 2) / 2.
		expect(pick(report.slices, 'g')).toEqual([
			{ label: 'a', rows: 2, value: -1.5, error: 1.5, positives: null, small: false },
			{ label: 'b', rows: 1, value: NaN, error: 0, positives: null, small: true }
		]);
		expect(report.slices[1].note).toBe('R² is undefined on this slice.');
	});

	it('rejects a prediction for other rows', () => {
		expect(() => sliceMetrics(TABLE, TRUTH, binaryProba([0.5]), THRESHOLD, 'accuracy')).toThrow(
			/rows/
		);
	});
});

describe('groupRows', () => {
	const labels = (column: Column) => groupRows(column)!.map((g) => [g.label, g.rows.length]);

	it('cuts eight values into four bins of two', () => {
		expect(labels(numbers('x', [8, 7, 6, 5, 4, 3, 2, 1]))).toEqual([
			['x 1 – 3', 2],
			['x 3 – 5', 2],
			['x 5 – 7', 2],
			['x 7 – 8', 2]
		]);
	});

	it('gives each value its own group when there are few', () => {
		expect(labels(numbers('x', [0, 1, 0, 1, 2.5]))).toEqual([
			['x = 0', 2],
			['x = 1', 2],
			['x = 2.5', 1]
		]);
	});

	it('keeps tied values in one bin, making fewer bins', () => {
		// Ten rows, targets at 2.5, 5 and 7.5 rows: the six zeros pass the first two at once, so
		// 1 starts the second bin and 3 (8 rows before it) the third.
		expect(labels(numbers('x', [0, 0, 0, 0, 0, 0, 1, 2, 3, 4]))).toEqual([
			['x 0 – 1', 6],
			['x 1 – 3', 2],
			['x 3 – 4', 2]
		]);
	});

	it('has no groups for text and date columns, and skips empty levels', () => {
		expect(groupRows(TABLE.columns[3])).toBeNull();
		expect(groupRows(TABLE.columns[4])).toBeNull();
		const column = categories('c', ['a', 'a']);
		column.levels.push('never');
		expect(labels(column)).toEqual([['a', 2]]);
	});
});

describe('rowErrors', () => {
	it('is 0 or 1 per row for classes and the absolute error for values', () => {
		expect(Array.from(rowErrors(TRUTH, PREDICTION, THRESHOLD))).toEqual([0, 1, 1, 0, 0, 0, 1, 0]);
		const truth: EncodedTarget = { kind: 'values', y: Float64Array.from([1, 3]) };
		const prediction: Prediction = { kind: 'values', values: Float64Array.from([2, 1]) };
		expect(Array.from(rowErrors(truth, prediction, { kind: 'argmax' }))).toEqual([1, 2]);
	});
});

describe('worstSlices', () => {
	it('returns the worst judged slices, leaving out small ones and NaN', () => {
		const report = sliceMetrics(TABLE, TRUTH, PREDICTION, THRESHOLD, 'accuracy', { minRows: 2 });
		const worst = worstSlices(report.slices, 'accuracy', 3);
		// a 1/3, then the two 1/2 age bins, in order; the one-row slices at 0 are small.
		expect(worst.map((s) => s.label)).toEqual(['a', 'age 19 – 27', 'age 27 – 35']);
		expect(worstSlices(report.slices, 'accuracy').length).toBe(5);
	});

	it('ranks a lower-is-better metric with the largest value first', () => {
		const slice = (label: string, value: number, small = false): Slice => ({
			column: 'c',
			label,
			missing: false,
			rows: 40,
			value,
			error: value,
			positives: null,
			small,
			note: null
		});
		const slices = [
			slice('a', 2),
			slice('b', 5),
			slice('c', NaN),
			slice('d', 9, true),
			slice('e', 3)
		];
		expect(worstSlices(slices, 'rmse').map((s) => s.label)).toEqual(['b', 'e', 'a']);
	});
});

describe('slices and fairness on german_credit', () => {
	it('give finite numbers for every group of personal_status_sex with 30 rows or more', async () => {
		const data = await loadReference('german_credit');
		const { pipeline } = await trainRun(referenceRequest(data, { kind: 'linear', l2: 1 }));
		const typed = typeTable(data.parts.test, data.schema).table;
		const target: TargetSpec = pipeline.target;
		const truth = encodeTargetOf(target, typed);
		const table: Table = {
			rowCount: typed.rowCount,
			columns: typed.columns.filter((c) => c.name !== target.name)
		};
		const prediction = predictTable(pipeline, table);
		const decision = decisionOf(target);
		const report = sliceMetrics(table, truth, prediction, decision, 'roc_auc');
		expect(Number.isFinite(report.overall)).toBe(true);
		const slices = report.slices.filter((s) => s.column === 'personal_status_sex');
		expect(slices.reduce((a, s) => a + s.rows, 0)).toBe(table.rowCount);
		const large = slices.filter((s) => s.rows >= 30);
		expect(large.length).toBeGreaterThanOrEqual(2);
		for (const s of large) {
			expect(Number.isFinite(s.value) && Number.isFinite(s.error)).toBe(true);
			expect(s.small).toBe(false);
		}
		const fairness = assessFairness(table, truth, prediction, decision, 'personal_status_sex');
		if (fairness.kind !== 'binary') return expect.fail(fairness.kind);
		for (const g of fairness.groups.filter((g) => g.rows >= 30)) {
			const rates = [g.selectionRate, g.truePositiveRate, g.falsePositiveRate];
			expect(rates.every(Number.isFinite)).toBe(true);
		}
		const measures = [
			fairness.demographicParityDifference,
			fairness.demographicParityRatio,
			fairness.equalizedOddsDifference,
			fairness.equalizedOddsRatio
		];
		expect(measures.every(Number.isFinite)).toBe(true);
		expectClose(
			fairness.groups.reduce((a, g) => a + g.rows, 0),
			table.rowCount
		);
	});
});
