import { describe, expect, it } from 'vitest';
import { errorsByFeature, worstPredictions } from '../../../src/core/evaluate/error-analysis';
import { groupRows } from '../../../src/core/evaluate/slices';
import type { Decision } from '../../../src/core/evaluate/metrics';
import type { EncodedTarget } from '../../../src/core/brief/target';
import type { Prediction } from '../../../src/core/models/model';
import type { Table } from '../../../src/core/table/table';
import { categories, expectClose, numbers } from '../helpers';

const THRESHOLD: Decision = { kind: 'threshold', positive: 1, threshold: 0.5 };
const binaryProba = (p1: number[]): Prediction => ({
	kind: 'classes',
	classes: ['no', 'yes'],
	proba: Float64Array.from(p1.flatMap((p) => [1 - p, p]))
});

describe('worstPredictions', () => {
	it('ranks classified rows by the probability of their true class, ties by row id', () => {
		// index id  y   p(yes) p(true class)
		//   0   40  yes 0.25   0.25
		//   1   30  no  0.25   0.75
		//   2   20  yes 0.9    0.9
		//   3   10  no  0.75   0.25  (ties with index 0; id 10 < 40 goes first)
		const truth: EncodedTarget = {
			kind: 'classes',
			classes: ['no', 'yes'],
			y: Int32Array.from([1, 0, 1, 0])
		};
		const prediction = binaryProba([0.25, 0.25, 0.9, 0.75]);
		const worst = worstPredictions(truth, prediction, THRESHOLD, [40, 30, 20, 10], 3);
		if (worst.kind !== 'classes') return expect.fail(worst.kind);
		expect(worst.rows.map((r) => [r.row, r.truth, r.predicted])).toEqual([
			[10, 'no', 'yes'],
			[40, 'yes', 'no'],
			[30, 'no', 'no']
		]);
		expectClose(
			worst.rows.map((r) => r.truthProbability),
			[0.25, 0.25, 0.75]
		);
		expectClose(
			worst.rows.map((r) => r.predictedProbability),
			[0.75, 0.75, 0.75]
		);
	});

	it('uses the decision rule for the predicted class of a multiclass row', () => {
		const truth: EncodedTarget = {
			kind: 'classes',
			classes: ['a', 'b', 'c'],
			y: Int32Array.from([2, 0])
		};
		const prediction: Prediction = {
			kind: 'classes',
			classes: ['a', 'b', 'c'],
			proba: Float64Array.from([0.5, 0.3, 0.2, 0.6, 0.3, 0.1])
		};
		const worst = worstPredictions(truth, prediction, { kind: 'argmax' }, [0, 1]);
		expect(worst).toEqual({
			kind: 'classes',
			rows: [
				{ row: 0, truth: 'c', predicted: 'a', predictedProbability: 0.5, truthProbability: 0.2 },
				{ row: 1, truth: 'a', predicted: 'a', predictedProbability: 0.6, truthProbability: 0.6 }
			]
		});
	});

	it('ranks regression rows by absolute error, ties by row id', () => {
		// errors: 12 - 10 = 2, 15 - 20 = -5, 33 - 30 = 3, 37 - 40 = -3 (ties with +3; id 7 < 8).
		const truth: EncodedTarget = { kind: 'values', y: Float64Array.from([10, 20, 30, 40]) };
		const prediction: Prediction = { kind: 'values', values: Float64Array.from([12, 15, 33, 37]) };
		const worst = worstPredictions(truth, prediction, { kind: 'argmax' }, [5, 6, 8, 7]);
		expect(worst).toEqual({
			kind: 'values',
			rows: [
				{ row: 6, truth: 20, predicted: 15, error: -5 },
				{ row: 7, truth: 40, predicted: 37, error: -3 },
				{ row: 8, truth: 30, predicted: 33, error: 3 },
				{ row: 5, truth: 10, predicted: 12, error: 2 }
			]
		});
		expect(
			worstPredictions(truth, prediction, { kind: 'argmax' }, [5, 6, 8, 7], 1).rows
		).toHaveLength(1);
	});
});

