// The data worker's helper worker, so that both cores read a large file: it reads the second half
// of the file (`ingestCsv`'s `readPart`). Both sides of that call live here.
import { readPart, type ByteSource, type PartReader } from '../core/table/ingest';
import { createClient, type CallOptions, type Client } from './client';
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
 * The data worker's link to helper workers: each call starts one and stops it once answered. A
 * stopped worker's heap (the young generation it filled, its copies) is freed at once, and the
 * data worker needs that memory most right then (joining a file's halves and inferring kinds is
 * the peak of a read); calls that overlap (a new file read while another is read) each get their
 * own.
 */
export class HelperLink {
	constructor(private readonly start: () => Client<HelperApi>) {}

	/** Returns a link, or null where a worker cannot start workers (all work stays in one). */
	static create(start: () => Client<HelperApi>): HelperLink | null {
		return typeof Worker === 'undefined' ? null : new HelperLink(start);
	}

	/** The part reader for a file. */
	readPart(file: Blob): PartReader {
		return (request, ctx) => this.call('readPart', { file, request }, ctx);
	}

	private async call<M extends keyof HelperApi & string>(
		method: M,
		args: HelperApi[M]['args'],
		options: CallOptions<HelperApi[M]['event']>
	): Promise<HelperApi[M]['result']> {
		const client = this.start();
		try {
			return await client.call(method, args, options);
		} finally {
			client.terminate();
		}
	}
}
