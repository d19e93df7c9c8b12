import { expect, test } from '@playwright/test';
import { shipHousingModel } from './helpers';

// "Simulate production": California housing's validation rows replayed as six batches, with a
// unit change of median_income (x 100) from batch 4. tests/core/monitor/simulate.test.ts checks
// the same replays in the core.

test('simulate production: a unit change fires its checks from the batch it begins, not before', async ({
	page
}) => {
	await shipHousingModel(page);
	const panel = page.getByTestId('simulate');
	await panel.getByLabel('Batches').fill('6');
	await panel.getByLabel('Rows per batch').fill('500');
	await panel.getByLabel('Drift begins at batch').fill('4');
	await panel.getByLabel('Kind of drift').selectOption('scale');
	await panel.getByLabel('Column to drift').selectOption('median_income');
	await panel.getByLabel('Factor').fill('100');
	await panel.getByRole('button', { name: 'Add this drift' }).click();
	// A second drift, then taken back: only the unit change is replayed.
	await panel.getByLabel('Kind of drift').selectOption('label-shift');
	await panel.getByRole('button', { name: 'Add this drift' }).click();
	const injections = page.getByTestId('injections');
	await expect(injections).toContainText('above the median: 80% of the traffic (label shift)');
	await injections.getByRole('button', { name: /Remove the drift: above the median/ }).click();
	await expect(injections.getByRole('listitem')).toHaveText([
		/median_income multiplied by 100 \(a unit change\)/
	]);
	await panel.getByRole('button', { name: 'Run the simulation' }).click();

	const summary = page.getByTestId('simulation-summary');
	await expect(summary).toContainText('median_income: drift fired at once, in batch 4.');
	await expect(summary).toContainText('prediction: drift fired at once, in batch 4.');
	await expect(summary).toContainText('whole batch: KPI missed fired at once, in batch 4.');
	const row = page.getByTestId('simulated-median_income-distribution-drift').getByRole('cell');
	await expect(row).toHaveText(['', '', '', 'fired', 'fired', 'fired']);
	// The timeline's header marks the batches with the injected drift.
	const header = page.getByTestId('simulation-timeline').getByRole('columnheader');
	await expect(header).toHaveText(['check', '1', '2', '3', '4*', '5*', '6*']);
});
