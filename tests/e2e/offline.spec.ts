import { readdirSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { loadSample, splitAndTrainLinear } from './helpers';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const ROOT = resolve(
	fileURLToPath(new URL('../..', import.meta.url)),
	process.env.E2E_OUT ?? 'dist'
);

/** Every file the build wrote, as a path relative to the site (the service worker's own aside). */
function builtFiles(): string[] {
	return readdirSync(ROOT, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => relative(ROOT, resolve(entry.parentPath, entry.name)).replaceAll('\\', '/'))
		.filter((path) => path !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(path));
}

for (const [where, home] of [
	['the root', `http://127.0.0.1:${PORT}/`],
	['a sub-path', `http://127.0.0.1:${PORT + 1}/nested/shipshape/`]
]) {
	test(`after a first visit the site works with the network cut, served from ${where}`, async ({
		page
	}) => {
		// The context also sees the service worker's own requests, the precache's downloads.
		const requests: string[] = [];
		page.context().on('request', (request) => requests.push(request.url()));
		await page.goto(home);
		await expect(page.getByLabel('Or start from a sample')).toBeVisible();
		// The worker claims the first visit's page once its precache is complete.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 60_000
		});

		const files = builtFiles();
		expect(files).toContain('index.html');
		expect(files.some((path) => path.endsWith('.wasm'))).toBe(true);
		const missing = await page.evaluate(async (paths) => {
			const found = await Promise.all(
				paths.map((path) => caches.match(new URL(path, document.baseURI), { ignoreSearch: true }))
			);
			return paths.filter((_, index) => found[index] === undefined);
		}, files);
		expect(missing).toEqual([]);

		await page.context().setOffline(true);
		await page.reload();
		await loadSample(page, 'titanic.csv');
		await page.getByLabel('Target column').selectOption('Survived');
		await page.getByRole('button', { name: 'Continue to Prepare' }).click();
		await splitAndTrainLinear(page);

		// What was never cached is not invented: the request fails as any offline request does.
		const outcome = await page.evaluate(() =>
			fetch('./never-cached.txt').then(
				(response) => `status ${response.status}`,
				() => 'failed'
			)
		);
		expect(outcome).toBe('failed');

		// A navigation the precache does not list by name (a query string) still opens the app.
		await page.goto(`${home}?from=offline`);
		await expect(page.getByTestId('dataset-chip')).toHaveText('titanic.csv');

		const served = requests.filter((url) => url.startsWith('http'));
		expect(served.some((url) => url.endsWith('.wasm'))).toBe(true);
		expect(served.filter((url) => !url.startsWith(home))).toEqual([]);
	});
}
