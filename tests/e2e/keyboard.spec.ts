import { expect, test, type Locator, type Page } from '@playwright/test';

/** Presses of Tab allowed to reach a control: a whole stage's controls, and a wrap past its end. */
const MAX_TABS = 250;

/** Describes the focused element, for a failure message. */
function focusedElement(page: Page): Promise<string> {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return 'the page itself';
		const name = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '';
		return `<${el.tagName.toLowerCase()}> "${name}"`;
	});
}

/** Presses Tab until `target` has the focus, failing with where the focus is after `MAX_TABS`. */
async function tabTo(page: Page, target: Locator): Promise<void> {
	await expect(target).toBeVisible();
	await expect(target).toBeEnabled();
	for (let i = 0; i < MAX_TABS; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(
		`${target.toString()} not reached with ${MAX_TABS} presses of Tab; the focus is on ${await focusedElement(page)}`
	);
}

/** Asserts that the focused element draws a visible outline (the :focus-visible ring). */
async function expectFocusRing(page: Page): Promise<void> {
	const ring = await page.evaluate(() => {
		const style = getComputedStyle(document.activeElement!);
		return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
	});
	expect(ring.style, `outline of ${await focusedElement(page)}`).not.toBe('none');
	expect(ring.width, `outline of ${await focusedElement(page)}`).toBeGreaterThanOrEqual(2);
}

/** Tabs to a button and presses Enter. */
async function press(page: Page, button: Locator): Promise<void> {
	await tabTo(page, button);
	await expectFocusRing(page);
	await page.keyboard.press('Enter');
}

/** Moves to another stage with a "Continue to" button; the focus lands on its heading. */
async function continueTo(page: Page, stage: string, heading: string | RegExp): Promise<void> {
	await press(page, page.getByRole('button', { name: `Continue to ${stage}` }));
	await expect(page.getByRole('heading', { level: 2, name: heading })).toBeFocused();
}

test('the journey from a sample to a shipped bundle, with the keyboard alone', async ({ page }) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Define the problem' })).toBeVisible();

	// The sample picker shows Titanic first: load it.
	await tabTo(page, page.getByLabel('Or start from a sample'));
	await expect(page.getByLabel('Or start from a sample')).toHaveValue('titanic.csv');
	await press(page, page.getByRole('button', { name: 'Load sample' }));
	await expect(page.getByTestId('dataset-chip')).toHaveText('titanic.csv');

	// Define: type the decision, pick the target with the arrow keys, type the KPI.
	await tabTo(page, page.getByLabel('What decision will the model support?'));
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('Which passengers to prioritise in a rescue drill');
	const target = page.getByLabel('Target column');
	await tabTo(page, target);
	for (let i = 0; i < 20 && (await target.inputValue()) !== 'Survived'; i++)
		await page.keyboard.press('ArrowDown');
	await expect(target).toHaveValue('Survived');
	await expect(
		page.getByRole('radio', { name: /Binary classification \(inferred\)/ })
	).toBeChecked();
	await tabTo(page, page.getByLabel(/^KPI/));
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type('0.8');
	await page.keyboard.press('Tab');
	await continueTo(page, 'Prepare', 'Prepare the data');

	// Prepare: the split.
	await press(page, page.getByRole('button', { name: 'Make the split' }));
	await expect(page.getByTestId('test-locked')).toContainText('178 rows');
	await continueTo(page, 'Choose', /^Choose/);

	// Choose and train.
	await press(page, page.getByRole('button', { name: 'Use logistic / linear regression' }));
	await continueTo(page, 'Train', /^Train/);
	await press(page, page.getByRole('button', { name: /^Train linear/ }));
	await expect(page.getByTestId('run-run-2')).toBeVisible();

	// The stage rail: one tab stop, arrow keys between stages, Enter to open one; the focus stays
	// on the rail, and the next Tab goes into the stage.
	await tabTo(page, page.getByTestId('stage-train'));
	await expectFocusRing(page);
	await page.keyboard.press('ArrowUp');
	await expect(page.getByTestId('stage-choose')).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 2, name: /^Choose/ })).toBeVisible();
	await expect(page.getByTestId('stage-choose')).toBeFocused();
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('stage-train')).toHaveAttribute('aria-current', 'step');
	await expect(page.getByTestId('stage-train')).toBeFocused();
	await continueTo(page, 'Evaluate', /^Evaluate/);

	// Evaluate: the reveal asks for a confirmation, which the keyboard accepts too.
	page.once('dialog', (dialog) => dialog.accept());
	await press(page, page.getByRole('button', { name: 'Reveal the test set' }));
	await expect(page.getByTestId('verdict')).toContainText('PASS');
	// A chart's table alternative opens from the keyboard.
	const roc = page.getByTestId('curve-roc');
	await tabTo(page, roc.getByText('Show as a table'));
	await expectFocusRing(page);
	await page.keyboard.press('Enter');
	await expect(roc.getByRole('table')).toContainText('true positive rate');
	await continueTo(page, 'Ship', 'Ship');

	// Ship: the bundle downloads.
	const download = page.waitForEvent('download');
	await press(page, page.getByRole('button', { name: 'Download the model bundle (.zip)' }));
	expect((await download).suggestedFilename()).toMatch(/\.zip$/);
	await expect(page.getByTestId('shipped')).toBeVisible();
});
