import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
	canonicalJson,
	createBlockHasher,
	fingerprintOf,
	hashJson,
	HASH_BLOCK_BYTES,
	sha256Hex
} from '../../../src/core/util/hash';
import { blockFingerprint } from '../helpers';

describe('canonicalJson', () => {
	it('sorts keys at every depth and keeps array order', () => {
		const a = { b: 1, a: { d: [3, { y: 1, x: 2 }], c: null } };
		const b = { a: { c: null, d: [3, { x: 2, y: 1 }] }, b: 1 };
		expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[3,{"x":2,"y":1}]},"b":1}');
		expect(canonicalJson(b)).toBe(canonicalJson(a));
		expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
	});

	it('keeps a key named __proto__ as data', () => {
		const value = JSON.parse('{"__proto__":{"z":1},"a":2}') as unknown;
		expect(canonicalJson(value)).toBe('{"__proto__":{"z":1},"a":2}');
	});
});

describe('hashJson', () => {
	it('is independent of key order and changes with any value', async () => {
		const h = await hashJson({ steps: [{ kind: 'impute', column: 'a' }], inputs: [] });
		expect(h).toMatch(/^[0-9a-f]{64}$/);
		expect(await hashJson({ inputs: [], steps: [{ column: 'a', kind: 'impute' }] })).toBe(h);
		expect(await hashJson({ inputs: [], steps: [{ column: 'b', kind: 'impute' }] })).not.toBe(h);
	});

	it('is SHA-256', async () => {
		expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
	});
});

describe('createBlockHasher and fingerprintOf', () => {
	const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

	/** Feeds the bytes from block `first` on in chunks of `chunk` bytes; returns the blocks. */
	async function blocks(bytes: Uint8Array, chunk: number, first = 0): Promise<Uint8Array[]> {
		const hasher = createBlockHasher(first);
		for (let at = first * HASH_BLOCK_BYTES; at < bytes.length; at += chunk)
			await hasher.update(bytes.subarray(at, at + chunk));
		return hasher.finish();
	}

	const fingerprint = async (bytes: Uint8Array, chunk: number) =>
		fingerprintOf(await blocks(bytes, chunk));

	/** Deterministic bytes that differ from block to block. */
	const filled = (length: number) =>
		Uint8Array.from({ length }, (_, i) => (i * 31 + (i >> 20)) & 255);

	it('gives the plain SHA-256 of a file of at most one block, whatever the chunks', async () => {
		const small = filled(1000);
		const plain = sha256(small).toString('hex');
		expect(await fingerprint(small, 7)).toBe(plain);
		expect(await fingerprint(small, 1000)).toBe(plain);
		expect(await fingerprint(new Uint8Array(0), 1)).toBe(sha256(new Uint8Array(0)).toString('hex'));
	});

	it('gives the plain SHA-256 of a file of exactly one block', async () => {
		const one = filled(HASH_BLOCK_BYTES);
		const plain = sha256(one).toString('hex');
		expect(await fingerprint(one, HASH_BLOCK_BYTES)).toBe(plain);
		expect(await fingerprint(one, 65536)).toBe(plain);
	});

	it('hashes the block digests of a larger file, the same for any chunk size', async () => {
		const bytes = filled(2 * HASH_BLOCK_BYTES + 12345);
		const expected = blockFingerprint(bytes);
		expect(await fingerprint(bytes, HASH_BLOCK_BYTES)).toBe(expected);
		expect(await fingerprint(bytes, 300_001)).toBe(expected);
		expect(await fingerprint(bytes, bytes.length)).toBe(expected);
	});

	it('joins the blocks of a file hashed in two parts into the same fingerprint', async () => {
		const bytes = filled(3 * HASH_BLOCK_BYTES + 777);
		const whole = await fingerprint(bytes, 65536);
		const head = createBlockHasher();
		await head.update(bytes.subarray(0, 2 * HASH_BLOCK_BYTES));
		const tail = await blocks(bytes, 100_003, 2);
		expect(tail).toHaveLength(2);
		expect(await fingerprintOf([...(await head.finish()), ...tail])).toBe(whole);
	});
});
