// The Chromium side of the ingest benchmark: a module worker that reads the posted Blob with our
// ingest (as the app's data worker does) or with PapaParse (header + dynamicTyping), and replies
// with the seconds it took. Bundled by bench/ingest.ts; never part of the app.
import Papa from 'papaparse';
import { ingestCsv, type ByteSource } from '../../src/core/table/ingest';

interface Job {
	parser: 'ours' | 'papaparse';
	file: Blob;
}

function blobSource(file: Blob): ByteSource {
	return {
		size: file.size,
		read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer())
	};
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

self.onmessage = async ({ data }: MessageEvent<Job>) => {
	const start = performance.now();
	let rows: number;
	if (data.parser === 'ours') {
		const ingested = await ingestCsv(blobSource(data.file), {}, { now: () => performance.now() });
		rows = ingested.raw.rowCount;
	} else {
		rows = await papaTyped(data.file);
	}
	postMessage({ seconds: (performance.now() - start) / 1000, rows });
};
