/** A smooth objective: returns f(x) and writes its gradient into `grad`. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

const ARMIJO_C = 1e-4;
const MIN_STEP = 1e-20;

/**
 * Backtracking line search (Armijo): tries steps 1, 1/2, 1/4, ... along a descent `direction`
 * from x (where f(x) = f and the slope g·direction is `slope`), until f decreases enough. Writes
 * the accepted point into `trial` and its gradient into `grad`; returns its value, or null when
 * no step down to 1e-20 decreases f measurably (the minimum is reached to double precision).
 */
export function backtrack(
	objective: Objective,
	x: Float64Array,
	f: number,
	direction: Float64Array,
	slope: number,
	trial: Float64Array,
	grad: Float64Array
): number | null {
	for (let step = 1; step >= MIN_STEP; step /= 2) {
		for (let j = 0; j < x.length; j++) trial[j] = x[j] + step * direction[j];
		const value = objective(trial, grad);
		if (value <= f + ARMIJO_C * step * slope) return value;
	}
	return null;
}

/** Returns the largest absolute component: the convergence measure of a gradient. */
export function maxAbs(a: Float64Array): number {
	let m = 0;
	for (const v of a) m = Math.max(m, Math.abs(v));
	return m;
}
