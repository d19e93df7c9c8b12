// The data worker's helper worker, so that both cores work on a large file: it reads the second
// half of a file (`ingestCsv`'s `readPart`) and does part of a profile (`profileAway`). Both sides
// of those calls live here.
import { profileAway, type ProfileHelper } from '../core/profile/profile';
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
		},
		profileAway: ({ work }, ctx) => profileAway(work, ctx)
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
 * the peak of a read); calls that overlap (a new file read during a profile) each get their own.
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

	/** The profile helper; a sampled table's sample is moved (its arrays are copies). */
	readonly profileAway: ProfileHelper = (work, ctx) => {
		const { sample } = work;
		const transfer = sample.sampled
			? sample.columns.flatMap((c) => [c.numbers?.buffer, c.codes?.buffer].filter((b) => !!b))
			: [];
		return this.call('profileAway', { work }, { ...ctx, transfer: transfer as ArrayBuffer[] });
	};

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
