import { CoreError } from './core-error';

/**
 * A smooth, strictly convex objective with its derivatives: returns f(x), writes the gradient and,
 * when `hessian` is given, the lower triangle of the Hessian (row-major, d x d).
 */
export type SecondOrderObjective = (
	x: Float64Array,
	grad: Float64Array,
	hessian?: Float64Array
) => number;

export interface NewtonOptions {
	maxIterations: number;
	/** Converged when the largest gradient component is at most this. */
	gradTol: number;
}

export interface NewtonResult {
	x: Float64Array;
	f: number;
	iterations: number;
	converged: boolean;
}

const ARMIJO_C = 1e-4;
const MIN_STEP = 1e-12;

function maxAbs(a: Float64Array): number {
	let m = 0;
	for (const v of a) m = Math.max(m, Math.abs(v));
	return m;
}

/** Solves H s = -g for a positive definite H (lower triangle), overwriting H with its Cholesky factor. */
export function newtonStep(h: Float64Array, g: Float64Array): Float64Array {
	const d = g.length;
	for (let j = 0; j < d; j++) {
		let s = h[j * d + j];
		for (let k = 0; k < j; k++) s -= h[j * d + k] * h[j * d + k];
		if (!(s > 0))
			throw new CoreError(
				'singular',
				'The problem is not strictly convex: a feature has no information and no penalty; set a positive L2 penalty.'
			);
		const l = Math.sqrt(s);
		h[j * d + j] = l;
		for (let i = j + 1; i < d; i++) {
			let t = h[i * d + j];
			for (let k = 0; k < j; k++) t -= h[i * d + k] * h[j * d + k];
			h[i * d + j] = t / l;
		}
	}
	const z = new Float64Array(d);
	for (let i = 0; i < d; i++) {
		let t = -g[i];
		for (let k = 0; k < i; k++) t -= h[i * d + k] * z[k];
		z[i] = t / h[i * d + i];
	}
	for (let i = d - 1; i >= 0; i--) {
		let t = z[i];
		for (let k = i + 1; k < d; k++) t -= h[k * d + i] * z[k];
		z[i] = t / h[i * d + i];
	}
	return z;
}

/**
 * Minimises a strictly convex objective by Newton's method with a backtracking line search:
 * quadratic convergence whatever the conditioning, at d^2 memory. `onIteration` may yield or throw.
 */
export async function minimizeNewton(
	objective: SecondOrderObjective,
	x0: Float64Array,
	options: NewtonOptions,
	onIteration: (iteration: number, f: number) => Promise<void> | void = () => {}
): Promise<NewtonResult> {
	const d = x0.length;
	let x = Float64Array.from(x0);
	const g = new Float64Array(d);
	const h = new Float64Array(d * d);
	const trial = new Float64Array(d);
	const scratch = new Float64Array(d);
	let f = objective(x, g, h);
	for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
		if (maxAbs(g) <= options.gradTol) return { x, f, iterations: iteration - 1, converged: true };
		const step = newtonStep(h, g);
		let slope = 0;
		for (let j = 0; j < d; j++) slope += g[j] * step[j];
		let t = 1;
		let fTrial = Infinity;
		for (; t >= MIN_STEP; t /= 2) {
			for (let j = 0; j < d; j++) trial[j] = x[j] + t * step[j];
			fTrial = objective(trial, scratch);
			if (fTrial <= f + ARMIJO_C * t * slope) break;
		}
		// No decrease measurable at double precision: stop, converged only if the gradient says so.
		if (t < MIN_STEP)
			return { x, f, iterations: iteration, converged: maxAbs(g) <= options.gradTol };
		x = Float64Array.from(trial);
		f = objective(x, g, h.fill(0));
		await onIteration(iteration, f);
	}
	return { x, f, iterations: options.maxIterations, converged: maxAbs(g) <= options.gradTol };
}
