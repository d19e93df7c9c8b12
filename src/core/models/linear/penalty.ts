/**
 * Above this many non-zero weights, the solvers' Newton solve over them (m^2 memory, m^3 time) is
 * skipped and coordinate descent alone goes on.
 */
export const MAX_NEWTON_WEIGHTS = 1000;

/**
 * Returns the soft-threshold S(z, t) = sign(z) max(|z| - t, 0): the minimiser over w of
 * (1/2)(w - z)^2 + t |w|. Exactly 0 (never -0) inside [-t, t].
 */
export function softThreshold(z: number, t: number): number {
	return z > t ? z - t : z < -t ? z + t : 0;
}

/**
 * Returns how far one weight is from the optimality (KKT) condition of a smooth objective plus
 * l1 |w|: with `grad` the smooth part's partial derivative, |grad + l1 sign(w)| for a non-zero
 * weight and max(|grad| - l1, 0) for a zero one. 0 at the minimum.
 */
export function kktViolation(grad: number, weight: number, l1: number): number {
	if (weight > 0) return Math.abs(grad + l1);
	if (weight < 0) return Math.abs(grad - l1);
	return Math.max(Math.abs(grad) - l1, 0);
}

/**
 * Returns the v nearest 0 that minimises sum_c l1 |a_c + v| + (l2/2) (a_c + v)^2: the shift of
 * one feature's weights over every class that softmax ignores, chosen by the penalty alone.
 */
export function bestShift(a: readonly number[], l1: number, l2: number): number {
	if (slope(a, 0, true, l1, l2) < 0) return shiftRight(a, l1, l2);
	const negated = a.map((ac) => -ac);
	if (slope(negated, 0, true, l1, l2) < 0) return -shiftRight(negated, l1, l2);
	return 0;
}

/** The right (or left) derivative at v of the penalty of the shifted weights. */
function slope(a: readonly number[], v: number, right: boolean, l1: number, l2: number): number {
	let d = 0;
	for (const ac of a) {
		const t = ac + v;
		d += l2 * t + l1 * (t > 0 || (right && t === 0) ? 1 : -1);
	}
	return d;
}

/**
 * The minimiser right of 0, knowing the penalty falls there: between two breakpoints (-a_c) the
 * derivative rises linearly, at rate l2 K, so the root is in closed form or at a breakpoint.
 */
function shiftRight(a: readonly number[], l1: number, l2: number): number {
	const breakpoints = a
		.map((ac) => -ac)
		.filter((b) => b > 0)
		.sort((x, y) => x - y);
	const rate = l2 * a.length;
	let from = 0;
	for (const b of breakpoints) {
		if (rate > 0) {
			const root = from - slope(a, from, true, l1, l2) / rate;
			if (root < b) return root;
		}
		if (slope(a, b, true, l1, l2) >= 0) return b;
		from = b;
	}
	// Past every breakpoint the slope is l2 K (v - v0) + l1 K > 0 somewhere, so rate > 0 here.
	return rate > 0 ? from - slope(a, from, true, l1, l2) / rate : from;
}
