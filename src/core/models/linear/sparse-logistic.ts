import { exp } from '../../util/exp';
import { createPacer, type TaskContext } from '../../util/task';
import type { FeatureMatrix } from '../../prepare/recipe';
import { toSparseRows } from '../../prepare/sparse-rows';
import type { FitEvent } from '../model';
import { sigmoid, softplus } from './logistic';
import { solveBlock, type BlockStep } from './block-step';
import { bestShift, kktViolation } from './penalty';
import { toSparseColumns, type SparseColumns } from './sparse-columns';

/** Converged when every KKT violation of the objective divided by n is at most this. */
export const SPARSE_LOGISTIC_TOL = 1e-8;
const MAX_ITERATIONS = 100;
/** Each block's model is solved until its violation is this fraction of the outer one. */
const INNER_FORCING = 0.1;
const ARMIJO_C = 1e-4;
const MIN_STEP = 1e-10;

/** A fitted L1 / elastic-net logistic regression with how its solver went. */
export interface SparseLogisticFit {
	weights: number[][];
	intercepts: number[];
	/** Outer (proximal Newton) iterations: one step per class block each. */
	iterations: number;
	converged: boolean;
	/** The objective divided by the number of rows. */
	loss: number;
	/** The largest KKT violation at the returned weights, of the objective divided by n. */
	violation: number;
}

/** The problem and the current point: weights and intercepts per output, and every row's scores. */
interface State {
	x: SparseColumns;
	y: Int32Array;
	outputs: number;
	l1: number;
	l2: number;
	w: Float64Array;
	b: Float64Array;
	z: Float64Array;
}

/** One block's quadratic model at the current point: residuals, curvatures, smooth gradient. */
interface Block {
	r: Float64Array;
	h: Float64Array;
	/** Gradient of the log losses + (l2/2)|w|^2 over [w_c, b_c]. */
	grad: Float64Array;
}

/**
 * Returns the logistic regression (binary with outputs = 1, multinomial otherwise) minimising the
 * sum of log losses + l1 |w|_1 + (l2/2) |w|^2, intercepts unpenalised, by proximal Newton (Lee,
 * Sun & Saunders 2014; newGLMNET, Yuan, Chang & Lin 2012): each outer iteration takes, for each
 * class in turn, the step that minimises the quadratic model of the log loss plus the penalty
 * (`solveBlock`: coordinate descent with soft-thresholding, as glmnet does), then backtracks
 * until the objective decreases enough. It stops when every weight's KKT violation, divided by n,
 * is at most SPARSE_LOGISTIC_TOL, or after 100 iterations, unconverged.
 */
