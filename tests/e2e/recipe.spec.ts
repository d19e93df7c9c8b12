import { expect, test } from '@playwright/test';
import { dropDataset } from './helpers';

// The recipe in Prepare: steps added from forms (with suggestions from the user's own data),
// previewed on the rows with before / after counts, undone, and kept across a reload.

test('labels are cleaned with confirmed merges, previewed, undone and restored', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'dirty/titanic_na_tokens_whitespace.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();

	const add = page.getByTestId('add-step');
	await add.locator('summary').click();
	await page.getByLabel('Step', { exact: true }).selectOption('clean-labels');
	await page.getByLabel('Column', { exact: true }).selectOption('Embarked');
	// Embarked has lower-case s, c, q beside S, C, Q: the form proposes each merge to confirm.
	const clusters = page.getByTestId('spelling-clusters');
	await expect(clusters).toContainText('“s”');
	for (const box of await clusters.getByRole('checkbox').all()) await box.check();
	await page.getByRole('button', { name: 'Add the step' }).click();

	const recipe = page.getByTestId('recipe');
	await expect(recipe).toContainText('Embarked');
	// Before the split the preview fits on every row: 891, of which the lower-case ones change.
	await expect(recipe.getByTestId('step-counts')).toContainText(/Embarked: \d+ cell\(s\) changed/);
	await expect(page.getByTestId('finishing')).toContainText('Embarked=S');
	await expect(page.getByTestId('finishing')).not.toContainText('Embarked=s');

	// A step over two columns adds a new one; the form says what it still needs.
	await add.locator('summary').click();
	await page.getByLabel('Step', { exact: true }).selectOption('units');
	await page.getByLabel('Convert to').fill('stones');
	await expect(page.getByTestId('step-problem')).toContainText('"stones" is not a unit');
	await expect(page.getByRole('button', { name: 'Add the step' })).toBeDisabled();
	await page.getByLabel('Step', { exact: true }).selectOption('derive');
	await page.getByLabel('Column', { exact: true }).selectOption('Pclass');
	await page.getByLabel('Second column').selectOption('SibSp');
	await page.getByRole('button', { name: 'Add the step' }).click();
	await expect(recipe.locator('li')).toHaveCount(2);
	await expect(recipe.getByTestId('step-counts').nth(1)).toContainText('adds Pclass / SibSp');

	// Undo: removing a step takes it out of the recipe.
	await page.getByRole('button', { name: /^Remove step 2/ }).click();
	await expect(recipe.locator('li')).toHaveCount(1);

	// A recipe that leaves something a model cannot use says what and how to fix it.
	await add.locator('summary').click();
	await page.getByLabel('Step', { exact: true }).selectOption('parse-date');
	await page.getByLabel('Column', { exact: true }).selectOption('Ticket');
	await page.getByRole('button', { name: 'Add the step' }).click();
	await expect(recipe.getByTestId('step-counts').nth(1)).toContainText('Ticket');
	await expect(page.getByRole('alert').filter({ hasText: 'date-parts' })).toContainText('"Ticket"');
	await page.getByRole('button', { name: /^Remove step 2/ }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'date-parts' })).toHaveCount(0);

	// A data check's fix is one click too: "Sex" is written " male", "male " and "male".
	const spellings = page.getByTestId('findings').locator('[data-check="spellings"]');
	await spellings.getByRole('button', { name: /^Add to the recipe: Sex: clean labels/ }).click();
	await expect(spellings).toContainText('In the recipe: Sex: clean labels');
	await expect(recipe.locator('li')).toHaveCount(2);
	await expect(recipe.getByTestId('step-counts').nth(1)).toContainText(
		/Sex: \d+ cell\(s\) changed/
	);

	await expect(page.getByTestId('save-status')).toHaveText('Saved in this browser');
	await page.reload();
	await expect(page.getByTestId('recipe')).toContainText('Embarked');
	await expect(page.getByTestId('recipe').locator('li')).toHaveCount(2);
});
