import type { TopLevelSpec } from 'vega-lite';
import type { SplitPart } from '../split/split';
import type { PartReport, SplitReport } from '../split/split-report';
import { FIT_WIDTH, VEGA_LITE_SCHEMA } from './chart-base';

const BAR_HEIGHT = 22;

/** The words a chart uses for each part. */
const PART_WORDS: Record<SplitPart, string> = { train: 'train', val: 'validation', test: 'test' };

const PART_AXIS = { field: 'part', type: 'nominal', sort: null, title: 'part' } as const;

/** Returns what every split chart shares: a width that fits its container, a height per bar. */
function frame(bars: number) {
	return {
		$schema: VEGA_LITE_SCHEMA,
		...FIT_WIDTH,
		// A fixed height per bar: a step height makes Vega-Lite drop the fit and warn in the console.
		height: BAR_HEIGHT * bars
	} as const;
}

/**
 * Returns a chart of a split: for classification, one bar per part stacked by class share (so
 * unequal shares stand out); for regression, the rows per part. Empty parts are left out.
 */
export function splitReportSpec(report: SplitReport): TopLevelSpec {
	const parts = report.parts.filter((p) => p.rows > 0);
	if (report.labels) return classShares(parts, report.labels);
	return {
		...frame(parts.length),
		description: 'Rows per part of the split',
		data: { values: parts.map((p) => ({ part: PART_WORDS[p.part], rows: p.rows })) },
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: PART_AXIS,
			x: { field: 'rows', type: 'quantitative', title: 'rows', axis: { tickCount: 5 } }
		}
	};
}

/** Returns the chart of class shares, one bar per part stacked by class in class order. */
function classShares(parts: readonly PartReport[], labels: readonly string[]): TopLevelSpec {
	return {
		...frame(parts.length),
		description: 'Class shares per part of the split',
		data: {
			values: parts.flatMap((p) =>
				(p.classes ?? []).map((c, order) => ({
					part: PART_WORDS[p.part],
					class: c.label,
					order,
					rows: c.count,
					share: c.share
				}))
			)
		},
		mark: { type: 'bar' },
		encoding: {
			y: PART_AXIS,
			x: {
				field: 'share',
				type: 'quantitative',
				stack: 'zero',
				scale: { domain: [0, 1] },
				axis: { format: '%', tickCount: 5 },
				title: 'share of the part'
			},
			color: { field: 'class', type: 'nominal', sort: [...labels], title: 'class' },
			order: { field: 'order', type: 'quantitative' },
			tooltip: [
				{ field: 'part', type: 'nominal' },
				{ field: 'class', type: 'nominal' },
				{ field: 'rows', type: 'quantitative' },
				{ field: 'share', type: 'quantitative', format: '.1%' }
			]
		}
	};
}

/**
 * Returns a chart of each part's time range (a bar from its first to its last time value), so
 * a time split shows train before test and a random split shows the parts overlapping; null
 * when no part has a range. `dates` says whether the values are instants (else plain numbers).
 */
export function splitTimeSpec(
	report: SplitReport,
	column: string,
	dates: boolean
): TopLevelSpec | null {
	const parts = report.parts.filter((p) => p.timeRange !== null);
	if (parts.length === 0) return null;
	const type = dates ? 'temporal' : 'quantitative';
	return {
		...frame(parts.length),
		description: `Range of ${column} in each part of the split`,
		data: {
			values: parts.map((p) => ({
				part: PART_WORDS[p.part],
				from: p.timeRange!.min,
				to: p.timeRange!.max
			}))
		},
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: PART_AXIS,
			x: { field: 'from', type, title: column, axis: { tickCount: 6 } },
			x2: { field: 'to' }
		}
	};
}
