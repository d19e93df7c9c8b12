// The survival functions behind the drift tests' p-values, in double precision. Each is computed
// in the form that keeps small p-values accurate (a continued fraction or a sum of positive
// terms, never 1 minus something close to 1).

/** Lanczos coefficients for g = 7, n = 9 (Godfrey): about 15 correct digits for x > 0. */
const LANCZOS_G = 7;
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
	-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
	1.5056327351493116e-7
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** Relative size of the last term a series or continued fraction may add before it stops. */
const TOLERANCE = 1e-16;
/** Enough iterations for a shape in the tens of thousands (a chi-square with that many levels). */
const MAX_ITERATIONS = 100_000;
/** Smallest positive normal double over epsilon: the modified Lentz algorithm's stand-in for 0. */
const TINY = 1e-300;

/** Returns ln Γ(x) for x > 0 (Lanczos approximation, absolute error about 1e-15). */
export function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	const z = x - 1;
	let sum = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
	const t = z + LANCZOS_G + 0.5;
	return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * Returns the regularized upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a) for a > 0 and
 * x >= 0: the series for P = 1 - Q below x = a + 1, the continued fraction for Q above it
 * (Numerical Recipes §6.2), so a small Q keeps its relative precision.
 */
export function regularizedGammaQ(a: number, x: number): number {
	if (x <= 0) return 1;
	if (x === Infinity) return 0;
	const logPrefix = a * Math.log(x) - x - logGamma(a);
	if (x < a + 1) return 1 - Math.exp(logPrefix) * lowerSeries(a, x);
	return Math.exp(logPrefix) * upperFraction(a, x);
}

/** Σ x^n / (a (a+1) ... (a+n)), so that P(a, x) = x^a e^-x / Γ(a) times it. */
function lowerSeries(a: number, x: number): number {
	let term = 1 / a;
	let sum = term;
	for (let n = 1; n < MAX_ITERATIONS; n++) {
		term *= x / (a + n);
		sum += term;
		if (Math.abs(term) < Math.abs(sum) * TOLERANCE) break;
	}
	return sum;
}

/** The continued fraction of Γ(a, x) e^x x^-a, by the modified Lentz algorithm. */
function upperFraction(a: number, x: number): number {
	let b = x + 1 - a;
	let c = 1 / TINY;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < MAX_ITERATIONS; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < TINY) d = TINY;
		c = b + an / c;
		if (Math.abs(c) < TINY) c = TINY;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < TOLERANCE) break;
	}
	return h;
}

/** Returns P(X >= x) for X chi-square distributed with `df` > 0 degrees of freedom (scipy's chi2.sf). */
export function chiSquareSf(x: number, df: number): number {
	return regularizedGammaQ(df / 2, x / 2);
}

/**
 * Returns the two-sided normal p-value P(|Z| >= |z|) = erfc(|z| / √2), which is Q(1/2, z² / 2).
 * Evidently writes it `2 * (1 - norm.cdf(|z|))`; the two agree to 1e-16 absolute, and this form
 * stays accurate past |z| = 8, where that one rounds to 0.
 */
export function normalTwoSidedPValue(z: number): number {
	return regularizedGammaQ(0.5, (z * z) / 2);
}

/**
 * Returns the Kolmogorov distribution's survival function Q(λ) = P(K > λ), the limit of
 * √n·D_n (scipy's kstwobign.sf): the alternating series 2 Σ (-1)^(k-1) e^(-2k²λ²) for λ >= 1,
 * and 1 minus Jacobi's theta form √(2π)/λ Σ e^(-(2k-1)²π²/(8λ²)) below it, where that series
 * converges fast and the result is not small.
 */
export function kolmogorovSf(lambda: number): number {
	if (!(lambda > 0)) return 1;
	if (lambda < 1) {
		const q = -(Math.PI * Math.PI) / (8 * lambda * lambda);
		let sum = 0;
		for (let k = 1; k <= 20; k++) sum += Math.exp((2 * k - 1) ** 2 * q);
		return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * sum));
	}
	let sum = 0;
	for (let k = 1; k <= 100; k++) {
		const term = Math.exp(-2 * k * k * lambda * lambda);
		sum += k % 2 === 1 ? term : -term;
		if (term < 1e-300) break;
	}
	return Math.min(1, Math.max(0, 2 * sum));
}
