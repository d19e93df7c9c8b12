import { solveCholesky } from '../../util/cholesky';
import { CoreError } from '../../util/core-error';
import type { SparseRows } from '../../prepare/sparse-rows';
import { kktViolation, MAX_NEWTON_WEIGHTS, softThreshold } from './penalty';
import type { SparseColumns } from './sparse-columns';

const MAX_SWEEPS = 1000;
/** A centred curvature this small relative to the raw one is cancellation: a constant feature. */
const FLAT = 1e-12;
/**
 * Added to the Newton system's diagonal, relative to its largest entry: one-hot levels that are
 * all non-zero make it singular (their shift moves only the intercept). The step then stays out
 * of the flat directions, or crosses 0 along them, and descent polishes what it perturbs.
 */
const DAMPING = 1e-9;

/**
 * One class block's quadratic model of the smooth part (log losses + (l2/2)|w|^2) around its
 * current weights w and intercept, plus l1 |v|_1 at the new weights v.
 */
export interface BlockModel {
	x: SparseColumns;
	/** The same features by row, to build the curvature over the non-zero weights. */
	rows: SparseRows;
	w: Float64Array;
	/** The smooth part's gradient over [w, b]. */
	grad: Float64Array;
	/** Each row's curvature p (1 - p). */
	h: Float64Array;
	l1: number;
	l2: number;
}

/** A step of the block: its new weights, its intercept's change, and the rows' score changes. */
export interface BlockStep {
	/** The weights after a full step (exact zeros where soft-thresholding put them). */
	v: Float64Array;
	db: number;
	/** X (v - w) + db. */
	u: Float64Array;
}

/** The coordinate descent's state: the model's fixed sums, and the step so far. */
interface Inner extends BlockModel, BlockStep {
	/** h_i x_ij, entry by entry of `x`. */
	hv: Float64Array;
	/** sum_i h_i x_ij, per feature. */
	hx: Float64Array;
	hSum: number;
	/** Curvature of the model along each weight, the intercept kept at its optimum. */
	curvature: Float64Array;
	/** sum_i h_i (X (v - w))_i. */
	hu: number;
}

/**
 * Returns the step minimising the block's model g'd + (1/2) d'([X 1]'H[X 1] + l2 I_w)d +
 * l1 |w + d|_1 (d the change of [w, b]) within `tolerance` of its KKT conditions, by cyclic
 * coordinate descent with soft-thresholding: a full sweep, then sweeps over the non-zero weights
 * until they are within tolerance, then a full sweep to confirm (glmnet's active-set strategy).
 * When the signs hold for a whole sweep, a Newton solve over the non-zero weights finishes them
 * (`solveActive`).
 */
export async function solveBlock(
	model: BlockModel,
	tolerance: number,
	tick: () => Promise<void>
): Promise<BlockStep> {
	const s = prepare(model);
	let signs = Int8Array.from(s.v, Math.sign);
	let stuck = false; // the Newton solve did not move with these signs
	let full = true;
	for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
		const worst = descend(s, full);
		if (worst <= tolerance && full) break;
		full = worst <= tolerance;
		const next = Int8Array.from(s.v, Math.sign);
		const same = next.every((sign, j) => sign === signs[j]);
		if (!same) stuck = false;
		else if (!full && !stuck) stuck = !solveActive(s);
		signs = next;
		await tick();
	}
	const { v, db, u } = s;
	for (let i = 0; i < u.length; i++) u[i] += db;
	return { v, db, u };
}

/**
 * Sums the model's fixed parts. The intercept's step is kept at its optimum for the weights',
 * which amounts to descent on h-weighted centred features, as glmnet does: with the intercept as
 * one more coordinate, descent crawls, since one-hot columns sum to the intercept's column.
 */
function prepare(model: BlockModel): Inner {
	const { x, h, grad, l2, w } = model;
	const { rows: n, width: p, start, row, value } = x;
	let hSum = 0;
	for (let i = 0; i < n; i++) hSum += h[i];
	const hv = new Float64Array(value.length);
	const hx = new Float64Array(p);
	const curvature = new Float64Array(p);
	for (let j = 0; j < p; j++) {
		let a = 0;
		for (let e = start[j]; e < start[j + 1]; e++) {
			hv[e] = h[row[e]] * value[e];
			hx[j] += hv[e];
			a += hv[e] * value[e];
		}
		const centred = hSum > 0 ? a - (hx[j] * hx[j]) / hSum : a;
		curvature[j] = (centred > FLAT * a ? centred : 0) + l2;
	}
	const db = hSum > 0 ? -grad[p] / hSum : 0;
	const step = { v: Float64Array.from(w), db, u: new Float64Array(n), hu: 0 };
	return { ...model, ...step, hv, hx, hSum, curvature };
}

/** The model's gradient along weight j at the current step. */
function slope(s: Inner, j: number): number {
	const { x, hv, u } = s;
	let g = s.grad[j] + s.l2 * (s.v[j] - s.w[j]) + s.db * s.hx[j];
	for (let e = x.start[j]; e < x.start[j + 1]; e++) g += hv[e] * u[x.row[e]];
	return g;
}

