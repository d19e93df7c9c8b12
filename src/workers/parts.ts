// Reading a large file with both cores: the data worker reads the first half of a file while a
// helper worker reads the second (`ingestCsv`'s `readPart`). Both sides of that call live here.
import { readPart, type ByteSource, type PartReader } from '../core/table/ingest';
import { createClient, type Client } from './client';
import { serve, Transfer, type WorkerScope } from './host';
import type { PartApi } from './protocol';

/** Reads a Blob slice by slice: the file is never one buffer or one string. */
export function blobSource(file: Blob): ByteSource {
	return {
		size: file.size,
		read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer())
	};
}

/** Answers `readPart` calls on a helper worker's scope; the columns are moved, not copied. */
export function serveParts(scope: WorkerScope): void {
	serve<PartApi>(scope, {
		async readPart({ file, request }, ctx) {
			const part = await readPart(blobSource(file), request, ctx);
			const buffers = part.columns.flatMap((c) =>
				c.numbers ? [c.codes.buffer, c.numbers.buffer] : [c.codes.buffer]
			);
			return new Transfer(part, buffers);
		}
	});
}

/**
 * Returns the part reader for a file, through a helper worker started on first use and kept for
 * later files; none where a worker cannot start workers (the file is then read in one pass).
 */
export function createPartReaders(
	start: () => Client<PartApi>
): ((file: Blob) => PartReader) | null {
	if (typeof Worker === 'undefined') return null;
	let helper: Client<PartApi> | null = null;
	return (file) => async (request, ctx) => {
		helper ??= start();
		const used = helper;
		try {
			return await used.call('readPart', { file, request }, ctx);
		} catch (error) {
			// A helper that failed is not trusted with the next file (the reader goes on alone).
			if (!ctx.signal?.aborted && helper === used) {
				used.terminate();
				helper = null;
			}
			throw error;
		}
	};
}

/** Starts the data worker's helper, which reads the second half of a large file. */
export function createPartClient(): Client<PartApi> {
	return createClient<PartApi>(
		new Worker(new URL('./ingest-part.worker.ts', import.meta.url), { type: 'module' })
	);
}
