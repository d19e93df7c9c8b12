import type { TopLevelSpec } from 'vega-lite';
import { metricInfo, type MetricName } from '../evaluate/metric-catalogue';
import { MODEL_FAMILIES } from '../models/registry';
import type { LoggedRun, SpecLabel } from '../project/run-log';
import { FIT_WIDTH, VEGA_LITE_SCHEMA } from './chart-base';

const HEIGHT = 220;

/**
 * Returns a dot chart of each run's validation score on `metric`, runs in training order along x,
 * coloured and shaped by family, with the model and its spec in the tooltip.
 */
export function runLogChartSpec(
	runs: readonly LoggedRun[],
	metric: MetricName,
	label: SpecLabel
): TopLevelSpec {
	const { label: metricLabel } = metricInfo(metric);
	const values = runs.flatMap((run, index) => {
		const value = run.valMetrics[metric];
		if (value === undefined || !Number.isFinite(value)) return [];
		const family = MODEL_FAMILIES.find((f) => f.kind === run.spec.kind)?.label ?? run.spec.kind;
		const spec = JSON.stringify(run.spec);
		return [{ order: index + 1, run: run.id, family, model: label(run.spec), spec, value }];
	});
	// Below the plot, the legend leaves it the width and has room for long family names.
	const family = {
		field: 'family',
		type: 'nominal',
		title: 'family',
		legend: { orient: 'bottom', labelLimit: 320 }
	} as const;
	return {
		$schema: VEGA_LITE_SCHEMA,
		description: `Validation ${metricLabel} of each run, in training order`,
		...FIT_WIDTH,
		height: HEIGHT,
		data: { values },
		mark: { type: 'point', filled: true, size: 70 },
		encoding: {
			x: {
				field: 'order',
				type: 'quantitative',
				title: 'run, in training order',
				scale: { zero: false },
				axis: { tickMinStep: 1, format: 'd' }
			},
			y: {
				field: 'value',
				type: 'quantitative',
				title: `validation ${metricLabel}`,
				scale: { zero: false }
			},
			// Shape repeats colour so families stay apart for readers who do not see the colours.
			color: family,
			shape: family,
			tooltip: [
				{ field: 'run', type: 'nominal', title: 'run' },
				{ field: 'model', type: 'nominal', title: 'model' },
				{ field: 'value', type: 'quantitative', title: metricLabel, format: '.4f' },
				{ field: 'spec', type: 'nominal', title: 'spec' }
			]
		}
	};
}
