import { expect, test, type Page } from '@playwright/test';
import { loadSample, openStage, splitAndTrainLinear } from './helpers';

// Each stage's look, committed (tests/e2e/look.spec.ts-snapshots) and compared with a tolerance,
// so a change of look is a reviewed change: `npm run build && npx playwright test look
// --update-snapshots=all` writes new ones to review and commit. Times are masked: they differ.

const VIEWPORTS = [
	{ width: 1280, height: 800 },
	{ width: 1024, height: 768 }
];

/** Checks the stage at both sizes: nothing wider than the window, and the look as committed. */
async function expectLook(page: Page, stage: string) {
	for (const viewport of VIEWPORTS) {
		await page.setViewportSize(viewport);
		await page.evaluate(() => window.scrollTo(0, 0));
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, `${stage} at ${viewport.width}x${viewport.height} scrolls sideways`).toBe(0);
		await expect(page).toHaveScreenshot(`${stage}-${viewport.width}x${viewport.height}.png`, {
			animations: 'disabled',
			caret: 'hide',
			mask: [
				page.locator('time'),
				page.getByTestId('save-status'),
				page.locator('[data-volatile]')
			],
			maxDiffPixelRatio: 0.01
		});
	}
}

test('every stage looks as committed at 1280x800 and 1024x768, and prints without its controls', async ({
	page
}) => {
	await page.goto('/');
	await expectLook(page, 'start');
	await loadSample(page, 'penguins.csv');
	await page.getByRole('button', { name: 'Fill in the brief from the story' }).click();
	await expect(page.getByTestId('ml-check')).toContainText('F1 (macro)');
	await expectLook(page, 'define');

	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await expect(page.getByTestId('dataset-summary')).toContainText('344 rows');
	await splitAndTrainLinear(page);
	await openStage(page, 'prepare');
	await expect(page.getByTestId('split-counts')).toBeVisible();
	await expectLook(page, 'prepare');
	await openStage(page, 'choose');
	await expectLook(page, 'choose');
	await openStage(page, 'train');
	await expectLook(page, 'train');

	await page.getByRole('button', { name: 'Continue to Evaluate' }).click();
	page.once('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Reveal the test set' }).click();
	await expect(page.getByTestId('verdict')).toBeVisible();
	await expectLook(page, 'evaluate');

	// Printed, the results stand alone: no rail, no buttons.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('aside')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Continue to Ship' })).toBeHidden();
	await expect(page.getByTestId('verdict')).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	await page.getByRole('button', { name: 'Continue to Ship' }).click();
	await expect(page.getByTestId('monitor')).toBeVisible();
	await expectLook(page, 'ship');

	await page.getByRole('button', { name: 'Guided mode' }).click();
	await expectLook(page, 'ship-guided');
});
