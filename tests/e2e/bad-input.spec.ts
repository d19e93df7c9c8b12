import { expect, test, type Page } from '@playwright/test';
import { dropDataset, dropFile, splitAndTrainLinear } from './helpers';

async function startTitanicProject(page: Page) {
	await page.goto('/');
	await dropDataset(page, 'titanic.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await expect(page.getByTestId('stage-define')).toContainText('done');
}

const PNG_HEADER = new Uint8Array([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52
]);
const ZIP_HEADER = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0]);

const BAD_FILES: { name: string; content: string | Uint8Array; message: RegExp }[] = [
	{ name: 'empty.csv', content: '', message: /The file is empty \(0 bytes\)/ },
	{ name: 'blank.csv', content: '\n\n  \n', message: /only blank space/ },
	{ name: 'image.csv', content: PNG_HEADER, message: /looks like a binary file.*byte 9 is a NUL/ },
	{ name: 'book.xlsx', content: ZIP_HEADER, message: /zip archive.*Save the sheet as CSV/ },
	{
		name: 'one-column.csv',
		content: 'height\n1.7\n1.8\n',
		message: /Only one column \("height"\)/
	},
	{ name: 'header-only.csv', content: 'a,b,c\n', message: /header \(line 1\) but no data rows/ },
	{
		name: 'all-ragged.csv',
		content: 'a,b,c\n1,2\n4\n',
		message:
			/header \(line 1\) but no data rows\. 2 row\(s\) have a different number of fields.*lines 2, 3/
	},
	{
		name: 'quote.csv',
		content: 'a,b\n1,"never closed\n2,3\n',
		message: /Line 2: a quoted field starts here and its closing quote is missing/
	}
];

test('every bad file gets a specific message and the previous project is intact', async ({
	page
}) => {
	await startTitanicProject(page);
	page.on('dialog', (dialog) => dialog.accept());
	for (const bad of BAD_FILES) {
		await dropFile(page, bad.name, bad.content);
		await expect(page.getByTestId('error'), bad.name).toContainText(bad.message);
		await expect(page.getByTestId('dataset-chip')).toHaveText('titanic.csv');
		await expect(page.getByLabel('Target column')).toHaveValue('Survived');
		await page.getByRole('button', { name: 'Dismiss' }).click();
	}
	// The intact project is also the saved one.
	await expect(page.getByTestId('save-status')).toHaveText('Saved in this browser');
	await page.reload();
	await expect(page.getByTestId('dataset-chip')).toHaveText('titanic.csv');
	await expect(page.getByLabel('Target column')).toHaveValue('Survived');
});

test('declining to replace the project keeps it, without reading the new file', async ({
	page
}) => {
	await startTitanicProject(page);
	page.once('dialog', (dialog) => dialog.dismiss());
	await dropFile(page, 'other.csv', 'a,b\n1,2\n3,4\n');
	await expect(page.getByTestId('dataset-chip')).toHaveText('titanic.csv');
	await expect(page.getByLabel('Target column')).toHaveValue('Survived');
});

test('a target with a single class is refused with the reason', async ({ page }) => {
	await page.goto('/');
	const rows = Array.from({ length: 12 }, (_, i) => `${i},${i % 3},yes`).join('\n');
	await dropFile(page, 'constant.csv', `id,score,answer\n${rows}\n`);
	await page.getByLabel('Target column').selectOption('answer');
	await expect(page.getByRole('alert')).toContainText('has the same value ("yes") in all 12 rows');
	await expect(page.getByLabel('Target column')).toHaveValue('');
	await expect(page.getByTestId('stage-define')).toContainText('to do');
	await expect(page.getByRole('button', { name: 'Continue to Prepare' })).toHaveCount(0);
});

test('hostile headers are ordinary columns, all the way to a trained model', async ({ page }) => {
	await page.goto('/');
	const header = '__proto__,constructor,<img src=x onerror=alert(1)>,toString,label';
	const rows = Array.from(
		{ length: 40 },
		(_, i) => `${i % 7},${i % 2 ? 'a' : 'b'},${(i * 37) % 11},x${i % 3},${i % 2 ? 'yes' : 'no'}`
	);
	await dropFile(page, 'hostile.csv', `${header}\n${rows.join('\n')}\n`);
	// A new project opens on Define: wait for it before moving on.
	await expect(page.getByTestId('dataset-chip')).toHaveText('hostile.csv');
	const columns = page.getByTestId('columns');
	await page.getByTestId('stage-prepare').click();
	for (const name of ['__proto__', 'constructor', '<img src=x onerror=alert(1)>', 'toString']) {
		await expect(columns.getByRole('rowheader', { name, exact: true })).toBeVisible();
	}
	await expect(page.locator('img')).toHaveCount(0);
	await page.getByTestId('stage-define').click();
	await page.getByLabel('Target column').selectOption('label');
	await page.getByTestId('stage-prepare').click();
	await splitAndTrainLinear(page);
	await expect(page.getByTestId('run-run-2')).toContainText('linear');
});

test('a kind override the values do not fit is refused, naming examples', async ({ page }) => {
	await startTitanicProject(page);
	await page.getByTestId('stage-prepare').click();
	const kind = page.getByLabel('Kind of Cabin');
	await kind.selectOption('number');
	await expect(page.getByTestId('error')).toContainText(
		'"Cabin" cannot be read as numbers: 204 value(s) do not fit, such as "C85"'
	);
	await expect(page.getByLabel('Kind of Cabin')).toHaveValue('text');
	await page.getByLabel('Kind of Pclass').selectOption('category');
	await expect(page.getByLabel('Kind of Pclass')).toHaveValue('category');
	await expect(page.getByTestId('finishing')).toContainText('Pclass: one-hot encode');
	// A reload before the change is written would lose it, as closing the tab would.
	await expect(page.getByTestId('save-status')).toHaveText('Saved in this browser');
	await page.reload();
	await expect(page.getByLabel('Kind of Pclass')).toHaveValue('category');
});
