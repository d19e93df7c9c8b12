import { CoreError } from '../../util/core-error';
import { exp } from '../../util/exp';
import { minimizeLbfgs } from '../../util/lbfgs';
import { minimizeNewton } from '../../util/newton';
import { toSparseRows } from '../../prepare/sparse-rows';
import { createPacer, type TaskContext } from '../../util/task';
import type { FeatureMatrix } from '../../prepare/recipe';
import {
	checkFeatureCount,
	type FitEvent,
	type FitInfo,
	type Prediction,
	type TrainData
} from '../model';
import { binaryObjective, multinomialObjective, sigmoid } from './logistic';
import { fitRidge } from './ridge';

/**
 * Logistic regression for classes (binary, or multinomial for more), ridge regression for numbers.
 * `l2` is the penalty weight: logistic minimises the sum of log losses + l2/2 |w|^2 (scikit-learn's
 * C = 1 / l2); ridge minimises the sum of squared errors + l2 |w|^2 (scikit-learn's alpha).
 */
export interface LinearSpec {
	kind: 'linear';
	l2: number;
}

export const DEFAULT_LINEAR_SPEC: LinearSpec = { kind: 'linear', l2: 1 };

/** One weight row and intercept per output: one for binary and regression, one per class otherwise. */
export interface LinearModel {
	kind: 'linear';
	task: 'binary' | 'multiclass' | 'regression';
	classes: string[] | null;
	features: string[];
	weights: number[][];
	intercepts: number[];
}

const NEWTON_MAX_ITERATIONS = 100;
/** Above this many parameters the Hessian (8 bytes each, squared) is too big: use L-BFGS. */
const NEWTON_MAX_PARAMS = 2000;
const LBFGS_MAX_ITERATIONS = 5000;
const GRAD_TOL = 1e-8;
const MEMORY = 10;

/**
 * Returns the fitted model: ridge in closed form; logistic (binary or multinomial) by Newton's
 * method to a gradient below 1e-8, or by L-BFGS when there are too many parameters for a Hessian.
 */
export async function fitLinear(
	spec: LinearSpec,
	data: TrainData,
	ctx: TaskContext<FitEvent> = {}
): Promise<{ model: LinearModel; info: FitInfo }> {
	if (!(spec.l2 >= 0))
		throw new CoreError('bad-spec', `The L2 penalty must be zero or more; got ${spec.l2}.`);
	const { x } = data;
	if (x.rows === 0) throw new CoreError('no-train-rows', 'There are no training rows to fit on.');
	if (data.task === 'regression') {
		const { weights, intercept } = fitRidge(x, data.y, spec.l2);
		const model: LinearModel = {
			kind: 'linear',
			task: 'regression',
			classes: null,
			features: x.features,
			weights: [weights],
			intercepts: [intercept]
		};
		return { model, info: { iterations: 1, converged: true, loss: null } };
	}
	const binary = data.classes.length === 2;
	const outputs = binary ? 1 : data.classes.length;
	const sparse = toSparseRows(x);
	const tick = createPacer(ctx);
	const report = (maxIterations: number) => async (iteration: number, loss: number) => {
		ctx.onEvent?.({ kind: 'loss', iteration, loss });
		await tick('Fitting', iteration / maxIterations);
	};
	const start = new Float64Array(outputs * (x.width + 1));
	const objective = binary
		? binaryObjective(sparse, data.y, spec.l2)
		: multinomialObjective(sparse, data.y, outputs, spec.l2);
	const result =
		start.length <= NEWTON_MAX_PARAMS
			? await minimizeNewton(
					objective,
					start,
					{ maxIterations: NEWTON_MAX_ITERATIONS, gradTol: GRAD_TOL },
					report(NEWTON_MAX_ITERATIONS)
				)
			: await minimizeLbfgs(
					objective,
					start,
					{ maxIterations: LBFGS_MAX_ITERATIONS, gradTol: GRAD_TOL, memory: MEMORY },
					report(LBFGS_MAX_ITERATIONS)
				);
	const stride = x.width + 1;
	const weights: number[][] = [];
	const intercepts: number[] = [];
	for (let c = 0; c < outputs; c++) {
		weights.push(Array.from(result.x.subarray(c * stride, c * stride + x.width)));
		intercepts.push(result.x[c * stride + x.width]);
	}
	const model: LinearModel = {
		kind: 'linear',
		task: data.task,
		classes: data.classes,
		features: x.features,
		weights,
		intercepts
	};
	return {
		model,
		info: { iterations: result.iterations, converged: result.converged, loss: result.f }
	};
}

function linearScore(
	values: Float64Array,
	offset: number,
	weights: number[],
	intercept: number
): number {
	let z = intercept;
	for (let j = 0; j < weights.length; j++) z += values[offset + j] * weights[j];
	return z;
}

/** Returns the model's predictions: probabilities per class, or values. */
export function predictLinear(model: LinearModel, x: FeatureMatrix): Prediction {
	checkFeatureCount(model.features, x);
	const { rows: n, width: p, values } = x;
	if (model.task === 'regression') {
		const out = new Float64Array(n);
		for (let i = 0; i < n; i++)
			out[i] = linearScore(values, i * p, model.weights[0], model.intercepts[0]);
		return { kind: 'values', values: out };
	}
	const classes = model.classes ?? [];
	const k = classes.length;
	const proba = new Float64Array(n * k);
	for (let i = 0; i < n; i++) {
		if (model.task === 'binary') {
			const p1 = sigmoid(linearScore(values, i * p, model.weights[0], model.intercepts[0]));
			proba[i * 2] = 1 - p1;
			proba[i * 2 + 1] = p1;
			continue;
		}
		let max = -Infinity;
		for (let c = 0; c < k; c++) {
			proba[i * k + c] = linearScore(values, i * p, model.weights[c], model.intercepts[c]);
			max = Math.max(max, proba[i * k + c]);
		}
		let sum = 0;
		for (let c = 0; c < k; c++) sum += proba[i * k + c] = exp(proba[i * k + c] - max);
		for (let c = 0; c < k; c++) proba[i * k + c] /= sum;
	}
	return { kind: 'classes', classes, proba };
}