describe('errorsByFeature', () => {
	// row colour age y p(yes) right
	//  0   a     19  1  0.9    yes
	//  1   a     22  0  0.6    no
	//  2   a     27  1  0.4    no
	//  3   b     30  0  0.2    yes
	//  4   b     35  0  0.1    yes
	//  5   b     41  1  0.7    yes
	//  6   -     -   1  0.3    no
	//  7   b     60  0  0.5    yes
	const table: Table = {
		rowCount: 8,
		columns: [
			categories('colour', ['a', 'a', 'a', 'b', 'b', 'b', null, 'b']),
			numbers('age', [19, 22, 27, 30, 35, 41, NaN, 60]),
			{ kind: 'text', name: 'note', codes: new Int32Array(8), levels: ['x'] }
		]
	};
	const truth: EncodedTarget = {
		kind: 'classes',
		classes: ['no', 'yes'],
		y: Int32Array.from([1, 0, 1, 0, 0, 1, 1, 0])
	};
	const prediction = binaryProba([0.9, 0.6, 0.4, 0.2, 0.1, 0.7, 0.3, 0.5]);

	it("gives each level's error rate and the spread over groups large enough", () => {
		const report = errorsByFeature(table, truth, prediction, THRESHOLD, { minRows: 2 });
		expect(report.errorMeasure).toBe('error_rate');
		expect(report.overall).toBe(3 / 8);
		expect(report.skipped).toEqual(['note']);
		// colour: a 2/3, b 0, missing 1 (one row: small). Spread 2/3 - 0.
		// age: [19, 27) 1/2, [27, 35) 1/2, [35, 60) 0, 60 and missing small. Spread 1/2.
		expect(report.columns.map((c) => c.column)).toEqual(['colour', 'age']);
		const [colour, age] = report.columns;
		expect(colour.groups.map((g) => [g.label, g.rows, g.error, g.small])).toEqual([
			['a', 3, 2 / 3, false],
			['b', 4, 0, false],
			['missing', 1, 1, true]
		]);
		expect([colour.best, colour.worst, colour.spread]).toEqual([0, 2 / 3, 2 / 3]);
		expect(age.groups.map((g) => g.error)).toEqual([1 / 2, 1 / 2, 0, 0, 1]);
		expect([age.best, age.worst, age.spread]).toEqual([0, 1 / 2, 1 / 2]);
	});

	it('uses the same groups as slices', () => {
		const report = errorsByFeature(table, truth, prediction, THRESHOLD);
		const labels = groupRows(table.columns[1])!.map((g) => g.label);
		expect(report.columns.find((c) => c.column === 'age')!.groups.map((g) => g.label)).toEqual(
			labels
		);
		// Every group is under 30 rows: no spread to judge.
		expect(report.columns.every((c) => Number.isNaN(c.spread))).toBe(true);
	});

	it('measures regression errors by MAE, widest spread first', () => {
		const small: Table = {
			rowCount: 4,
			columns: [categories('same', ['x', 'x', 'y', 'y']), categories('split', ['p', 'q', 'p', 'q'])]
		};
		const values: EncodedTarget = { kind: 'values', y: Float64Array.from([0, 0, 0, 0]) };
		const predicted: Prediction = { kind: 'values', values: Float64Array.from([1, 3, 1, 3]) };
		// same: x (1 + 3) / 2 = 2, y 2: spread 0. split: p 1, q 3: spread 2.
		const report = errorsByFeature(small, values, predicted, { kind: 'argmax' }, { minRows: 1 });
		expect(report.errorMeasure).toBe('mae');
		expect(report.overall).toBe(2);
		expect(report.columns.map((c) => [c.column, c.spread])).toEqual([
			['split', 2],
			['same', 0]
		]);
	});
});
