import { expect, test } from '@playwright/test';
import { dropDataset } from './helpers';

function bigCsv(rows: number): Buffer {
	const lines = ['id,city,amount,when,note'];
	for (let i = 0; i < rows; i++)
		lines.push(`${i},city${i % 97},${(i * 7919) % 100000}.25,2024-01-${(i % 28) + 1},"note, ${i}"`);
	return Buffer.from(lines.join('\n') + '\n');
}

test('cancelling a load keeps the previous dataset and project', async ({ page }) => {
	await page.goto('/');
	await dropDataset(page, 'titanic.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	page.on('dialog', (dialog) => dialog.accept());
	const chooser = page.waitForEvent('filechooser');
	await page.getByRole('button', { name: 'Open a CSV…' }).click();
	await (
		await chooser
	).setFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: bigCsv(700_000) });
	const busy = page.getByTestId('busy');
	await expect(busy).toContainText('Reading big.csv');
	await busy.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'cancelled' })).toContainText(
		'Reading big.csv: cancelled. Nothing was changed.'
	);
	await expect(page.getByTestId('dataset-chip')).toHaveText('titanic.csv');
	await expect(page.getByLabel('Target column')).toHaveValue('Survived');
	// The data worker still holds titanic: the split is made from it.
	await page.getByTestId('stage-prepare').click();
	await page.getByRole('button', { name: 'Make the split' }).click();
	await expect(page.getByTestId('split-counts')).toContainText('535');
});
