// The Chromium side of the ingest benchmark: a module worker that reads the posted Blob with our
// ingest (as the app's data worker does) or with PapaParse (header + dynamicTyping), and replies
// with the seconds it took; or loads the file and times its profile. Bundled by bench/ingest.ts;
// never part of the app.
import Papa from 'papaparse';
import { profileDataset } from '../../src/core/profile/profile-dataset';
import { loadDataset } from '../../src/core/table/dataset';
import { ingestCsv } from '../../src/core/table/ingest';
import { createClient } from '../../src/workers/client';
import { blobSource, helperPartReader, serveHelper } from '../../src/workers/helper';
import type { WorkerScope } from '../../src/workers/host';
import type { HelperApi } from '../../src/workers/protocol';

interface Job {
	parser: 'ours' | 'papaparse' | 'profile';
	file: Blob;
}

const PROFILE_RUNS = 3;

/** Loads the file as the app does, then profiles it (with the target `active`): each run's seconds. */
async function profileRuns(file: Blob): Promise<number[]> {
	const now = () => performance.now();
	const parts = { readPart: helperPartReader(file, startHelper) };
	const dataset = await loadDataset(blobSource(file), 'bench.csv', undefined, { now }, parts);
	const runs: number[] = [];
	for (let run = 0; run < PROFILE_RUNS; run++) {
		const start = now();
		await profileDataset(dataset, 'active', { now });
		runs.push((now() - start) / 1000);
	}
	return runs;
}

function papaTyped(file: Blob): Promise<number> {
	return new Promise((resolve, reject) => {
		Papa.parse<Record<string, unknown>>(file as File, {
			header: true,
			dynamicTyping: true,
			skipEmptyLines: true,
			complete: (result) => resolve(result.data.length),
			error: reject
		});
	});
}

// As in the app, a second worker reads the second half of the file: this same script, named.
const startHelper = () =>
	createClient<HelperApi>(new Worker(import.meta.url, { type: 'module', name: 'helper' }));

async function job({ data }: MessageEvent<Job>) {
	if (data.parser === 'profile') return postMessage(await profileRuns(data.file));
	const start = performance.now();
	let rows: number;
	if (data.parser === 'ours') {
		const parts = { readPart: helperPartReader(data.file, startHelper) };
		const ingested = await ingestCsv(blobSource(data.file), parts, {
			now: () => performance.now()
		});
		rows = ingested.raw.rowCount;
	} else {
		rows = await papaTyped(data.file);
	}
	postMessage({ seconds: (performance.now() - start) / 1000, rows });
}

if (self.name === 'helper') serveHelper(self as unknown as WorkerScope);
else self.onmessage = job;
