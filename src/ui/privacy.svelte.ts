import { formatBytes } from '../core/util/format-units';
import { countOrigins } from './origins';

/**
 * What the privacy panel shows: every request the page has made (from the browser's own
 * resource timing, which the page cannot hide from itself), the storage used and whether the
 * browser will keep it.
 */
export class Privacy {
	urls = $state<string[]>([]);
	origins = $derived(countOrigins(this.urls, location.origin));
	/** Requests that went to another origin than the page's: the panel's headline. */
	elsewhere = $derived(this.origins.filter((o) => !o.own));
	/** The page's requests counted in the table (blob: and data: URLs are its own memory). */
	requests = $derived(this.origins.reduce((sum, o) => sum + o.count, 0));
	usage = $state<string | null>(null);
	persisted = $state<boolean | null>(null);
	/** The browser's answer to the last request to keep the data; null before one. */
	persistAnswer = $state<string | null>(null);

	/** Starts watching the page's requests; returns the function that stops it. */
	watch(): () => void {
		// main.ts raised the resource timing buffer at start, so no early request has been lost.
		const observer = new PerformanceObserver((list) => {
			this.urls = [...this.urls, ...list.getEntries().map((e) => e.name)];
		});
		this.urls = performance
			.getEntriesByType('navigation')
			.concat(performance.getEntriesByType('resource'))
			.map((e) => e.name);
		observer.observe({ type: 'resource' });
		void this.measure();
		return () => observer.disconnect();
	}

	/** Reads the storage used and the quota, and whether the browser keeps the data. */
	async measure(): Promise<void> {
		const storage = navigator.storage;
		if (!storage?.estimate) {
			this.usage = 'This browser does not say how much it stores.';
			return;
		}
		const { usage = 0, quota = 0 } = await storage.estimate();
		this.usage = `${formatBytes(usage)} used of the ${formatBytes(quota)} this browser allows this site.`;
		this.persisted = (await storage.persisted?.()) ?? null;
	}

	/** Asks the browser not to clear the data under storage pressure. */
	async persist(): Promise<void> {
		const granted = (await navigator.storage?.persist?.()) ?? false;
		this.persisted = granted;
		this.persistAnswer = granted
			? 'The browser agreed: it will keep this data until you delete it.'
			: 'The browser declined (browsers grant this to sites you use often or have bookmarked). Your data is kept anyway unless the disk runs short; save a project file to be safe.';
	}
}
