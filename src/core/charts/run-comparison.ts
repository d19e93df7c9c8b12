import type { TopLevelSpec } from 'vega-lite';

/** Returns a bar chart of each run's validation score on the primary metric. */
export function runComparisonSpec(
	metricLabel: string,
	runs: readonly { id: string; model: string; value: number }[]
): TopLevelSpec {
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v6.json',
		description: `Validation ${metricLabel} per run`,
		width: 'container',
		autosize: { type: 'fit-x', contains: 'padding' },
		height: { step: 22 },
		data: {
			values: runs
				.filter((r) => Number.isFinite(r.value))
				.map((r) => ({ run: `${r.id} ${r.model}`, model: r.model, value: r.value }))
		},
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: { field: 'run', type: 'nominal', sort: null, title: null },
			x: { field: 'value', type: 'quantitative', title: `validation ${metricLabel}` },
			color: { field: 'model', type: 'nominal', legend: null }
		}
	};
}
