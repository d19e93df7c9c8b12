import { describe, expect, it } from 'vitest';
import {
	boostingData,
	buildHistogram,
	STRIDE,
	subtractHistogram
} from '../../../../src/core/models/boosting/histograms';
import { binMatrix, fitBins } from '../../../../src/core/models/tree/bins';
import { createRng } from '../../../../src/core/util/rng';
import { expectClose, featureMatrix } from '../../helpers';

/** Rows with a one-hot column (mostly 0), a small integer column and a continuous one. */
function data(rows: number) {
	const rng = createRng(3);
	const points = Array.from({ length: rows }, () => [
		rng.next() < 0.1 ? 1 : 0,
		rng.int(5),
		rng.next()
	]);
	const x = featureMatrix(points);
	const bins = fitBins(x, 16);
	const binned = boostingData(bins, binMatrix(bins, x), rows);
	const grad = Float64Array.from({ length: rows }, () => rng.next() - 0.5);
	const hess = Float64Array.from({ length: rows }, () => rng.next());
	return { binned, grad, hess };
}

/** The histogram the slow, obvious way: every cell of every row. */
function denseHistogram(d: ReturnType<typeof data>, rows: Int32Array): Float64Array {
	const { binned, grad, hess } = d;
	const hist = new Float64Array(binned.offsets[binned.width] * STRIDE);
	for (const r of rows)
		for (let j = 0; j < binned.width; j++) {
			const at = (binned.offsets[j] + binned.columns[j * binned.rows + r]) * STRIDE;
			hist[at] += grad[r];
			hist[at + 1] += hess[r];
			hist[at + 2]++;
		}
	return hist;
}

describe('boosting histograms', () => {
	it("leaves each feature's most frequent bin out of the sparse rows", () => {
		const { binned } = data(1000);
		expect(binned.commonBin[0]).toBe(0);
		// About 10 % ones, plus the 4 in 5 integer cells off their most common value, plus all
		// but the continuous column's most common bin.
		expect(binned.entries.length).toBeLessThan(1000 * 2.1);
		expect(binned.rowStart[1000]).toBe(binned.entries.length);
	});

	it('builds the same histogram as counting every cell, and its totals', () => {
		const d = data(1000);
		const index = Int32Array.from({ length: 400 }, (_, i) => i * 2 + 1);
		const hist = new Float64Array(d.binned.offsets[d.binned.width] * STRIDE);
		const totals = buildHistogram(d.binned, d.grad, d.hess, index, 0, index.length, hist);
		expectClose(hist, denseHistogram(d, index), 1e-10);
		expect(totals.n).toBe(400);
		expectClose(
			totals.g,
			index.reduce((s, r) => s + d.grad[r], 0),
			1e-10
		);
	});

	it('takes a sibling as the parent minus the child', () => {
		const d = data(1000);
		const all = Int32Array.from({ length: 1000 }, (_, i) => i);
		const size = d.binned.offsets[d.binned.width] * STRIDE;
		const parent = new Float64Array(size);
		const child = new Float64Array(size);
		const sibling = new Float64Array(size);
		buildHistogram(d.binned, d.grad, d.hess, all, 0, 1000, parent);
		buildHistogram(d.binned, d.grad, d.hess, all, 0, 300, child);
		subtractHistogram(parent, child, sibling);
		expectClose(sibling, denseHistogram(d, all.subarray(300)), 1e-10);
	});
});
