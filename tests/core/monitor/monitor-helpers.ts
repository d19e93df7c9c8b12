import { expect } from 'vitest';

/** Asserts that `actual` is within `relative` of `expected`, relative to |expected| (absolute at 0). */
export function expectRelative(actual: number | null, expected: number, relative = 1e-10): void {
	if (actual === null) return expect.fail(`got null, expected ${expected}`);
	const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
	if (!(Math.abs(actual - expected) <= relative * scale)) {
		expect.fail(`${actual} is not within ${relative} (relative) of ${expected}`);
	}
}

/** Asserts that every number reachable from `value` is finite (null is how a report says "none"). */
export function expectAllFinite(value: unknown, path = 'report'): void {
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) expect.fail(`${path} is ${value}`);
	} else if (ArrayBuffer.isView(value)) {
		Array.from(value as Float64Array).forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
	} else if (Array.isArray(value)) {
		value.forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
	} else if (value instanceof Map) {
		for (const [k, v] of value) expectAllFinite(v, `${path}.get(${String(k)})`);
	} else if (value !== null && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
	}
}
