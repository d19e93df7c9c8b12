import { expect, test } from '@playwright/test';
import { dropDataset, openStage } from './helpers';

// Splits in Prepare: the kind, the shares and the folds are the user's; the report shows each
// part's rows and date range; the lint catches a random split of time-ordered rows, and its
// one-click fix splits by time.

test('a random split of daily rows is caught, and fixed by a time split with folds', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'bike_day.csv');
	await page.getByLabel('Target column').selectOption('cnt');
	await openStage(page, 'prepare');

	// Shares are the user's: test 15%, validation 15%, and train takes the rest.
	await page.getByLabel('Test share (%)').fill('15');
	await page.getByLabel('Test share (%)').blur();
	await page.getByLabel('Validation share (%)').fill('15');
	await page.getByLabel('Validation share (%)').blur();
	await expect(page.getByLabel('Train share (%)')).toHaveValue('70');
	await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('random');
	await page.getByRole('button', { name: 'Make the split' }).click();
	await expect(page.getByTestId('split-counts')).toContainText('511');

	const lint = page.getByTestId('leakage');
	const onTime = lint.getByTestId('leak-random-split-on-time');
	await expect(onTime).toContainText('dteday');
	await page.getByLabel('Cross-validation').selectOption('5');
	await onTime.getByRole('button', { name: 'Split by time on “dteday”' }).click();

	// Now by time: train is the first 70% of days, test the last 15%, and the lint is quiet on time.
	await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('time');
	const report = page.getByTestId('split-report');
	await expect(report).toContainText('2011-01-01');
	await expect(report).toContainText('2012-12-31');
	const rows = report.locator('table').first().locator('tbody tr');
	// Each part's date range (the report of the new split replaces the old one's when it comes).
	await expect(rows.nth(0)).toContainText('2011-01-01');
	await expect(rows.nth(2)).toContainText('2012-12-31');
	await expect
		.poll(async () => {
			const trainTo = await rows.nth(0).locator('td').last().textContent();
			const testFrom = await rows.nth(2).locator('td').nth(-2).textContent();
			return trainTo! < testFrom!;
		})
		.toBe(true);
	await expect(lint.getByTestId('leak-random-split-on-time')).toHaveCount(0);
	await expect(page.getByTestId('split-folds').locator('tbody tr')).toHaveCount(5);
});
