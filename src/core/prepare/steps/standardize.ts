import { meanStd } from '../../util/stats';
import { numberColumn, mapNumbers, replaceColumn, type Frame } from '../frame';

/** Centre a number column on its train mean and scale it to unit train standard deviation. */
export interface StandardizeStep {
	kind: 'standardize';
	column: string;
}

export interface FittedStandardize extends StandardizeStep {
	mean: number;
	std: number;
}

/** Returns the step with the train mean and standard deviation (1 when the column is constant). */
export function fitStandardize(step: StandardizeStep, frame: Frame): FittedStandardize {
	const { mean, std } = meanStd(numberColumn(frame, step.column, 'standardize').values);
	// A constant column keeps scale 1, as scikit-learn's StandardScaler does, instead of dividing by 0.
	return { ...step, mean: Number.isNaN(mean) ? 0 : mean, std: std > 0 ? std : 1 };
}

/** Returns the frame with the column standardised by the train statistics. */
export function applyStandardize(step: FittedStandardize, frame: Frame): Frame {
	const column = numberColumn(frame, step.column, 'standardize');
	const values = mapNumbers(column.values, (v) => (v - step.mean) / step.std);
	return replaceColumn(frame, step.column, [{ ...column, values }]);
}
