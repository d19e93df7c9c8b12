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
