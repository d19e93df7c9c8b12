import { expect, test, type Page } from '@playwright/test';
import { dropDataset, openStage } from './helpers';

/** Returns the primary validation metric of a run in the runs table. */
async function runAuc(page: Page, run: string): Promise<number> {
	return Number(await page.getByTestId(`run-${run}`).locator('td.primary').textContent());
}

test('on titanic3 the lint flags boat and body; dropping them in one click brings validation AUC from the leaky level down to the honest one', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'titanic3.csv');
	await expect(page.getByTestId('dataset-chip')).toHaveText('titanic3.csv');
	await page.getByLabel('Target column').selectOption('survived');
	await expect(page.getByLabel('Primary metric', { exact: true })).toHaveValue('roc_auc');
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();

	// The lint runs on the whole table as soon as there is a target, and names both columns.
	const lint = page.getByTestId('leakage');
	await expect(lint.getByText(/boat/).first()).toBeVisible();
	await expect(lint.getByText(/body/).first()).toBeVisible();

	// Train with the leaky columns in: the validation AUC is too good to be true.
	await page.getByRole('button', { name: 'Make the split' }).click();
	await expect(page.getByTestId('split-counts')).toBeVisible();
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	await page.getByRole('button', { name: 'Use logistic / linear regression' }).click();
	await page.getByRole('button', { name: 'Continue to Train' }).click();
	await page.getByRole('button', { name: /^Train linear/ }).click();
	await expect(page.getByTestId('run-run-2')).toBeVisible();
	const leaky = await runAuc(page, 'run-2');
	expect(leaky).toBeGreaterThan(0.95);

	// Back in Prepare, one click per finding drops each column with a recipe step.
	await openStage(page, 'prepare');
	for (const column of ['boat', 'body']) {
		await lint
			.getByRole('button', { name: new RegExp(`^Drop .*“${column}”`) })
			.first()
			.click();
		await expect(page.getByTestId('recipe')).toContainText(column);
	}
	await expect(page.getByTestId('leakage-handled')).toContainText('boat');
	await expect(page.getByTestId('leakage-handled')).toContainText('body');
	await expect(page.getByTestId('leakage-quiet')).toContainText('No open leak');

	// Trained again on the same split, the model reaches only the honest level, and both runs show.
	await openStage(page, 'train');
	await page.getByRole('button', { name: /^Train linear/ }).click();
	await expect(page.getByTestId('run-run-3')).toBeVisible();
	const honest = await runAuc(page, 'run-3');
	expect(honest).toBeLessThan(0.9);
	expect(honest).toBeGreaterThan(0.75);
	expect(await runAuc(page, 'run-2')).toBe(leaky);
});
