// The Chromium side of the ingest benchmark: a module worker that reads the posted Blob with our
// ingest (as the app's data worker does) or with PapaParse (header + dynamicTyping), and replies
// with the seconds it took. Bundled by bench/ingest.ts; never part of the app.
import Papa from 'papaparse';
import { ingestCsv } from '../../src/core/table/ingest';
import { createClient } from '../../src/workers/client';
import type { WorkerScope } from '../../src/workers/host';
import { blobSource, createPartReaders, serveParts } from '../../src/workers/parts';
import type { PartApi } from '../../src/workers/protocol';

interface Job {
	parser: 'ours' | 'papaparse';
	file: Blob;
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
const partReaders = createPartReaders(() =>
	createClient<PartApi>(new Worker(import.meta.url, { type: 'module', name: 'part' }))
);

async function job({ data }: MessageEvent<Job>) {
	const start = performance.now();
	let rows: number;
	if (data.parser === 'ours') {
		const readPart = partReaders?.(data.file);
		const ingested = await ingestCsv(blobSource(data.file), readPart ? { readPart } : {}, {
			now: () => performance.now()
		});
		rows = ingested.raw.rowCount;
	} else {
		rows = await papaTyped(data.file);
	}
	postMessage({ seconds: (performance.now() - start) / 1000, rows });
}

if (self.name === 'part') serveParts(self as unknown as WorkerScope);
else self.onmessage = job;
