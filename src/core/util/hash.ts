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

/** Bytes per block of `createFileHasher`. */
export const HASH_BLOCK_BYTES = 1 << 20;

/**
 * Returns a hasher for a file read in chunks of any size: `update` each chunk in order, then
 * `digest`. A file of at most one block (1 MiB) gets its plain SHA-256; a larger one the SHA-256
 * of its blocks' SHA-256 digests, so a file is fingerprinted while it streams, never held whole.
 */
export function createFileHasher(): {
	update: (bytes: Uint8Array) => Promise<void>;
	digest: () => Promise<string>;
} {
	const block = new Uint8Array(HASH_BLOCK_BYTES);
	let filled = 0;
	let total = 0;
	const digests: Uint8Array[] = [];
	const hex = (digest: Uint8Array) =>
		Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
	const hashBlock = async (bytes: Uint8Array) => {
		const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
		digests.push(new Uint8Array(digest));
	};
	return {
		async update(bytes) {
			total += bytes.length;
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
		async digest() {
			// Up to one block, the plain SHA-256: the one block's digest is exactly that.
			if (total <= HASH_BLOCK_BYTES)
				return digests.length === 1 ? hex(digests[0]) : sha256Hex(block.slice(0, filled));
			if (filled > 0) await hashBlock(block.subarray(0, filled));
			const joined = new Uint8Array(digests.length * 32);
			digests.forEach((d, i) => joined.set(d, i * 32));
			return sha256Hex(joined);
		}
	};
}
