import { expect, test, type Page } from '@playwright/test';
import { dropDataset } from './helpers';

/** Loads titanic, splits it with 5 cross-validation folds and opens Choose. */
async function titanicWithFolds(page: Page): Promise<void> {
	await page.goto('/');
	await dropDataset(page, 'titanic.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await page.getByLabel('Cross-validation').selectOption('5');
	await page.getByRole('button', { name: 'Make the split' }).click();
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
}

/** Chooses a family with its default form and opens Train. */
async function chooseFamily(page: Page, kind: string): Promise<void> {
	await page.getByTestId(`family-${kind}`).getByRole('button', { name: /^Use/ }).click();
	await page.getByRole('button', { name: 'Continue to Train' }).click();
}

test('boosted trees train, re-run to the same scores, and a cross-validated grid search is logged', async ({
	page
}) => {
	await titanicWithFolds(page);
	await chooseFamily(page, 'boosting');
	await page.getByRole('button', { name: /^Train boosted trees/ }).click();
	const run2 = page.getByTestId('run-run-2');
	await expect(run2).toContainText('boosted trees');
	const auc = Number(await run2.locator('td.primary').textContent());
	expect(auc).toBeGreaterThan(0.8);
	// What it learned: the features its trees split on most; Sex is among the top three.
	const learned = page.getByTestId('model-summary');
	await expect(learned).toContainText('The features the');
	await expect(learned.locator('tbody tr').nth(0)).toBeVisible();
	const top = await learned.locator('tbody th').allTextContents();
	expect(top.slice(0, 3).some((name) => name.startsWith('Sex='))).toBe(true);

	// Re-running the run reproduces its validation scores to the bit.
	await page.getByRole('button', { name: 'Re-run run-2' }).click();
	await expect(page.getByTestId('rerun-note')).toHaveText(
		'run-3 re-ran run-2 and reproduced its validation scores exactly.'
	);
	expect(Number(await page.getByTestId('run-run-3').locator('td.primary').textContent())).toBe(auc);

	// A grid over two hyperparameters, scored by 5-fold cross-validation.
	const tune = page.getByRole('region', { name: /^Tune/ });
	for (const name of ['Learning rate', 'Leaves per tree', 'Fewest rows per leaf'])
		await tune.getByRole('checkbox', { name }).uncheck();
	await tune.getByRole('checkbox', { name: 'Leaves per tree' }).check();
	await tune.getByLabel('Score by').selectOption('cv');
	await tune.getByRole('button', { name: /^Run 3 trials$/ }).click();
	await expect(page.getByTestId('tuning-status')).toHaveText('3 of 3 trials finished.');
	const trials = page.getByTestId('trials');
	await expect(trials.locator('tbody tr')).toHaveCount(3);
	await expect(trials.locator('tbody tr.best')).toHaveCount(1);
	// Each trial is a run in the log, tagged with its tuning session.
	for (const [i, id] of ['run-4', 'run-5', 'run-6'].entries()) {
		await expect(page.getByTestId(`run-${id}`)).toContainText('boosted trees');
		await expect(page.getByTestId(`run-${id}`)).toContainText(`trial ${i + 1}, search of`);
	}
	await expect(trials.locator('caption')).toHaveText('Trials, scored on 5-fold cross-validation');
	await expect(
		page.getByRole('figure', { name: 'Learning curves of the trials' }).locator('svg')
	).toBeVisible();

	// The log exports as CSV, one line per run.
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Download CSV' }).click();
	const csv = await (await (await download).createReadStream()).toArray();
	const lines = Buffer.concat(csv).toString('utf8').trim().split('\n');
	expect(lines).toHaveLength(1 + 6);
	expect(lines[0]).toMatch(/^id,createdAt,family,spec,seed,backend,/);
});

test('cancelling a search keeps the trials that finished, in the table and in the log', async ({
	page
}) => {
	await titanicWithFolds(page);
	await chooseFamily(page, 'boosting');
	const tune = page.getByRole('region', { name: /^Tune/ });
	await tune.getByLabel('Search').selectOption('random');
	await tune.getByLabel('Trials').fill('40');
	await tune.getByRole('button', { name: /^Run 40 trials$/ }).click();
	await expect(page.getByTestId('tuning-status')).toContainText(/^[1-9]\d* of 40 trials finished/);
	await page.getByTestId('busy').getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByTestId('tuning-status')).toContainText(
		'the others were cancelled, and the finished ones are kept in the log'
	);
	const status = await page.getByTestId('tuning-status').textContent();
	const finished = Number(/^(\d+) of 40/.exec(status!)![1]);
	expect(finished).toBeLessThan(40);
	await expect(page.getByTestId('trials').locator('tbody tr', { hasText: 'done' })).toHaveCount(
		finished
	);
	await expect(page.getByTestId('runs').locator('tbody tr')).toHaveCount(finished);
});

test('a neural net trains with TF.js on the backend the parity check allowed, and says why', async ({
	page
}) => {
	await titanicWithFolds(page);
	await chooseFamily(page, 'neural');
	await page.getByRole('button', { name: /^Train neural net/ }).click();
	await expect(page.getByTestId('run-run-2')).toContainText('neural net', { timeout: 60_000 });
	// This machine has no GPU: WebGPU and WebGL are software here, so WASM is chosen.
	await expect(page.getByTestId('backend')).toContainText('run-2 trained with TF.js on wasm');
	await expect(page.getByTestId('backend')).toContainText('WebGL: renderer is SwiftShader');
	const auc = Number(await page.getByTestId('run-run-2').locator('td.primary').textContent());
	expect(auc).toBeGreaterThan(0.8);
});

test('the brief asks for a readable model, and Choose recommends one, saying why', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'titanic.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await page.getByLabel(/must be able to read how the model decides/).check();
	await page.getByLabel(/Latency budget per row/).fill('5');
	await page.getByLabel(/Latency budget per row/).blur();
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await page.getByRole('button', { name: 'Make the split' }).click();
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	const recommendation = page.getByTestId('recommendation');
	await expect(recommendation.getByRole('heading')).toHaveText(
		/^Recommended: (Logistic|Decision tree)/
	);
	await expect(recommendation).toContainText('The brief asks for a model a person can read.');
	await expect(recommendation).toContainText('5 ms');
	// Without the constraint, 534 training rows recommend a linear model with a forest to compare.
	await page.getByTestId('stage-define').click();
	await page.getByLabel(/must be able to read how the model decides/).uncheck();
	await page.getByTestId('stage-choose').click();
	await expect(recommendation).not.toContainText('The brief asks for a model a person can read.');
});
