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
	type TrainData,
	checkTrainRows
} from '../model';
import { binaryObjective, multinomialObjective, sigmoid } from './logistic';
import { fitElasticNet } from './elastic-net';
import { fitRidge } from './ridge';
import { fitSparseLogistic } from './sparse-logistic';

/**
 * Logistic regression for classes (binary, or multinomial for more), linear regression for numbers,
 * with an L2 penalty, an L1 penalty, or both (elastic net); intercepts are never penalised.
 *
 * Logistic minimises the sum of log losses + l1 |w|_1 + (l2/2) |w|^2, summed over the classes'
 * weight rows for multinomial: scikit-learn's LogisticRegression (solver 'saga'; liblinear also
 * penalises the intercept) with C = 1 / l2 for penalty 'l2', C = 1 / l1 for 'l1', and
 * C = 1 / (l1 + l2), l1_ratio = l1 / (l1 + l2) for 'elasticnet'.
 *
 * Regression minimises (1/2) |y - Xw - b|^2 + l1 |w|_1 + (l2/2) |w|^2 over n rows: the same
 * penalties on half the sum of squared errors. For l1 = 0 that is scikit-learn's Ridge with
 * alpha = l2 (which minimises twice it); for l2 = 0, Lasso with alpha = l1 / n; otherwise
 * ElasticNet with alpha = (l1 + l2) / n and l1_ratio = l1 / (l1 + l2) (both scale the squared
 * errors by 1/(2n)). Every weight is 0 exactly when l1 >= max_j |x_j'(y - mean(y))|, with x_j
 * the centred feature.
 */
export interface LinearSpec {
	kind: 'linear';
	l2: number;
	/** Absent (saved before L1 existed) means 0. */
	l1?: number;
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
 * Returns the fitted model. Without an L1 penalty: ridge in closed form; logistic (binary or
 * multinomial) by Newton's method to a gradient below 1e-8, or by L-BFGS when there are too many
 * parameters for a Hessian. With one: coordinate descent for regression (`fitElasticNet`) and
 * proximal Newton for logistic (`fitSparseLogistic`), each to a KKT violation below its tolerance.
 * `info.loss` and the loss events are the objective above divided by n (null for ridge).
 */
export async function fitLinear(
	spec: LinearSpec,
	data: TrainData,
	ctx: TaskContext<FitEvent> = {}
): Promise<{ model: LinearModel; info: FitInfo }> {
	if (!(spec.l2 >= 0))
		throw new CoreError('bad-spec', `The L2 penalty must be zero or more; got ${spec.l2}.`);
	const l1 = spec.l1 ?? 0;
	if (!(l1 >= 0 && l1 < Infinity))
		throw new CoreError('bad-spec', `The L1 penalty must be a number, zero or more; got ${l1}.`);
	const { x } = data;
	checkTrainRows(x);
	const model = (weights: number[][], intercepts: number[]): LinearModel => ({
		kind: 'linear',
		task: data.task,
		classes: data.task === 'regression' ? null : data.classes,
		features: x.features,
		weights,
		intercepts
	});
	if (data.task === 'regression') {
		if (l1 > 0) {
			const fit = await fitElasticNet(x, data.y, l1, spec.l2, ctx);
			return { model: model([fit.weights], [fit.intercept]), info: fitInfo(fit) };
		}
		const { weights, intercept } = fitRidge(x, data.y, spec.l2);
		return {
			model: model([weights], [intercept]),
			info: { iterations: 1, converged: true, loss: null }
		};
	}
	const outputs = data.classes.length === 2 ? 1 : data.classes.length;
	if (l1 > 0) {
		const fit = await fitSparseLogistic(x, data.y, outputs, l1, spec.l2, ctx);
		return { model: model(fit.weights, fit.intercepts), info: fitInfo(fit) };
	}
	const result = await fitSmoothLogistic(x, data.y, outputs, spec.l2, ctx);
	const stride = x.width + 1;
	const weights: number[][] = [];
	const intercepts: number[] = [];
	for (let c = 0; c < outputs; c++) {
		weights.push(Array.from(result.x.subarray(c * stride, c * stride + x.width)));
		intercepts.push(result.x[c * stride + x.width]);
	}
	return {
		model: model(weights, intercepts),
		info: { iterations: result.iterations, converged: result.converged, loss: result.f }
	};
}

const fitInfo = (fit: { iterations: number; converged: boolean; loss: number }): FitInfo => ({
	iterations: fit.iterations,
	converged: fit.converged,
	loss: fit.loss
});

/** Minimises the L2-only logistic objective by Newton or L-BFGS, over [w_c, b_c] per output. */
async function fitSmoothLogistic(
	x: FeatureMatrix,
	y: Int32Array,
	outputs: number,
	l2: number,
	ctx: TaskContext<FitEvent>
) {
	const sparse = toSparseRows(x);
	const tick = createPacer(ctx);
	const report = (maxIterations: number) => async (iteration: number, loss: number) => {
		ctx.onEvent?.({ kind: 'loss', iteration, loss });
		await tick('Fitting', iteration / maxIterations);
	};
	const start = new Float64Array(outputs * (x.width + 1));
	const objective =
		outputs === 1 ? binaryObjective(sparse, y, l2) : multinomialObjective(sparse, y, outputs, l2);
	return start.length <= NEWTON_MAX_PARAMS
		? minimizeNewton(
				objective,
				start,
				{ maxIterations: NEWTON_MAX_ITERATIONS, gradTol: GRAD_TOL },
				report(NEWTON_MAX_ITERATIONS)
			)
		: minimizeLbfgs(
				objective,
				start,
				{ maxIterations: LBFGS_MAX_ITERATIONS, gradTol: GRAD_TOL, memory: MEMORY },
				report(LBFGS_MAX_ITERATIONS)
			);
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
