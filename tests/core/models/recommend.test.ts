import { describe, expect, it } from 'vitest';
import {
	recommendFamily,
	startingSpec,
	type RecommendInput,
	type Recommendation
} from '../../../src/core/models/recommend';

/** Adult's reference split: 19,536 training rows, 14 input columns, 8 of them categories. */
const ADULT: RecommendInput = {
	task: 'binary',
	trainRows: 19_536,
	features: 14,
	inputColumns: 14,
	categoricalColumns: 8
};

const whyOf = (r: Recommendation, kind: string) => r.alternatives.find((a) => a.kind === kind)?.why;
const text = (r: Recommendation) => r.reasons.join(' ');

describe('recommendFamily', () => {
	it('recommends gradient-boosted trees from 1,000 training rows, quoting the row count', () => {
		const r = recommendFamily(ADULT);
		expect(r.kind).toBe('boosting');
		expect(r.spec).toEqual(startingSpec('boosting', 'binary'));
		expect(text(r)).toContain('19,536 training rows is enough for gradient-boosted trees');
		expect(r.alternatives.map((a) => a.kind)).toEqual([
			'forest',
			'linear',
			'tree',
			'rule',
			'neural'
		]);
		expect(whyOf(r, 'forest')).toContain('roughly 11.7 MB for 19,536 training rows');
		expect(whyOf(r, 'neural')).toMatch(/^Rarely better than boosted trees on tables, and slower/);
	});

	it('recommends a linear model for very few rows, saying a flexible model would overfit', () => {
		const r = recommendFamily({ task: 'multiclass', trainRows: 150, features: 20 });
		expect(r.kind).toBe('linear');
		expect(r.reasons[0]).toMatch(/^Only 150 training rows: a flexible model .* overfit/);
		// 20 input columns for 150 rows: many weights.
		expect(r.reasons[1]).toMatch(/^20 input columns for 150 training rows is many weights/);
		expect(whyOf(r, 'boosting')).toMatch(/^Needs more than 150 training rows/);
	});

	it('recommends a linear model for a few hundred rows, with a forest to compare', () => {
		const r = recommendFamily({ task: 'binary', trainRows: 534, features: 7 });
		expect(r.kind).toBe('linear');
		expect(text(r)).toContain('With 534 training rows, a simple model is hard to beat');
		expect(r.alternatives[0]).toEqual({
			kind: 'forest',
			why: 'Robust with little tuning, and often as good with 534 training rows: the one to compare with.'
		});
	});

	it('recommends a linear model when the brief needs a readable one, whatever the rows', () => {
		const r = recommendFamily({ ...ADULT, categoricalColumns: 2, interpretable: true });
		expect(r.kind).toBe('linear');
		expect(r.reasons[0]).toMatch(/^The brief asks for a model a person can read\. A linear model/);
		expect(whyOf(r, 'tree')).toMatch(/^A tree of depth 4 is readable too/);
		expect(whyOf(r, 'boosting')).toMatch(/^Usually more accurate, but no one can read it whole/);
	});

	it('suggests an L1 penalty when a readable linear model has many weights', () => {
		const r = recommendFamily({
			task: 'binary',
			trainRows: 5_000,
			features: 108,
			featuresAfterRecipe: true,
			interpretable: true
		});
		expect(r.kind).toBe('linear');
		expect(text(r)).toContain('With 108 features after the recipe, an L1 penalty');
	});

	it('recommends a shallow tree when the brief needs a readable model and categories dominate', () => {
		const r = recommendFamily({ ...ADULT, interpretable: true });
		expect(r.kind).toBe('tree');
		expect(r.spec).toEqual({ kind: 'tree', criterion: 'gini', maxDepth: 4, minSamplesLeaf: 5 });
		expect(text(r)).toContain('8 of your 14 input columns are categories');
		expect(r.alternatives[0].kind).toBe('linear');
	});

	it('never picks an unreadable family when the brief needs a readable one', () => {
		const slow = [
			{ kind: 'linear', latencyUs: 900 },
			{ kind: 'tree', latencyUs: 900 },
			{ kind: 'rule', latencyUs: 900 }
		] as const;
		const r = recommendFamily({
			...ADULT,
			interpretable: true,
			latencyBudgetUs: 500,
			measured: slow
		});
		expect(['linear', 'tree', 'rule']).toContain(r.kind);
		expect(r.reasons[0]).toMatch(/^No family fits the brief's budgets by these figures/);
	});

	it('rules out a family whose rough latency is over the budget, and quotes the budget', () => {
		const r = recommendFamily({ ...ADULT, latencyBudgetUs: 500 });
		expect(r.kind).toBe('boosting');
		expect(text(r)).toContain(
			'Its latency is roughly 300 µs per row, within a 500 µs latency budget.'
		);
		expect(whyOf(r, 'forest')).toBe(
			'Ruled out: roughly 1 ms per row, over a 500 µs latency budget.'
		);
	});

	it('prefers the latest measured latency of a family to the rough figure', () => {
		const r = recommendFamily({
			...ADULT,
			latencyBudgetUs: 1_000,
			measured: [
				{ kind: 'boosting', latencyUs: 120, modelBytes: 150_000 },
				{ kind: 'boosting', latencyUs: 1_500, modelBytes: 150_000 },
				{ kind: 'forest', latencyUs: null }
			]
		});
		expect(r.kind).toBe('forest');
		expect(r.reasons).toContain(
			'Ruled out: gradient-boosted trees (measured at 1.5 ms per row, over a 1 ms latency budget).'
		);
		expect(text(r)).toContain('roughly 1 ms per row, within a 1 ms latency budget');
	});

	it('rules out a forest that would be larger than the size budget', () => {
		const r = recommendFamily({
			task: 'regression',
			trainRows: 12_384,
			features: 9,
			modelBytesBudget: 5e6,
			measured: [{ kind: 'boosting', modelBytes: 187_030 }]
		});
		expect(r.kind).toBe('boosting');
		expect(text(r)).toContain('Its size is measured at 187 kB, within a 5 MB size budget.');
		expect(whyOf(r, 'forest')).toBe('Ruled out: roughly 37.2 MB, over a 5 MB size budget.');
	});

	it('picks the family closest to the budget, never the neural net, when nothing fits', () => {
		const r = recommendFamily({
			...ADULT,
			latencyBudgetUs: 50,
			measured: [{ kind: 'neural', latencyUs: 10 }]
		});
		expect(r.kind).toBe('linear');
		expect(r.reasons).toEqual([
			"No family fits the brief's budgets by these figures; the linear model comes closest (roughly 200 µs per row, over a 50 µs latency budget). Train it and check its measured cost, or revisit the budget."
		]);
		expect(whyOf(r, 'neural')).toMatch(/^Rarely better/);
		const tiny = recommendFamily({ ...ADULT, modelBytesBudget: 1000 });
		expect(tiny.kind).toBe('linear');
		expect(tiny.reasons[0]).toContain('(roughly 8.56 kB, over a 1 kB size budget)');
	});

	it('says accuracy can lead when the brief does not need a readable model', () => {
		expect(text(recommendFamily({ ...ADULT, interpretable: false }))).toContain(
			'The brief does not need a readable model, so accuracy can lead.'
		);
	});

	it('warns that trees cannot extrapolate a regression target over a time split', () => {
		const r = recommendFamily({
			task: 'regression',
			trainRows: 10_427,
			features: 12,
			timeSplit: true
		});
		expect(r.kind).toBe('boosting');
		expect(text(r)).toContain('Your split is by time: trees cannot predict beyond the range');
		expect(text(recommendFamily({ ...ADULT, timeSplit: true }))).not.toContain('by time');
	});
});

describe('startingSpec', () => {
	it("starts a regression forest on all features (scikit-learn's regressor) and a regression tree on the squared error", () => {
		expect(startingSpec('forest', 'regression')).toMatchObject({ maxFeatures: 'all' });
		expect(startingSpec('forest', 'binary')).toMatchObject({ maxFeatures: 'sqrt' });
		expect(startingSpec('tree', 'regression')).toMatchObject({ criterion: 'squared_error' });
		expect(startingSpec('linear', null)).toEqual({ kind: 'linear', l2: 1 });
	});
});
