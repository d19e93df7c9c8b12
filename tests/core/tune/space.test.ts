import { describe, expect, it } from 'vitest';
import { DEFAULT_LINEAR_SPEC } from '../../../src/core/models/linear/linear';
import { DEFAULT_TREE_SPEC } from '../../../src/core/models/tree/decision-tree';
import { DEFAULT_BOOSTING_SPEC } from '../../../src/core/models/boosting/boosting';
import { DEFAULT_FOREST_SPEC } from '../../../src/core/models/forest/random-forest';
import { DEFAULT_NEURAL_SPEC } from '../../../src/core/models/neural/mlp';
import { paramProblem, readParam } from '../../../src/core/tune/param-info';
import { gridSize } from '../../../src/core/tune/search';
import {
	isTunable,
	spaceForTask,
	TUNABLE_KINDS,
	TUNING_SPACES,
	type TunableKind,
	type TunableSpec
} from '../../../src/core/tune/space';

const TUNABLE_DEFAULTS: Record<TunableKind, TunableSpec> = {
	linear: DEFAULT_LINEAR_SPEC,
	tree: DEFAULT_TREE_SPEC,
	boosting: DEFAULT_BOOSTING_SPEC,
	forest: DEFAULT_FOREST_SPEC,
	neural: DEFAULT_NEURAL_SPEC
};

describe('TUNING_SPACES', () => {
	it('gives each parameter a short grid holding the default and values its form accepts', () => {
		for (const kind of TUNABLE_KINDS)
			for (const p of TUNING_SPACES[kind]) {
				const name = `${kind}.${p.key}`;
				expect(p.grid.length, name).toBeGreaterThanOrEqual(2);
				expect(p.grid.length, name).toBeLessThanOrEqual(4);
				expect(p.grid, name).toContainEqual(readParam(TUNABLE_DEFAULTS[kind], p));
				expect(new Set(p.grid.map((v) => JSON.stringify(v))).size, name).toBe(p.grid.length);
				for (const value of p.grid) expect(paramProblem(p, value), name).toBeNull();
			}
	});

	it('draws random values only from what the form accepts, log scales above 0', () => {
		for (const kind of TUNABLE_KINDS)
			for (const p of TUNING_SPACES[kind]) {
				const name = `${kind}.${p.key}`;
				const r = p.random;
				if (r.kind === 'choice') {
					for (const value of r.options) expect(paramProblem(p, value), name).toBeNull();
					continue;
				}
				expect(r.min, name).toBeLessThan(r.max);
				if (r.log) expect(r.min, name).toBeGreaterThan(0);
				if (r.kind === 'int') expect(Number.isInteger(r.min) && Number.isInteger(r.max)).toBe(true);
				expect(paramProblem(p, r.min), name).toBeNull();
				expect(paramProblem(p, r.max), name).toBeNull();
			}
	});

	it('keeps the default grids small', () => {
		const sizes = TUNABLE_KINDS.map((kind) => gridSize(TUNING_SPACES[kind]));
		expect(sizes).toEqual([4, 12, 18, 18, 9]);
		expect(TUNING_SPACES.boosting.filter((p) => p.byDefault).map((p) => p.key)).toEqual([
			'learningRate',
			'maxLeaves',
			'minDataInLeaf'
		]);
	});

	it('leaves the class-only criterion out for a number target', () => {
		expect(spaceForTask(TUNING_SPACES.tree, 'regression').map((p) => p.key)).toEqual([
			'maxDepth',
			'minSamplesLeaf'
		]);
		expect(spaceForTask(TUNING_SPACES.tree, 'binary')).toHaveLength(3);
	});

	it('tunes every family but the baselines', () => {
		expect(isTunable({ kind: 'baseline' })).toBe(false);
		expect(isTunable({ kind: 'rule', maxBins: 6 })).toBe(false);
		expect(isTunable(DEFAULT_FOREST_SPEC)).toBe(true);
	});
});
