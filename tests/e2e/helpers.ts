import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

/** Returns the path of a file in the shared datasets folder next to the checkout. */
export function datasetPath(name: string): string {
	const path = fileURLToPath(new URL(`../../../shared/datasets/${name}`, import.meta.url));
	if (!existsSync(path))
		throw new Error(
			`Dataset ${name} not found at ${path}: the tests read ../shared/datasets beside the repository.`
		);
	return path;
}

/**
 * Drops a file on the page (on the element with test id `zoneId` when there is one, else on the
 * page), as a user dragging it from the desktop would.
 */
export async function dropFile(
	page: Page,
	fileName: string,
	content: Uint8Array | string,
	zoneId = 'drop-zone'
): Promise<void> {
	const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	const dataTransfer = await page.evaluateHandle(
		({ name, data }) => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([new Uint8Array(data)], name, { type: 'text/csv' }));
			return transfer;
		},
		{ name: fileName, data: Array.from(bytes) }
	);
	const zone = page.getByTestId(zoneId);
	const target = (await zone.count()) > 0 ? zone.first() : page.locator('main');
	await target.dispatchEvent('drop', { dataTransfer });
}

/** Drops one of the shared datasets on the page. */
export function dropDataset(page: Page, name: string): Promise<void> {
	return dropFile(page, basename(name), readFileSync(datasetPath(name)));
}

/** Opens a stage from the rail. */
export async function openStage(page: Page, stage: string): Promise<void> {
	await page.getByTestId(`stage-${stage}`).click();
	await expect(page.getByTestId(`stage-${stage}`)).toHaveAttribute('aria-current', 'step');
}

/** Records every request the page makes, to check that nothing leaves its origin. */
export function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	return urls;
}

/** From the Prepare stage: splits, chooses logistic / linear regression and trains it (run-2). */
export async function splitAndTrainLinear(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Make the split' }).click();
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	await page.getByRole('button', { name: 'Use logistic / linear regression' }).click();
	await page.getByRole('button', { name: 'Continue to Train' }).click();
	await page.getByRole('button', { name: /^Train linear/ }).click();
	await expect(page.getByTestId('run-run-2')).toBeVisible();
}

/** Loads California housing, trains the linear model, reveals the test set and opens Ship. */
export async function shipHousingModel(page: Page): Promise<void> {
	await page.goto('/');
	await dropDataset(page, 'california_housing.csv');
	await expect(page.getByTestId('dataset-chip')).toHaveText('california_housing.csv');
	await page.getByLabel('Target column').selectOption('median_house_value');
	await expect(page.getByRole('radio', { name: /Regression \(inferred\)/ })).toBeChecked();
	await page.getByLabel(/^KPI/).fill('80000');
	await page.getByLabel(/^KPI/).blur();
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await splitAndTrainLinear(page);
	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	await expect(page.getByTestId('verdict')).toContainText('RMSE on test');
	await page.getByRole('button', { name: 'Continue to Ship' }).click();
	await expect(page.getByTestId('monitor')).toBeVisible();
}

/** Loads one of the site's bundled samples from the picker and waits until it is the project's. */
export async function loadSample(page: Page, file: string): Promise<void> {
	await page.getByLabel('Or start from a sample').selectOption(file);
	await page.getByRole('button', { name: 'Load sample' }).click();
	await expect(page.getByTestId('dataset-chip')).toHaveText(file);
}
