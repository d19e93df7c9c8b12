import type { TopLevelSpec } from 'vega-lite';
import type { Trial } from '../tune/trial';
import { FIT_WIDTH, VEGA_LITE_SCHEMA } from './chart-base';

const HEIGHT = 220;

/**
 * Returns the learning curves of tuning trials: the loss at each iteration (round, epoch), one
 * line per trial, on validation where the fit watched it (solid) and on train (dashed), so a
 * curve that keeps falling on train while rising on validation shows over-fitting as it happens.
 */
export function learningCurvesSpec(trials: readonly Trial[]): TopLevelSpec {
	const values = trials.flatMap((trial) =>
		(trial.curve ?? []).flatMap((point) => [
			{
				trial: `trial ${trial.id + 1}`,
				iteration: point.iteration,
				loss: point.loss,
				rows: 'train'
			},
			...(point.validation === undefined || !Number.isFinite(point.validation)
				? []
				: [
						{
							trial: `trial ${trial.id + 1}`,
							iteration: point.iteration,
							loss: point.validation,
							rows: 'validation'
						}
					])
		])
	);
	return {
		$schema: VEGA_LITE_SCHEMA,
		description: 'Loss per iteration of each tuning trial, on train and on validation',
		...FIT_WIDTH,
		height: HEIGHT,
		data: { values },
		mark: { type: 'line', clip: true },
		encoding: {
			x: { field: 'iteration', type: 'quantitative', title: 'iteration (round or epoch)' },
			y: {
				field: 'loss',
				type: 'quantitative',
				title: 'loss',
				scale: { type: 'log' }
			},
			color: {
				field: 'trial',
				type: 'nominal',
				title: 'trial',
				legend: trials.length > 12 ? null : { orient: 'bottom' }
			},
			strokeDash: { field: 'rows', type: 'nominal', title: 'rows', legend: { orient: 'bottom' } },
			detail: { field: 'trial', type: 'nominal' },
			tooltip: [
				{ field: 'trial', type: 'nominal' },
				{ field: 'rows', type: 'nominal' },
				{ field: 'iteration', type: 'quantitative' },
				{ field: 'loss', type: 'quantitative', format: '.4f' }
			]
		}
	};
}
