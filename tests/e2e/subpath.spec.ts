import { expect, test } from '@playwright/test';
import { loadSample, recordRequests, splitAndTrainLinear } from './helpers';

const SUBPATH = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4173) + 1}/nested/shipshape/`;

test('the built site works from a sub-path: the page, its workers and the samples load', async ({
	page
}) => {
	const requests = recordRequests(page);
	await page.goto(SUBPATH);
	await loadSample(page, 'titanic.csv');
	await page.getByLabel('Target column').selectOption('Survived');
	await page.getByRole('button', { name: 'Continue to Prepare' }).click();
	await splitAndTrainLinear(page);
	const served = requests.filter((url) => url.startsWith('http'));
	expect(served.length).toBeGreaterThan(3);
	expect(served.every((url) => url.startsWith(SUBPATH))).toBe(true);
});
