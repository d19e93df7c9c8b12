import { describe, expect, it } from 'vitest';
import { encodeClasses } from '../../../../src/core/brief/target';
import {
	DEFAULT_ONE_RULE_SPEC,
	describeOneRule,
	fitOneRule,
	predictOneRule,
	ruleBin,
	ruleCuts,
	type OneRuleModel
} from '../../../../src/core/models/baseline/one-rule';
import type { Prediction, TrainData } from '../../../../src/core/models/model';
import { applyRecipe, fitRecipe } from '../../../../src/core/prepare/recipe';
import { typeTable } from '../../../../src/core/table/schema';
import { findColumn } from '../../../../src/core/table/table';
import { createRng } from '../../../../src/core/util/rng';
import { expectClose, expectCoreError, featureMatrix } from '../../helpers';
import { loadReference } from '../../reference';

const spec = DEFAULT_ONE_RULE_SPEC;

const binary = (rows: number[][], y: number[]): TrainData => ({
	task: 'binary',
	classes: ['0', '1'],
	y: Int32Array.from(y),
	x: featureMatrix(rows)
});

function probaOf(prediction: Prediction): number[] {
	if (prediction.kind !== 'classes') throw new Error('expected classes');
	return Array.from(prediction.proba);
}

describe('ruleCuts', () => {
	it('cuts between distinct values when there are few, halfway to the next', () => {
		expect(ruleCuts(Float64Array.from([0, 0, 0, 1, 1]), 6)).toEqual([0.5]);
		expect(ruleCuts(Float64Array.from([-1, 0.5, 0.5, 2]), 3)).toEqual([-0.25, 1.25]);
		expect(ruleCuts(Float64Array.from([3, 3, 3]), 6)).toEqual([]);
		expect(ruleCuts(new Float64Array(0), 6)).toEqual([]);
	});

	it('cuts after the quantiles when there are more distinct values than bins', () => {
		const sorted = Float64Array.from({ length: 12 }, (_, i) => i + 1);
		expect(ruleCuts(sorted, 4)).toEqual([3.5, 6.5, 9.5]);
		// Ties at a quantile move its cut past them, and repeated cuts merge.
		const tied = Float64Array.from([1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7]);
		expect(ruleCuts(tied, 4)).toEqual([1.5, 4.5]);
	});

	it('puts a value in the first bin whose cut is at or above it, NaN in the bin after the last', () => {
		const cuts = [0.5, 2];
		expect([-9, 0.5, 0.6, 2, 2.1, NaN].map((v) => ruleBin(cuts, v))).toEqual([0, 0, 1, 1, 2, 3]);
	});
});

