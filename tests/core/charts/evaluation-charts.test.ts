import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import {
	calibrationChartSpec,
	costChartSpec,
	liftChartSpec,
	prChartSpec,
	residualChartSpec,
	rocChartSpec
} from '../../../src/core/charts/evaluation-charts';
import {
	calibrationCurve,
	liftCurve,
	precisionRecallCurve,
	residuals,
	rocCurve
} from '../../../src/core/evaluate/curves';
import { costCurve } from '../../../src/core/evaluate/threshold';
import { expectEveryMarkDrawn, expectValidSpec } from './expect-valid-spec';

const SCORES = [0.9, 0.8, 0.7, 0.6, 0.4, 0.3];
const TRUTH = [true, false, true, true, false, false];

/** The parts of a layered spec the tests read. */
interface Layered {
	description: string;
	layer: {
		data?: { values: Record<string, unknown>[] };
		mark: { type: string; interpolate?: string; strokeDash?: number[] };
		encoding: Record<string, { field?: string; datum?: number; title?: string }>;
	}[];
}

/** Returns the spec's layers and description. */
const layered = (spec: TopLevelSpec) => spec as unknown as Layered;

/** Asserts that a layer is the dashed reference diagonal from (0, 0) to (1, 1), with no data. */
function expectDiagonal(layer: Layered['layer'][number]): void {
	expect(layer.mark).toMatchObject({ type: 'rule', strokeDash: [4, 4] });
	expect(layer.encoding).toMatchObject({
		x: { datum: 0 },
		y: { datum: 0 },
		x2: { datum: 1 },
		y2: { datum: 1 }
	});
	expect(layer.data?.values).toEqual([{}]);
}

describe('rocChartSpec', () => {
	const spec = rocChartSpec(rocCurve(SCORES, TRUTH).points, 0.777);
	const { layer, description } = layered(spec);

	it('draws the curve in its own order over the chance diagonal, infinite threshold as null', () => {
		expectDiagonal(layer[0]);
		expect(layer[1].data?.values.slice(0, 2)).toEqual([
			{ order: 0, fpr: 0, tpr: 0, threshold: null },
			{ order: 1, fpr: 0, tpr: 1 / 3, threshold: 0.9 }
		]);
		expect(layer[1].encoding.x).toMatchObject({
			field: 'fpr',
			title: expect.stringMatching(/false positive rate/)
		});
		expect(layer[1].encoding.y).toMatchObject({
			field: 'tpr',
			title: expect.stringMatching(/true positive rate/)
		});
		expect(layer[1].encoding.order).toMatchObject({ field: 'order' });
		expect(description).toMatch(/Area under the curve 0.777/);
	});

	it('compiles without warnings, also with no points and an undefined area', () => {
		expectValidSpec(spec);
		expect(layered(rocChartSpec([], NaN)).description).toMatch(/not defined/);
		expectValidSpec(rocChartSpec([], NaN));
	});
});

describe('prChartSpec', () => {
	const points = precisionRecallCurve(SCORES, TRUTH).points;
	const spec = prChartSpec(points, 0.8, 0.5);
	const { layer, description } = layered(spec);

	it('draws recall-rising steps over a no-skill rule at the positive share', () => {
		expect(layer[0].mark.type).toBe('rule');
		expect(layer[0].encoding.y.datum).toBe(0.5);
		expect(layer[1].mark).toMatchObject({ type: 'line', interpolate: 'step-before' });
		const values = layer[1].data?.values ?? [];
		expect(values).toHaveLength(points.length);
		// The last point of the curve (recall 0, no threshold) is drawn first.
		expect(values[values.length - 1]).toEqual({
			order: 0,
			recall: 0,
			precision: 1,
			threshold: null
		});
		expect(values[0]).toMatchObject({ order: points.length - 1, recall: 1, precision: 0.5 });
		expect(layer[1].encoding.x).toMatchObject({ field: 'recall' });
		expect(layer[1].encoding.y).toMatchObject({ field: 'precision' });
		expect(description).toMatch(/Average precision 0.800.*positive share 0.500/);
	});

	it('compiles without warnings', () => {
		expectValidSpec(spec);
	});
});