/** Moves weight j by delta, keeping u, hu and the intercept's optimal step in line. */
function move(s: Inner, j: number, delta: number): void {
	const { x, u } = s;
	for (let e = x.start[j]; e < x.start[j + 1]; e++) u[x.row[e]] += delta * x.value[e];
	s.hu += delta * s.hx[j];
	if (s.hSum > 0) s.db = -(s.grad[x.width] + s.hu) / s.hSum;
}

/**
 * One sweep of exact coordinate minimisation (every weight, or the non-zero ones); returns the
 * largest violation seen.
 */
function descend(s: Inner, full: boolean): number {
	const { v, curvature, l1 } = s;
	let worst = 0;
	for (let j = 0; j < v.length; j++) {
		if (!full && v[j] === 0) continue;
		const g = slope(s, j);
		worst = Math.max(worst, kktViolation(g, v[j], l1));
		// A feature constant wherever the curvature is not, with no L2: nothing to move.
		if (curvature[j] === 0) continue;
		const next = softThreshold(curvature[j] * v[j] - g, l1) / curvature[j];
		if (next === v[j]) continue;
		move(s, j, next - v[j]);
		v[j] = next;
	}
	return worst;
}

/**
 * Moves to the model's minimiser over the non-zero weights with their signs held, where it is
 * quadratic: a Newton step with the centred X_A'HX_A + l2 I (Cholesky). Descent alone crawls
 * along correlated features (one-hot levels and the number they encode). If the Newton point is
 * no better (a sign flipped), it stops where the first weight reaches 0, still a decrease, as
 * LARS does. Returns whether it moved.
 */
function solveActive(s: Inner): boolean {
	const { v, l1 } = s;
	const active: number[] = [];
	for (let j = 0; j < v.length; j++) if (v[j] !== 0) active.push(j);
	const m = active.length;
	if (m === 0 || m > MAX_NEWTON_WEIGHTS) return false;
	const hessian = activeHessian(s, active);
	const g = active.map((j) => slope(s, j));
	const damped = Float64Array.from(hessian);
	let largest = 0;
	for (let r = 0; r < m; r++) largest = Math.max(largest, hessian[r * m + r]);
	for (let r = 0; r < m; r++) damped[r * m + r] += DAMPING * largest;
	let step: Float64Array;
	try {
		step = solveCholesky(
			damped,
			active.map((j, r) => -(g[r] + l1 * Math.sign(v[j]))),
			m
		);
	} catch (error) {
		if (error instanceof CoreError && error.code === 'singular') return false;
		throw error;
	}
	// The model's change for the full step: g'd + (1/2) d'Hd + l1 (|v + d|_1 - |v|_1).
	let change = 0;
	for (let r = 0; r < m; r++) {
		let hd = hessian[r * m + r] * step[r];
		for (let k = 0; k < m; k++)
			if (k !== r) hd += hessian[Math.max(r, k) * m + Math.min(r, k)] * step[k];
		const j = active[r];
		change +=
			g[r] * step[r] + 0.5 * step[r] * hd + l1 * (Math.abs(v[j] + step[r]) - Math.abs(v[j]));
	}
	let t = 1;
	let first = -1;
	if (!(change < 0)) {
		active.forEach((j, r) => {
			if (Math.sign(v[j] + step[r]) === Math.sign(v[j])) return;
			const crossing = -v[j] / step[r];
			if (crossing < t) [t, first] = [crossing, j];
		});
		if (first < 0) return false;
	}
	active.forEach((j, r) => {
		const next = j === first ? 0 : v[j] + t * step[r];
		move(s, j, next - v[j]);
		v[j] = next;
	});
	return true;
}

/** The model's centred curvature over the active weights, lower triangle, from the rows. */
function activeHessian(s: Inner, active: number[]): Float64Array {
	const { rows, h, hx, hSum, l2 } = s;
	const m = active.length;
	const position = new Int32Array(rows.width).fill(-1);
	active.forEach((j, r) => (position[j] = r));
	const hessian = new Float64Array(m * m);
	const at = new Int32Array(m);
	const value = new Float64Array(m);
	for (let i = 0; i < rows.rows; i++) {
		let count = 0;
		for (let e = rows.start[i]; e < rows.start[i + 1]; e++) {
			const r = position[rows.index[e]];
			if (r < 0) continue;
			at[count] = r;
			value[count++] = rows.value[e];
		}
		for (let a = 0; a < count; a++) {
			const ha = h[i] * value[a];
			for (let b = 0; b < count; b++) {
				if (at[b] <= at[a]) hessian[at[a] * m + at[b]] += ha * value[b];
			}
		}
	}
	for (let r = 0; r < m; r++) {
		for (let k = 0; k <= r; k++) {
			if (hSum > 0) hessian[r * m + k] -= (hx[active[r]] * hx[active[k]]) / hSum;
		}
		hessian[r * m + r] += l2;
	}
	return hessian;
}
