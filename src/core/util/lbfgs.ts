import { backtrack, maxAbs, type Objective } from './line-search';

export type { Objective };

export interface LbfgsOptions {
	maxIterations: number;
	/** Converged when the largest gradient component is at most this. */
	gradTol: number;
	/** Number of correction pairs kept (m). */
	memory: number;
}

export interface LbfgsResult {
	x: Float64Array;
	f: number;
	iterations: number;
	converged: boolean;
}

const MIN_CURVATURE = 1e-12;

function dot(a: Float64Array, b: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i] * b[i];
	return s;
}

/** Returns -H·g by the two-loop recursion over the stored correction pairs (Nocedal & Wright, alg. 7.4). */
function direction(
	g: Float64Array,
	s: Float64Array[],
	y: Float64Array[],
	rho: number[]
): Float64Array {
	const q = Float64Array.from(g);
	const alpha = new Float64Array(s.length);
	for (let i = s.length - 1; i >= 0; i--) {
		alpha[i] = rho[i] * dot(s[i], q);
		for (let j = 0; j < q.length; j++) q[j] -= alpha[i] * y[i][j];
	}
	const last = s.length - 1;
	const gamma =
		last >= 0 ? 1 / (rho[last] * dot(y[last], y[last])) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
	for (let j = 0; j < q.length; j++) q[j] *= gamma;
	for (let i = 0; i < s.length; i++) {
		const beta = rho[i] * dot(y[i], q);
		for (let j = 0; j < q.length; j++) q[j] += s[i][j] * (alpha[i] - beta);
	}
	for (let j = 0; j < q.length; j++) q[j] = -q[j];
	return q;
}

/**
 * Minimises a smooth convex objective with L-BFGS and a backtracking (Armijo) line search.
 * `onIteration` runs after each iteration (await it to yield, or throw to cancel).
 */
export async function minimizeLbfgs(
	objective: Objective,
	x0: Float64Array,
	options: LbfgsOptions,
	onIteration: (iteration: number, f: number) => Promise<void> | void = () => {}
): Promise<LbfgsResult> {
	let x = Float64Array.from(x0);
	let g = new Float64Array(x.length);
	let f = objective(x, g);
	let xNext = new Float64Array(x.length);
	let gNext = new Float64Array(x.length);
	const s: Float64Array[] = [];
	const y: Float64Array[] = [];
	const rho: number[] = [];
	for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
		if (maxAbs(g) <= options.gradTol) return { x, f, iterations: iteration - 1, converged: true };
		let d = direction(g, s, y, rho);
		let slope = dot(g, d);
		if (!(slope < 0)) {
			// Not a descent direction (numerical trouble): restart from steepest descent.
			s.length = y.length = rho.length = 0;
			d = direction(g, s, y, rho);
			slope = dot(g, d);
		}
		const fNext = backtrack(objective, x, f, d, slope, xNext, gNext);
		if (fNext === null)
			return { x, f, iterations: iteration, converged: maxAbs(g) <= options.gradTol };
		const sk = new Float64Array(x.length);
		const yk = new Float64Array(x.length);
		for (let j = 0; j < x.length; j++) {
			sk[j] = xNext[j] - x[j];
			yk[j] = gNext[j] - g[j];
		}
		const sy = dot(sk, yk);
		if (sy > MIN_CURVATURE) {
			s.push(sk);
			y.push(yk);
			rho.push(1 / sy);
			if (s.length > options.memory) {
				s.shift();
				y.shift();
				rho.shift();
			}
		}
		[x, xNext] = [xNext, x];
		[g, gNext] = [gNext, g];
		const decrease = f - fNext;
		f = fNext;
		await onIteration(iteration, f);
		// No progress left at double precision: stop, converged only if the gradient says so.
		if (decrease <= 1e-16 * Math.max(1, Math.abs(f))) {
			return { x, f, iterations: iteration, converged: maxAbs(g) <= options.gradTol };
		}
	}
	return { x, f, iterations: options.maxIterations, converged: maxAbs(g) <= options.gradTol };
}
