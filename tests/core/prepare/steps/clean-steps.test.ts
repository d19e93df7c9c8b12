import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../../src/core/prepare/frame';
import { applyRecipe, fitRecipe, type Recipe } from '../../../../src/core/prepare/recipe';
import {
	applyCleanStep,
	CLEAN_STEP_KINDS,
	describeCleanStep,
	fitCleanStep,
	isCleanStep,
	type CleanStep,
	type FittedCleanStep
} from '../../../../src/core/prepare/steps/clean-steps';
import { NO_FIT_CONTEXT, type FitContext } from '../../../../src/core/prepare/steps/step';
import { categories, expectClose, numbers, typedText } from '../../helpers';

/** A step, its train frame, and other rows (unseen labels, missing cells) with their result. */
interface Case {
	step: CleanStep;
	train: Frame;
	ctx?: FitContext;
	other: Frame;
	/** The other rows after the step: each column's numbers, or labels (null for missing). */
	expected: [string, (number | string | null)[]][];
}

const binaryTarget = (y: number[]): FitContext => ({
	target: { kind: 'classes', classes: ['n', 'p'], y: Int32Array.from(y) },
	seed: 1
});

const CASES: Case[] = [
	{
		step: { kind: 'impute', column: 'x', strategy: 'median', indicator: true },
		train: [numbers('x', [1, NaN, 3])],
		other: [numbers('x', [NaN, 10])],
		expected: [
			['x', [2, 10]],
			['x missing', [1, 0]]
		]
	},
	{
		step: { kind: 'impute', column: 'c', strategy: 'constant', value: '?' },
		train: [categories('c', ['a', null])],
		other: [categories('c', [null, 'new'])],
		expected: [['c', ['?', 'new']]]
	},
	{
		step: { kind: 'drop-columns', columns: ['id', 'gone'], reason: 'identifier' },
		train: [numbers('id', [1]), numbers('x', [1])],
		other: [numbers('id', [7]), numbers('x', [2])],
		expected: [['x', [2]]]
	},
	{
		step: { kind: 'drop-duplicates' },
		train: [numbers('x', [1, 1, 2])],
		other: [numbers('x', [5, 5])],
		expected: [['x', [5, 5]]]
	},
	{
		step: {
			kind: 'clean-labels',
			column: 'c',
			trim: true,
			caseFold: 'lower',
			merge: [['NY', 'New York']]
		},
		train: [categories('c', ['NY'])],
		other: [categories('c', [' ny', 'Paris ', null])],
		expected: [['c', ['new york', 'paris', null]]]
	},
	{
		step: { kind: 'rare-levels', column: 'c', minCount: 2 },
		train: [categories('c', ['a', 'a', 'b'])],
		other: [categories('c', ['b', 'zzz', null, 'a'])],
		expected: [['c', ['Other', 'Other', null, 'a']]]
	},
	{
		step: { kind: 'ordinal', column: 'c' },
		train: [categories('c', ['lo', 'hi'])],
		other: [categories('c', ['hi', 'mid', null, 'lo'])],
		expected: [['c', [0, -1, -1, 1]]]
	},
	{
		step: { kind: 'target-encode', column: 'c', smoothing: 0 },
		train: [categories('c', ['a', 'b', 'a', 'b'])],
		ctx: binaryTarget([1, 0, 1, 1]),
		other: [categories('c', ['b', 'new', null, 'a'])],
		expected: [['c target rate', [0.5, 0.75, 0.75, 1]]]
	},
	{
		step: { kind: 'one-hot', column: 'c' },
		train: [categories('c', ['a', 'b'])],
		other: [categories('c', ['b', 'new'])],
		expected: [
			['c=a', [0, 0]],
			['c=b', [1, 0]]
		]
	}
];

function cellsOf(frame: Frame): [string, (number | string | null)[]][] {
	return frame.map((c) => {
		if (c.kind === 'category' || c.kind === 'text')
			return [c.name, Array.from(c.codes, (code) => (code < 0 ? null : c.levels[code]))];
		if (c.kind === 'number') return [c.name, Array.from(c.values)];
		return [c.name, []];
	});
}

