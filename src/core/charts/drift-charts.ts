import type { TopLevelSpec } from 'vega-lite';
import type { ColumnDrift } from '../monitor/column-drift';
import type { DriftBins } from '../monitor/drift-bins';

import { FIT_WIDTH as FIT, OKABE_ITO, VEGA_LITE_SCHEMA as SCHEMA } from './chart-base';
const HISTOGRAM_HEIGHT = 140;
/** Height per label of a category chart: two bars, reference and current. */
const LABEL_HEIGHT = 26;
/** Labels a category chart draws; the table alternative lists every one. */
export const CHART_LABELS = 20;

/** The two samples, in legend order and colour. */
const SIDES = ['reference', 'current'] as const;
const SIDE_COLOR = {
	field: 'side',
	type: 'nominal',
	title: null,
	scale: { domain: [...SIDES], range: [OKABE_ITO[0], OKABE_ITO[1]] },
	legend: { orient: 'top' }
} as const;

/** One bin of a drift chart's table alternative: its label and both samples' shares. */
export interface DriftBinRow {
	bin: string;
	reference: number;
	current: number;
}

/**
 * Returns the rows of a drift chart's table alternative: one per histogram bin (`[from, to)`,
 * the last one closed) or per label, with the reference's and the current data's shares.
 */
export function driftBinRows(bins: DriftBins): DriftBinRow[] {
	if (bins.kind === 'categories')
		return bins.labels.map((bin, i) => ({
			bin,
			reference: bins.reference[i],
			current: bins.current[i]
		}));
	const last = bins.edges.length - 2;
	return bins.reference.map((reference, i) => ({
		bin: `${edge(bins.edges[i])} to ${edge(bins.edges[i + 1])}${i === last ? ' (inclusive)' : ''}`,
		reference,
		current: bins.current[i]
	}));
}

function edge(value: number): string {
	return String(Number(value.toPrecision(4)));
}

/**
 * Returns the chart of a column's reference and current distributions on the drift check's own
 * bins (the PSI's): overlaid histograms of the shares for a number column, paired bars per label
 * (the `CHART_LABELS` largest) for a category; null when the check drew no bins.
 */
export function driftChartSpec(column: ColumnDrift): TopLevelSpec | null {
	const { bins } = column;
	if (!bins) return null;
	return bins.kind === 'histogram'
		? histogramSpec(column.name, bins)
		: categorySpec(column.name, bins);
}

function histogramSpec(
	name: string,
	bins: Extract<DriftBins, { kind: 'histogram' }>
): TopLevelSpec {
	const values = bins.reference.flatMap((reference, i) => {
		const range = { from: bins.edges[i], to: bins.edges[i + 1] };
		return [
			{ ...range, side: 'reference', share: reference },
			{ ...range, side: 'current', share: bins.current[i] }
		];
	});
	return {
		$schema: SCHEMA,
		description: `Distribution of ${name}: reference and current shares per bin`,
		...FIT,
		height: HISTOGRAM_HEIGHT,
		data: { values },
		mark: { type: 'bar', opacity: 0.55, tooltip: true },
		encoding: {
			x: { field: 'from', type: 'quantitative', bin: { binned: true }, title: name },
			x2: { field: 'to' },
			y: {
				field: 'share',
				type: 'quantitative',
				stack: null,
				axis: { format: '%' },
				title: 'share of rows'
			},
			color: SIDE_COLOR
		}
	};
}

function categorySpec(
	name: string,
	bins: Extract<DriftBins, { kind: 'categories' }>
): TopLevelSpec {
	const shown = largestLabels(bins);
	const values = shown.flatMap((i) => [
		{ label: bins.labels[i], side: 'reference', share: bins.reference[i] },
		{ label: bins.labels[i], side: 'current', share: bins.current[i] }
	]);
	const more = bins.labels.length - shown.length;
	return {
		$schema: SCHEMA,
		description: `Distribution of ${name}: reference and current shares per value${more > 0 ? ` (the ${shown.length} largest of ${bins.labels.length})` : ''}`,
		...FIT,
		height: LABEL_HEIGHT * shown.length,
		data: { values },
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: { field: 'label', type: 'nominal', sort: null, title: name },
			yOffset: { field: 'side', sort: [...SIDES] },
			x: { field: 'share', type: 'quantitative', axis: { format: '%' }, title: 'share of rows' },
			color: SIDE_COLOR
		}
	};
}

/** Returns the indices of the labels with the largest share on either side, in bin order. */
function largestLabels(bins: Extract<DriftBins, { kind: 'categories' }>): number[] {
	const all = bins.labels.map((_, i) => i);
	if (all.length <= CHART_LABELS) return all;
	const size = (i: number) => Math.max(bins.reference[i], bins.current[i]);
	const kept = new Set([...all].sort((a, b) => size(b) - size(a) || a - b).slice(0, CHART_LABELS));
	return all.filter((i) => kept.has(i));
}