export async function fitSparseLogistic(
	matrix: FeatureMatrix,
	y: Int32Array,
	outputs: number,
	l1: number,
	l2: number,
	ctx: TaskContext<FitEvent> = {}
): Promise<SparseLogisticFit> {
	const x = toSparseColumns(matrix);
	const rows = toSparseRows(matrix);
	const { rows: n, width: p } = x;
	const s: State = {
		x,
		y,
		outputs,
		l1,
		l2,
		w: new Float64Array(outputs * p),
		b: new Float64Array(outputs),
		z: new Float64Array(n * outputs)
	};
	const blocks: Block[] = Array.from({ length: outputs }, () => ({
		r: new Float64Array(n),
		h: new Float64Array(n),
		grad: new Float64Array(p + 1)
	}));
	const tick = createPacer(ctx);
	rescore(s);
	let f = objective(s);
	let iterations = 0;
	let worst = Infinity;
	for (;;) {
		worst = 0;
		for (let c = 0; c < outputs; c++) worst = Math.max(worst, linearise(s, c, blocks[c]));
		if (worst <= SPARSE_LOGISTIC_TOL * n || iterations === MAX_ITERATIONS) break;
		iterations++;
		let moved = false;
		for (let c = 0; c < outputs; c++) {
			// Earlier blocks' steps changed the softmax: relinearise (a binary block is still exact).
			const tolerance = INNER_FORCING * (c > 0 ? linearise(s, c, blocks[c]) : worst);
			const { h, grad } = blocks[c];
			const model = { x, rows, w: s.w.subarray(c * p, (c + 1) * p), grad, h, l1, l2 };
			const step = await solveBlock(model, tolerance, () =>
				tick('Fitting', (iterations - 1) / MAX_ITERATIONS)
			);
			const next = lineSearch(s, c, blocks[c].grad, step, f);
			if (next === null) continue;
			f = next;
			moved = true;
		}
		if (outputs > 1 && recentre(s)) moved = true;
		rescore(s);
		f = objective(s);
		ctx.onEvent?.({ kind: 'loss', iteration: iterations, loss: f / n });
		await tick('Fitting', iterations / MAX_ITERATIONS);
		// Nothing decreased the objective measurably: this is the minimum at double precision.
		if (!moved) break;
	}
	if (outputs > 1) {
		// Softmax ignores a shift of every intercept: report the centred ones (sum 0, as with L2).
		let mean = 0;
		for (let c = 0; c < outputs; c++) mean += s.b[c] / outputs;
		for (let c = 0; c < outputs; c++) s.b[c] -= mean;
	}
	return {
		weights: Array.from({ length: outputs }, (_, c) =>
			Array.from(s.w.subarray(c * p, (c + 1) * p))
		),
		intercepts: Array.from(s.b),
		iterations,
		converged: worst <= SPARSE_LOGISTIC_TOL * n,
		loss: f / n,
		violation: worst / n
	};
}

/** Sets every row's scores to X w_c + b_c afresh, so that rounding in steps never accumulates. */
function rescore(s: State): void {
	const { x, w, b, z, outputs: k } = s;
	const p = x.width;
	for (let i = 0; i < x.rows; i++) for (let c = 0; c < k; c++) z[i * k + c] = b[c];
	for (let c = 0; c < k; c++) {
		for (let j = 0; j < p; j++) {
			const weight = w[c * p + j];
			if (weight === 0) continue;
			for (let e = x.start[j]; e < x.start[j + 1]; e++) z[x.row[e] * k + c] += weight * x.value[e];
		}
	}
}

/** The objective at the current point: log losses and penalty. */
function objective(s: State): number {
	return logLoss(s, 0, null, 0) + penalty(s, -1, null, 0);
}

/**
 * Moves each feature's weights over all classes by the common shift that minimises the penalty
 * (`bestShift`); softmax ignores it. Block steps move one class at a time, so without this they
 * creep towards that shift over many iterations. Returns whether any weight moved.
 */
function recentre(s: State): boolean {
	const { w, outputs: k, l1, l2 } = s;
	const p = s.x.width;
	const column = new Array<number>(k);
	let moved = false;
	for (let j = 0; j < p; j++) {
		for (let c = 0; c < k; c++) column[c] = w[c * p + j];
		const shift = bestShift(column, l1, l2);
		if (shift === 0) continue;
		for (let c = 0; c < k; c++) w[c * p + j] += shift;
		moved = true;
	}
	return moved;
}

/** Sum of log losses with class c's scores moved by t u (u null: at the current point). */
function logLoss(s: State, c: number, u: Float64Array | null, t: number): number {
	const { y, z, outputs: k } = s;
	let loss = 0;
	if (k === 1) {
		for (let i = 0; i < y.length; i++) {
			const zi = u ? z[i] + t * u[i] : z[i];
			loss += softplus(zi) - (y[i] === 1 ? zi : 0);
		}
		return loss;
	}
	for (let i = 0; i < y.length; i++) {
		const shift = u ? t * u[i] : 0;
		let max = -Infinity;
		for (let a = 0; a < k; a++) max = Math.max(max, z[i * k + a] + (a === c ? shift : 0));
		let sum = 0;
		for (let a = 0; a < k; a++) sum += exp(z[i * k + a] + (a === c ? shift : 0) - max);
		loss += max + Math.log(sum) - (z[i * k + y[i]] + (y[i] === c ? shift : 0));
	}
	return loss;
}

