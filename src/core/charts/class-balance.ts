import type { TopLevelSpec } from 'vega-lite';
import { FIT_WIDTH, VEGA_LITE_SCHEMA } from './chart-base';

const BAR_HEIGHT = 22;

/** Returns a bar chart of how many rows each class has (the label balance of a target). */
export function classBalanceSpec(
	target: string,
	classes: readonly { label: string; count: number }[]
): TopLevelSpec {
	return {
		$schema: VEGA_LITE_SCHEMA,
		description: `Rows per class of ${target}`,
		...FIT_WIDTH,
		// A fixed height per bar: a step height makes Vega-Lite drop the fit and warn in the console.
		height: BAR_HEIGHT * classes.length,
		data: { values: classes.map((c) => ({ class: c.label, rows: c.count })) },
		mark: { type: 'bar', tooltip: true },
		encoding: {
			y: { field: 'class', type: 'nominal', sort: null, title: target },
			x: { field: 'rows', type: 'quantitative', title: 'rows' }
		}
	};
}