describe('clean steps', () => {
	it('has a case below for every kind', () => {
		expect(new Set(CASES.map((c) => c.step.kind))).toEqual(new Set(CLEAN_STEP_KINDS));
		expect(CASES.every((c) => isCleanStep(c.step))).toBe(true);
	});

	for (const { step, train, ctx = NO_FIT_CONTEXT, other, expected } of CASES) {
		describe(step.kind, () => {
			const fitted = (): FittedCleanStep => fitCleanStep(step, train, ctx).fitted;

			it('applies to other rows as defined by what it learned on train', () => {
				expect(cellsOf(applyCleanStep(fitted(), other))).toEqual(expected);
			});

			it('applies identically after a JSON round trip', () => {
				const saved = JSON.parse(JSON.stringify(fitted())) as FittedCleanStep;
				expect(saved).toEqual(fitted());
				expect(cellsOf(applyCleanStep(saved, other))).toEqual(expected);
			});

			it('does not change the frames it reads, and describes itself', () => {
				const before = [cellsOf(train), cellsOf(other)];
				applyCleanStep(fitCleanStep(step, train, ctx).fitted, other);
				expect([cellsOf(train), cellsOf(other)]).toEqual(before);
				expect(describeCleanStep(step)).toMatch(/\w/);
			});
		});
	}
});

describe('describeCleanStep', () => {
	it('says what each step does in a short sentence', () => {
		const steps: [CleanStep, string][] = [
			[
				{ kind: 'impute', column: 'x', strategy: 'median', indicator: true },
				'x: fill missing values (median), flagged in "x missing"'
			],
			[
				{ kind: 'impute', column: 'c', strategy: 'constant', value: 'unknown' },
				'c: fill missing values (constant "unknown")'
			],
			[
				{ kind: 'drop-columns', columns: ['id', 'name'], reason: 'identifiers' },
				'drop id, name (identifiers)'
			],
			[{ kind: 'drop-duplicates' }, 'drop train rows that repeat an earlier train row'],
			[
				{
					kind: 'clean-labels',
					column: 'c',
					trim: true,
					caseFold: 'lower',
					merge: [['NY', 'New York']]
				},
				'c: clean labels (trim spaces, lower case, merge 1 spelling)'
			],
			[
				{ kind: 'rare-levels', column: 'c', minCount: 5, minShare: 0.07 },
				'c: group labels seen fewer than 5 times or in under 7% of rows into "Other"'
			],
			[
				{ kind: 'rare-levels', column: 'c', other: 'rest' },
				'c: group labels seen in under 1% of rows into "rest"'
			],
			[
				{ kind: 'ordinal', column: 's', order: ['S', 'M', 'L'] },
				's: encode as numbers in the order S < M < L (others -1)'
			],
			[
				{ kind: 'ordinal', column: 'c' },
				'c: encode as numbers in sorted label order (unseen or missing -1)'
			],
			[
				{ kind: 'target-encode', column: 'g' },
				'g: encode by the train target per label (smoothing 10, 5-fold out-of-fold on train)'
			],
			[{ kind: 'one-hot', column: 'c' }, 'c: one-hot encode']
		];
		for (const [step, text] of steps) expect(describeCleanStep(step)).toBe(text);
	});
});

describe('clean steps in a recipe', () => {
	const TRAIN = 'c,x,g\nlo,1,a\nlo,1,a\nhi,,b\nhi,3,a\nlo,5,b\n';
	const TEST = 'c,x,g\nmid,,zzz\n,2,\n';
	const recipe: Recipe = {
		inputs: [
			{ name: 'c', kind: 'category' },
			{ name: 'x', kind: 'number' },
			{ name: 'g', kind: 'category' }
		],
		steps: [
			{ kind: 'drop-duplicates' },
			{ kind: 'target-encode', column: 'g', smoothing: 1, folds: 2 },
			{ kind: 'ordinal', column: 'c', order: ['lo', 'hi'] }
		]
	};

	it('drops train rows with their targets, encodes from train only and applies to any rows', async () => {
		const ctx = binaryTarget([1, 1, 0, 1, 0]);
		const fit = fitRecipe(recipe, await typedText(TRAIN), ctx);
		expect(Array.from(fit.rows ?? [])).toEqual([0, 2, 3, 4]);
		expect(fit.x.rows).toBe(4);
		expect(fit.recipe.features).toEqual(['c', 'x', 'g target rate']);
		// g's encodings come from the 4 kept rows: a (y 1, 1), b (y 0, 0), prior 1/2.
		const g = fit.recipe.steps.find((s) => s.kind === 'target-encode');
		expect(g?.kind === 'target-encode' && g.encodings).toEqual([[5 / 6], [1 / 6]]);
		const x = applyRecipe(fit.recipe, await typedText(TEST));
		expect([x.rows, x.width]).toEqual([2, 3]);
		expect(Array.from(x.values).every(Number.isFinite)).toBe(true);
		// Unseen and missing labels: ordinal -1, target encoding the prior.
		expectClose([x.values[0], x.values[2], x.values[3], x.values[5]], [-1, 0.5, -1, 0.5]);
	});
});
