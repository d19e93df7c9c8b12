import { expect } from 'vitest';
import { ingestCsv } from '../../src/core/table/ingest';

/** Asserts that two numbers (or arrays of numbers) agree to within `tolerance`. */
export function expectClose(actual: ArrayLike<number> | number, expected: ArrayLike<number> | number, tolerance = 1e-9): void {
	const a = typeof actual === 'number' ? [actual] : Array.from(actual);
	const e = typeof expected === 'number' ? [expected] : Array.from(expected);
	expect(a.length).toBe(e.length);
	a.forEach((v, i) => {
		if (Math.abs(v - e[i]) > tolerance) expect.fail(`element ${i}: ${v} is not within ${tolerance} of ${e[i]}`);
	});
}

/** Returns the ingested form of inline CSV text. */
export function ingestText(text: string) {
	return ingestCsv(new TextEncoder().encode(text));
}
