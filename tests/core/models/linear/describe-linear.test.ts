import { describe, expect, it } from 'vitest';
import { describeLinear } from '../../../../src/core/models/linear/describe-linear';
import type { LinearModel } from '../../../../src/core/models/linear/linear';

const features = ['age', 'fare', 'sex=female', 'sex=male'];

describe('describeLinear', () => {
	it("sorts a binary model's weights by absolute size, counts the zeros and names the positive class", () => {
		const model: LinearModel = {
			...{ kind: 'linear', task: 'binary', classes: ['died', 'survived'], features },
			weights: [[-0.5, 0, 1.25, -2]],
			intercepts: [0.1]
		};
		expect(describeLinear(model)).toEqual([
			{
				label: 'survived',
				intercept: 0.1,
				coefficients: [
					{ feature: 'sex=male', weight: -2 },
					{ feature: 'sex=female', weight: 1.25 },
					{ feature: 'age', weight: -0.5 },
					{ feature: 'fare', weight: 0 }
				],
				zeros: 1,
				total: 4
			}
		]);
	});

	it('gives one list per class for multinomial, none for regression, keeping the top ones in feature order on ties', () => {
		const model: LinearModel = {
			...{ kind: 'linear', task: 'multiclass', classes: ['a', 'b', 'c'], features },
			weights: [
				[0, 0, 0, 0],
				[1, -1, 0.5, 0],
				[0, 3, 0, 0]
			],
			intercepts: [0, 1, -1]
		};
		const described = describeLinear(model, 2);
		expect(described.map((d) => [d.label, d.zeros])).toEqual([
			['a', 4],
			['b', 1],
			['c', 3]
		]);
		expect(described[1].coefficients.map((c) => c.feature)).toEqual(['age', 'fare']);
		const regression: LinearModel = {
			...model,
			task: 'regression',
			classes: null,
			weights: [[1, 2, 3, 4]],
			intercepts: [0]
		};
		expect(describeLinear(regression, 0)).toEqual([
			{ label: null, intercept: 0, coefficients: [], zeros: 0, total: 4 }
		]);
	});
});
