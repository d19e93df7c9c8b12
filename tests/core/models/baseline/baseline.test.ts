import { describe, expect, it } from 'vitest';
import {
	fitBaseline,
	predictBaseline,
	rowDraw,
	type BaselineModel
} from '../../../../src/core/models/baseline/baseline';
import type { TrainData } from '../../../../src/core/models/model';
import type { FeatureMatrix } from '../../../../src/core/prepare/recipe';
import { expectClose, expectCoreError, featureMatrix } from '../../helpers';

const x = featureMatrix([[0], [0], [0], [0]]);

const classes = (y: number[], names = ['a', 'b', 'c']): TrainData => ({
	task: 'multiclass',
	classes: names,
	y: Int32Array.from(y),
	x: zeros(y.length)
});

const values = (y: number[]): TrainData => ({
	task: 'regression',
	y: Float64Array.from(y),
	x: zeros(y.length)
});

function zeros(rows: number): FeatureMatrix {
	return { rows, width: 1, values: new Float64Array(rows), features: ['x0'] };
}

/** Returns the predicted class of each row, checking that every row is one-hot. */
function drawnClasses(model: BaselineModel, rows: number): number[] {
	const prediction = predictBaseline(model, rows);
	if (prediction.kind !== 'classes') throw new Error('expected classes');
	const k = prediction.classes.length;
	const drawn: number[] = [];
	let oneHot = true;
	for (let i = 0; i < rows; i++) {
		const row = Array.from(prediction.proba.subarray(i * k, (i + 1) * k));
		oneHot &&= row.every((p) => p === 0 || p === 1) && row.filter((p) => p === 1).length === 1;
		drawn.push(row.indexOf(1));
	}
	expect(oneHot).toBe(true);
	return drawn;
}

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
		await expectCoreError(
			() => fitBaseline({ task: 'binary', classes: ['0', '1'], y: new Int32Array(0), x: empty }),
			'no-train-rows'
		);
	});
});

describe('baseline strategies', () => {
	it("'prior' named is the default", () => {
		const model = fitBaseline(classes([0, 1, 1, 2]), { kind: 'baseline', strategy: 'prior' });
		expect(model).toMatchObject({ strategy: 'prior', priors: [0.25, 0.5, 0.25] });
		expect(predictBaseline(model, 1)).toEqual({
			kind: 'classes',
			classes: ['a', 'b', 'c'],
			proba: Float64Array.from([0.25, 0.5, 0.25])
		});
	});

	it("'most_frequent' gives the majority class probability 1, the lowest index on ties", () => {
		const majority = fitBaseline(classes([2, 1, 2, 0, 2]), {
			kind: 'baseline',
			strategy: 'most_frequent'
		});
		expect(majority).toEqual({
			kind: 'baseline',
			task: 'multiclass',
			classes: ['a', 'b', 'c'],
			priors: [0.2, 0.2, 0.6],
			strategy: 'most_frequent'
		});
		expect(predictBaseline(majority, 2)).toMatchObject({
			proba: Float64Array.from([0, 0, 1, 0, 0, 1])
		});
		const tie = fitBaseline(classes([2, 1, 1, 2, 0]), {
			kind: 'baseline',
			strategy: 'most_frequent'
		});
		expect(predictBaseline(tie, 1)).toMatchObject({ proba: Float64Array.from([0, 1, 0]) });
	});

	it("'median' predicts the train median, halfway between the middle two", () => {
		const model = fitBaseline(values([10, 1, 3, 2]), { kind: 'baseline', strategy: 'median' });
		expect(model).toEqual({
			kind: 'baseline',
			task: 'regression',
			strategy: 'median',
			mean: 4,
			median: 2.5
		});
		expect(predictBaseline(model, 2)).toEqual({
			kind: 'values',
			values: Float64Array.from([2.5, 2.5])
		});
		const odd = fitBaseline(values([7, 1, 3]), { kind: 'baseline', strategy: 'median' });
		expect(predictBaseline(odd, 1)).toEqual({ kind: 'values', values: Float64Array.from([3]) });
	});

	it("'mean' named is the default", () => {
		const model = fitBaseline(values([1, 2, 3, 10]), { kind: 'baseline', strategy: 'mean' });
		expect(model).toEqual({ kind: 'baseline', task: 'regression', strategy: 'mean', mean: 4 });
		expect(predictBaseline(model, 1)).toEqual({ kind: 'values', values: Float64Array.from([4]) });
	});

	it('refuses a strategy of the other task, saying which fit which', async () => {
		await expectCoreError(
			() => fitBaseline(values([1, 2]), { kind: 'baseline', strategy: 'prior' }),
			'bad-spec',
			/"prior" does not fit a number target: classes take prior, most_frequent or stratified; numbers take mean or median/
		);
		for (const strategy of ['mean', 'median'] as const)
			await expectCoreError(
				() => fitBaseline(classes([0, 1]), { kind: 'baseline', strategy }),
				'bad-spec',
				/does not fit a class target/
			);
		const unknown = { kind: 'baseline', strategy: 'uniform' } as unknown as { kind: 'baseline' };
		await expectCoreError(() => fitBaseline(classes([0, 1]), unknown), 'bad-spec', /"uniform"/);
	});

	it('predicts as before from a model saved before strategies', () => {
		const binary = JSON.parse(
			'{"kind":"baseline","task":"binary","classes":["no","yes"],"priors":[0.75,0.25]}'
		) as BaselineModel;
		expect(predictBaseline(binary, 2)).toEqual({
			kind: 'classes',
			classes: ['no', 'yes'],
			proba: Float64Array.from([0.75, 0.25, 0.75, 0.25])
		});
		const regression = JSON.parse(
			'{"kind":"baseline","task":"regression","mean":4.5}'
		) as BaselineModel;
		expect(predictBaseline(regression, 2)).toEqual({
			kind: 'values',
			values: Float64Array.from([4.5, 4.5])
		});
	});
});

