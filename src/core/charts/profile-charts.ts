import type { TopLevelSpec } from 'vega-lite';
import type { ColumnProfile } from '../profile/column-stats';
import type { MissingnessMap } from '../profile/missingness';
import type { ColumnRelation, RelationMeasure } from '../profile/relations';

import { FIT_WIDTH as FIT, VEGA_LITE_SCHEMA as SCHEMA } from './chart-base';
const SMALL_HEIGHT = 110;
const BAR_HEIGHT = 18;
const CELL = 22;

const MEASURE_TITLES: Record<RelationMeasure, string> = {
	pearson: 'Pearson r',
	spearman: 'Spearman ρ',
	cramers_v: "Cramér's V",
	eta: 'correlation ratio η'
};

/** Returns the title of a relationship measure, for charts and tables. */
export function measureTitle(measure: RelationMeasure): string {
	return MEASURE_TITLES[measure];
}

/**
 * Returns the chart of one column's distribution: a histogram for numbers and dates, bars of the
 * most frequent levels for categories, text and booleans; null when every cell is missing.
 */
export function columnChartSpec(column: ColumnProfile): TopLevelSpec | null {
	if (column.kind === 'number' || column.kind === 'date') {
		if (!column.summary) return null;
		const { histogram } = column.summary;
		const isDate = column.kind === 'date';
		const xType = isDate ? ('temporal' as const) : ('quantitative' as const);
		if (histogram.kind === 'values') {
			return {
				$schema: SCHEMA,
				description: `Distribution of ${column.name}`,
				...FIT,
				height: SMALL_HEIGHT,
				data: {
					values: histogram.values.map((value, i) => ({ value, rows: histogram.counts[i] }))
				},
				mark: { type: 'bar', tooltip: true },
				encoding: {
					x: isDate
						? { field: 'value', type: 'ordinal', timeUnit: 'utcyearmonthdate', title: column.name }
						: { field: 'value', type: 'ordinal', title: column.name },
					y: { field: 'rows', type: 'quantitative', title: 'rows' }
				}
			};
		}
		const bins = histogram.counts.map((rows, i) => ({
			from: histogram.edges[i],
			to: histogram.edges[i + 1],
			rows
		}));
		return {
			$schema: SCHEMA,
			description: `Distribution of ${column.name}`,
			...FIT,
			height: SMALL_HEIGHT,
			data: { values: bins },
			mark: { type: 'bar', tooltip: true },
			encoding: {
				x: { field: 'from', type: xType, bin: { binned: true }, title: column.name },
				x2: { field: 'to' },
				y: { field: 'rows', type: 'quantitative', title: 'rows' }
			}
		};
	}
	if (column.top.length === 0) return null;
	const levels = column.top.map((l) => ({ level: l.label, rows: l.count }));
	if (column.otherCount > 0)
		levels.push({ level: `(${column.otherLevels} other values)`, rows: column.otherCount });
	return {
		$schema: SCHEMA,
		description: `Most frequent values of ${column.name}`,
		...FIT,
		height: BAR_HEIGHT * levels.length,
		data: { values: levels },
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: { field: 'level', type: 'nominal', sort: null, title: null },
			x: { field: 'rows', type: 'quantitative', title: 'rows' }
		}
	};
}

/**
 * Returns a heatmap of one relationship measure between columns (both triangles, so each row
 * reads across); null when fewer than two columns have that measure.
 */
export function relationHeatmapSpec(
	pairs: readonly ColumnRelation[],
	measure: RelationMeasure
): TopLevelSpec | null {
	const chosen = pairs.filter((p) => p.measure === measure && p.value !== null);
	if (chosen.length === 0) return null;
	const cells = chosen.flatMap((p) => [
		{ a: p.a, b: p.b, value: p.value },
		{ a: p.b, b: p.a, value: p.value }
	]);
	const columns = new Set(cells.map((c) => c.a));
	const signed = measure === 'pearson' || measure === 'spearman';
	return {
		$schema: SCHEMA,
		description: `${MEASURE_TITLES[measure]} between columns`,
		...FIT,
		height: CELL * columns.size,
		data: { values: cells },
		mark: { type: 'rect', tooltip: true },
		encoding: {
			x: { field: 'a', type: 'nominal', title: null, sort: null },
			y: { field: 'b', type: 'nominal', title: null, sort: null },
			color: {
				field: 'value',
				type: 'quantitative',
				title: MEASURE_TITLES[measure],
				// Colour-blind-safe scales: diverging blue-orange for signed measures.
				scale: signed
					? { scheme: 'blueorange', domain: [-1, 1] }
					: { scheme: 'viridis', domain: [0, 1] }
			}
		}
	};
}

/** Returns the missingness map as a heatmap: columns across, bands of rows down. */
export function missingnessSpec(map: MissingnessMap): TopLevelSpec {
	const cells = map.columns.flatMap((column) =>
		column.shares.map((share, band) => ({
			column: column.name,
			band,
			rows: `${band * map.rowsPerBand + 1}-${Math.min((band + 1) * map.rowsPerBand, map.rowCount)}`,
			missing: share
		}))
	);
	return {
		$schema: SCHEMA,
		description: 'Share of missing cells per column, in consecutive bands of rows',
		...FIT,
		height: Math.max(120, 4 * map.bands),
		data: { values: cells },
		mark: { type: 'rect', tooltip: true },
		encoding: {
			x: { field: 'column', type: 'nominal', sort: null, title: null },
			y: {
				field: 'band',
				type: 'ordinal',
				title: `rows, from the top, in bands of ${map.rowsPerBand}`,
				axis: { labels: false, ticks: false }
			},
			tooltip: [
				{ field: 'column', type: 'nominal' },
				{ field: 'rows', type: 'nominal' },
				{ field: 'missing', type: 'quantitative', format: '.0%' }
			],
			color: {
				field: 'missing',
				type: 'quantitative',
				title: 'missing share',
				scale: { scheme: 'greys', domain: [0, 1] }
			}
		}
	};
}
