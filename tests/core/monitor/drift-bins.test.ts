import { describe, expect, it } from 'vitest';
import {
	driftBins,
	floorShares,
	histogramShares,
	psi,
	sturgesEdges
} from '../../../src/core/monitor/drift-bins';
import type { ColumnSample } from '../../../src/core/monitor/column-sample';
import { expectClose } from '../helpers';
import { expectRelative } from './monitor-helpers';

const numbers = (values: number[]): ColumnSample => ({
	kind: 'numbers',
	rows: values.length,
	missing: 0,
	values: Float64Array.from(values)
});
const labels = (values: string[]): ColumnSample => {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return { kind: 'labels', rows: values.length, missing: 0, counts };
};
const repeat = (label: string, n: number) => Array<string>(n).fill(label);

describe('sturgesEdges and histogramShares', () => {
	it('match numpy histogram_bin_edges(bins="sturges") and np.histogram', () => {
		// numpy 1.24: 11 pooled values, ceil(11 / (11 / (log2(11) + 1))) = 5 bins.
		const a = Float64Array.of(0.5, 1.25, 3.0, 7.75, 2.0, 9.0, 4.5);
		const b = Float64Array.of(1.0, 11.5, 6.25, 3.3);
		const edges = sturgesEdges(a, b);
		expect(edges).toEqual([0.5, 2.7, 4.9, 7.1000000000000005, 9.3, 11.5]);
		expectClose(histogramShares(a, edges), [3 / 7, 2 / 7, 0, 2 / 7, 0], 1e-15);
		// 11.5 is the last edge: the last bin is closed.
		expectClose(histogramShares(b, edges), [0.25, 0.25, 0.25, 0, 0.25], 1e-15);
		expect(sturgesEdges(Float64Array.of(0.1, 0.2), Float64Array.of(0.3))).toEqual([
			0.1, 0.16666666666666669, 0.23333333333333334, 0.3
		]);
	});

	it('puts one bin of width 1 around a single value', () => {
		expect(sturgesEdges(Float64Array.of(4, 4), Float64Array.of(4))).toEqual([3.5, 4.5]);
	});
});

describe('floorShares', () => {
	it('replaces 0 by 0.0001, or by a millionth of a smaller smallest share', () => {
		expect(floorShares([0.5, 0, 0.5])).toEqual([0.5, 0.0001, 0.5]);
		expect(floorShares([0.99995, 0.00005, 0])).toEqual([0.99995, 0.00005, 0.00005 / 1e6]);
	});
});

describe('driftBins and psi', () => {
	// Goldens: Evidently's get_binned_data + psi, re-implemented in Python (numpy 1.24) as
	// bins = np.histogram_bin_edges(pd.concat([ref, cur]).values, bins='sturges') when the
	// reference has more than 20 distinct values, value shares over the union otherwise, zeros
	// floored as floorShares does, psi = sum((r - c) * log(r / c)).
	it('bins a number column with many values on the pooled Sturges edges', () => {
		const ref = Array.from({ length: 60 }, (_, i) => (i * 7) % 30);
		const cur = Array.from({ length: 50 }, (_, i) => (i * 11) % 40);
		const bins = driftBins(numbers(ref), numbers(cur))!;
		expect(bins.kind).toBe('histogram');
		if (bins.kind !== 'histogram') return;
		expect(bins.edges).toEqual([0, 4.875, 9.75, 14.625, 19.5, 24.375, 29.25, 34.125, 39]);
		expectClose(
			bins.reference.reduce((s, v) => s + v, 0),
			1,
			1e-12
		);
		expectRelative(psi(bins), 1.7708200317016083, 1e-12);
	});

	it('uses value shares for a number column with at most 20 distinct reference values', () => {
		const bins = driftBins(numbers([1, 2, 2, 3, 5]), numbers([2, 3, 3, 4, 6, 7, 8]))!;
		expect(bins).toMatchObject({
			kind: 'categories',
			labels: ['1', '2', '3', '4', '5', '6', '7', '8']
		});
		expectClose(bins.reference, [0.2, 0.4, 0.2, 0, 0.2, 0, 0, 0], 1e-15);
		expectRelative(psi(bins), 7.482369432517586, 1e-12);
	});

	it('gives category shares over the union of labels', () => {
		const ref = [...repeat('a', 5), ...repeat('b', 3), ...repeat('c', 2)];
		const cur = [...repeat('a', 2), ...repeat('b', 2), ...repeat('d', 4)];
		const bins = driftBins(labels(ref), labels(cur))!;
		expect(bins).toEqual({
			kind: 'categories',
			labels: ['a', 'b', 'c', 'd'],
			reference: [0.5, 0.3, 0.2, 0],
			current: [0.25, 0.25, 0, 0.5]
		});
		expectRelative(psi(bins), 5.959568151031124, 1e-12);
	});

	it('floors below the smallest share when that share is under 0.0001', () => {
		const bins = driftBins(
			labels([...repeat('a', 20_000), 'b']),
			labels([...repeat('a', 5), ...repeat('c', 5)])
		)!;
		expectRelative(psi(bins), 11.859499062564401, 1e-12);
	});

	it('is 0 for equal shares and null when a side has no values', () => {
		expect(psi(driftBins(labels(['a', 'b']), labels(['b', 'a', 'a', 'b']))!)).toBe(0);
		expect(driftBins(numbers([1, 2]), numbers([]))).toBeNull();
		expect(driftBins(labels([]), labels(['a']))).toBeNull();
	});
});
