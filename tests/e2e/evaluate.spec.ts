import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { dropDataset } from './helpers';

/** Clicks a button that downloads a file, and returns the file's text. */
async function downloadText(page: Page, name: string | RegExp): Promise<string> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name }).click()
	]);
	return readFileSync(await file.path(), 'utf8');
}

test('german_credit: a brief with costs, a threshold chosen on validation, one recorded look and a second with its reason', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'german_credit.csv');

	// Define: the contract, with what each mistake costs and who must be treated fairly.
	await page
		.getByLabel('What decision will the model support?')
		.fill('Which loan applications to send for a manual credit review');
	await page.getByLabel('Target column').selectOption('credit_risk');
	await expect(page.getByLabel(/^Positive class/)).toHaveValue('bad');
	await expect(page.getByLabel('Primary metric', { exact: true })).toHaveValue('roc_auc');
	await page.getByLabel(/^KPI/).fill('0.7');
	await page.getByLabel(/^KPI/).blur();
	await page.locator('#cost-fp').fill('1');
	await page.locator('#cost-fp').blur();
	await page.locator('#cost-fn').fill('5');
	await page.locator('#cost-fn').blur();
	await page
		.getByTestId('sensitive-columns')
		.getByRole('checkbox', { name: 'personal_status_sex' })
		.check();
	// The brief exports as Markdown and as a printable page.
	const brief = await downloadText(page, 'Download brief (Markdown)');
	expect(brief).toContain('Which loan applications to send for a manual credit review');
	expect(brief).toContain('personal_status_sex');
	await page.getByRole('button', { name: 'Print brief' }).click();
	await expect(page.getByTestId('brief-print-frame')).toHaveAttribute('srcdoc', /@media print/);
	// "Is ML the right tool?": both baselines are scored against the KPI before any model.
	const check = page.getByTestId('ml-check');
	await expect(check.getByTestId('ml-check-row-roc_auc')).toBeVisible();
	await expect(check.getByTestId('ml-check-basis')).toContainText('before the split');
	await expect(check).toContainText('one-rule baseline on');

	// Prepare, Choose, Train: logistic regression and the baseline.
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await page.getByRole('button', { name: 'Make the split' }).click();
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	await page.getByRole('button', { name: 'Use logistic / linear regression' }).click();
	await page.getByRole('button', { name: 'Continue to Train' }).click();
	await page.getByRole('button', { name: /^Train linear/ }).click();
	await expect(page.getByTestId('run-run-2')).toBeVisible();
	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();

	// The threshold is chosen by the brief's costs on validation before the test rows are scored.
	await expect(page.getByRole('radio', { name: /^Lowest cost/ })).toBeChecked();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	const verdict = page.getByTestId('verdict');
	await expect(verdict.getByTestId('verdict-headline')).toContainText(/PASS|FAIL/);
	await expect(verdict.getByTestId('kpi-checks')).toContainText('ROC-AUC');
	const threshold = Number(await page.getByTestId('threshold-value').textContent());
	// A missed bad credit costs five false alarms: the threshold drops below 0.5.
	expect(threshold).toBeLessThan(0.5);
	await expect(page.getByTestId('threshold')).toContainText('validation rows');
	await expect(page.getByTestId('test-scores')).toContainText('1000 bootstrap resamples');
	await expect(page.getByTestId('score-roc_auc')).toContainText('[');
	await expect(page.getByTestId('curve-roc').locator('svg')).toBeVisible();

	// Slices and fairness by personal_status_sex (A91..A94: the German codes for sex and status).
	await expect(page.getByTestId('all-slices')).toContainText('A93');
	const fairness = page.getByTestId('fairness-personal_status_sex');
	for (const group of ['A91', 'A92', 'A93', 'A94']) await expect(fairness).toContainText(group);
	await expect(fairness).toContainText('Demographic parity difference');
	await expect(fairness).toContainText('Equalized odds difference');
	await expect(page.getByTestId('importance')).toContainText('checking_status');
	await page.getByRole('searchbox', { name: 'Filter worst predictions' }).fill('bad');
	await expect(page.getByTestId('worst-count')).toContainText('Showing');
	await expect(page.getByTestId('audit')).toContainText('Revealed the test set to judge run-2');

	// A second look must say why; it is recorded, flagged on the page, in the report and the card.
	const again = page.getByRole('button', { name: 'Look at the test set again' });
	await expect(again).toBeDisabled();
	await page.getByLabel('Why look at the test set again?').fill('The review team asked');
	await expect(again).toBeEnabled();
	page.once('dialog', (dialog) => dialog.accept());
	await again.click();
	await expect(page.getByTestId('later-looks')).toContainText('looked at 2 times');
	// The look is recorded before the test rows are read; the second verdict follows.
	const verdicts = page
		.getByTestId('audit')
		.locator('li')
		.filter({ hasText: /(Passed|Failed): / });
	await expect(verdicts).toHaveCount(2);
	await expect(page.getByTestId('audit')).toContainText(
		'Looked at the test set again (look 2) to judge run-2: The review team asked'
	);
	const report = await downloadText(page, 'Download report (Markdown)');
	expect(report).toContain('The review team asked');
	expect(report).toContain('personal_status_sex');
	expect(report).not.toContain('NaN');
	const html = await downloadText(page, 'Download report (HTML)');
	expect(html).toContain('@media print');
	const card = await downloadText(page, 'Download model card');
	expect(card).toContain('The review team asked');

	// Everything survives a reload.
	await expect(page.getByTestId('save-status')).toHaveText('Saved in this browser');
	await page.reload();
	await expect(page.getByTestId('later-looks')).toContainText('looked at 2 times');
	await expect(page.getByTestId('fairness-personal_status_sex')).toContainText('A92');
});
