import { expect, test } from '@playwright/test';
import { dropDataset } from './helpers';

test('a decision tree is chosen with its depth, trained beside the baseline, and logged', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'titanic.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await page.getByRole('button', { name: 'Make the split' }).click();
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	// Forests and boosted trees have a "Maximum depth" too: fill the decision tree's.
	const treeForm = page.getByRole('region', { name: 'Decision tree', exact: true });
	await treeForm.getByLabel('Maximum depth').fill('4');
	await treeForm.getByLabel('Fewest rows per leaf').fill('10');
	await page.getByRole('button', { name: 'Use a decision tree' }).click();
	await expect(page.getByTestId('choice')).toContainText(
		'tree (gini, depth 4, at least 10 rows per leaf)'
	);
	await page.getByRole('button', { name: 'Continue to Train' }).click();
	await page.getByRole('button', { name: /^Train tree/ }).click();
	await expect(page.getByTestId('run-run-2')).toContainText('tree (gini, depth 4');
	const auc = Number(await page.getByTestId('run-run-2').locator('td.primary').textContent());
	expect(auc).toBeGreaterThan(0.8);
	expect(auc).toBeLessThan(1);

	// The fitted tree reads in the user's words: "Sex is female?", not "Sex=female ≤ 0".
	const tree = page.getByRole('region', { name: 'The decision tree of run-2' });
	const root = tree.getByTestId('tree-root');
	await expect(root).toHaveAccessibleName(/^Sex is (female|male)\?/);
	await expect(root).toHaveAttribute('aria-expanded', 'true');
	await root.click();
	await expect(root).toHaveAttribute('aria-expanded', 'false');
	await expect(root).toContainText(/\+\d+ more nodes/);
	await root.press('Enter');
	await expect(root).toHaveAttribute('aria-expanded', 'true');
	await tree.getByLabel('Show depth').selectOption('1');
	await expect(tree.getByRole('button', { expanded: false })).toHaveCount(2);
	await expect(tree.getByRole('button', { name: 'Copy rules' })).toBeEnabled();
	await tree.getByText(/^Rules as text/).click();
	await expect(tree.getByTestId('tree-rules')).toContainText(/^IF Sex is (female|male) AND /);
});
