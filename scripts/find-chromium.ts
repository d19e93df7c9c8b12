import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Returns the Chromium the end-to-end tests drive: $CHROMIUM_PATH if set, else Playwright's own
 * browser if it is installed, else Debian's /usr/bin/chromium. Throws with install advice otherwise.
 */
export function findChromium(): string {
	const explicit = process.env.CHROMIUM_PATH;
	if (explicit) {
		if (!existsSync(explicit))
			throw new Error(`CHROMIUM_PATH is set to ${explicit}, but there is no file there.`);
		return explicit;
	}
	const own = chromium.executablePath();
	if (own && existsSync(own)) return own;
	if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	throw new Error(
		[
			'No Chromium found for the end-to-end tests. Get one of:',
			'  - Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium   (gives /usr/bin/chromium)',
			'  - any Chrome or Chromium binary: export CHROMIUM_PATH=/path/to/chrome',
			"  - Playwright's own browser, where downloads are allowed: npx playwright install chromium"
		].join('\n')
	);
}
