// One ingest run in a fresh Node process, so that its peak memory (maxRSS) is its own. Prints a
// JSON line: seconds, rows, peak RSS. `--papaparse` runs PapaParse typed instead.
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { ingestCsv, type ByteSource } from '../src/core/table/ingest';

const [path, mode] = process.argv.slice(2);

async function fileSource(file: string): Promise<ByteSource> {
	const handle = await open(file);
	const { size } = await handle.stat();
	return {
		size,
		async read(start, end) {
			const buffer = new Uint8Array(end - start);
			const { bytesRead } = await handle.read(buffer, 0, buffer.length, start);
			return buffer.subarray(0, bytesRead);
		}
	};
}

const baselineMb = process.memoryUsage().rss / 1024 / 1024;
const start = performance.now();
let rows: number;
if (mode === '--papaparse') {
	const text = readFileSync(path, 'utf8');
	rows = Papa.parse(text, { header: true, dynamicTyping: true, skipEmptyLines: true }).data.length;
} else {
	rows = (await ingestCsv(await fileSource(path), {}, { now: () => performance.now() })).raw
		.rowCount;
}
const seconds = (performance.now() - start) / 1000;
console.log(
	JSON.stringify({
		seconds,
		rows,
		peak_rss_mb: process.resourceUsage().maxRSS / 1024,
		baseline_rss_mb: baselineMb
	})
);
