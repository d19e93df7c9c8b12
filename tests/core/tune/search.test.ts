import { describe, expect, it } from 'vitest';
import { fitModel } from '../../../src/core/models/registry';
import type { FitEvent, TrainData } from '../../../src/core/models/model';
import { DEFAULT_LINEAR_SPEC } from '../../../src/core/models/linear/linear';
import { DEFAULT_TREE_SPEC } from '../../../src/core/models/tree/decision-tree';
import { DEFAULT_BOOSTING_SPEC } from '../../../src/core/models/boosting/boosting';
import { DEFAULT_FOREST_SPEC, fitForest } from '../../../src/core/models/forest/random-forest';
import { DEFAULT_NEURAL_SPEC, fitNeural } from '../../../src/core/models/neural/mlp';
import type { TaskContext } from '../../../src/core/util/task';
import { createRng } from '../../../src/core/util/rng';
import { readParam } from '../../../src/core/tune/param-info';
import { gridSpecs, MAX_TRIALS, randomSpecs } from '../../../src/core/tune/search';
import {
	TUNABLE_KINDS,
	TUNING_SPACES,
	type TunableKind,
	type TunableSpec
} from '../../../src/core/tune/space';
import { expectCoreError, featureMatrix } from '../helpers';

const DEFAULTS: Record<TunableKind, TunableSpec> = {
	linear: DEFAULT_LINEAR_SPEC,
	tree: DEFAULT_TREE_SPEC,
	boosting: DEFAULT_BOOSTING_SPEC,
	forest: DEFAULT_FOREST_SPEC,
	neural: DEFAULT_NEURAL_SPEC
};
const allKeys = (kind: TunableKind) => TUNING_SPACES[kind].map((p) => p.key);

/** Fits through the registry, or the family's own fit while the registry does not list it yet. */
function fit(spec: TunableSpec, data: TrainData, ctx: TaskContext<FitEvent> = {}) {
	switch (spec.kind) {
		case 'forest':
			return fitForest(spec, data, 7, ctx);
		case 'neural':
			return fitNeural(spec, data, 7, ctx);
		default:
			return fitModel(spec, data, 7, ctx);
	}
}

/** 12 rows of two features; class 1 where the first is large. */
const TINY: TrainData = {
	task: 'binary',
	classes: ['no', 'yes'],
	x: featureMatrix(Array.from({ length: 12 }, (_, i) => [i, (i * 7) % 5])),
	y: Int32Array.from({ length: 12 }, (_, i) => (i >= 6 ? 1 : 0))
};
/** No rows: every family checks its spec first, so `no-train-rows` means the spec passed. */
const EMPTY: TrainData = {
	...TINY,
	x: { ...TINY.x, rows: 0, values: new Float64Array(0) },
	y: new Int32Array(0)
};

async function expectValid(spec: TunableSpec): Promise<void> {
	await expectCoreError(() => fit(spec, EMPTY), 'no-train-rows');
}

describe('gridSpecs', () => {
	it('crosses the default parameters in a stable order, the first slowest', () => {
		const specs = gridSpecs(DEFAULT_BOOSTING_SPEC);
		expect(specs).toHaveLength(18);
		expect(specs.slice(0, 3).map((s) => [s.learningRate, s.maxLeaves, s.minDataInLeaf])).toEqual([
			[0.03, 7, 5],
			[0.03, 7, 20],
			[0.03, 15, 5]
		]);
		expect(specs[17]).toEqual({
			...DEFAULT_BOOSTING_SPEC,
			learningRate: 0.3,
			maxLeaves: 31,
			minDataInLeaf: 20
		});
		expect(gridSpecs(DEFAULT_BOOSTING_SPEC)).toEqual(specs);
	});

	it('tunes the named parameters, in the space order whatever the order of the keys', () => {
		const specs = gridSpecs(DEFAULT_FOREST_SPEC, TUNING_SPACES.forest, ['criterion', 'maxDepth']);
		expect(specs.map((s) => [s.maxDepth, s.criterion])).toEqual([
			[null, 'gini'],
			[null, 'entropy'],
			[6, 'gini'],
			[6, 'entropy'],
			[12, 'gini'],
			[12, 'entropy']
		]);
		expect(gridSpecs(DEFAULT_LINEAR_SPEC, TUNING_SPACES.linear, [])).toEqual([DEFAULT_LINEAR_SPEC]);
	});

	it('copies the base for each spec, sharing no list', () => {
		const specs = gridSpecs(DEFAULT_NEURAL_SPEC);
		expect(specs.map((s) => s.hidden)).toContainEqual([64, 64]);
		expect(specs[0].hidden).not.toBe(specs[1].hidden);
		expect(DEFAULT_NEURAL_SPEC.hidden).toEqual([64]);
	});

	it('refuses more than MAX_TRIALS combinations, and names it plainly', async () => {
		await expectCoreError(
			() => gridSpecs(DEFAULT_BOOSTING_SPEC, TUNING_SPACES.boosting, allKeys('boosting')),
			'too-many-trials',
			/This grid has 1458 trials; at most 200/
		);
		await expectCoreError(
			() => gridSpecs(DEFAULT_TREE_SPEC, TUNING_SPACES.tree, ['depth']),
			'unknown-param'
		);
	});
});