describe('calibrationChartSpec', () => {
	const bins = calibrationCurve(SCORES, TRUTH, 5).points;
	const spec = calibrationChartSpec(bins, 0.21);
	const { layer, description } = layered(spec);

	it('draws each bin against the diagonal of perfect calibration', () => {
		expectDiagonal(layer[0]);
		expect(layer[1].data?.values).toEqual(bins);
		expect(layer[1].encoding.x).toMatchObject({
			field: 'meanPredicted',
			title: 'mean predicted probability'
		});
		expect(layer[1].encoding.y).toMatchObject({ field: 'fractionPositive' });
		expect(description).toMatch(/Brier score 0.210/);
	});

	it('compiles without warnings, also with no Brier score', () => {
		expectValidSpec(spec);
		expectValidSpec(calibrationChartSpec([], null));
	});
});

describe('residualChartSpec', () => {
	it('plots residual against prediction with a rule at zero', () => {
		const result = residuals(Float64Array.from([3, 5]), Float64Array.from([2.5, 6]));
		const spec = residualChartSpec(result);
		const { layer, description } = layered(spec);
		expect(layer[0].encoding.y.datum).toBe(0);
		expect(layer[1].data?.values).toEqual([
			{ predicted: 2.5, residual: 0.5 },
			{ predicted: 6, residual: -1 }
		]);
		expect(layer[1].encoding.x).toMatchObject({ field: 'predicted' });
		expect(layer[1].encoding.y).toMatchObject({ field: 'residual' });
		expect(description).toMatch(/Mean residual -0.250\.$/);
		expectValidSpec(spec);
	});

	it('says when the points are a sample', () => {
		const n = 6000;
		const result = residuals(new Float64Array(n), new Float64Array(n));
		expect(layered(residualChartSpec(result)).description).toMatch(
			/evenly spaced sample of 5000 of the 6000 rows/
		);
	});
});

describe('liftChartSpec', () => {
	const points = liftCurve(SCORES, TRUTH, 2).points;
	const spec = liftChartSpec(points);
	const { layer, description } = layered(spec);

	it('draws the gains from the origin over the diagonal of a random order', () => {
		expectDiagonal(layer[0]);
		// Top half by score: 0.9 yes, 0.8 no, 0.7 yes: two of three positives.
		expect(layer[1].data?.values).toEqual([
			{ share: 0, gain: 0, lift: null },
			{ share: 0.5, gain: 2 / 3, lift: 4 / 3 },
			{ share: 1, gain: 1, lift: 1 }
		]);
		expect(description).toMatch(/top 50% of rows hold 67% of the positives \(lift 1.33\)/);
	});

	it('compiles without warnings, also empty', () => {
		expectValidSpec(spec);
		expect(layered(liftChartSpec([])).layer[1].data?.values).toEqual([]);
		expectValidSpec(liftChartSpec([]));
	});
});

describe('costChartSpec', () => {
	const curve = costCurve(SCORES, TRUTH, 1, 3);
	const spec = costChartSpec(curve, 0.35);
	const { layer, description } = layered(spec);

	it('draws the cost as steps with a rule at the chosen threshold', () => {
		expect(layer[0].data?.values).toEqual(curve);
		expect(layer[0].mark).toMatchObject({ type: 'line', interpolate: 'step-after' });
		expect(layer[0].encoding.x).toMatchObject({ field: 'threshold' });
		expect(layer[0].encoding.y).toMatchObject({ field: 'cost', title: 'total cost of errors' });
		expect(layer[1].mark.type).toBe('rule');
		expect(layer[1].encoding.x.datum).toBe(0.35);
		expect(description).toMatch(/chosen threshold, 0.35\.$/);
	});

	it('compiles without warnings', () => {
		const vega = expectValidSpec(spec);
		expect(vega.marks?.map((m) => m.type)).toEqual(['line', 'rule']);
	});
});

describe('reference marks', () => {
	it('draw on every chart: a rule from a datum has a row of its own to draw', async () => {
		const result = residuals(Float64Array.from([3, 5]), Float64Array.from([2.5, 6]));
		for (const spec of [
			rocChartSpec(rocCurve(SCORES, TRUTH).points, 0.777),
			prChartSpec(precisionRecallCurve(SCORES, TRUTH).points, 0.8, 0.5),
			calibrationChartSpec(calibrationCurve(SCORES, TRUTH, 5).points, 0.21),
			residualChartSpec(result),
			liftChartSpec(liftCurve(SCORES, TRUTH, 2).points),
			costChartSpec(costCurve(SCORES, TRUTH, 1, 3), 0.35)
		])
			await expectEveryMarkDrawn(spec);
	});
});
