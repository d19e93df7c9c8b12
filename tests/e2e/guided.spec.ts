import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { datasetPath, dropFile, loadSample, splitAndTrainLinear } from './helpers';

/** Expects a checklist item (in the sidebar) to be in a state. */
async function expectCheck(page: Page, id: string, state: 'done' | 'to do' | 'broken') {
	await expect(page.getByTestId('checklist').getByTestId(`check-${id}`)).toContainText(
		`(${state})`
	);
}

test('guided mode explains each stage, opens glossary terms where they stand, and ticks off the checklist', async ({
	page
}) => {
	await page.goto('/');
	await loadSample(page, 'penguins.csv');
	await expect(page.getByTestId('stage-guide')).toHaveCount(0);
	const toggle = page.getByRole('button', { name: 'Guided mode' });
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	const guide = page.getByTestId('stage-guide');
	await expect(guide.getByRole('heading', { name: 'Guide: Define' })).toBeVisible();
	await expect(guide).toContainText('Common mistakes');
	await expectCheck(page, 'brief', 'to do');

	// A term opens its meaning with the keyboard, and Escape closes it.
	const kpi = guide.locator('[data-term="kpi"]').first();
	await kpi.focus();
	await page.keyboard.press('Enter');
	const meaning = page.getByRole('note').filter({ hasText: 'Key performance indicator' });
	await expect(meaning).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(meaning).toBeHidden();

	await page.getByRole('button', { name: 'Fill in the brief from the story' }).click();
	await expectCheck(page, 'brief', 'done');
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await expect(guide.getByRole('heading', { name: 'Guide: Prepare' })).toBeVisible();
	await splitAndTrainLinear(page);
	await expectCheck(page, 'split', 'done');
	await expectCheck(page, 'baseline-beaten', 'done');
	await expectCheck(page, 'test-once', 'to do');

	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	await expect(page.getByTestId('verdict')).toBeVisible();
	await expectCheck(page, 'test-once', 'done');
	await expectCheck(page, 'slices', 'to do');
	const review = page.getByTestId('slices-review');
	await review.getByLabel('What did the slices show?').fill('fine');
	await review.getByRole('button', { name: 'Record the review' }).click();
	await expect(review.getByRole('alert')).toContainText('Write what you found in a sentence');
	await expectCheck(page, 'slices', 'to do');
	await review
		.getByLabel('What did the slices show?')
		.fill('Every island and sex slice scores 1.0: no group is weaker on this test set.');
	await review.getByRole('button', { name: 'Record the review' }).click();
	await expect(review.getByRole('status')).toContainText('no group is weaker');
	await expectCheck(page, 'slices', 'done');

	await page.getByRole('button', { name: 'Continue to Ship' }).click();
	await expect(guide.getByRole('heading', { name: 'Guide: Ship' })).toBeVisible();
	await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download the model bundle (.zip)' }).click()
	]);
	await expectCheck(page, 'bundle', 'done');
	await expectCheck(page, 'monitor', 'to do');
	await dropFile(page, 'penguins.csv', readFileSync(datasetPath('penguins.csv')), 'monitor-drop');
	await expect(page.getByTestId('monitor-verdict')).toBeVisible();
	await expectCheck(page, 'monitor', 'done');

	// Guided mode and the checklist are part of the project: a reload keeps them.
	await page.reload();
	await expect(page.getByRole('button', { name: 'Guided mode' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	for (const id of [
		'brief',
		'split',
		'baseline-beaten',
		'test-once',
		'slices',
		'bundle',
		'monitor'
	])
		await expectCheck(page, id, 'done');

	await page.getByRole('button', { name: 'Glossary' }).click();
	await expect(page.getByRole('heading', { name: 'Glossary' })).toBeFocused();
	await expect(page.getByTestId('glossary')).toContainText('Leakage');
	await page.getByRole('button', { name: 'Back to Ship' }).click();
	await expect(page.getByTestId('monitor')).toBeVisible();
});
