import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { bytesSource, ingestCsv } from '../../src/core/table/ingest';
import { columnSchema } from '../../src/core/table/infer-kinds';
import { toSchema, typeTable } from '../../src/core/table/schema';
import { CoreError } from '../../src/core/util/core-error';
import type { FeatureMatrix } from '../../src/core/prepare/recipe';
import type { CategoryColumn, ColumnKind, NumberColumn, Table } from '../../src/core/table/table';

/** Asserts that two numbers (or arrays of numbers) agree to within `tolerance`. */
export function expectClose(
	actual: ArrayLike<number> | number,
	expected: ArrayLike<number> | number,
	tolerance = 1e-9
): void {
	const a = typeof actual === 'number' ? [actual] : Array.from(actual);
	const e = typeof expected === 'number' ? [expected] : Array.from(expected);
	expect(a.length).toBe(e.length);
	a.forEach((v, i) => {
		if (!(Math.abs(v - e[i]) <= tolerance)) {
			expect.fail(`element ${i}: ${v} is not within ${tolerance} of ${e[i]}`);
		}
	});
}

/**
 * Asserts that the action throws (or rejects with) a `CoreError` with that code and, when given, a
 * message matching `message`; returns the error so a test can check where it points.
 */
export async function expectCoreError(
	action: () => unknown,
	code: string,
	message?: RegExp
): Promise<CoreError> {
	let caught: unknown;
	try {
		await action();
	} catch (error) {
		caught = error;
	}
	if (!(caught instanceof CoreError)) {
		return expect.fail(`expected a CoreError "${code}", got ${String(caught)}`);
	}
	expect(caught.code).toBe(code);
	if (message) expect(caught.message).toMatch(message);
	return caught;
}

/** Returns the ingested form of inline CSV text. */
export function ingestText(text: string) {
	return ingestCsv(bytesSource(new TextEncoder().encode(text)));
}

/** Returns inline CSV text typed by the inferred kinds, with optional kind overrides. */
export async function typedText(
	text: string,
	overrides: readonly (readonly [string, ColumnKind])[] = []
): Promise<Table> {
	const { raw, reports, missingTokens } = await ingestCsv(
		bytesSource(new TextEncoder().encode(text)),
		{ columns: overrides.map(([name, kind]) => [name, { kind }]) }
	);
	return typeTable(raw, toSchema(reports.map(columnSchema), missingTokens)).table;
}

/** Returns a number column (NaN for a missing value). */
export function numbers(name: string, values: readonly number[]): NumberColumn {
	return { kind: 'number', name, values: Float64Array.from(values) };
}

/** Returns a category column from labels (null for a missing value), levels in first-seen order. */
export function categories(name: string, labels: readonly (string | null)[]): CategoryColumn {
	const levels: string[] = [];
	const codes = Int32Array.from(labels, (label) => {
		if (label === null) return -1;
		if (!levels.includes(label)) levels.push(label);
		return levels.indexOf(label);
	});
	return { kind: 'category', name, codes, levels };
}

/** Returns a feature matrix from rows of numbers, with features named x0, x1, ... */
export function featureMatrix(rows: readonly (readonly number[])[]): FeatureMatrix {
	const width = rows[0].length;
	return {
		rows: rows.length,
		width,
		values: Float64Array.from(rows.flat()),
		features: Array.from({ length: width }, (_, j) => `x${j}`)
	};
}

/**
 * Returns a file's fingerprint computed with Node's own SHA-256, as the app defines it: the SHA-256
 * of the 1 MiB blocks' SHA-256s (for a file over one block).
 */
export function blockFingerprint(bytes: Uint8Array, block = 1 << 20): string {
	const outer = createHash('sha256');
	for (let at = 0; at < bytes.length; at += block)
		outer.update(
			createHash('sha256')
				.update(bytes.subarray(at, at + block))
				.digest()
		);
	return outer.digest('hex');
}
