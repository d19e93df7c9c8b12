import { describe, expect, it } from 'vitest';
import { DEFAULT_ONE_RULE_SPEC } from '../../../src/core/models/baseline/one-rule';
import { DEFAULT_LINEAR_SPEC } from '../../../src/core/models/linear/linear';
import { DEFAULT_TREE_SPEC } from '../../../src/core/models/tree/decision-tree';
import { DEFAULT_BOOSTING_SPEC } from '../../../src/core/models/boosting/boosting';
import { DEFAULT_FOREST_SPEC } from '../../../src/core/models/forest/random-forest';
import { DEFAULT_NEURAL_SPEC } from '../../../src/core/models/neural/mlp';
import {
	formatParam,
	PARAM_INFO,
	paramProblem,
	readParam,
	withParam,
	type FormSpec,
	type SpecKind
} from '../../../src/core/tune/param-info';

const DEFAULTS: Record<SpecKind, FormSpec> = {
	baseline: { kind: 'baseline', strategy: 'prior' },
	rule: DEFAULT_ONE_RULE_SPEC,
	linear: DEFAULT_LINEAR_SPEC,
	tree: DEFAULT_TREE_SPEC,
	boosting: DEFAULT_BOOSTING_SPEC,
	forest: DEFAULT_FOREST_SPEC,
	neural: DEFAULT_NEURAL_SPEC
};

const info = (kind: SpecKind, key: string) => PARAM_INFO[kind].find((p) => p.key === key)!;

describe('PARAM_INFO', () => {
	it("describes every field of every family's spec, and nothing else", () => {
		for (const [kind, spec] of Object.entries(DEFAULTS) as [SpecKind, FormSpec][]) {
			const fields = Object.keys(spec).filter((key) => key !== 'kind');
			const described = PARAM_INFO[kind].filter((p) => p.absent === undefined).map((p) => p.key);
			expect(described.sort(), kind).toEqual(fields.sort());
		}
		expect(PARAM_INFO.linear.map((p) => p.key)).toEqual(['l2', 'l1']);
	});

	it('accepts every default value, with one line of help per field', () => {
		for (const [kind, spec] of Object.entries(DEFAULTS) as [SpecKind, FormSpec][])
			for (const p of PARAM_INFO[kind]) {
				expect(paramProblem(p, readParam(spec, p)!), `${kind}.${p.key}`).toBeNull();
				expect(p.help).not.toMatch(/\n/);
				expect(p.help.length).toBeLessThan(170);
			}
	});

	it('reads an absent L1 penalty as 0, as the linear family does', () => {
		expect(readParam({ kind: 'linear', l2: 1 }, info('linear', 'l1'))).toBe(0);
		expect(readParam({ kind: 'linear', l2: 1, l1: 3 }, info('linear', 'l1'))).toBe(3);
	});

	it('explains a value out of range, and takes the named values', () => {
		expect(paramProblem(info('tree', 'maxDepth'), 2.5)).toBe(
			'Maximum depth must be a whole number at least 0 and at most 64.'
		);
		expect(paramProblem(info('boosting', 'learningRate'), 0)).toBe(
			'Learning rate must be a number above 0 and at most 1.'
		);
		expect(paramProblem(info('neural', 'dropout'), 1)).toMatch(/below 1/);
		expect(paramProblem(info('boosting', 'maxDepth'), null)).toBeNull();
		expect(paramProblem(info('boosting', 'maxDepth'), 0)).toBe(
			'Maximum depth must be a whole number at least 1 and at most 64, or no limit.'
		);
		expect(paramProblem(info('forest', 'maxFeatures'), 'sqrt')).toBeNull();
		expect(paramProblem(info('forest', 'maxFeatures'), 'log2')).toMatch(/square root/);
		expect(paramProblem(info('tree', 'criterion'), 'squared_error')).toBe(
			'Split quality must be one of: Gini impurity, Entropy.'
		);
		expect(paramProblem(info('neural', 'hidden'), [64, 0])).toMatch(/whole numbers from 1/);
		expect(paramProblem(info('neural', 'hidden'), [])).toBeNull();
	});

	it('formats values as a form shows them', () => {
		expect(formatParam(info('forest', 'maxDepth'), null)).toBe('No limit');
		expect(formatParam(info('forest', 'maxFeatures'), 'all')).toBe('All features');
		expect(formatParam(info('forest', 'maxFeatures'), 0.5)).toBe('0.5');
		expect(formatParam(info('neural', 'hidden'), [64, 32])).toBe('64 × 32');
		expect(formatParam(info('tree', 'criterion'), 'gini')).toBe('Gini impurity');
	});

	it('sets a field on a copy, never sharing a list', () => {
		const layers = [8, 4];
		const spec = withParam(DEFAULT_NEURAL_SPEC, 'hidden', layers);
		layers.push(2);
		expect(spec.hidden).toEqual([8, 4]);
		expect(DEFAULT_NEURAL_SPEC.hidden).toEqual([64]);
	});
});
