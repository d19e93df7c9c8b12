import { describe, expect, it } from 'vitest';
import { CHART_LABELS, driftBinRows, driftChartSpec } from '../../../src/core/charts/drift-charts';
import type { ColumnDrift } from '../../../src/core/monitor/column-drift';
import type { DriftBins } from '../../../src/core/monitor/drift-bins';
import { expectValidSpec } from './expect-valid-spec';

/** Returns a column's drift evidence with the given bins (the chart reads only the name and bins). */
function drifted(name: string, bins: DriftBins | null): ColumnDrift {
	return {
		name,
		kind: bins?.kind === 'categories' ? 'category' : 'number',
		method: null,
		statistic: null,
		pValue: null,
		threshold: null,
		distributionDrifted: false,
		skipped: null,
		psi: null,
		bins,
		missing: {
			referenceMissing: 0,
			referenceRows: 1,
			referenceRate: 0,
			currentMissing: 0,
			currentRows: 1,
			currentRate: 0,
			change: 0,
			pValue: 1,
			alert: false
		},
		unseenCategories: [],
		drifted: false
	};
}

const HISTOGRAM: DriftBins = {
	kind: 'histogram',
	edges: [0, 2.5, 5],
	reference: [0.75, 0.25],
	current: [0.2, 0.8]
};
const CATEGORIES: DriftBins = {
	kind: 'categories',
	labels: ['INLAND', '<b>x</b>', '__proto__'],
	reference: [0.5, 0.3, 0.2],
	current: [0.6, 0.4, 0]
};

describe('driftBinRows', () => {
	it('names histogram bins by their edges, the last one closed', () => {
		expect(driftBinRows(HISTOGRAM)).toEqual([
			{ bin: '0 to 2.5', reference: 0.75, current: 0.2 },
			{ bin: '2.5 to 5 (inclusive)', reference: 0.25, current: 0.8 }
		]);
	});

	it('gives one row per label, hostile labels as data', () => {
		expect(driftBinRows(CATEGORIES).map((r) => r.bin)).toEqual(['INLAND', '<b>x</b>', '__proto__']);
	});
});

describe('driftChartSpec', () => {
	it('has no chart without bins', () => {
		expect(driftChartSpec(drifted('x', null))).toBeNull();
	});

	it('overlays the two histograms of shares on the same bins, unstacked', () => {
		const spec = driftChartSpec(drifted('median_income', HISTOGRAM))!;
		expect(spec.data).toEqual({
			values: [
				{ from: 0, to: 2.5, side: 'reference', share: 0.75 },
				{ from: 0, to: 2.5, side: 'current', share: 0.2 },
				{ from: 2.5, to: 5, side: 'reference', share: 0.25 },
				{ from: 2.5, to: 5, side: 'current', share: 0.8 }
			]
		});
		expect(spec).toMatchObject({
			description: 'Distribution of median_income: reference and current shares per bin',
			encoding: { y: { field: 'share', stack: null }, color: { field: 'side' } }
		});
		const vega = expectValidSpec(spec);
		expect(vega.marks?.map((m) => m.type)).toEqual(['rect']);
	});

	it('pairs a bar per side for each label', () => {
		const spec = driftChartSpec(drifted('ocean_proximity', CATEGORIES))!;
		expect(spec).toMatchObject({
			height: 78,
			encoding: { y: { field: 'label', sort: null }, yOffset: { field: 'side' } }
		});
		expect((spec.data as { values: unknown[] }).values).toHaveLength(6);
		expectValidSpec(spec);
	});

	it(`draws the ${CHART_LABELS} largest labels of a long list, in bin order`, () => {
		const n = CHART_LABELS + 5;
		const labels = Array.from({ length: n }, (_, i) => `l${i}`);
		// Shares grow with the index, except l0, large in the current data only.
		const reference = labels.map((_, i) => (i === 0 ? 0 : i));
		const current = labels.map((_, i) => (i === 0 ? 100 : i));
		const spec = driftChartSpec(
			drifted('many', { kind: 'categories', labels, reference, current })
		)!;
		const shown = new Set(
			(spec.data as { values: { label: string }[] }).values.map((v) => v.label)
		);
		expect([...shown]).toEqual(['l0', ...labels.slice(6)]);
		expect(spec.description).toContain(`the ${CHART_LABELS} largest of ${n}`);
		expectValidSpec(spec);
	});
});
