/** Returns the lowercase hex SHA-256 of the bytes (Web Crypto: available in browsers, workers and Node). */
export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
	const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
	const digest = await crypto.subtle.digest('SHA-256', view as Uint8Array<ArrayBuffer>);
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Returns JSON with object keys sorted, so equal values always serialise to equal text. */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) => {
		if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
		const sorted: [string, unknown][] = Object.entries(v).sort(([a], [b]) =>
			a < b ? -1 : a > b ? 1 : 0
		);
		return Object.fromEntries(sorted);
	});
}

/** Returns the SHA-256 of a value's canonical JSON: the identity of a recipe, a spec or a model. */
export function hashJson(value: unknown): Promise<string> {
	return sha256Hex(new TextEncoder().encode(canonicalJson(value)));
}

/** Bytes per block of a file's fingerprint (`createBlockHasher`). */
export const HASH_BLOCK_BYTES = 1 << 20;

/**
 * Returns a hasher of a file's blocks from block `first` on: `update` with the file's bytes from
 * byte `first * HASH_BLOCK_BYTES`, in order and in chunks of any size; `finish` gives each
 * block's SHA-256 (the last block's bytes, short or not, count as a block when it has any).
 * Parts of a file read by different workers are hashed apart and their blocks joined
 * (`fingerprintOf`), so a file is fingerprinted while it streams, never held whole.
 */
export function createBlockHasher(first = 0): {
	update: (bytes: Uint8Array) => Promise<void>;
	finish: () => Promise<Uint8Array[]>;
	readonly first: number;
} {
	const block = new Uint8Array(HASH_BLOCK_BYTES);
	let filled = 0;
	const digests: Uint8Array[] = [];
	const hashBlock = async (bytes: Uint8Array) => {
		const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
		digests.push(new Uint8Array(digest));
	};
	return {
		first,
		async update(bytes) {
			let at = 0;
			while (at < bytes.length) {
				if (filled === 0 && bytes.length - at >= HASH_BLOCK_BYTES) {
					await hashBlock(bytes.subarray(at, at + HASH_BLOCK_BYTES));
					at += HASH_BLOCK_BYTES;
					continue;
				}
				const take = Math.min(HASH_BLOCK_BYTES - filled, bytes.length - at);
				block.set(bytes.subarray(at, at + take), filled);
				filled += take;
				at += take;
				if (filled === HASH_BLOCK_BYTES) {
					await hashBlock(block);
					filled = 0;
				}
			}
		},
		async finish() {
			if (filled > 0) await hashBlock(block.subarray(0, filled));
			return digests;
		}
	};
}

/**
 * Returns a file's fingerprint from its blocks' digests (`createBlockHasher`): the plain SHA-256
 * of a file of one block, else the SHA-256 of the digests end to end (of nothing, for an empty
 * file: its plain SHA-256 too).
 */
export async function fingerprintOf(blocks: readonly Uint8Array[]): Promise<string> {
	const hex = (digest: Uint8Array) =>
		Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
	if (blocks.length === 1) return hex(blocks[0]);
	const joined = new Uint8Array(blocks.length * 32);
	blocks.forEach((d, i) => joined.set(d, i * 32));
	return sha256Hex(joined);
}
