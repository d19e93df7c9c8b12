import { describe, expect, it } from 'vitest';
import { assessFairness, type FairnessReport } from '../../../src/core/evaluate/fairness';
import type { Decision } from '../../../src/core/evaluate/metrics';
import type { EncodedTarget } from '../../../src/core/brief/target';
import type { Prediction } from '../../../src/core/models/model';
import type { Column, Table } from '../../../src/core/table/table';
import { categories, expectClose, numbers } from '../helpers';

const THRESHOLD: Decision = { kind: 'threshold', positive: 1, threshold: 0.5 };

/** A binary case: one sensitive column, true classes, and predicted classes (as 0.8 / 0.2). */
function binaryCase(column: Column, y: number[], predicted: number[]) {
	const table: Table = { rowCount: y.length, columns: [column] };
	const truth: EncodedTarget = { kind: 'classes', classes: ['no', 'yes'], y: Int32Array.from(y) };
	const proba = Float64Array.from(predicted.flatMap((p) => (p ? [0.2, 0.8] : [0.8, 0.2])));
	const prediction: Prediction = { kind: 'classes', classes: ['no', 'yes'], proba };
	return { table, truth, prediction };
}

function binaryReport(report: FairnessReport) {
	if (report.kind !== 'binary') return expect.fail(`unsupported: ${report.reason}`);
	return report;
}

const rates = (report: ReturnType<typeof binaryReport>) =>
	report.groups.map((g) => [g.selectionRate, g.truePositiveRate, g.falsePositiveRate]);

