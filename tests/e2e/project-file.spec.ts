import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loadSample, splitAndTrainLinear } from './helpers';

/** Opens a file through "Open project file…" and its file chooser. */
async function openProjectFile(page: Page, file: { name: string; buffer: Buffer }) {
	const [chooser] = await Promise.all([
		page.waitForEvent('filechooser'),
		page.getByRole('button', { name: 'Open project file…' }).click()
	]);
	await chooser.setFiles({ ...file, mimeType: 'application/zip' });
}

test('a project saved as one file opens in another browser as it was, test verdict and all', async ({
	page,
	browser
}) => {
	await page.goto('/');
	await loadSample(page, 'penguins.csv');
	await page.getByRole('button', { name: 'Fill in the brief from the story' }).click();
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await splitAndTrainLinear(page);
	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	const verdict = (await page.getByTestId('verdict').textContent()) ?? '';
	expect(verdict).toContain('F1 (macro) on test');

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Save project file' }).click()
	]);
	expect(download.suggestedFilename()).toBe('penguins.shipshape');
	const saved = readFileSync((await download.path())!);

	// Another browser: nothing stored, and the file is all it gets.
	const other = await (await browser.newContext()).newPage();
	await other.goto('/');
	await expect(other.getByTestId('dataset-chip')).toHaveCount(0);
	await openProjectFile(other, { name: 'penguins.shipshape', buffer: saved });
	await expect(other.getByTestId('dataset-chip')).toHaveText('penguins.csv');
	await expect(other.getByTestId('stage-evaluate')).toHaveAttribute('aria-current', 'step');
	await expect(other.getByTestId('verdict')).toHaveText(verdict);
	await expect(other.getByTestId('error')).toHaveCount(0);
	// The split was made again from the file, so Ship can build the bundle from its rows.
	await other.getByRole('button', { name: 'Continue to Ship' }).click();
	await expect(other.getByTestId('monitor')).toBeVisible();

	// A broken file is refused with a message; the open project stays.
	await other.getByTestId('stage-evaluate').click();
	await openProjectFile(other, { name: 'penguins.shipshape', buffer: saved.subarray(0, 200) });
	await expect(other.getByTestId('error')).toContainText(
		'penguins.shipshape could not be opened as a project: it is not a Shipshape project file (not a zip archive).'
	);
	await expect(other.getByTestId('verdict')).toHaveText(verdict);
	await other.reload();
	await expect(other.getByTestId('verdict')).toHaveText(verdict);
	await other.context().close();
});

test('the privacy panel shows no request left the page, the storage used, and wipes it all', async ({
	page
}) => {
	await page.goto('/');
	await loadSample(page, 'titanic.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await expect(page.getByTestId('save-status')).toHaveText('Saved in this browser');

	await page.getByRole('button', { name: 'Privacy', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Privacy and storage' })).toBeFocused();
	const requests = page.getByTestId('privacy-requests');
	await expect(requests).toContainText(
		/No request has left this page: all \d+ of its requests went to http:\/\/127\.0\.0\.1:\d+/
	);
	await expect(requests.getByRole('row')).toHaveCount(2);
	const storage = page.getByTestId('privacy-storage');
	await expect(storage).toContainText(/\d+(\.\d+)? [kM]?B used of the \d+(\.\d+)? [MG]B/);
	await storage.getByRole('button', { name: 'Ask the browser to keep it' }).click();
	await expect(storage.getByRole('status')).toContainText(/The browser (agreed|declined)/);

	// "Back" returns to the stage the user was on.
	await page.getByRole('button', { name: 'Back to Define' }).click();
	await expect(page.getByLabel('Target column')).toHaveValue('Survived');

	await page.getByRole('button', { name: 'Privacy', exact: true }).click();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Delete all stored data' }).click();
	await page.waitForEvent('load');
	await expect(page.getByTestId('drop-zone')).toBeVisible();
	await expect(page.getByTestId('dataset-chip')).toHaveCount(0);
	// The reloaded app opens its database again, empty: no project, no file.
	const stored = await page.evaluate(
		() =>
			new Promise<number[]>((resolve, reject) => {
				const request = indexedDB.open('shipshape');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const names = ['projects', 'files'];
					const tx = request.result.transaction(names);
					const counts = names.map((n) => tx.objectStore(n).count());
					tx.oncomplete = () => resolve(counts.map((c) => c.result));
				};
			})
	);
	expect(stored).toEqual([0, 0]);
	await page.reload();
	await expect(page.getByTestId('dataset-chip')).toHaveCount(0);
});
