import { describe, expect, it } from 'vitest';
import {
	profileColumn,
	summarizeLevels,
	type ColumnProfile
} from '../../../src/core/profile/column-stats';
import { categories, expectClose, numbers } from '../helpers';
import { booleans, dates, texts } from './tables';

function expectKind<K extends ColumnProfile['kind']>(
	profile: ColumnProfile,
	kind: K
): Extract<ColumnProfile, { kind: K }> {
	expect(profile.kind).toBe(kind);
	return profile as Extract<ColumnProfile, { kind: K }>;
}

describe('profileColumn on numbers', () => {
	it('counts cells and summarises the present values', () => {
		const profile = expectKind(
			profileColumn(numbers('x', [2, 4, NaN, 4, 4, 5, 5, 7, 9, NaN, 0])),
			'number'
		);
		expect(profile).toMatchObject({ name: 'x', count: 11, missing: 2, distinct: 6, zeros: 1 });
		const summary = profile.summary!;
		expect(summary.min).toBe(0);
		expect(summary.max).toBe(9);
		// Hand: the 9 values sum to 40 and their squares to 232, so SS = 232 - 40^2 / 9 = 488 / 9.
		expectClose(summary.mean, 40 / 9, 1e-12);
		expectClose(summary.std!, Math.sqrt(488 / 9 / 8), 1e-12);
	});

	it("gives numpy's linear-interpolation quantiles", () => {
		// numpy.percentile([3, 1, 4, 1, 5, 9, 2, 6], [1, 5, 25, 50, 75, 95, 99])
		const { quantiles } = expectKind(
			profileColumn(numbers('x', [3, 1, 4, 1, 5, 9, 2, 6])),
			'number'
		).summary!;
		expectClose(
			[
				quantiles.p01,
				quantiles.p05,
				quantiles.p25,
				quantiles.p50,
				quantiles.p75,
				quantiles.p95,
				quantiles.p99
			],
			[1, 1, 1.75, 3.5, 5.25, 7.95, 8.79],
			1e-12
		);
	});

	it('counts IQR outliers beyond the fences', () => {
		// q1 = 3.25, q3 = 7.75, IQR = 4.5: fences -3.5 and 14.5.
		const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
		const { outliers } = expectKind(profileColumn(numbers('x', values)), 'number').summary!;
		expect(outliers).toEqual({ lowerFence: -3.5, upperFence: 14.5, below: 0, above: 1 });
		const low = expectKind(profileColumn(numbers('x', [-50, ...values.slice(0, 9)])), 'number');
		expect(low.summary!.outliers.below).toBe(1);
		expect(low.summary!.outliers.above).toBe(0);
	});

	it('bins a few integers per value', () => {
		const { histogram } = expectKind(
			profileColumn(numbers('x', [3, 1, 3, NaN, 2, 3, -0])),
			'number'
		).summary!;
		expect(histogram).toEqual({ kind: 'values', values: [0, 1, 2, 3], counts: [1, 1, 1, 3] });
	});

	it('bins continuous values into 30 equal-width bins like numpy.histogram', () => {
		const values = [0.1, 0.25, 0.3, 1.7, 2.2, 2.9, 3.05];
		const { histogram } = expectKind(profileColumn(numbers('x', values)), 'number').summary!;
		if (histogram.kind !== 'bins') throw new Error('expected bins');
		// numpy.histogram(values, bins=30)
		const expected = new Array<number>(30).fill(0);
		for (const bin of [0, 1, 2, 16, 21, 28, 29]) expected[bin] = 1;
		expect(histogram.counts).toEqual(expected);
		expect(histogram.edges).toHaveLength(31);
		expectClose(
			[histogram.edges[0], histogram.edges[1], histogram.edges[30]],
			[0.1, 0.19833333333333333, 3.05]
		);
	});

	it('bins many distinct integers by width and a constant into one bin', () => {
		const many = expectKind(
			profileColumn(
				numbers(
					'x',
					Array.from({ length: 100 }, (_, i) => i)
				)
			),
			'number'
		);
		const histogram = many.summary!.histogram;
		expect(histogram.kind).toBe('bins');
		expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(100);
		const constant = expectKind(profileColumn(numbers('x', [0.5, 0.5])), 'number');
		expect(constant.summary!.histogram).toEqual({ kind: 'bins', edges: [0.5, 0.5], counts: [2] });
		expect(constant.summary!.std).toBe(0);
	});

	it('gives no summary when every cell is missing', () => {
		const profile = profileColumn(numbers('x', [NaN, NaN]));
		expect(profile).toEqual({
			kind: 'number',
			name: 'x',
			count: 2,
			missing: 2,
			distinct: 0,
			summary: null,
			zeros: 0
		});
		expect(expectKind(profileColumn(numbers('x', [4])), 'number').summary!.std).toBeNull();
	});
});

