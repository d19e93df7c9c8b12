import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { exportEnv, PYTHON } from '../python/python';
import { datasetPath, dropDataset, recordRequests } from './helpers';

function parseSimpleCsv(text: string): string[][] {
	// The app's prediction CSVs hold labels and numbers only: no quoting to undo.
	return text
		.trimEnd()
		.split('\n')
		.map((line) => line.split(','));
}

test('a CSV goes through all six stages to a bundle that predicts what the app predicted', async ({
	page,
	baseURL
}) => {
	const requests = recordRequests(page);
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Define the problem' })).toBeVisible();

	await dropDataset(page, 'titanic.csv');
	await expect(page.getByTestId('dataset-chip')).toHaveText('titanic.csv');

	// Define
	await page
		.getByLabel('What decision will the model support?')
		.fill('Which passengers to prioritise in a rescue drill');
	await page.getByLabel('Target column').selectOption('Survived');
	await expect(
		page.getByRole('radio', { name: /Binary classification \(inferred\)/ })
	).toBeChecked();
	await expect(page.getByLabel('Primary metric', { exact: true })).toHaveValue('roc_auc');
	await page.getByLabel(/^KPI/).fill('0.8');
	await page.getByLabel(/^KPI/).blur();
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();

	// Prepare
	await expect(page.getByTestId('dataset-summary')).toContainText('891 rows × 12 columns');
	await expect(page.getByTestId('finishing')).toContainText('Age: fill missing values (median)');
	await page.getByRole('button', { name: 'Make the split' }).click();
	await expect(page.getByTestId('split-counts')).toContainText('535');
	await expect(page.getByTestId('test-locked')).toContainText('178 rows');

	// Reload mid-way: everything is back.
	await expect(page.getByTestId('save-status')).toHaveText('Saved in this browser');
	await page.reload();
	await expect(page.getByTestId('split-counts')).toContainText('535');
	await expect(page.getByTestId('stage-define')).toContainText('done');
	await expect(page.getByTestId('stage-prepare')).toContainText('done');
	await page.getByRole('button', { name: 'Continue to Choose' }).click();

	// Choose and train
	await page.getByRole('button', { name: 'Use logistic / linear regression' }).click();
	await page.getByRole('button', { name: 'Continue to Train' }).click();
	await page.getByRole('button', { name: /^Train linear/ }).click();
	await expect(page.getByTestId('run-run-2')).toBeVisible();
	await expect(page.getByTestId('run-run-1')).toContainText('baseline');
	await expect(page.getByTestId('run-run-1')).toContainText('0.5000');
	const modelAuc = Number(await page.getByTestId('run-run-2').locator('td.primary').textContent());
	expect(modelAuc).toBeGreaterThan(0.8);

	await expect(page.getByTestId('save-status')).toHaveText('Saved in this browser');
	await page.reload();
	await expect(page.getByTestId('run-run-2')).toBeVisible();
	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();

	// Evaluate: the reveal is a confirmed, recorded action.
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	await expect(page.getByTestId('verdict')).toContainText('PASS');
	await expect(page.getByTestId('audit')).toContainText('Revealed the test set to judge run-2');
	await expect(page.getByTestId('save-status')).toHaveText('Saved in this browser');
	await page.reload();
	await expect(page.getByTestId('verdict')).toContainText('PASS');
	await expect(page.getByTestId('stage-evaluate')).toContainText('done');
	const [predictionsFile] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download test predictions (CSV)' }).click()
	]);
	const appPredictions = parseSimpleCsv(readFileSync(await predictionsFile.path(), 'utf8'));

	// Ship
	await page.getByRole('button', { name: 'Continue to Ship' }).click();
	const [bundleFile] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download the model bundle (.zip)' }).click()
	]);
	await expect(page.getByTestId('shipped')).toBeVisible();
	await expect(page.getByTestId('stage-ship')).toContainText('done');

	// Outside the app: node predict.mjs on the test rows reproduces the app's predictions exactly.
	const dir = mkdtempSync(join(tmpdir(), 'shipshape-bundle-'));
	const files = unzipSync(new Uint8Array(readFileSync(await bundleFile.path())));
	for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
	expect(Object.keys(files).sort()).toEqual([
		'Dockerfile',
		'MODEL_CARD.md',
		'deployment.yaml',
		'example.csv',
		'manifest.json',
		'manifest.schema.json',
		'model.json',
		'package.json',
		'predict.mjs',
		'recipe.json',
		'reference.json',
		'server.mjs'
	]);
	const lines = readFileSync(datasetPath('titanic.csv'), 'utf8').split('\n');
	const [header, ...rows] = appPredictions;
	expect(header[0]).toBe('row');
	expect(rows).toHaveLength(178);
	writeFileSync(
		join(dir, 'rows.csv'),
		[lines[0], ...rows.map((r) => lines[Number(r[0]) + 1])].join('\n') + '\n'
	);
	const output = execFileSync('node', [join(dir, 'predict.mjs'), join(dir, 'rows.csv')], {
		encoding: 'utf8'
	});
	expect(parseSimpleCsv(output)).toEqual(appPredictions.map((r) => r.slice(1)));
	const manifest = JSON.parse(
		files['manifest.json'] ? new TextDecoder().decode(files['manifest.json']) : '{}'
	);
	expect(manifest.verdict.pass).toBe(true);
	// Sealed: the SHA-256 of every other file, which predict.mjs checked before it predicted.
	expect(Object.keys(manifest.files)).toHaveLength(Object.keys(files).length - 1);
	expect(manifest.inputSchema.map((f: { name: string }) => f.name)).toEqual([
		'Pclass',
		'Sex',
		'Age',
		'SibSp',
		'Parch',
		'Fare',
		'Embarked'
	]);
	// The drift reference: the 535 train rows' distribution of each input, the target, the prediction.
	const reference = JSON.parse(new TextDecoder().decode(files['reference.json']));
	expect(reference.rows).toBe(535);
	expect(reference.columns.map((c: { name: string }) => c.name)).toEqual([
		...manifest.inputSchema.map((f: { name: string }) => f.name),
		'Survived',
		'prediction'
	]);
	const sex = reference.columns.find((c: { name: string }) => c.name === 'Sex');
	expect(sex.counts.reduce((a: number, b: number) => a + b, 0) + sex.missing).toBe(535);

	// Graduate: the same project as Python. pipeline.py refits the recipe and the linear model with
	// pandas and scikit-learn on the same train rows and matches the app's test metrics.
	const [pythonFile] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download as Python (notebook, script, Dask)' }).click()
	]);
	const pythonDir = mkdtempSync(join(tmpdir(), 'shipshape-python-'));
	for (const [name, bytes] of Object.entries(
		unzipSync(new Uint8Array(readFileSync(await pythonFile.path())))
	)) {
		mkdirSync(dirname(join(pythonDir, name)), { recursive: true });
		writeFileSync(join(pythonDir, name), bytes);
	}
	const exported = join(pythonDir, `${manifest.name}-python`);
	copyFileSync(datasetPath('titanic.csv'), join(exported, 'titanic.csv'));
	execFileSync(PYTHON, ['pipeline.py'], { cwd: exported, env: exportEnv(), stdio: 'pipe' });
	const pythonTest = JSON.parse(readFileSync(join(exported, 'metrics.json'), 'utf8')).test;
	expect(pythonTest.roc_auc.Shipshape).toBe(manifest.metrics.test.roc_auc);
	for (const [metric, row] of Object.entries(pythonTest) as [string, { difference: number }][])
		expect(Math.abs(row.difference), metric).toBeLessThanOrEqual(1e-6);

	// Nothing left the page's origin during the whole journey.
	const origin = new URL(baseURL!).origin;
	const outside = requests.filter(
		(url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')
	);
	expect(outside).toEqual([]);
	expect(requests.length).toBeGreaterThan(0);
});
