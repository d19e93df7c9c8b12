import { describe, expect, it } from 'vitest';
import {
	applyRecipe,
	defaultRecipe,
	fitRecipe,
	recipeHash,
	type Recipe
} from '../../../src/core/prepare/recipe';
import { expectClose, expectCoreError, typedText } from '../helpers';

const TRAIN = 'age,city\n20,Rio\n,Lima\n40,Rio\n30,\n';
const TEST = 'age,city\n,Quito\n1000,Lima\n35,\n';
const recipe = defaultRecipe([
	{ name: 'age', kind: 'number' },
	{ name: 'city', kind: 'category' }
]);

describe('defaultRecipe', () => {
	it('has no steps of its own: fitting adds the finishing steps', () => {
		expect(recipe.steps).toEqual([]);
	});
});

describe('fitRecipe and applyRecipe', () => {
	it('learns every parameter from the train rows only', async () => {
		const { recipe: fitted, x: trainX } = fitRecipe(recipe, await typedText(TRAIN));
		// age: median of 20, 40, 30 = 30; after imputing, 20 30 40 30 has mean 30, std sqrt(50).
		expect(fitted.steps).toEqual([
			{ kind: 'impute', column: 'age', strategy: 'median', fill: 30 },
			{ kind: 'standardize', column: 'age', mean: 30, std: Math.sqrt(50) },
			{ kind: 'impute', column: 'city', strategy: 'most-frequent', fill: 'Rio' },
			{ kind: 'one-hot', column: 'city', levels: ['Lima', 'Rio'] }
		]);
		expect(fitted.finishing).toBe(4);
		expect(fitted.features).toEqual(['age', 'city=Lima', 'city=Rio']);
		expect(trainX).toEqual(applyRecipe(fitted, await typedText(TRAIN)));
		const x = applyRecipe(fitted, await typedText(TEST));
		expect([x.rows, x.width]).toEqual([3, 3]);
		const s = Math.sqrt(50);
		// Row 1: missing age -> 30 -> 0; unseen city Quito -> all zeros. Row 3: missing city -> Rio.
		expectClose(x.values, [0, 0, 0, 970 / s, 1, 0, 5 / s, 0, 1], 1e-12);
	});

	it('fits the same parameters whatever rows are applied later, and does not change its input', async () => {
		const train = await typedText(TRAIN);
		const a = fitRecipe(recipe, train).recipe;
		applyRecipe(a, await typedText(TEST));
		expect(fitRecipe(recipe, train).recipe).toEqual(a);
		const age = train.columns[0];
		expect(age.kind === 'number' && Number.isNaN(age.values[1])).toBe(true);
	});

	it('rejects a table without an input column', async () => {
		const fitted = fitRecipe(recipe, await typedText(TRAIN)).recipe;
		const other = await typedText('age,town\n1,Rio\n2,Lima\n');
		await expectCoreError(() => applyRecipe(fitted, other), 'missing-column', /"city"/);
		await expectCoreError(() => fitRecipe(recipe, other), 'missing-column', /"city"/);
	});

	it('rejects a column of the wrong kind', async () => {
		const textAge = await typedText('age,city\nold,Rio\nyoung,Lima\nold,Rio\n');
		await expectCoreError(
			() => fitRecipe(recipe, textAge),
			'wrong-kind',
			/"age" should hold number but holds category/
		);
	});

	it('rejects a step on a column the recipe does not read, and one-hot encodes a label left as it is', async () => {
		const table = await typedText(TRAIN);
		const stray: Recipe = {
			inputs: [{ name: 'age', kind: 'number' }],
			steps: [{ kind: 'standardize', column: 'city' }]
		};
		await expectCoreError(() => fitRecipe(stray, table), 'missing-column', /"city"/);
		const unencoded: Recipe = { inputs: [{ name: 'city', kind: 'category' }], steps: [] };
		expect(fitRecipe(unencoded, table).recipe.features).toEqual(['city=Lima', 'city=Rio']);
	});
});

describe('hostile column names', () => {
	it('fits and applies a recipe over columns named __proto__ and constructor', async () => {
		const table = await typedText('__proto__,constructor\n1,toString\n3,valueOf\n,toString\n');
		const hostile = defaultRecipe([
			{ name: '__proto__', kind: 'number' },
			{ name: 'constructor', kind: 'category' }
		]);
		const fitted = fitRecipe(hostile, table).recipe;
		expect(fitted.features).toEqual(['__proto__', 'constructor=toString', 'constructor=valueOf']);
		// __proto__: 1, 3, then the median 2 -> mean 2, std sqrt(2/3).
		const s = Math.sqrt(2 / 3);
		expectClose(applyRecipe(fitted, table).values, [-1 / s, 1, 0, 1 / s, 0, 1, 0, 1, 0], 1e-12);
	});
});

describe('recipeHash', () => {
	it('identifies a recipe by its content', async () => {
		const same = JSON.parse(JSON.stringify(recipe)) as Recipe;
		expect(await recipeHash(same)).toBe(await recipeHash(recipe));
		const other = defaultRecipe([{ name: 'age', kind: 'number' }]);
		expect(await recipeHash(other)).not.toBe(await recipeHash(recipe));
	});
});

describe('finishing steps', () => {
	it('leave alone what the user imputed, scaled or encoded, and standardise derived numbers', async () => {
		const table = await typedText('size,w,h\nS,2,\nL,4,2\nM,,4\nS,8,8\n', [['size', 'category']]);
		const { recipe: fitted } = fitRecipe(
			{
				inputs: [
					{ name: 'size', kind: 'category' },
					{ name: 'w', kind: 'number' },
					{ name: 'h', kind: 'number' }
				],
				steps: [
					{ kind: 'ordinal', column: 'size', order: ['S', 'M', 'L'] },
					{ kind: 'impute', column: 'w', strategy: 'mean' },
					{ kind: 'scale', column: 'h', method: 'min-max' },
					{ kind: 'derive', op: 'ratio', left: 'w', right: 'h' }
				]
			},
			table
		);
		const finishing = fitted.steps.slice(fitted.steps.length - (fitted.finishing ?? 0));
		expect(finishing.map((s) => `${s.kind} ${'column' in s ? s.column : ''}`)).toEqual([
			// size is ordinal (complete, an encoding): nothing. w was imputed by the user: scaled only.
			'standardize w',
			// h was scaled by the user (its missing cell remains): imputed only.
			'impute h',
			// The ratio may be missing (h = 0 after min-max, or missing): imputed and standardised.
			'impute w / h',
			'standardize w / h'
		]);
	});
});

describe('finishing after a step that brings missing cells back', () => {
	it('imputes again a column whose last writer may leave it missing', async () => {
		const table = await typedText('w,y\n5 kg,1\n2 kg,0\n?,1\n3 kg,0\n', [['w', 'category']]);
		const { recipe: fitted, x } = fitRecipe(
			{
				inputs: [{ name: 'w', kind: 'category' }],
				steps: [
					{ kind: 'impute', column: 'w', strategy: 'most-frequent' },
					{ kind: 'units', column: 'w', unit: 'kg', bare: 'kg' }
				]
			},
			table
		);
		// "?" is no quantity: units leaves it missing, so the finishing steps impute w again.
		const finishing = fitted.steps.slice(fitted.steps.length - (fitted.finishing ?? 0));
		expect(finishing.map((s) => s.kind)).toEqual(['impute', 'standardize']);
		expect(x.values.every(Number.isFinite)).toBe(true);
	});
});
