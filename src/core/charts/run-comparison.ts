import type { TopLevelSpec } from 'vega-lite';

const BAR_HEIGHT = 22;

/** Returns a bar chart of each run's validation score on the primary metric. */
export function runComparisonSpec(
	metricLabel: string,
	runs: readonly { id: string; model: string; value: number }[]
): TopLevelSpec {
	const shown = runs.filter((r) => Number.isFinite(r.value));
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v6.json',
		description: `Validation ${metricLabel} per run`,
		width: 'container',
		autosize: { type: 'fit-x', contains: 'padding' },
		// A fixed height per bar: a step height makes Vega-Lite drop the fit and warn in the console.
		height: BAR_HEIGHT * shown.length,
		data: {
			values: shown.map((r) => ({ run: `${r.id} ${r.model}`, model: r.model, value: r.value }))
		},
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: { field: 'run', type: 'nominal', sort: null, title: null },
			x: { field: 'value', type: 'quantitative', title: `validation ${metricLabel}` },
			color: { field: 'model', type: 'nominal', legend: null }
		}
	};
}
