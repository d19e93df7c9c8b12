import { expect, test, type Page } from '@playwright/test';

async function runSample(page: Page, sample: string, target: string, task: RegExp) {
	await page.goto('/');
	await page.getByLabel('Or start from a sample').selectOption(sample);
	await page.getByRole('button', { name: 'Load sample' }).click();
	await expect(page.getByTestId('dataset-chip')).toHaveText(sample);
	await page.getByLabel('Target column').selectOption(target);
	await expect(page.getByRole('radio', { name: task })).toBeChecked();
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await page.getByRole('button', { name: 'Make the split' }).click();
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	await page.getByRole('button', { name: 'Use logistic / linear regression' }).click();
	await page.getByRole('button', { name: 'Continue to Train' }).click();
	await page.getByRole('button', { name: /^Train linear/ }).click();
	await expect(page.getByTestId('run-run-2')).toBeVisible();
	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	await expect(page.getByTestId('verdict')).toBeVisible();
}

test('multiclass: penguins species, with a 3 x 3 confusion matrix', async ({ page }) => {
	await runSample(page, 'penguins.csv', 'species', /Multiclass classification \(inferred\)/);
	await expect(page.getByTestId('confusion').locator('tbody tr')).toHaveCount(3);
	await expect(page.getByTestId('verdict')).toContainText('F1 (macro) on test');
	await expect(page.getByTestId('verdict')).toContainText('PASS');
});

test('regression: California house values, judged on RMSE against the mean', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Or start from a sample').selectOption('california_housing.csv');
	await page.getByRole('button', { name: 'Load sample' }).click();
	await page.getByLabel('Target column').selectOption('median_house_value');
	await expect(page.getByRole('radio', { name: /Regression \(inferred\)/ })).toBeChecked();
	await expect(page.getByLabel(/^KPI/)).toHaveValue('');
	await expect(page.getByTestId('stage-define')).toHaveAccessibleDescription(
		/set the KPI threshold/
	);
	await page.getByLabel(/^KPI/).fill('80000');
	await page.getByLabel(/^KPI/).blur();
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await page.getByRole('button', { name: 'Make the split' }).click();
	await expect(page.getByTestId('split-counts')).toContainText('12384');
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	await page.getByRole('button', { name: 'Use logistic / linear regression' }).click();
	await page.getByRole('button', { name: 'Continue to Train' }).click();
	await page.getByRole('button', { name: /^Train linear/ }).click();
	await expect(page.getByTestId('run-run-2')).toBeVisible();
	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	await expect(page.getByTestId('verdict')).toContainText('RMSE on test');
	await expect(page.getByTestId('verdict')).toContainText('PASS');
	await expect(page.getByTestId('confusion')).toHaveCount(0);
});
