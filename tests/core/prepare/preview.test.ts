import { describe, expect, it } from 'vitest';
import { previewRecipe, PREVIEW_SAMPLE_ROWS } from '../../../src/core/prepare/preview';
import type { Recipe } from '../../../src/core/prepare/recipe';
import { typedText } from '../helpers';

const TRAIN = 'age,city\n20,Rio\n,Lima\n40,Rio\n30,\n50,Rio\n,Lima\n';
const INPUTS: Recipe['inputs'] = [
	{ name: 'age', kind: 'number' },
	{ name: 'city', kind: 'category' }
];

describe('previewRecipe', () => {
	it('shows each step with before / after counts, a sample and what it learned', async () => {
		const recipe: Recipe = {
			inputs: INPUTS,
			steps: [{ kind: 'impute', column: 'age', strategy: 'mean' }]
		};
		const preview = previewRecipe(recipe, await typedText(TRAIN));
		expect(preview.error).toBeNull();
		expect(preview.rows).toBe(6);
		const [impute, ...finishing] = preview.steps;
		expect(impute).toMatchObject({
			text: 'age: fill missing values (mean)',
			finishing: false,
			rowsBefore: 6,
			rowsAfter: 6,
			added: [],
			removed: [],
			changed: [
				{
					column: 'age',
					kindBefore: 'number',
					kindAfter: 'number',
					changedCells: 2,
					missingBefore: 2,
					missingAfter: 0
				}
			],
			learned: '{"fill":35}'
		});
		expect(impute.sample.before).toEqual({
			columns: ['age'],
			rows: [['20'], [''], ['40'], ['30'], ['50']]
		});
		expect(impute.sample.after.rows.map((r) => r[0])).toEqual(['20', '35', '40', '30', '50']);
		expect(impute.sample.after.rows).toHaveLength(PREVIEW_SAMPLE_ROWS);
		// The user imputed age, so finishing only standardises it; city is imputed and encoded.
		expect(finishing.map((s) => [s.text, s.finishing])).toEqual([
			['age: standardise (train mean 0, standard deviation 1)', true],
			['city: fill missing values (most-frequent)', true],
			['city: one-hot encode', true]
		]);
		expect(finishing[2].removed).toEqual(['city']);
		expect(finishing[2].added).toEqual(['city=Lima', 'city=Rio']);
		expect(preview.features).toEqual(['age', 'city=Lima', 'city=Rio']);
	});

	it('stops at the step that fails and says why, keeping the steps before it', async () => {
		const recipe: Recipe = {
			inputs: INPUTS,
			steps: [
				{ kind: 'impute', column: 'age', strategy: 'median' },
				{ kind: 'standardize', column: 'city' }
			]
		};
		const preview = previewRecipe(recipe, await typedText(TRAIN));
		expect(preview.steps).toHaveLength(1);
		expect(preview.features).toEqual([]);
		expect(preview.error).toMatchObject({
			step: 1,
			finishing: false,
			error: { code: 'wrong-kind', column: 'city' }
		});
		expect(preview.error!.error.message).toMatch(/standardize step on "city" needs numbers/);
	});
});

describe('previewRecipe after the last step', () => {
	it('reports a failure past the user steps as the finishing part', async () => {
		const table = await typedText('d,x\n2024-01-02,1\n2024-02-03,2\n');
		const recipe: Recipe = {
			inputs: [
				{ name: 'd', kind: 'date' },
				{ name: 'x', kind: 'number' }
			],
			steps: [
				{ kind: 'impute', column: 'x', strategy: 'median' },
				{ kind: 'standardize', column: 'x' }
			]
		};
		const preview = previewRecipe(recipe, table);
		expect(preview.steps).toHaveLength(2);
		expect(preview.error).toMatchObject({ finishing: true, error: { code: 'not-encoded' } });
		expect(preview.error!.error.message).toMatch(/"d" holds dates.*date-parts/);
	});
});
