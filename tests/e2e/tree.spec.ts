import { expect, test } from '@playwright/test';
import { dropDataset } from './helpers';

test('a decision tree is chosen with its depth, trained beside the baseline, and logged', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'titanic.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await page.getByRole('button', { name: 'Make the split' }).click();
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	await page.getByLabel('Maximum depth').fill('4');
	await page.getByLabel('Minimum rows per leaf').fill('10');
	await page.getByRole('button', { name: 'Use a decision tree' }).click();
	await expect(page.getByTestId('choice')).toContainText(
		'tree (gini, depth 4, at least 10 rows per leaf)'
	);
	await page.getByRole('button', { name: 'Continue to Train' }).click();
	await page.getByRole('button', { name: /^Train tree/ }).click();
	await expect(page.getByTestId('run-run-2')).toContainText('tree (gini, depth 4');
	const auc = Number(await page.getByTestId('run-run-2').locator('td.primary').textContent());
	expect(auc).toBeGreaterThan(0.8);
	expect(auc).toBeLessThan(1);
});
