import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { dropDataset } from './helpers';

test('rank_train: a ranking brief with its query column, a split by query, and NDCG per query on test', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'rank_train.csv');

	// Define: relevance 0-4 reads as classes until the user says it ranks documents per query.
	await page.getByLabel('Target column').selectOption('relevance');
	await page.getByRole('radio', { name: /^Ranking/ }).check();
	await expect(page.getByLabel(/^Query column/)).toHaveValue('qid');
	await expect(page.getByLabel('Primary metric', { exact: true })).toHaveValue('ndcg_at_10');
	await page.getByLabel(/^KPI/).fill('0.6');
	await page.getByLabel(/^KPI/).blur();
	// "Is ML the right tool?" scores the mean baseline's NDCG (every order equally likely).
	await expect(page.getByTestId('ml-check').getByTestId('ml-check-row-ndcg_at_10')).toBeVisible();

	// Prepare: the split groups by the query; another kind is refused with the reason.
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('group');
	await expect(page.getByLabel('Group column')).toHaveValue('qid');
	await page.getByLabel('Kind', { exact: true }).selectOption('random');
	await expect(page.getByRole('alert').filter({ hasText: 'query column "qid"' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Make the split' })).toBeDisabled();
	await page.getByLabel('Kind', { exact: true }).selectOption('group');
	await page.getByLabel('Group column').selectOption('qid');
	await page.getByRole('button', { name: 'Make the split' }).click();
	await expect(page.getByTestId('test-locked')).toBeVisible();
	// qid is never a feature: its numbers only name the query.
	await expect(page.getByTestId('query-role')).toHaveText('query (never a feature)');

	// Choose and Train: ridge regression on relevance, scored by NDCG@10 on validation queries.
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	await page.getByRole('button', { name: 'Use logistic / linear regression' }).click();
	await page.getByRole('button', { name: 'Continue to Train' }).click();
	await page.getByRole('button', { name: /^Train linear/ }).click();
	await expect(page.getByTestId('run-run-2')).toContainText(/0\.\d{4}/);

	// Evaluate: one look; NDCG and MAP with intervals over resampled queries, and each query's score.
	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	await expect(page.getByTestId('verdict-headline')).toContainText(/PASS|FAIL/);
	await expect(page.getByTestId('kpi-checks')).toContainText('NDCG@10');
	for (const metric of ['ndcg_at_10', 'ndcg_at_5', 'map_at_10', 'map'])
		await expect(page.getByTestId(`score-${metric}`)).toContainText('[');
	const queries = page.getByTestId('queries');
	await expect(queries.getByTestId('query-row')).toHaveCount(10);
	await queries.getByRole('button', { name: /^Show all \d+ queries/ }).click();
	expect(await queries.getByTestId('query-row').count()).toBeGreaterThan(10);
	await expect(page.getByTestId('threshold')).toHaveCount(0);
	await expect(page.getByTestId('importance')).toContainText('NDCG@10');
	await expect(page.getByTestId('audit')).toContainText('Revealed the test set to judge run-2');
	// The report carries the worst queries, and no undefined number leaks into it.
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download report (Markdown)' }).click()
	]);
	const report = readFileSync(await file.path(), 'utf8');
	expect(report).toContain('Scores per query');
	expect(report).toContain('NDCG@10');
	expect(report).not.toContain('NaN');
});
