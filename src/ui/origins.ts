/** One origin the page has requested something from, and how many requests. */
export interface OriginCount {
	origin: string;
	count: number;
	own: boolean;
}

/** Counts the page's requests by origin; blob: and data: URLs are the page's own memory. */
export function countOrigins(urls: readonly string[], own: string): OriginCount[] {
	const counts = new Map<string, number>();
	for (const url of urls) {
		if (url.startsWith('blob:') || url.startsWith('data:')) continue;
		const origin = URL.canParse(url) ? new URL(url).origin : url;
		counts.set(origin, (counts.get(origin) ?? 0) + 1);
	}
	return [...counts]
		.map(([origin, count]) => ({ origin, count, own: origin === own }))
		.sort((a, b) => Number(b.own) - Number(a.own) || b.count - a.count);
}
