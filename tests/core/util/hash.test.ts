import { describe, expect, it } from 'vitest';
import { canonicalJson, hashJson, sha256Hex } from '../../../src/core/util/hash';

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
