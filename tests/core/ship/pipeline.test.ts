import { describe, expect, it } from 'vitest';
import {
	decisionOf,
	predictionCells,
	predictRaw,
	type Pipeline
} from '../../../src/core/ship/pipeline';
import { ingestText } from '../helpers';
import { linePipeline } from './fixtures';

/** y = 2 x + 1 for regression; p(yes) = sigmoid(x) for classes. Written by hand, no fitting. */
const regression = linePipeline(2, 1, [
	{ kind: 'impute', column: 'x', strategy: 'median', fill: 10 }
]);
const binary: Pipeline = {
	...regression,
	model: {
		kind: 'linear',
		task: 'binary',
		classes: ['no', 'yes'],
		features: ['x'],
		weights: [[1]],
		intercepts: [0]
	},
	target: { name: 'y', task: 'binary', classes: ['no', 'yes'], positive: 'yes', threshold: 0.5 }
};

describe('predictRaw and predictionCells', () => {
	it('predicts values, imputing missing cells, and reports a cell that is not a number', async () => {
		const { raw } = await ingestText('x,other\n1,a\n,b\nabc,c\n-2.5,d\n');
		const rows = predictRaw(regression, raw);
		expect(rows.errors).toEqual([null, null, 'column "x": "abc" is not a number', null]);
		expect(predictionCells(rows)).toEqual({
			header: ['prediction', 'error'],
			cells: [
				['3', ''],
				['21', ''],
				['', 'column "x": "abc" is not a number'],
				['-4', '']
			]
		});
	});

	it('predicts the class above the threshold and the probability of each class', async () => {
		const { raw } = await ingestText('x,other\n0,a\n2,b\n');
		const { header, cells } = predictionCells(predictRaw(binary, raw));
		expect(header).toEqual(['prediction', 'probability_no', 'probability_yes', 'error']);
		expect(cells[0]).toEqual(['no', '0.5', '0.5', '']);
		const p = 1 / (1 + Math.exp(-2));
		expect(cells[1][0]).toBe('yes');
		expect(Number(cells[1][2])).toBeCloseTo(p, 15);
	});

	it('turns a target into its decision rule', () => {
		expect(decisionOf(binary.target)).toEqual({ kind: 'threshold', positive: 1, threshold: 0.5 });
		expect(decisionOf({ name: 'y', task: 'multiclass', classes: ['a', 'b', 'c'] })).toEqual({
			kind: 'argmax'
		});
	});
});
