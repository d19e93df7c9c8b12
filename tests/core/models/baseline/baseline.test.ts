import { describe, expect, it } from 'vitest';
import { fitBaseline, predictBaseline } from '../../../../src/core/models/baseline/baseline';
import { expectCoreError, featureMatrix } from '../../helpers';

const x = featureMatrix([[0], [0], [0], [0]]);

describe('baseline', () => {
	it('predicts the train class shares for every row', () => {
		const model = fitBaseline({
			task: 'multiclass',
			classes: ['a', 'b', 'c'],
			y: Int32Array.from([0, 1, 1, 2]),
			x
		});
		expect(model).toEqual({
			kind: 'baseline',
			task: 'multiclass',
			classes: ['a', 'b', 'c'],
			priors: [0.25, 0.5, 0.25]
		});
		const prediction = predictBaseline(model, 2);
		expect(prediction).toEqual({
			kind: 'classes',
			classes: ['a', 'b', 'c'],
			proba: Float64Array.from([0.25, 0.5, 0.25, 0.25, 0.5, 0.25])
		});
	});

	it('predicts the train mean for regression', () => {
		const model = fitBaseline({ task: 'regression', y: Float64Array.from([1, 2, 3, 10]), x });
		expect(model).toEqual({ kind: 'baseline', task: 'regression', mean: 4 });
		expect(predictBaseline(model, 3)).toEqual({
			kind: 'values',
			values: Float64Array.from([4, 4, 4])
		});
	});

	it('needs training rows', async () => {
		const empty = { rows: 0, width: 1, values: new Float64Array(0), features: ['x0'] };
		await expectCoreError(
			() => fitBaseline({ task: 'regression', y: new Float64Array(0), x: empty }),
			'no-train-rows'
		);
	});
});