/** l1 |w|_1 + (l2/2)|w|^2 over every block (c = -1), or over block c stepped by t towards v. */
function penalty(s: State, c: number, v: Float64Array | null, t: number): number {
	const p = s.x.width;
	const from = c < 0 ? 0 : c * p;
	const to = c < 0 ? s.w.length : from + p;
	let sum = 0;
	for (let j = from; j < to; j++) {
		const weight = v ? stepped(s, c, v, t, j - from) : s.w[j];
		sum += s.l1 * Math.abs(weight) + 0.5 * s.l2 * weight * weight;
	}
	return sum;
}

/**
 * Fills block c's residuals (probability - target), curvatures p(1 - p) and smooth gradient at
 * the current point; returns the block's largest KKT violation (intercept included).
 */
function linearise(s: State, c: number, block: Block): number {
	const { x, y, z, outputs: k, w, l1, l2 } = s;
	const { r, h, grad } = block;
	const p = x.width;
	let gb = 0;
	for (let i = 0; i < y.length; i++) {
		let prob: number;
		if (k === 1) prob = sigmoid(z[i]);
		else {
			let max = -Infinity;
			for (let a = 0; a < k; a++) max = Math.max(max, z[i * k + a]);
			let sum = 0;
			for (let a = 0; a < k; a++) sum += exp(z[i * k + a] - max);
			prob = exp(z[i * k + c] - max) / sum;
		}
		r[i] = prob - ((k === 1 ? y[i] === 1 : y[i] === c) ? 1 : 0);
		h[i] = prob * (1 - prob);
		gb += r[i];
	}
	grad[p] = gb;
	let worst = Math.abs(gb);
	for (let j = 0; j < p; j++) {
		let g = l2 * w[c * p + j];
		for (let e = x.start[j]; e < x.start[j + 1]; e++) g += r[x.row[e]] * x.value[e];
		grad[j] = g;
		worst = Math.max(worst, kktViolation(g, w[c * p + j], l1));
	}
	return worst;
}

/** Block c's weight j after a step of t (exactly the coordinate descent's value at t = 1). */
function stepped(s: State, c: number, v: Float64Array, t: number, j: number): number {
	const current = s.w[c * s.x.width + j];
	return t === 1 ? v[j] : current + t * (v[j] - current);
}

/**
 * Moves block c by t (d, db), t = 1, 1/2, ..., at the first t where the objective falls by at least
 * 1e-4 t Delta, Delta = g'd + l1 (|w + d|_1 - |w|_1) < 0 (Tseng & Yun 2009); returns the new
 * objective, or null (nothing moved) when no step down to 1e-10 decreases it.
 */
function lineSearch(
	s: State,
	c: number,
	grad: Float64Array,
	step: BlockStep,
	f: number
): number | null {
	const { w, b, z, outputs: k, l1 } = s;
	const { v, db, u } = step;
	const p = s.x.width;
	let delta = grad[p] * db;
	for (let j = 0; j < p; j++) {
		const current = w[c * p + j];
		delta += grad[j] * (v[j] - current) + l1 * (Math.abs(v[j]) - Math.abs(current));
	}
	if (!(delta < 0)) return null;
	const others = penalty(s, -1, null, 0) - penalty(s, c, null, 0);
	for (let t = 1; t >= MIN_STEP; t /= 2) {
		const trial = logLoss(s, c, u, t) + others + penalty(s, c, v, t);
		if (!(trial <= f + ARMIJO_C * t * delta)) continue;
		for (let j = 0; j < p; j++) w[c * p + j] = stepped(s, c, v, t, j);
		b[c] += t * db;
		for (let i = 0; i < u.length; i++) z[i * k + c] += t * u[i];
		return trial;
	}
	return null;
}
