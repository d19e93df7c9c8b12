import { expect, test, type Page } from '@playwright/test';
import { loadSample, splitAndTrainLinear } from './helpers';

/** Loads a bundled sample, defines the target, and walks on to the test verdict. */
async function runSample(
	page: Page,
	sample: string,
	target: string,
	task: RegExp,
	define: () => Promise<void> = async () => {}
) {
	await page.goto('/');
	await page.getByLabel('Or start from a sample').selectOption(sample);
	await page.getByRole('button', { name: 'Load sample' }).click();
	await expect(page.getByTestId('dataset-chip')).toHaveText(sample);
	await page.getByLabel('Target column').selectOption(target);
	await expect(page.getByRole('radio', { name: task })).toBeChecked();
	await define();
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await splitAndTrainLinear(page);
	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	await expect(page.getByTestId('verdict')).toBeVisible();
}

test('multiclass: penguins species, with a 3 x 3 confusion matrix', async ({ page }) => {
	await runSample(page, 'penguins.csv', 'species', /Multiclass classification \(inferred\)/);
	await expect(page.getByTestId('confusion').locator('tbody tr')).toHaveCount(3);
	await expect(page.getByTestId('verdict')).toContainText('F1 (macro) on test');
	await expect(page.getByTestId('verdict')).toContainText('PASS');
});

test('regression: California house values, judged on RMSE against the mean', async ({ page }) => {
	await runSample(
		page,
		'california_housing_5k.csv',
		'median_house_value',
		/Regression \(inferred\)/,
		async () => {
			// RMSE has no natural scale: the KPI is left for the user to set, and Define waits for it.
			await expect(page.getByLabel(/^KPI/)).toHaveValue('');
			await expect(page.getByTestId('stage-define')).toHaveAccessibleDescription(
				/set the KPI threshold/
			);
			await page.getByLabel(/^KPI/).fill('80000');
			await page.getByLabel(/^KPI/).blur();
		}
	);
	await expect(page.getByTestId('verdict')).toContainText('RMSE on test');
	await expect(page.getByTestId('verdict')).toContainText('PASS');
	await expect(page.getByTestId('confusion')).toHaveCount(0);
	await page.getByTestId('stage-prepare').click();
	await expect(page.getByTestId('split-counts')).toContainText('3000');
});

test('profile cards draw their charts as they come into view', async ({ page }) => {
	await page.goto('/');
	await loadSample(page, 'penguins.csv');
	await page.getByTestId('stage-prepare').click();
	const cards = page.getByTestId('column-profiles').getByRole('article');
	await expect(cards.first()).toBeVisible();
	const count = await cards.count();
	expect(count).toBeGreaterThan(3);
	// Each card below the fold is drawn once scrolled to: its chart is an SVG with marks.
	for (let i = 0; i < count; i++) {
		const card = cards.nth(i);
		await card.scrollIntoViewIfNeeded();
		await expect(card.locator('figure svg path, figure svg rect').first()).toBeAttached();
	}
});

test('a sample tells its story, and the story fills in the brief', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Or start from a sample').selectOption('german_credit.csv');
	await expect(page.getByTestId('sample-decision')).toContainText('approve a loan application');
	await page.getByRole('button', { name: 'Load sample' }).click();
	const story = page.getByTestId('sample-story');
	await expect(story).toContainText('A trap to find');
	await expect(story).toContainText('personal_status_sex mixes sex and marital status');
	await expect(page.getByRole('button', { name: 'Continue to Prepare' })).toHaveCount(0);
	await story.getByRole('button', { name: 'Fill in the brief from the story' }).click();
	await expect(page.getByLabel('What decision will the model support?')).toHaveValue(
		'Approve a loan application, or pass it to a person for review.'
	);
	await expect(page.getByLabel('Target column')).toHaveValue('credit_risk');
	await expect(page.getByLabel(/^KPI/)).toHaveValue('0.75');
	const costs = page.getByTestId('cost-matrix').getByRole('spinbutton');
	await expect(costs.nth(0)).toHaveValue('1');
	await expect(costs.nth(1)).toHaveValue('5');
	for (const column of ['personal_status_sex', 'age_years', 'foreign_worker'])
		await expect(page.getByTestId('sensitive-columns').getByLabel(column)).toBeChecked();
	await expect(page.getByRole('button', { name: 'Continue to Prepare' })).toBeVisible();
});