describe('assessFairness', () => {
	// Group A: y 1 1 0 0, predicted 1 0 1 0: selection 2/4, TPR 1/2, FPR 1/2.
	// Group B: y 1 1 1 0 0 0, predicted 1 1 0 1 0 0: selection 3/6, TPR 2/3, FPR 1/3.
	// Group C: y 1 1 0 0 0, predicted 1 1 1 0 0: selection 3/5, TPR 1, FPR 1/3.
	const groups = [...'AAAA', ...'BBBBBB', ...'CCCCC'];
	const y = [1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 0];
	const predicted = [1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0];

	it("computes each group's rates and Fairlearn's disparities", () => {
		const { table, truth, prediction } = binaryCase(categories('g', groups), y, predicted);
		const report = binaryReport(assessFairness(table, truth, prediction, THRESHOLD, 'g'));
		expect(report.groups.map((g) => [g.group, g.rows, g.positives, g.negatives])).toEqual([
			['A', 4, 2, 2],
			['B', 6, 3, 3],
			['C', 5, 2, 3]
		]);
		expectClose(rates(report).flat(), [1 / 2, 1 / 2, 1 / 2, 1 / 2, 2 / 3, 1 / 3, 3 / 5, 1, 1 / 3]);
		// Selection rates 1/2, 1/2, 3/5: difference 3/5 - 1/2, ratio (1/2) / (3/5).
		expectClose(report.demographicParityDifference, 0.1);
		expectClose(report.demographicParityRatio, 5 / 6);
		// TPR 1/2, 2/3, 1: difference 1/2, ratio 1/2. FPR 1/2, 1/3, 1/3: difference 1/6, ratio 2/3.
		// Equalized odds: the larger difference, 1/2; the smaller ratio, 1/2.
		expectClose(report.equalizedOddsDifference, 0.5);
		expectClose(report.equalizedOddsRatio, 0.5);
		expect(report.groups.every((g) => g.small)).toBe(true);
		expect(report.groups[0].notes).toEqual(['Only 4 rows (under 30): its rates are noisy.']);
		expect(report.notes).toEqual([]);
	});

	it('leaves a group without positives out of the TPR measures, with a note', () => {
		// Group D: y 0 0, predicted 1 0: selection 1/2, TPR undefined, FPR 1/2.
		const { table, truth, prediction } = binaryCase(
			categories('g', [...groups, 'D', 'D']),
			[...y, 0, 0],
			[...predicted, 1, 0]
		);
		const report = binaryReport(assessFairness(table, truth, prediction, THRESHOLD, 'g'));
		const d = report.groups[3];
		expect(d.truePositiveRate).toBeNaN();
		expect(d.falsePositiveRate).toBe(0.5);
		expect(d.notes).toContain('No positive rows: its true positive rate is undefined.');
		expect(report.notes).toEqual([
			'Left out of the true positive rate measures (no positives): "D".'
		]);
		// TPR still 1/2, 2/3, 1 (difference 1/2); FPR 1/2, 1/3, 1/3, 1/2 (difference 1/6).
		expectClose(report.equalizedOddsDifference, 0.5);
		expectClose(report.equalizedOddsRatio, 0.5);
		expectClose(report.demographicParityDifference, 0.1);
	});

	it('groups by a boolean column and a missing level', () => {
		// no: y 1 0 0, predicted 1 1 0: selection 2/3, TPR 1, FPR 1/2.
		// yes: y 1 1 0, predicted 0 1 0: selection 1/3, TPR 1/2, FPR 0.
		// missing: y 1, predicted 1: selection 1, TPR 1, FPR undefined.
		const column: Column = {
			kind: 'boolean',
			name: 'member',
			values: Uint8Array.from([0, 0, 0, 1, 1, 1, 255]),
			words: ['no', 'yes']
		};
		const { table, truth, prediction } = binaryCase(
			column,
			[1, 0, 0, 1, 1, 0, 1],
			[1, 1, 0, 0, 1, 0, 1]
		);
		const report = binaryReport(
			assessFairness(table, truth, prediction, THRESHOLD, 'member', { minRows: 1 })
		);
		expect(report.groups.map((g) => [g.group, g.missing, g.small])).toEqual([
			['no', false, false],
			['yes', false, false],
			['missing', true, false]
		]);
		expectClose(rates(report).flat().slice(0, 6), [2 / 3, 1, 1 / 2, 1 / 3, 1 / 2, 0]);
		// Selection 2/3, 1/3, 1: difference 2/3, ratio 1/3.
		expectClose(report.demographicParityDifference, 2 / 3);
		expectClose(report.demographicParityRatio, 1 / 3);
		// TPR 1, 1/2, 1: difference 1/2, ratio 1/2; FPR 1/2, 0 (missing left out): difference 1/2,
		// ratio 0.
		expectClose(report.equalizedOddsDifference, 0.5);
		expectClose(report.equalizedOddsRatio, 0);
		expect(report.notes[0]).toMatch(/false positive rate measures \(no negatives\): "missing"/);
	});

	it('bins a number column as slices do', () => {
		const { table, truth, prediction } = binaryCase(
			numbers('age', [20, 30, 40, 50]),
			[1, 0, 1, 0],
			[1, 0, 0, 0]
		);
		const report = binaryReport(
			assessFairness(table, truth, prediction, THRESHOLD, 'age', { bins: 2 })
		);
		// Four ages in two bins: [20, 40) and [40, 50].
		expect(report.groups.map((g) => [g.group, g.selectionRate])).toEqual([
			['age 20 – 40', 0.5],
			['age 40 – 50', 0]
		]);
		expect(report.demographicParityRatio).toBe(0);
	});

	it('has an undefined parity ratio when no group is selected', () => {
		const { table, truth, prediction } = binaryCase(categories('g', ['a', 'b']), [1, 0], [0, 0]);
		const report = binaryReport(assessFairness(table, truth, prediction, THRESHOLD, 'g'));
		expect(report.demographicParityDifference).toBe(0);
		expect(report.demographicParityRatio).toBeNaN();
		expect(report.notes.at(-1)).toMatch(/ratio is undefined/);
	});

	it('returns unsupported for regression, multiclass, and unusable columns', () => {
		const table: Table = { rowCount: 2, columns: [categories('g', ['a', 'b'])] };
		const values: EncodedTarget = { kind: 'values', y: Float64Array.from([1, 2]) };
		const valuePrediction: Prediction = { kind: 'values', values: Float64Array.from([1, 2]) };
		const regression = assessFairness(table, values, valuePrediction, { kind: 'argmax' }, 'g');
		expect(regression).toEqual({
			kind: 'unsupported',
			column: 'g',
			reason: expect.stringMatching(/regression/)
		});
		const classes: EncodedTarget = {
			kind: 'classes',
			classes: ['a', 'b', 'c'],
			y: Int32Array.from([0, 2])
		};
		const proba: Prediction = {
			kind: 'classes',
			classes: ['a', 'b', 'c'],
			proba: Float64Array.from([0.5, 0.3, 0.2, 0.1, 0.1, 0.8])
		};
		const multiclass = assessFairness(table, classes, proba, { kind: 'argmax' }, 'g');
		expect(multiclass).toEqual({
			kind: 'unsupported',
			column: 'g',
			reason: expect.stringMatching(/more than two classes/)
		});
		const { truth, prediction } = binaryCase(table.columns[0], [0, 1], [0, 1]);
		expect(assessFairness(table, truth, prediction, THRESHOLD, 'nope').kind).toBe('unsupported');
		const text: Table = {
			rowCount: 2,
			columns: [{ kind: 'text', name: 't', codes: Int32Array.from([0, 1]), levels: ['x', 'y'] }]
		};
		const reason = assessFairness(text, truth, prediction, THRESHOLD, 't');
		expect(reason).toEqual({
			kind: 'unsupported',
			column: 't',
			reason: expect.stringMatching(/text column/)
		});
	});
});
