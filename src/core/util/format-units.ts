/** Three significant digits, without trailing zeros. */
const round3 = (x: number) => Number(x.toPrecision(3));

/** Returns microseconds as "483 µs" or "1.53 ms". */
export function formatLatency(us: number): string {
	return us < 1000 ? `${round3(us)} µs` : `${round3(us / 1000)} ms`;
}

/**
 * Returns bytes as "950 B", "153 kB", "11 MB" or "2.4 GB", in decimal units (1 MB = 1,000,000
 * bytes), the units the brief's size budget is entered in.
 */
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${Math.round(bytes)} B`;
	if (bytes < 1e6) return `${round3(bytes / 1000)} kB`;
	if (bytes < 1e9) return `${round3(bytes / 1e6)} MB`;
	return `${round3(bytes / 1e9)} GB`;
}
