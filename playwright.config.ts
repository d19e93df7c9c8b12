import { defineConfig } from '@playwright/test';
import { findChromium } from './scripts/find-chromium.ts';

// E2E_PORT and E2E_OUT let two suites run side by side (each its own ports and build folder).
const PORT = Number(process.env.E2E_PORT ?? 4173);
const SUBPATH_PORT = PORT + 1;
const OUT = process.env.E2E_OUT ?? 'dist';

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 180_000,
	expect: { timeout: 30_000 },
	fullyParallel: false,
	workers: 1,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}/`,
		acceptDownloads: true,
		launchOptions: {
			executablePath: findChromium(),
			// As root Chromium needs --no-sandbox; the rest stop it reaching for the internet.
			args: [
				'--no-sandbox',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
				'--disable-gpu'
			]
		}
	},
	webServer: [
		{
			command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${OUT}`,
			url: `http://127.0.0.1:${PORT}/`,
			reuseExistingServer: false,
			timeout: 60_000
		},
		{
			// The same build served from a nested path, as on a static host's sub-folder.
			command: `npx tsx scripts/serve-subpath.ts`,
			url: `http://127.0.0.1:${SUBPATH_PORT}/nested/shipshape/`,
			env: { PORT: String(SUBPATH_PORT), ROOT: OUT },
			reuseExistingServer: false,
			timeout: 60_000
		}
	]
});
