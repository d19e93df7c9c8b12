// The ingest benchmark (issue #3): generates a ~100 MB CSV (1M rows x 12 mixed columns), then
// measures our ingest in Node (a fresh process per run, for its own peak RSS) and in a Chromium
// module worker reading a Blob, PapaParse typed (`header + dynamicTyping`) on the same file in the
// same run, and profiling the ingested table in Chromium (as the data worker does) and in Node.
// Returns one record of figures; asserts nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build, type Rollup } from 'vite';
import { findChromium } from '../scripts/find-chromium';
import { benchCsv } from './generate';

const ROWS = 1_000_000;
const NODE_RUNS = 3;
const BROWSER_RUNS = 3;
const HERE = fileURLToPath(new URL('.', import.meta.url));

const round = (value: number, digits = 2) => Number(value.toFixed(digits));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/** Returns the benchmark file's path, generating it once per machine (it is deterministic). */
function benchFile(): string {
	const path = join(tmpdir(), `shipshape-bench-v2-${ROWS}.csv`);
	if (!existsSync(path)) writeFileSync(path, benchCsv(ROWS));
	return path;
}

interface Run {
	seconds: number;
	rows: number;
	peak_rss_mb: number;
	/** Node only: the process's resident memory before it reads (Node and tsx themselves). */
	baseline_rss_mb?: number;
}

function nodeRun(path: string, papaparse = false): Run {
	const args = ['--import', 'tsx', join(HERE, 'ingest-node.ts'), path];
	if (papaparse) args.push('--papaparse');
	const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
	return JSON.parse(out.trim().split('\n').pop()!) as Run;
}

async function workerBundle(): Promise<string> {
	const result = await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			write: false,
			minify: true,
			lib: { entry: join(HERE, 'browser/worker.ts'), formats: ['es'], fileName: 'worker' }
		}
	});
	const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
	const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.isEntry);
	if (!chunk || chunk.type !== 'chunk') throw new Error('The bench worker did not build.');
	return chunk.code;
}

/** Sum of the resident memory of Chromium's renderer processes (the worker runs in one), in MB. */
function rendererRssMb(): number {
	let kb = 0;
	for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
		try {
			const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			if (!cmdline.includes('--type=renderer')) continue;
			const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
			if (match) kb += Number(match[1]);
		} catch {
			// The process ended while being read.
		}
	}
	return kb / 1024;
}

const PAGE = `<!doctype html><meta charset="utf-8"><script type="module">
window.loadFile = async () => {
	window.file = await (await fetch('/data.csv')).blob();
};
window.runJob = async (parser) => {
	const file = window.file;
	const worker = new Worker('/worker.js', { type: 'module' });
	const result = await new Promise((resolve, reject) => {
		worker.onmessage = (e) => resolve(e.data);
		worker.onerror = (e) => reject(new Error(e.message));
		worker.postMessage({ parser, file });
	});
	worker.terminate();
	return result;
};
</script>`;

async function browserRuns(
	path: string
): Promise<Record<'ours' | 'papaparse', Run[]> & { profiles: number[] }> {
	const code = await workerBundle();
	const server = createServer((request, response) => {
		if (request.url === '/worker.js') {
			response.writeHead(200, { 'content-type': 'text/javascript' }).end(code);
		} else if (request.url === '/data.csv') {
			response.writeHead(200, { 'content-type': 'text/csv' }).end(readFileSync(path));
		} else {
			response.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	const browser = await chromium.launch({
		executablePath: findChromium(),
		args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update']
	});
	const runs: Record<'ours' | 'papaparse', Run[]> = { ours: [], papaparse: [] };
	let profiles: number[] = [];
	try {
		// Interleaved, so that a slow spell of this shared machine falls on both parsers.
		for (let run = 0; run < BROWSER_RUNS; run++)
			for (const parser of ['ours', 'papaparse'] as const) {
				const page = await browser.newPage();
				await page.goto(`http://127.0.0.1:${port}/`);
				// The fetched file lives in the page's memory; the app reads a dropped File from disk.
				// So the baseline is taken once the file is in, and counts only the reading.
				await page.evaluate(() =>
					(window as unknown as { loadFile: () => Promise<void> }).loadFile()
				);
				const baseline = rendererRssMb();
				let peak = baseline;
				const poll = setInterval(() => (peak = Math.max(peak, rendererRssMb())), 50);
				const result = (await page.evaluate(
					(p) => (window as unknown as { runJob: (p: string) => Promise<unknown> }).runJob(p),
					parser
				)) as { seconds: number; rows: number };
				clearInterval(poll);
				runs[parser].push({ ...result, peak_rss_mb: peak - baseline });
				await page.close();
			}
		// The profile, as the data worker runs it.
		const page = await browser.newPage();
		await page.goto(`http://127.0.0.1:${port}/`);
		await page.evaluate(() => (window as unknown as { loadFile: () => Promise<void> }).loadFile());
		profiles = (await page.evaluate(() =>
			(window as unknown as { runJob: (p: string) => Promise<unknown> }).runJob('profile')
		)) as number[];
		await page.close();
	} finally {
		await browser.close();
		server.close();
	}
	return { ...runs, profiles };
}

/** Runs the ingest benchmark; `profile` times profiling of the same file (when available). */
export async function ingestBench(
	profile?: (path: string) => Promise<number>
): Promise<Record<string, number | string>> {
	const path = benchFile();
	const megabytes = statSync(path).size / 1e6;
	const node = Array.from({ length: NODE_RUNS }, () => nodeRun(path));
	const nodePapa = nodeRun(path, true);
	const browser = await browserRuns(path);
	const ours = median(browser.ours.map((r) => r.seconds));
	const papa = median(browser.papaparse.map((r) => r.seconds));
	const figures: Record<string, number | string> = {
		bench: 'ingest',
		file_mb: round(megabytes, 1),
		rows: node[0].rows,
		ingest_mb_per_s: round(megabytes / median(node.map((r) => r.seconds))),
		peak_rss_mb: round(Math.max(...node.map((r) => r.peak_rss_mb)), 0),
		node_baseline_rss_mb: round(node[0].baseline_rss_mb ?? 0, 0),
		chromium_ingest_mb_per_s: round(megabytes / ours),
		chromium_peak_rss_mb: round(Math.max(...browser.ours.map((r) => r.peak_rss_mb)), 0),
		papaparse_typed_mb_per_s: round(megabytes / papa),
		papaparse_typed_peak_rss_mb: round(Math.max(...browser.papaparse.map((r) => r.peak_rss_mb)), 0),
		papaparse_typed_node_mb_per_s: round(megabytes / nodePapa.seconds),
		chromium_speedup_vs_papaparse_typed: round(papa / ours)
	};
	figures.profile_s = round(median(browser.profiles), 3);
	// The first profile of a page (its code not yet optimised), as a user's first profile is.
	figures.profile_first_s = round(browser.profiles[0], 3);
	if (profile) figures.profile_node_s = round(await profile(path), 3);
	return figures;
}
