import { expect, test, type Locator } from '@playwright/test';
import { dropDataset, openStage } from './helpers';

// The classic mistakes shown on the user's own data: in Prepare, a leaky column's effect on the
// validation score, and what a random split does to a time series, each a real experiment on
// the split's train and validation rows.

/** Returns a score as the demonstration shows it ("1,140" reads 1140). */
async function scoreIn(cell: Locator): Promise<number> {
	const text = (await cell.textContent()) ?? '';
	return Number(text.trim().replaceAll(',', ''));
}

test('on bike_day the demonstrations show a leak and a random split inflating validation, and the time split is one click away', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'bike_day.csv');
	await expect(page.getByTestId('dataset-chip')).toHaveText('bike_day.csv');
	await page.getByLabel('Target column').selectOption('cnt');
	await expect(page.getByLabel('Primary metric', { exact: true })).toHaveValue('rmse');
	await openStage(page, 'prepare');

	// Before the split the offer is there, and says what it waits for.
	const offer = page.getByTestId('random-split-offer');
	await expect(offer).toContainText('“dteday” holds dates');
	await expect(offer).toContainText('Make the split first');
	const compare = offer.getByRole('button', {
		name: 'Compare a random split with a split by time'
	});
	await expect(compare).toBeDisabled();

	await page.getByRole('button', { name: 'Make the split' }).click();
	await expect(page.getByTestId('split-counts')).toBeVisible();

	// The leak: casual + registered = cnt, so with them the RMSE is near 0.
	const finding = page.getByTestId('leakage').getByTestId('leak-target-sum');
	await finding
		.getByRole('button', { name: 'See what “casual” and “registered” do to validation' })
		.click();
	const leak = finding.getByTestId('leak-demo');
	await expect(leak).toContainText('mirage');
	const withLeak = await scoreIn(leak.getByTestId('leak-demo-mistaken'));
	const withoutLeak = await scoreIn(leak.getByTestId('leak-demo-honest'));
	expect(withLeak).toBeLessThan(50);
	expect(withoutLeak).toBeGreaterThan(500);

	// The random split: scored on days around those it learned from, it promises too much.
	const split = page.getByTestId('split-counts').locator('xpath=..');
	await split
		.getByTestId('random-split-offer')
		.getByRole('button', { name: 'Compare a random split with a split by time' })
		.click();
	const timed = page.getByTestId('random-split-demo');
	await expect(timed).toContainText('The random split is optimistic');
	const random = await scoreIn(timed.getByTestId('random-split-demo-mistaken'));
	const byTime = await scoreIn(timed.getByTestId('random-split-demo-honest'));
	expect(random).toBeGreaterThan(100);
	expect(random).toBeLessThan(0.9 * byTime);

	// One click splits by time: the plan and the split follow, and the offer has done its work.
	await page
		.getByTestId('random-split-offer')
		.getByRole('button', { name: 'Split by time on “dteday”' })
		.click();
	await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('time');
	await expect(page.getByTestId('split-counts')).toContainText('on “dteday”');
	await expect(page.getByTestId('random-split-offer')).toHaveCount(0);
});
