import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { datasetPath, dropFile, shipHousingModel } from './helpers';

// MANIFEST.json: housing_drift_current.csv is California housing with four columns drifted on
// purpose. tests/core/monitor/housing-monitor.test.ts checks the same figures in the core.
const DRIFTED = ['median_income', 'housing_median_age', 'ocean_proximity', 'total_bedrooms'];
const STEADY = [
	'longitude',
	'latitude',
	'total_rooms',
	'population',
	'households',
	'median_house_value'
];

/** Asserts which rows of the drift table are flagged. */
async function expectFlags(page: Page, flagged: string[], steady: string[]): Promise<void> {
	for (const name of flagged)
		await expect(page.getByTestId(`drift-row-${name}`)).toHaveAttribute('data-drifted', 'true');
	for (const name of steady)
		await expect(page.getByTestId(`drift-row-${name}`)).toHaveAttribute('data-drifted', 'false');
}

/** Returns a prediction log of the first rows of the batch, as the server writes one. */
function predictionLog(rows: number): string {
	const [header, ...lines] = readFileSync(datasetPath('dirty/housing_drift_current.csv'), 'utf8')
		.trim()
		.split('\n');
	const names = header.split(',');
	return lines
		.slice(0, rows)
		.map((line, row) => {
			const cells = line.split(',');
			const inputs = Object.fromEntries(
				names.map((n, j) => [n, cells[j]]).filter(([n]) => n !== 'median_house_value')
			);
			const request = Math.floor(row / 10) + 1;
			return JSON.stringify({
				time: `2026-03-01T10:00:0${request}.000Z`,
				model: 'california-housing-median-house-value',
				version: '1.0.0',
				request,
				row: row % 10,
				latencyMs: request * 2,
				inputs,
				output: { prediction: 200000 + row }
			});
		})
		.join('\n');
}

test('monitor: a drifted housing batch flags exactly the drifted inputs, and thresholds re-run the check', async ({
	page
}) => {
	await shipHousingModel(page);
	const batch = readFileSync(datasetPath('dirty/housing_drift_current.csv'));
	await dropFile(page, 'housing_drift_current.csv', batch, 'monitor-drop');

	// The batch is checked, not loaded as a new project.
	const verdict = page.getByTestId('monitor-verdict');
	await expect(verdict).toContainText(
		'No dataset drift: 5 of 11 compared columns drifted (45.5%), below the 50% threshold.'
	);
	await expect(verdict).toContainText('3000 rows against 12384 train rows');
	await expect(page.getByTestId('dataset-chip')).toHaveText('california_housing.csv');

	// Exactly the four drifted inputs, and the predictions they move; the six others are steady.
	await expectFlags(page, [...DRIFTED, 'prediction'], STEADY);
	await expect(page.getByTestId('drift-row-total_bedrooms').getByTestId('drifted')).toHaveText(
		'yes: missing rate'
	);
	const alerts = page.getByTestId('monitor-alerts');
	await expect(alerts).toContainText(
		'median_income drifted: normed Wasserstein distance 0.493 >= 0.1'
	);
	await expect(alerts).toContainText('total_bedrooms missing rate rose from 0.961% to 16.1%');
	await expect(alerts).toContainText('ocean_proximity drifted: Jensen-Shannon distance 0.113');
	await expect(alerts).toContainText('RMSE on this batch is');
	for (const name of STEADY) await expect(alerts).not.toContainText(`${name} drifted`);

	// Charts for the flagged columns, each with its table, and one more on request.
	await expect(page.getByTestId('drift-chart-median_income').locator('svg')).toBeVisible();
	await expect(page.getByTestId('drift-chart-ocean_proximity')).toContainText('INLAND');
	await expect(page.getByTestId('drift-chart-latitude')).toHaveCount(0);
	await page.getByRole('checkbox', { name: 'Chart latitude' }).check();
	await expect(page.getByTestId('drift-chart-latitude').locator('svg')).toBeVisible();

	// The labels score the model beside its test score.
	const performance = page.getByTestId('monitor-performance');
	await expect(performance).toContainText('Scored on 3000 rows');
	await expect(performance.getByRole('row', { name: /RMSE/ })).toBeVisible();

	// A stricter distance re-runs the check: only median_income still drifts by distance.
	await page.getByLabel('distance', { exact: true }).fill('0.45');
	await page.getByRole('button', { name: 'Apply and check again' }).click();
	await expect(verdict).toContainText('2 of 11 compared columns drifted');
	await expectFlags(
		page,
		['median_income', 'total_bedrooms'],
		['housing_median_age', 'ocean_proximity', 'prediction', ...STEADY]
	);
	await expect(alerts).toContainText('normed Wasserstein distance 0.493 >= 0.45');

	// A bad threshold is refused before any check.
	await page.getByLabel('dataset drift share').fill('1.5');
	await expect(page.getByRole('alert').filter({ hasText: 'dataset drift share' })).toContainText(
		'The dataset drift share must be above 0 and at most 1, not 1.5.'
	);
	await expect(page.getByRole('button', { name: 'Apply and check again' })).toBeDisabled();

	// The thresholds are kept in the project.
	await expect(page.getByTestId('save-status')).toHaveText('Saved in this browser');
	await page.reload();
	await expect(page.getByLabel('distance', { exact: true })).toHaveValue('0.45');
});

test("monitor: the server's prediction log gives its latency and the logged predictions' drift", async ({
	page
}) => {
	await shipHousingModel(page);
	await dropFile(page, 'predictions.jsonl', predictionLog(40), 'monitor-drop');
	await expect(page.getByTestId('monitor-verdict')).toContainText(
		'40 rows against 12384 train rows'
	);
	const log = page.getByTestId('monitor-latency');
	await expect(log).toContainText('40 lines: 40 predicted, 0 refused.');
	await expect(log).toContainText(
		'Latency over 4 requests: p50 5 ms, p95 7.7 ms, p99 7.94 ms, slowest 8 ms.'
	);
	await expect(page.getByTestId('drift-row-prediction')).toBeVisible();
	await expect(page.getByTestId('drift-row-median_house_value')).toHaveCount(0);
	await expect(page.getByTestId('monitor-performance')).toHaveCount(0);
});