describe('randomSpecs', () => {
	it('gives the same specs for the same seed, and others for another', () => {
		const draw = (seed: number) =>
			randomSpecs(
				DEFAULT_BOOSTING_SPEC,
				TUNING_SPACES.boosting,
				20,
				createRng(seed),
				allKeys('boosting')
			);
		expect(draw(3)).toEqual(draw(3));
		expect(draw(4)).not.toEqual(draw(3));
	});

	it('stays within bounds, whole where whole, spread evenly over the logarithm where log', () => {
		const specs = randomSpecs(DEFAULT_LINEAR_SPEC, TUNING_SPACES.linear, MAX_TRIALS, createRng(1), [
			'l2'
		]);
		expect(specs).toHaveLength(MAX_TRIALS);
		const l2 = specs.map((s) => s.l2);
		expect(Math.min(...l2)).toBeGreaterThanOrEqual(1e-3);
		expect(Math.max(...l2)).toBeLessThanOrEqual(1e3);
		// Log-uniform over [1e-3, 1e3]: each decade holds about a sixth of the draws.
		for (let decade = -3; decade < 3; decade++) {
			const inside = l2.filter((v) => v >= 10 ** decade && v < 10 ** (decade + 1)).length;
			expect(inside, `decade ${decade}`).toBeGreaterThan(MAX_TRIALS / 6 - 20);
			expect(inside, `decade ${decade}`).toBeLessThan(MAX_TRIALS / 6 + 20);
		}
		const trees = randomSpecs(DEFAULT_TREE_SPEC, TUNING_SPACES.tree, 100, createRng(2));
		for (const s of trees) {
			expect(Number.isInteger(s.maxDepth) && s.maxDepth >= 1 && s.maxDepth <= 30).toBe(true);
			expect(Number.isInteger(s.minSamplesLeaf)).toBe(true);
			expect(s.minSamplesLeaf).toBeGreaterThanOrEqual(1);
			expect(s.minSamplesLeaf).toBeLessThanOrEqual(100);
		}
		// Rounding gives the end values of a log scale of whole numbers their share too.
		expect(trees.some((s) => s.minSamplesLeaf === 1)).toBe(true);
	});

	it('never repeats a spec, and gives fewer when the space holds fewer', () => {
		const specs = randomSpecs(DEFAULT_TREE_SPEC, TUNING_SPACES.tree, 100, createRng(5));
		expect(new Set(specs.map((s) => JSON.stringify(s))).size).toBe(100);
		const criteria = randomSpecs(DEFAULT_TREE_SPEC, TUNING_SPACES.tree, 10, createRng(5), [
			'criterion'
		]);
		expect(criteria.map((s) => s.criterion).sort()).toEqual(['entropy', 'gini']);
	});

	it('refuses a count out of range', async () => {
		const rng = createRng(1);
		await expectCoreError(
			() => randomSpecs(DEFAULT_TREE_SPEC, TUNING_SPACES.tree, 201, rng),
			'too-many-trials'
		);
		await expectCoreError(
			() => randomSpecs(DEFAULT_TREE_SPEC, TUNING_SPACES.tree, 0, rng),
			'bad-trial-count'
		);
	});
});

describe('every generated spec', () => {
	it("passes its family's own checks: each grid value, and random draws of every parameter", async () => {
		for (const kind of TUNABLE_KINDS) {
			const base = DEFAULTS[kind];
			for (const p of TUNING_SPACES[kind])
				for (const spec of gridSpecs(base, TUNING_SPACES[kind], [p.key])) await expectValid(spec);
			for (const spec of randomSpecs(base, TUNING_SPACES[kind], 100, createRng(9), allKeys(kind)))
				await expectValid(spec);
		}
	});

	it('fits a tiny matrix for each spec of the default grids', async () => {
		for (const kind of ['linear', 'tree', 'boosting', 'forest'] as const)
			for (const spec of gridSpecs(DEFAULTS[kind])) {
				const small = kind === 'forest' ? { ...spec, trees: 5 } : spec;
				const { model } = await fit(small, TINY);
				expect(model.kind).toBe(kind);
			}
		// A network gets as far as TF.js (its spec and data accepted), then stops on the cancel.
		const cancelled = AbortSignal.abort();
		for (const spec of gridSpecs(DEFAULT_NEURAL_SPEC))
			await expectCoreError(() => fit(spec, TINY, { signal: cancelled }), 'cancelled');
		expect(readParam(gridSpecs(DEFAULT_LINEAR_SPEC)[0], TUNING_SPACES.linear[1])).toBe(0);
	});
});
