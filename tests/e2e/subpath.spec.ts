import { expect, test } from '@playwright/test';
import { recordRequests } from './helpers';

test('the built site works from a sub-path: the page, its workers and the samples load', async ({
	page
}) => {
	const requests = recordRequests(page);
	await page.goto('http://127.0.0.1:4174/nested/shipshape/');
	await page.getByLabel('Or start from a sample').selectOption('titanic.csv');
	await page.getByRole('button', { name: 'Load sample' }).click();
	await expect(page.getByTestId('dataset-chip')).toHaveText('titanic.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await page.getByRole('button', { name: 'Make the split' }).click();
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	await page.getByRole('button', { name: 'Use logistic / linear regression' }).click();
	await page.getByRole('button', { name: 'Continue to Train' }).click();
	await page.getByRole('button', { name: /^Train linear/ }).click();
	await expect(page.getByTestId('run-run-2')).toBeVisible();
	const served = requests.filter((url) => url.startsWith('http'));
	expect(served.length).toBeGreaterThan(3);
	expect(served.every((url) => url.startsWith('http://127.0.0.1:4174/nested/shipshape/'))).toBe(
		true
	);
});
