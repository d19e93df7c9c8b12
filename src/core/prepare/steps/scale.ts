import { CoreError } from '../../util/core-error';
import { quantile } from '../../util/stats';
import { numberColumn, mapNumbers, replaceColumn, type Frame } from '../frame';

/**
 * Rescale a number column by train statistics: 'min-max' maps the train range to 0..1,
 * 'robust' subtracts the train median and divides by the train interquartile range, so outliers
 * barely move the scale. (The `standardize` step is the mean and standard deviation version.)
 */
export interface ScaleStep {
	kind: 'scale';
	column: string;
	method: 'min-max' | 'robust';
}

/** The train statistics: values become (x - center) / scale. */
export interface FittedScale extends ScaleStep {
	center: number;
	scale: number;
}

/**
 * Returns the step with its centre and scale learned on train. A range or interquartile range of
 * 0 scales by 1 (as scikit-learn does); an empty or all-missing train column gives centre 0,
 * scale 1, which leaves values as they are.
 */
export function fitScale(step: ScaleStep, frame: Frame): FittedScale {
	const values = numberColumn(frame, step.column, 'scale').values;
	const [center, spread] = statistics(step, values);
	if (Number.isNaN(center)) return { ...step, center: 0, scale: 1 };
	return { ...step, center, scale: spread > 0 ? spread : 1 };
}

function statistics(step: ScaleStep, values: Float64Array): [number, number] {
	switch (step.method) {
		case 'min-max': {
			let min = Infinity;
			let max = -Infinity;
			for (const v of values)
				if (Number.isFinite(v)) {
					if (v < min) min = v;
					if (v > max) max = v;
				}
			return min > max ? [NaN, NaN] : [min, max - min];
		}
		case 'robust': {
			const q1 = quantile(values, 0.25);
			return [quantile(values, 0.5), quantile(values, 0.75) - q1];
		}
		default:
			throw new CoreError(
				'bad-step',
				`The scale step on "${step.column}" has no method "${String(step.method)}": choose min-max or robust.`,
				{ column: step.column }
			);
	}
}

/** Returns the frame with the column scaled by the train statistics. */
export function applyScale(step: FittedScale, frame: Frame): Frame {
	const column = numberColumn(frame, step.column, 'scale');
	const values = mapNumbers(column.values, (v) => (v - step.center) / step.scale);
	return replaceColumn(frame, step.column, [{ ...column, values }]);
}
