import { expect, test } from '@playwright/test';

test('the stage rail shows what is done and blocked, and works from the keyboard', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByTestId('stage-define')).toContainText('to do');
	await expect(page.getByTestId('stage-define')).toHaveAccessibleDescription('Load a dataset.');
	for (const stage of ['prepare', 'choose', 'train', 'evaluate', 'ship']) {
		await expect(page.getByTestId(`stage-${stage}`)).toContainText('blocked');
	}
	await page.getByTestId('stage-define').focus();
	await page.keyboard.press('ArrowDown');
	await expect(page.getByTestId('stage-prepare')).toBeFocused();
	await page.keyboard.press('End');
	await expect(page.getByTestId('stage-ship')).toBeFocused();
	await page.keyboard.press('ArrowUp');
	await expect(page.getByTestId('stage-evaluate')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('stage-evaluate')).toHaveAttribute('aria-current', 'step');
	await expect(page.getByTestId('blocked')).toContainText('Finish Define first.');
	await page.keyboard.press('Home');
	await page.keyboard.press('Space');
	await expect(page.getByRole('heading', { name: 'Define the problem' })).toBeVisible();

	// The drop zone and the sample picker are reachable and usable by keyboard too.
	await page.getByLabel('Or start from a sample').selectOption('penguins.csv');
	await page.getByRole('button', { name: 'Load sample' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('dataset-chip')).toHaveText('penguins.csv');
	await expect(page.getByTestId('stage-define')).toHaveAccessibleDescription(
		/choose the target column/
	);
});
