import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { datasetPath, dropFile, loadSample } from './helpers';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Opens every collapsed section (tables behind charts, forms behind a summary), then runs axe on
 * the whole page and, on any serious or critical issue, fails softly (so one run reports every
 * stage), listing each rule, its help and the elements to fix.
 */
async function expectAccessible(page: Page, where: string): Promise<void> {
	const closed = page.locator('details:not([open]) > summary').filter({ visible: true });
	for (let i = 0; i < 200 && (await closed.count()) > 0; i++) await closed.first().click();
	const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const blocking = violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help}; ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
		);
	expect.soft(blocking, `axe on ${where}`).toEqual([]);
}

test('every stage, with real work done, has no serious or critical axe violations', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Define the problem' })).toBeVisible();
	await expectAccessible(page, 'Define before a file');

	await loadSample(page, 'titanic.csv');

	// Define: a brief, the target, a KPI, and the "Is ML the right tool?" check.
	await page
		.getByLabel('What decision will the model support?')
		.fill('Which passengers to prioritise in a rescue drill');
	await page.getByLabel('Target column').selectOption('Survived');
	await page.getByLabel(/^KPI/).fill('0.8');
	await page.getByLabel(/^KPI/).blur();
	await expect(page.getByTestId('ml-check').getByTestId('ml-check-row-roc_auc')).toBeVisible();
	await expectAccessible(page, 'Define');
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();

	// Prepare: the profile drawn and the split made.
	await expect(page.getByTestId('dataset-summary')).toContainText('891 rows × 12 columns');
	await expect(page.getByTestId('checks-status')).toContainText('to look at');
	await page.getByRole('button', { name: 'Make the split' }).click();
	await expect(page.getByTestId('test-locked')).toContainText('178 rows');
	const cards = page.getByTestId('column-profiles').getByRole('article');
	await cards.last().scrollIntoViewIfNeeded();
	await expect(cards.last().locator('figure svg').first()).toBeAttached();
	await expectAccessible(page, 'Prepare');
	await page.getByRole('button', { name: 'Continue to Choose' }).click();

	// Choose
	await expect(
		page.getByRole('button', { name: 'Use logistic / linear regression' })
	).toBeVisible();
	await expectAccessible(page, 'Choose');
	await page.getByRole('button', { name: 'Use logistic / linear regression' }).click();
	await page.getByRole('button', { name: 'Continue to Train' }).click();

	// Train, with a trained run.
	await page.getByRole('button', { name: /^Train linear/ }).click();
	await expect(page.getByTestId('run-run-2')).toBeVisible();
	await expectAccessible(page, 'Train');
	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();

	// Evaluate, before and after the reveal.
	await expect(page.getByRole('button', { name: 'Reveal the test set' })).toBeVisible();
	await expectAccessible(page, 'Evaluate before the reveal');
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	await expect(page.getByTestId('verdict')).toContainText('PASS');
	await expect(page.getByTestId('curve-roc').locator('svg')).toBeVisible();
	await expectAccessible(page, 'Evaluate after the reveal');

	// Ship: the bundle downloaded and a batch checked against the train rows.
	await page.getByRole('button', { name: 'Continue to Ship' }).click();
	await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download the model bundle (.zip)' }).click()
	]);
	await expect(page.getByTestId('shipped')).toBeVisible();
	await dropFile(page, 'titanic.csv', readFileSync(datasetPath('titanic.csv')), 'monitor-drop');
	await expect(page.getByTestId('monitor-verdict')).toBeVisible();
	await expectAccessible(page, 'Ship');
});

test('guided mode, its glossary terms, and the glossary, privacy and classroom panels have no serious or critical axe violations', async ({
	page
}) => {
	await page.goto('/');
	await loadSample(page, 'german_credit.csv');
	await page.getByRole('button', { name: 'Fill in the brief from the story' }).click();
	await page.getByRole('button', { name: 'Guided mode' }).click();
	await expect(page.getByTestId('stage-guide')).toBeVisible();
	await expect(page.getByTestId('checklist')).toBeVisible();
	await expectAccessible(page, 'Define, guided');
	await page.getByTestId('stage-guide').locator('[data-term="kpi"]').first().click();
	await expect(
		page.getByRole('note').filter({ hasText: 'Key performance indicator' })
	).toBeVisible();
	await expectAccessible(page, 'a glossary term opened');
	await page.keyboard.press('Escape');

	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await page.getByRole('button', { name: 'Make the split' }).click();
	await expect(page.getByTestId('split-counts')).toBeVisible();
	await expectAccessible(page, 'Prepare, guided');

	for (const [button, heading] of [
		['Glossary', 'Glossary'],
		['Privacy', 'Privacy and storage'],
		['Classroom', 'Classroom']
	]) {
		await page.getByRole('button', { name: button, exact: true }).click();
		await expect(page.getByRole('heading', { name: heading, exact: true })).toBeFocused();
		if (button === 'Classroom') await page.getByLabel(/Plant a leak/).check();
		await expectAccessible(page, `the ${heading} panel`);
	}
});
