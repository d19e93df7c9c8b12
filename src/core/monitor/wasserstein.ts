import { CoreError } from '../util/core-error';
import { meanStd } from '../util/stats';

/** Evidently's floor on the reference's standard deviation when it norms the distance. */
export const WASSERSTEIN_MIN_STD = 0.001;

/**
 * Returns the first Wasserstein (earth mover's) distance between two non-empty samples of finite
 * values, as scipy's `wasserstein_distance`: the integral of |F_ref - F_cur| over the merged
 * values, in the values' unit.
 */
export function wassersteinDistance(reference: Float64Array, current: Float64Array): number {
	if (reference.length === 0 || current.length === 0) {
		throw new CoreError(
			'drift-empty-sample',
			'The Wasserstein distance needs at least one value on each side.'
		);
	}
	const a = Float64Array.from(reference).sort();
	const b = Float64Array.from(current).sort();
	let i = 0;
	let j = 0;
	let total = 0;
	while (i < a.length || j < b.length) {
		const v = Math.min(i < a.length ? a[i] : Infinity, j < b.length ? b[j] : Infinity);
		while (i < a.length && a[i] === v) i++;
		while (j < b.length && b[j] === v) j++;
		const next = Math.min(i < a.length ? a[i] : Infinity, j < b.length ? b[j] : Infinity);
		if (next === Infinity) break;
		total += Math.abs(i / a.length - j / b.length) * (next - v);
	}
	return total;
}

/**
 * Returns Evidently's normed Wasserstein distance: the distance divided by the reference's
 * population standard deviation (numpy's default, ddof 0), floored at `WASSERSTEIN_MIN_STD` so
 * that a constant reference gives a finite number.
 */
export function normedWasserstein(reference: Float64Array, current: Float64Array): number {
	const { std } = meanStd(reference);
	return wassersteinDistance(reference, current) / Math.max(std, WASSERSTEIN_MIN_STD);
}
