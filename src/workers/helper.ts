// The data worker's helper worker, so that both cores read a large file: it reads the second half
// of the file (`ingestCsv`'s `readPart`). Both sides of that call live here.
import { readPart, type ByteSource, type PartReader } from '../core/table/ingest';
import { createClient, type Client } from './client';
import { serve, Transfer, type WorkerScope } from './host';
import type { HelperApi } from './protocol';

/** Reads a Blob slice by slice: the file is never one buffer or one string. */
export function blobSource(file: Blob): ByteSource {
	return {
		size: file.size,
		read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer())
	};
}

/** Answers the helper's calls on its worker scope; a part's columns are moved, not copied. */
export function serveHelper(scope: WorkerScope): void {
	serve<HelperApi>(scope, {
		async readPart({ file, request }, ctx) {
			const part = await readPart(blobSource(file), request, ctx);
			const buffers = part.rows.columns.flatMap((c) =>
				c.numbers ? [c.codes.buffer, c.numbers.buffer] : [c.codes.buffer]
			);
			return new Transfer(part, buffers);
		}
	});
}

/** Starts the helper worker. */
export function createHelperClient(): Client<HelperApi> {
	return createClient<HelperApi>(
		new Worker(new URL('./helper.worker.ts', import.meta.url), { type: 'module' })
	);
}

/**
 * Returns the part reader for a file, or none where a worker cannot start workers (the file is
 * then read in one pass). Each call starts a helper worker and stops it once it answers: a
 * stopped worker's heap (the young generation it filled, its half's garbage) is freed at once,
 * and the data worker needs that memory most right then (joining the halves and inferring kinds
 * is the peak of a read); overlapping reads each get their own.
 */
export function helperPartReader(
	file: Blob,
	start: () => Client<HelperApi> = createHelperClient
): PartReader | undefined {
	if (typeof Worker === 'undefined') return undefined;
	return async (request, ctx) => {
		const helper = start();
		try {
			return await helper.call('readPart', { file, request }, ctx);
		} finally {
			helper.terminate();
		}
	};
}
