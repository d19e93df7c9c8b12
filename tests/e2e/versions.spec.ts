import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { datasetPath, dropFile, shipHousingModel } from './helpers';

// Retrain, approve, roll back: California housing is shipped (version 1), the drifted batch
// dirty/housing_drift_current.csv (3000 rows with their true values) retrains it into a
// candidate, which is compared with version 1 on the same rows, approved with a note, shipped,
// rolled back, and all of it survives a reload. tests/core/registry/retrain.test.ts checks the
// same comparison in the core.

/** Downloads the bundle; returns its files. */
async function downloadBundle(page: Page): Promise<Record<string, Uint8Array>> {
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download the model bundle (.zip)' }).click()
	]);
	return unzipSync(new Uint8Array(readFileSync(await file.path())));
}

const manifestOf = (files: Record<string, Uint8Array>) =>
	JSON.parse(new TextDecoder().decode(files['manifest.json']));

test('a labelled batch retrains the live model into a candidate that is approved, shipped and rolled back', async ({
	page
}) => {
	await shipHousingModel(page);
	await expect(page.getByTestId('versions-empty')).toBeVisible();
	const batch = readFileSync(datasetPath('dirty/housing_drift_current.csv'));
	await dropFile(page, 'housing_drift_current.csv', batch, 'monitor-drop');
	const retrain = page.getByTestId('retrain');
	await expect(retrain).toContainText('Download the bundle first');

	// Shipping registers version 1, live.
	const first = manifestOf(await downloadBundle(page));
	expect(first.version).toBe('1.0.0');
	await expect(page.getByTestId('version-1')).toContainText('live');
	await expect(page.getByTestId('version-1')).toContainText('evaluated on the test set');

	// Retraining makes version 2 a candidate, scored beside version 1 on the same rows.
	await retrain
		.getByRole('button', { name: 'Retrain version 1 on housing_drift_current.csv' })
		.click();
	const candidate = page.getByTestId('candidate');
	await expect(candidate).toContainText('Version 2 against the live version 1');
	await expect(candidate).toContainText('2100 labelled rows added to 12384 train rows');
	const comparison = page.getByTestId('comparison');
	await expect(comparison).toContainText(/validation rows \(\d+\)/);
	await expect(comparison).toContainText('held-out rows of housing_drift_current.csv (900)');
	const recent = comparison.getByRole('row', { name: /held-out rows/ }).getByRole('cell');
	const [liveRmse, candidateRmse] = (await recent.allTextContents()).map(Number);
	expect(candidateRmse).toBeLessThan(liveRmse);
	await expect(page.getByTestId('version-2')).toContainText('candidate');
	await expect(retrain).toContainText('Version 2 waits for your decision');

	// A decision needs a note; with one, version 2 goes live and version 1 retires.
	await page.getByRole('button', { name: 'Approve version 2 and make it live' }).click();
	await expect(page.getByTestId('error')).toContainText('Say why you approve version 2');
	await page.getByLabel(/Your note/).fill('Better on the recent rows, as good on validation');
	await page.getByRole('button', { name: 'Approve version 2 and make it live' }).click();
	await expect(page.getByTestId('version-2')).toContainText('live');
	await expect(page.getByTestId('version-2')).toContainText('approved: Better on the recent rows');
	await expect(page.getByTestId('version-1')).toContainText('retired');
	await expect(page.getByTestId('candidate')).toHaveCount(0);
	// The monitor now holds batches against what version 2 was trained on.
	await dropFile(page, 'housing_drift_current.csv', batch, 'monitor-drop');
	await expect(page.getByTestId('monitor-verdict')).toContainText(
		'3000 rows against 14484 train rows'
	);

	// The bundle now ships version 2, which says how it was made and judged; node loads it.
	const files = await downloadBundle(page);
	const second = manifestOf(files);
	expect(second.version).toBe('1.1.0');
	expect(second.retrained).toMatchObject({
		fromVersion: 1,
		fileName: 'housing_drift_current.csv',
		addedRows: 2100,
		trainRows: 14484,
		approval: 'Better on the recent rows, as good on validation'
	});
	expect(second.metrics.test).toEqual({});
	expect(JSON.parse(new TextDecoder().decode(files['reference.json'])).rows).toBe(14484);
	expect(second.verdict.summary).toContain('not judged on the test set');
	expect(new TextDecoder().decode(files['MODEL_CARD.md'])).toContain(
		'## Retraining (version 1 retrained; not judged on the test set)'
	);
	const dir = mkdtempSync(join(tmpdir(), 'shipshape-v2-'));
	try {
		for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
		const output = execFileSync('node', [join(dir, 'predict.mjs'), join(dir, 'example.csv')], {
			encoding: 'utf8'
		});
		expect(output.split('\n')[0]).toBe('prediction,error');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}

	// One click rolls back to version 1; a reload keeps every version and the history.
	await page.getByRole('button', { name: 'Roll back to version 1' }).click();
	await expect(page.getByTestId('version-1')).toContainText('live');
	await expect(page.getByTestId('version-2')).toContainText('retired');
	await expect(page.getByTestId('save-status')).toHaveText('Saved in this browser');
	await page.reload();
	await expect(page.getByTestId('version-1')).toContainText('live');
	await expect(page.getByTestId('version-2')).toContainText('retired');
	await expect(page.getByRole('button', { name: 'Roll back to version 2' })).toBeVisible();
	await expect(page.getByTestId('versions-history')).toContainText('Rolled back to version 1');

	const [exported] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export the versions (JSON)' }).click()
	]);
	const registry = JSON.parse(readFileSync(await exported.path(), 'utf8'));
	expect(registry.format).toBe('shipshape-registry');
	expect(
		registry.versions.map((v: { number: number; status: string }) => [v.number, v.status])
	).toEqual([
		[1, 'live'],
		[2, 'retired']
	]);
	expect(registry.events.map((e: { text: string }) => e.text)).toEqual([
		expect.stringContaining('Version 1 live'),
		expect.stringContaining('Version 2 trained as a candidate'),
		expect.stringContaining('Version 2 approved and live'),
		'Rolled back to version 1 (version 2 retired)'
	]);
});
