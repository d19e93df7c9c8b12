import { CoreError } from '../../util/core-error';
import type { Prediction, TrainData } from '../model';

/** The floor every model must beat: class shares for classification, the mean for regression. */
export interface BaselineSpec {
	kind: 'baseline';
}

export type BaselineModel =
	| { kind: 'baseline'; task: 'binary' | 'multiclass'; classes: string[]; priors: number[] }
	| { kind: 'baseline'; task: 'regression'; mean: number };

/** Returns the baseline fitted on train: class shares (scikit-learn's 'prior') or the mean. */
export function fitBaseline(data: TrainData): BaselineModel {
	const n = data.x.rows;
	if (n === 0) throw new CoreError('no-train-rows', 'There are no training rows to fit on.');
	if (data.task === 'regression') {
		let sum = 0;
		for (const v of data.y) sum += v;
		return { kind: 'baseline', task: 'regression', mean: sum / n };
	}
	const counts = new Float64Array(data.classes.length);
	for (const k of data.y) counts[k]++;
	return {
		kind: 'baseline',
		task: data.task,
		classes: data.classes,
		priors: Array.from(counts, (c) => c / n)
	};
}

/** Returns the same prediction for every row. */
export function predictBaseline(model: BaselineModel, rows: number): Prediction {
	if (model.task === 'regression')
		return { kind: 'values', values: new Float64Array(rows).fill(model.mean) };
	const k = model.classes.length;
	const proba = new Float64Array(rows * k);
	for (let i = 0; i < rows; i++) proba.set(model.priors, i * k);
	return { kind: 'classes', classes: model.classes, proba };
}
