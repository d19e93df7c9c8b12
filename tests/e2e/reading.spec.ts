import { expect, test } from '@playwright/test';
import { dropDataset, dropFile, openStage } from './helpers';

// How a file is read is shown and can be changed: the dialect, the missing-value tokens, the
// order of ambiguous dates; malformed rows are reported, never dropped silently.

test('a semicolon file with decimal commas is read as such, and the separator can be changed', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'dirty/titanic_semicolon_bom_crlf.csv');
	await expect(page.getByTestId('dataset-chip')).toHaveText('titanic_semicolon_bom_crlf.csv');
	await openStage(page, 'prepare');
	const dialect = page.getByTestId('dialect');
	await expect(dialect.getByLabel('Separator')).toHaveValue(';');
	await expect(dialect.getByLabel('Decimal mark')).toHaveValue(',');
	await expect(dialect).toContainText('892 physical lines, 891 rows; CRLF line endings');
	await expect(dialect).toContainText('byte-order mark');
	await expect(page.getByLabel('Kind of Age')).toHaveValue('number');
	await expect(page.getByTestId('column-profiles').getByLabel('Profile of Age')).toContainText(
		'29.7'
	);
	// Read with the wrong decimal mark, Age is no longer numbers: the user sees it at once.
	await dialect.getByLabel('Decimal mark').selectOption('.');
	await expect(page.getByLabel('Kind of Age')).not.toHaveValue('number');
	await expect(page.getByTestId('findings')).toContainText('Numbers mixed with text');
	await page.getByTestId('dialect').getByLabel('Decimal mark').selectOption(',');
	await expect(page.getByLabel('Kind of Age')).toHaveValue('number');
});

test('missing-value tokens can be added and removed, and the columns follow', async ({ page }) => {
	await page.goto('/');
	await dropDataset(page, 'dirty/titanic_na_tokens_whitespace.csv');
	await expect(page.getByTestId('dataset-chip')).toHaveText('titanic_na_tokens_whitespace.csv');
	await openStage(page, 'prepare');
	const ageRow = page.getByTestId('columns').getByRole('row', { name: /^Age/ });
	await expect(ageRow).toContainText('177');
	// Without "?" as a token, Age holds text cells, so it is no longer a number column.
	await page.getByRole('button', { name: 'Remove missing-value token ?' }).click();
	await expect(page.getByLabel('Kind of Age')).not.toHaveValue('number');
	await page.getByLabel('Add a token').fill('?');
	await page.getByRole('button', { name: 'Add', exact: true }).click();
	await expect(page.getByLabel('Kind of Age')).toHaveValue('number');
	await expect(ageRow).toContainText('177');
	await expect(page.getByTestId('findings')).toContainText('One value, several spellings');
});

test('ambiguous dates are a question, and the answer is applied', async ({ page }) => {
	await page.goto('/');
	await dropDataset(page, 'dirty/housing_mixed_types_dates.csv');
	await expect(page.getByTestId('dataset-chip')).toHaveText('housing_mixed_types_dates.csv');
	await openStage(page, 'prepare');
	await expect(page.getByTestId('findings')).toContainText(
		'237 dates in "survey_date" (such as 02/07/2019) could be day or month first'
	);
	const order = page.getByLabel('Date order of survey_date');
	await expect(order).toHaveValue('dmy');
	await order.selectOption('mdy');
	await expect(page.getByTestId('columns')).toContainText(
		'dates like 02/07/2019 are read month first, as you chose'
	);
	await expect(page.getByTestId('findings')).not.toContainText('could be day or month first');
});

test('malformed rows are left out and listed with their lines', async ({ page }) => {
	await page.goto('/');
	await dropFile(page, 'ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8\n9\n10,11,12\n');
	await expect(page.getByTestId('dataset-chip')).toHaveText('ragged.csv');
	await openStage(page, 'prepare');
	await expect(page.getByTestId('dataset-summary')).toContainText('3 rows × 3 columns');
	await expect(page.getByTestId('ragged')).toContainText(
		'2 malformed row(s) left out: line 3 (2 fields), line 5 (1 fields)'
	);
	await expect(page.getByTestId('findings')).toContainText('lines 3, 5');
});

test('values wrapped in single quotes are read whole, and both kinds of quote are a question', async ({
	page
}) => {
	await page.goto('/');
	const rows = Array.from({ length: 30 }, (_, i) => `'Town ${i}, Region ${i % 3}',${i},${i % 2}`);
	await dropFile(page, 'single.csv', `place,n,y\n${rows.join('\n')}\n`);
	await openStage(page, 'prepare');
	const dialect = page.getByTestId('dialect');
	await expect(dialect.getByLabel('Quote')).toHaveValue("'");
	await expect(dialect.getByLabel('Quote')).toContainText("single quote ' (detected)");
	await expect(page.getByTestId('dataset-summary')).toContainText('30 rows × 3 columns');

	page.on('dialog', (dialog) => dialog.accept());
	await dropFile(page, 'both.csv', `place,n,y\n${rows.join('\n')}\n"Town x, Region y",31,1\n`);
	await expect(page.getByTestId('dataset-chip')).toHaveText('both.csv');
	await openStage(page, 'prepare');
	const question = page.getByRole('group', { name: 'A question about the file' });
	await expect(question).toContainText('single quotes (30)');
	await question.getByRole('button', { name: 'the double quote "' }).click();
	await expect(dialect.getByLabel('Quote')).toHaveValue('"');
	// Read with the double quote, the single-quoted values split at their comma: four fields, so
	// those rows are left out and listed, and one row is left.
	await expect(page.getByTestId('dataset-summary')).toContainText('1 rows × 3 columns');
	await expect(page.getByText('30 row(s) have a different number of fields')).toBeVisible();
});
