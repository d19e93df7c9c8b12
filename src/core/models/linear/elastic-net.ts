import { solveCholesky } from '../../util/cholesky';
import { CoreError } from '../../util/core-error';
import { createPacer, type TaskContext } from '../../util/task';
import type { FeatureMatrix } from '../../prepare/recipe';
import type { FitEvent } from '../model';
import { centredGram } from './centred-gram';
import { kktViolation, MAX_NEWTON_WEIGHTS, softThreshold } from './penalty';

/** Converged when every KKT violation is at most this fraction of max |Xc'yc| (see below). */
export const ELASTIC_NET_TOL = 1e-9;
const MAX_SWEEPS = 10000;

/** A fitted elastic net with how its coordinate descent went. */
export interface ElasticNetFit {
	weights: number[];
	intercept: number;
	/** Full cyclic sweeps over the coordinates. */
	iterations: number;
	converged: boolean;
	/** The objective divided by the number of rows. */
	loss: number;
	/** The largest KKT violation at the returned weights (objective not divided by n). */
	violation: number;
}

/** The problem in Gram form, and the current weights w with q = Xc'Xc w kept beside them. */
interface State {
	p: number;
	/** Xc'Xc, lower triangle. */
	gram: Float64Array;
	xty: Float64Array;
	yy: number;
	l1: number;
	l2: number;
	w: Float64Array;
	q: Float64Array;
}

/**
 * Returns the weights minimising (1/2) |y - Xw - b|^2 + l1 |w|_1 + (l2/2) |w|^2 (b unpenalised), by
 * cyclic coordinate descent with exact soft-threshold updates (Friedman, Hastie & Tibshirani 2010)
 * on the centred Gram matrix, finished by a solve over the non-zero weights (`solveActive`). It
 * stops when every weight's KKT violation is at most ELASTIC_NET_TOL x max_j |x_j'yc| (the
 * violation of w = 0 without a penalty, so the rule does not depend on the target's unit), or
 * after 10000 sweeps, unconverged.
 */
export async function fitElasticNet(
	x: FeatureMatrix,
	y: Float64Array,
	l1: number,
	l2: number,
	ctx: TaskContext<FitEvent> = {}
): Promise<ElasticNetFit> {
	const { rows: n, width: p } = x;
	const { xMean, yMean, gram, xty, yy } = centredGram(x, y);
	// Coordinate descent is invariant to rescaling a feature (each update minimises exactly along
	// it), so the centred features need no standardising: it would change the arithmetic only.
	const s: State = { p, gram, xty, yy, l1, l2, w: new Float64Array(p), q: new Float64Array(p) };
	let scale = 0;
	for (let j = 0; j < p; j++) scale = Math.max(scale, Math.abs(xty[j]));
	const tolerance = ELASTIC_NET_TOL * scale;
	const tick = createPacer(ctx);
	let sweeps = 0;
	let worst = violation(s);
	let signs = new Int8Array(p);
	while (worst > tolerance && sweeps < MAX_SWEEPS) {
		sweeps++;
		sweep(s);
		const next = Int8Array.from(s.w, Math.sign);
		// The signs held for a whole sweep: jump to the best weights with those signs.
		if (next.every((sign, j) => sign === signs[j])) solveActive(s);
		signs = next;
		worst = violation(s);
		if (worst <= tolerance) {
			// q drifts by rounding over many updates: confirm at an exact X'X w.
			recompute(s);
			worst = violation(s);
		}
		ctx.onEvent?.({ kind: 'loss', iteration: sweeps, loss: objective(s) / n });
		await tick('Fitting', sweeps / MAX_SWEEPS);
	}
	let intercept = yMean;
	for (let j = 0; j < p; j++) intercept -= xMean[j] * s.w[j];
	return {
		weights: Array.from(s.w),
		intercept,
		iterations: sweeps,
		converged: worst <= tolerance,
		loss: objective(s) / n,
		violation: worst
	};
}

