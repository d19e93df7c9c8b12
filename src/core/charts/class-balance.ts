import type { TopLevelSpec } from 'vega-lite';

/** Returns a bar chart of how many rows each class has (the label balance of a target). */
export function classBalanceSpec(
	target: string,
	classes: readonly { label: string; count: number }[]
): TopLevelSpec {
	return {
		$schema: 'https://vega.github.io/schema/vega-lite/v6.json',
		description: `Rows per class of ${target}`,
		width: 'container',
		autosize: { type: 'fit-x', contains: 'padding' },
		height: { step: 22 },
		data: { values: classes.map((c) => ({ class: c.label, rows: c.count })) },
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: { field: 'class', type: 'nominal', sort: null, title: target },
			x: { field: 'rows', type: 'quantitative', title: 'rows' }
		}
	};
}