describe("baseline 'stratified'", () => {
	const spec = { kind: 'baseline', strategy: 'stratified' } as const;

	it('draws row i from splitmix32 at (seed, i), pinned so saved models keep predicting', () => {
		// splitmix32 from seed 42: state 42 + 0x9e3779b9 * (i + 1), then the murmur3 finaliser.
		expect([0, 1, 2].map((i) => rowDraw(42, i) * 4294967296)).toEqual([
			PINNED_42[0],
			PINNED_42[1],
			PINNED_42[2]
		]);
		const model = fitBaseline(classes([0, 1, 1, 2]), spec, 42);
		expect(model).toEqual({
			kind: 'baseline',
			task: 'multiclass',
			classes: ['a', 'b', 'c'],
			priors: [0.25, 0.5, 0.25],
			strategy: 'stratified',
			seed: 42
		});
		// Shares 0.25, 0.5, 0.25: a draw below 0.25 is a, below 0.75 b, else c.
		const expected = [0, 1, 2, 3, 4, 5].map((i) => {
			const u = rowDraw(42, i);
			return u < 0.25 ? 0 : u < 0.75 ? 1 : 2;
		});
		expect(drawnClasses(model, 6)).toEqual(expected);
	});

	it('is a pure function of the model and the row index', () => {
		const model = fitBaseline(classes([0, 1, 1, 2]), spec, 7);
		const restored = JSON.parse(JSON.stringify(model)) as BaselineModel;
		const first = drawnClasses(model, 200);
		expect(drawnClasses(restored, 200)).toEqual(first);
		expect(drawnClasses(model, 50)).toEqual(first.slice(0, 50));
		expect(drawnClasses(fitBaseline(classes([0, 1, 1, 2]), spec, 8), 200)).not.toEqual(first);
	});

	it('draws classes in their train shares, and never a class train lacks', () => {
		const model = fitBaseline(classes([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]), spec, 3);
		const drawn = drawnClasses(model, 10_000);
		const shares = [0, 1, 2].map((k) => drawn.filter((c) => c === k).length / drawn.length);
		// Each share's standard error is about 0.005 on 10,000 rows.
		expectClose(shares, [0.3, 0.7, 0], 0.02);
	});
});

// rowDraw(42, i) * 2^32 for i = 0, 1, 2, from an independent BigInt splitmix32.
const PINNED_42 = [939911724, 3948730756, 321366731];