function gramAt({ gram, p }: State, j: number, k: number): number {
	return j >= k ? gram[j * p + k] : gram[k * p + j];
}

function violation({ p, q, xty, w, l1, l2 }: State): number {
	let worst = 0;
	for (let j = 0; j < p; j++)
		worst = Math.max(worst, kktViolation(q[j] - xty[j] + l2 * w[j], w[j], l1));
	return worst;
}

/** (1/2)|yc - Xc w|^2 + l1 |w|_1 + (l2/2)|w|^2, from the Gram form. */
function objective({ p, yy, xty, w, q, l1, l2 }: State): number {
	let f = 0.5 * yy;
	for (let j = 0; j < p; j++)
		f += -xty[j] * w[j] + 0.5 * w[j] * q[j] + l1 * Math.abs(w[j]) + 0.5 * l2 * w[j] * w[j];
	return f;
}

/** One pass of exact coordinate minimisation over every weight, in order. */
function sweep(s: State): void {
	const { p, gram, xty, w, q, l1, l2 } = s;
	for (let j = 0; j < p; j++) {
		const curvature = gram[j * p + j] + l2;
		// A constant feature with no L2 penalty: its gradient is 0, its weight stays 0.
		if (curvature === 0) continue;
		// x_j' (partial residual without feature j) = x_j'yc - (X'X w)_j + x_j'x_j w_j.
		const rho = xty[j] - q[j] + gram[j * p + j] * w[j];
		const delta = softThreshold(rho, l1) / curvature - w[j];
		if (delta === 0) continue;
		w[j] += delta;
		for (let k = 0; k < p; k++) q[k] += gramAt(s, k, j) * delta;
	}
}

/**
 * Moves to the minimiser over the non-zero weights with their signs held, where the objective is
 * quadratic: (X_A'X_A + l2 I) w_A = X_A'yc - l1 sign(w_A), by Cholesky. Coordinate descent alone
 * crawls along correlated features; this finishes in one step once it has found which weights
 * are non-zero. If that point is worse (a sign flipped), it stops instead where the first weight
 * reaches 0, still a decrease (the objective is a convex quadratic on the way), as LARS does.
 */
function solveActive(s: State): void {
	const { p, xty, w, l1, l2 } = s;
	const active: number[] = [];
	for (let j = 0; j < p; j++) if (w[j] !== 0) active.push(j);
	const m = active.length;
	if (m === 0 || m > MAX_NEWTON_WEIGHTS) return;
	const a = new Float64Array(m * m);
	for (let r = 0; r < m; r++) {
		for (let k = 0; k <= r; k++) a[r * m + k] = gramAt(s, active[r], active[k]);
		a[r * m + r] += l2;
	}
	let target: Float64Array;
	try {
		target = solveCholesky(
			a,
			active.map((j) => xty[j] - l1 * Math.sign(w[j])),
			m
		);
	} catch (error) {
		// Dependent active features and no L2: the minimiser is not unique; keep descending.
		if (error instanceof CoreError && error.code === 'singular') return;
		throw error;
	}
	const before = Float64Array.from(w);
	const f = objective(s);
	active.forEach((j, r) => (w[j] = target[r]));
	recompute(s);
	if (objective(s) <= f) return;
	let t = 1;
	let first = -1;
	active.forEach((j, r) => {
		if (Math.sign(target[r]) === Math.sign(before[j])) return;
		const crossing = before[j] / (before[j] - target[r]);
		if (crossing < t) [t, first] = [crossing, j];
	});
	for (const [r, j] of active.entries()) w[j] = before[j] + t * (target[r] - before[j]);
	if (first >= 0) w[first] = 0;
	recompute(s);
}

/** Sets q = Xc'Xc w afresh. */
function recompute(s: State): void {
	const { p, w, q } = s;
	for (let j = 0; j < p; j++) {
		let sum = 0;
		for (let k = 0; k < p; k++) if (w[k] !== 0) sum += gramAt(s, j, k) * w[k];
		q[j] = sum;
	}
}