describe('profileColumn on dates', () => {
	it('summarises epoch milliseconds', () => {
		const profile = expectKind(
			profileColumn(dates('d', ['2024-01-01', null, '2024-01-03', '2024-01-02', '2024-01-03'])),
			'date'
		);
		expect(profile).toMatchObject({ count: 5, missing: 1, distinct: 3 });
		const summary = profile.summary!;
		expect(summary.min).toBe(Date.UTC(2024, 0, 1));
		expect(summary.max).toBe(Date.UTC(2024, 0, 3));
		expect(summary.quantiles.p50).toBe(Date.UTC(2024, 0, 2, 12));
		expect(summary.histogram.kind).toBe('values');
	});
});

describe('profileColumn on levels', () => {
	it('lists the top levels by count, then label, and sums the rest', () => {
		const labels = ['b', 'a', 'c', 'b', null, 'a', 'd', 'c', 'b', 'e'];
		const profile = expectKind(profileColumn(categories('c', labels), 3), 'category');
		expect(profile).toEqual({
			kind: 'category',
			name: 'c',
			count: 10,
			missing: 1,
			distinct: 5,
			top: [
				{ label: 'b', count: 3 },
				{ label: 'a', count: 2 },
				{ label: 'c', count: 2 }
			],
			otherLevels: 2,
			otherCount: 2
		});
	});

	it('does not count a level no cell holds', () => {
		const column = { ...categories('c', ['x', 'y']), levels: ['x', 'y', 'unused'] };
		const profile = expectKind(profileColumn(column), 'category');
		expect(profile.distinct).toBe(2);
		expect(profile.otherLevels).toBe(0);
	});

	it('keeps ten levels by default', () => {
		const labels = Array.from({ length: 30 }, (_, i) => `l${i % 12}`);
		const profile = expectKind(profileColumn(categories('c', labels)), 'category');
		expect(profile.top).toHaveLength(10);
		expect(profile.top.slice(0, 6).map((t) => t.count)).toEqual([3, 3, 3, 3, 3, 3]);
		expect(profile.top[0].label).toBe('l0');
		expect(profile.otherLevels).toBe(2);
		expect(profile.otherCount).toBe(4);
	});

	it('keeps the same order whether it lists some levels or all', () => {
		const counts = Int32Array.from({ length: 40 }, (_, i) => (i * 7) % 5);
		const labels = Array.from({ length: 40 }, (_, i) => `level ${(i * 13) % 40}`);
		const all = summarizeLevels(counts, labels, Infinity);
		expect(all.top).toHaveLength(32);
		expect(all).toMatchObject({ distinct: 32, otherLevels: 0, otherCount: 0 });
		for (const k of [0, 1, 5, 31]) {
			const some = summarizeLevels(counts, labels, k);
			expect(some.top).toEqual(all.top.slice(0, k));
			expect(some.otherCount).toBe(all.top.slice(k).reduce((sum, l) => sum + l.count, 0));
		}
	});

	it('measures text lengths in characters', () => {
		const profile = expectKind(
			profileColumn(texts('t', ['ab', null, 'abcd', '😀x', 'ab'])),
			'text'
		);
		expect(profile).toMatchObject({ count: 5, missing: 1, distinct: 3, maxLength: 4 });
		expectClose(profile.meanLength!, (2 + 4 + 2 + 2) / 4);
		const empty = expectKind(profileColumn(texts('t', [null])), 'text');
		expect(empty.meanLength).toBeNull();
		expect(empty.maxLength).toBeNull();
	});

	it("counts booleans under the file's words", () => {
		const values = [true, false, null, true];
		const profile = expectKind(profileColumn(booleans('b', values, ['no', 'yes'])), 'boolean');
		expect(profile).toEqual({
			kind: 'boolean',
			name: 'b',
			count: 4,
			missing: 1,
			distinct: 2,
			top: [
				{ label: 'yes', count: 2 },
				{ label: 'no', count: 1 }
			],
			otherLevels: 0,
			otherCount: 0
		});
	});
});