describe('one rule', () => {
	it('keeps the feature that decides the class over noise', async () => {
		const rng = createRng(5);
		const rows: number[][] = [];
		const y: number[] = [];
		for (let i = 0; i < 300; i++) {
			const label = rng.int(2);
			rows.push([rng.next() * 4 - 2, rng.int(2), label, rng.next()]);
			y.push(label);
		}
		const { model, info } = await fitOneRule(spec, binary(rows, y));
		expect(model.feature).toBe(2);
		expect(model).toMatchObject({ cuts: [0.5], proba: [[1, 0], [0, 1], expect.any(Array)] });
		expect(model.trainLoss).toBe(0);
		expect(info).toEqual({ iterations: 4, converged: true, loss: 0 });
	});

	it('predicts the class shares of each bin, scored by train log loss', async () => {
		const data = binary(
			[
				[0, 5],
				[0, 6],
				[0, 5],
				[1, 6],
				[1, 5],
				[1, 6]
			],
			[0, 0, 1, 1, 1, 0]
		);
		const { model } = await fitOneRule(spec, data);
		// Both features split 2:1 in each bin; the tie goes to the lower index.
		expect(model).toEqual({
			kind: 'rule',
			task: 'binary',
			classes: ['0', '1'],
			features: ['x0', 'x1'],
			feature: 0,
			cuts: [0.5],
			binRows: [3, 3, 0],
			proba: [
				[2 / 3, 1 / 3],
				[1 / 3, 2 / 3],
				[0.5, 0.5]
			],
			trainLoss: -(2 * Math.log(2 / 3) + Math.log(1 / 3)) / 3
		});
		const x = featureMatrix([
			[0.2, 0],
			[0.7, 0],
			[NaN, 0]
		]);
		expectClose(probaOf(predictOneRule(model, x)), [2 / 3, 1 / 3, 1 / 3, 2 / 3, 0.5, 0.5]);
	});

	it('gives missing values their own bin when train has them', async () => {
		const data = binary([[0], [0], [NaN], [NaN], [1], [1]], [0, 0, 1, 1, 0, 1]);
		const { model } = await fitOneRule(spec, data);
		expect(model).toMatchObject({ cuts: [0.5], binRows: [2, 2, 2] });
		expect(probaOf(predictOneRule(model, featureMatrix([[NaN]])))).toEqual([0, 1]);
		expect(describeOneRule(model)).toEqual([
			'x0 ≤ 0.5 → 0: 100%, 1: 0% (2 rows)',
			'x0 > 0.5 → 0: 50%, 1: 50% (2 rows)',
			'x0 missing → 0: 0%, 1: 100% (2 rows)'
		]);
	});

	it('learns the mean of each bin for values, scored by squared error', async () => {
		const data: TrainData = {
			task: 'regression',
			y: Float64Array.from([1, 3, 10, 12]),
			x: featureMatrix([
				[0, 0],
				[1, 0],
				[0, 1],
				[1, 1]
			])
		};
		const { model, info } = await fitOneRule(spec, data);
		expect(model).toEqual({
			kind: 'rule',
			task: 'regression',
			classes: null,
			features: ['x0', 'x1'],
			feature: 1,
			cuts: [0.5],
			binRows: [2, 2, 0],
			values: [2, 11, 6.5],
			trainLoss: 1
		});
		expect(info.loss).toBe(1);
		const prediction = predictOneRule(
			model,
			featureMatrix([
				[9, -1],
				[9, 3],
				[9, NaN]
			])
		);
		expect(prediction).toEqual({ kind: 'values', values: Float64Array.from([2, 11, 6.5]) });
		expect(describeOneRule(model)).toEqual(['x1 ≤ 0.5 → 2 (2 rows)', 'x1 > 0.5 → 11 (2 rows)']);
	});

	it('handles several classes and bins, and reads them back', async () => {
		const rows = [[-1.5], [-1.2], [0.1], [0.3], [2.25], [2.5]];
		const data: TrainData = {
			task: 'multiclass',
			classes: ['low', 'mid', 'high'],
			y: Int32Array.from([0, 0, 1, 1, 2, 2]),
			x: featureMatrix(rows)
		};
		const { model } = await fitOneRule({ kind: 'rule', maxBins: 3 }, data);
		expectClose(model.cuts, [-0.55, 1.275], 1e-12);
		expect(model).toMatchObject({ binRows: [2, 2, 2, 0], trainLoss: 0 });
		const x = featureMatrix([[-3], [0], [9]]);
		expect(probaOf(predictOneRule(model, x))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
		expect(describeOneRule(model)).toEqual([
			'x0 ≤ -0.55 → low: 100%, mid: 0%, high: 0% (2 rows)',
			'-0.55 < x0 ≤ 1.275 → low: 0%, mid: 100%, high: 0% (2 rows)',
			'x0 > 1.275 → low: 0%, mid: 0%, high: 100% (2 rows)'
		]);
	});

	it('predicts the same from its JSON', async () => {
		const rng = createRng(11);
		const rows = Array.from({ length: 60 }, () => [rng.next() * 3 - 1.5, rng.next()]);
		const y = rows.map(([a]) => (a + rng.next() - 0.5 > 0 ? 1 : 0));
		const { model } = await fitOneRule(spec, binary(rows, y));
		const restored = JSON.parse(JSON.stringify(model)) as OneRuleModel;
		expect(restored).toEqual(model);
		const x = featureMatrix(Array.from({ length: 40 }, () => [rng.next() * 1.3, rng.next() - 0.5]));
		expect(predictOneRule(restored, x)).toEqual(predictOneRule(model, x));
	});

	it('refuses a matrix of another width, no rows, or a bad bin count', async () => {
		const { model } = await fitOneRule(
			spec,
			binary(
				[
					[0, 1],
					[1, 0]
				],
				[0, 1]
			)
		);
		await expectCoreError(() => predictOneRule(model, featureMatrix([[0]])), 'feature-mismatch');
		const empty = { rows: 0, width: 1, values: new Float64Array(0), features: ['x0'] };
		await expectCoreError(
			() => fitOneRule(spec, { task: 'regression', y: new Float64Array(0), x: empty }),
			'no-train-rows'
		);
		for (const maxBins of [1, 2.5, 65])
			await expectCoreError(
				() => fitOneRule({ kind: 'rule', maxBins }, binary([[0]], [0])),
				'bad-spec',
				/2 to 64/
			);
	});
});

describe('one rule on titanic', () => {
	it('picks a Sex feature, which scores about 0.78 test accuracy', async () => {
		const data = await loadReference('titanic');
		const target = data.target;
		if (target.task !== 'binary') throw new Error('titanic has a binary target');
		const train = typeTable(data.parts.train, data.schema).table;
		const fit = fitRecipe(data.recipe, train);
		const y = encodeClasses(findColumn(train.columns, target.name)!, target.classes);
		const { model } = await fitOneRule(spec, {
			task: 'binary',
			classes: target.classes,
			y,
			x: fit.x
		});
		const test = typeTable(data.parts.test, data.schema).table;
		const truth = encodeClasses(findColumn(test.columns, target.name)!, target.classes);
		const proba = probaOf(predictOneRule(model, applyRecipe(fit.recipe, test)));
		let right = 0;
		for (let i = 0; i < truth.length; i++)
			if ((proba[2 * i + 1] > 0.5 ? 1 : 0) === truth[i]) right++;
		const accuracy = right / truth.length;
		expect(model.features[model.feature]).toMatch(/^Sex=/);
		// Measured: Sex=female, train log loss 0.5152, test accuracy 0.7765 on 179 rows.
		expect(describeOneRule(model)).toHaveLength(2);
		expectClose(model.trainLoss, 0.5152, 0.01);
		expectClose(accuracy, 0.78, 0.03);
	});
});
