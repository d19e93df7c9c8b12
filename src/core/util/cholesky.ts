import { CoreError } from './core-error';

/** A pivot this small relative to its diagonal is rounding noise left by a dependent column. */
const SINGULAR_PIVOT = 1e-12;

/**
 * Solves A x = b for a symmetric positive definite A (d x d, row-major, lower triangle filled),
 * overwriting A with its Cholesky factor. Throws `singular` when A is not positive definite: some
 * direction (a dependent or uninformative feature) has no curvature and no penalty.
 */
export function solveCholesky(a: Float64Array, b: ArrayLike<number>, d: number): Float64Array {
	for (let j = 0; j < d; j++) {
		const diagonal = a[j * d + j];
		let pivot = diagonal;
		for (let k = 0; k < j; k++) pivot -= a[j * d + k] * a[j * d + k];
		if (!(pivot > SINGULAR_PIVOT * diagonal)) {
			throw new CoreError(
				'singular',
				'Some features are linearly dependent or carry no information, and the L2 penalty is 0; set a positive L2 penalty.'
			);
		}
		const l = Math.sqrt(pivot);
		a[j * d + j] = l;
		for (let i = j + 1; i < d; i++) {
			let s = a[i * d + j];
			for (let k = 0; k < j; k++) s -= a[i * d + k] * a[j * d + k];
			a[i * d + j] = s / l;
		}
	}
	const z = new Float64Array(d);
	for (let i = 0; i < d; i++) {
		let s = b[i];
		for (let k = 0; k < i; k++) s -= a[i * d + k] * z[k];
		z[i] = s / a[i * d + i];
	}
	for (let i = d - 1; i >= 0; i--) {
		let s = z[i];
		for (let k = i + 1; k < d; k++) s -= a[k * d + i] * z[k];
		z[i] = s / a[i * d + i];
	}
	return z;
}
