import { solveCholesky } from './cholesky';
import { backtrack, maxAbs } from './line-search';

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

/** Solves H s = -g for a positive definite H (lower triangle), overwriting H with its Cholesky factor. */
export function newtonStep(h: Float64Array, g: Float64Array): Float64Array {
	return solveCholesky(
		h,
		Array.from(g, (v) => -v),
		g.length
	);
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
		// No decrease measurable at double precision: stop, converged only if the gradient says so.
		if (backtrack(objective, x, f, step, slope, trial, scratch) === null)
			return { x, f, iterations: iteration, converged: maxAbs(g) <= options.gradTol };
		x = Float64Array.from(trial);
		f = objective(x, g, h.fill(0));
		await onIteration(iteration, f);
	}
	return { x, f, iterations: options.maxIterations, converged: maxAbs(g) <= options.gradTol };
}
