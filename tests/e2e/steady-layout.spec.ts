import { expect, test, type Page } from '@playwright/test';
import { dropDataset, openStage } from './helpers';

// Results that arrive on their own (the profile, the leakage lint, the recipe preview, the split
// report) must not move the controls the user is about to click: a button that jumps between
// the press and the release of a click loses the click. Each frame, the page's script records
// where a control is; once every background result is in, it must never have moved.

/** Starts recording, every animation frame, the top of the button named `name` in the page. */
async function trackButton(page: Page, name: string): Promise<void> {
	await page.evaluate((label) => {
		const w = window as unknown as { tops: number[]; stopTracking: boolean };
		w.tops = [];
		w.stopTracking = false;
		const frame = () => {
			const button = [...document.querySelectorAll('button')].find(
				(b) => b.textContent?.trim() === label
			);
			if (button) w.tops.push(Math.round(button.getBoundingClientRect().top));
			if (!w.stopTracking) requestAnimationFrame(frame);
		};
		requestAnimationFrame(frame);
	}, name);
}

/** Stops the recording; returns the distinct positions seen and the number of frames. */
async function trackedTops(page: Page): Promise<{ distinct: number[]; frames: number }> {
	return page.evaluate(() => {
		const w = window as unknown as { tops: number[]; stopTracking: boolean };
		w.stopTracking = true;
		return { distinct: [...new Set(w.tops)], frames: w.tops.length };
	});
}

/** Waits until the profile, the lint and the recipe preview describe the data as it is now. */
async function settled(page: Page): Promise<void> {
	await expect(page.getByTestId('checks-status')).toContainText('to look at');
	await expect(page.getByTestId('leakage')).not.toHaveAttribute('aria-busy', 'true');
	await expect(page.getByTestId('leakage')).not.toContainText(/Checking for leaks|checking again/);
	await expect(page.getByTestId('finishing')).toBeVisible();
}

test('Continue to Choose stays put while the split report, the lint and the preview arrive', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'titanic.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await trackButton(page, 'Continue to Choose');
	await page.getByRole('button', { name: 'Make the split' }).click();
	await expect(page.getByTestId('split-report')).toBeVisible();
	await settled(page);
	const { distinct, frames } = await trackedTops(page);
	expect(frames).toBeGreaterThan(5);
	expect(distinct).toHaveLength(1);
	await page.getByRole('button', { name: 'Continue to Choose' }).click();
	await expect(page.getByTestId('stage-choose')).toHaveAttribute('aria-current', 'step');
});

test('the Add token button stays put while the profile of the file read again arrives', async ({
	page
}) => {
	await page.goto('/');
	await dropDataset(page, 'dirty/titanic_na_tokens_whitespace.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await openStage(page, 'prepare');
	await page.getByRole('button', { name: 'Remove missing-value token ?' }).click();
	await expect(page.getByLabel('Kind of Age')).not.toHaveValue('number');
	await trackButton(page, 'Add');
	await settled(page);
	const { distinct, frames } = await trackedTops(page);
	expect(frames).toBeGreaterThan(5);
	expect(distinct).toHaveLength(1);
});
