import { CoreError } from '../util/core-error';
import { kolmogorovSf } from './special-functions';

/**
 * Lattice cells the exact p-value may visit (about 0.2 s); beyond it the asymptotic Kolmogorov
 * distribution is used. The band holds at most (m + 1)(n + 1) cells, so a 1000-value reference
 * stays exact against up to 49,000 current values whatever the statistic, and further when D is
 * small.
 */
const EXACT_CELL_LIMIT = 50_000_000;

/** A two-sample Kolmogorov-Smirnov test: D, its two-sided p-value and how that was computed. */
export interface KsResult {
	/** sup |F_ref(x) - F_cur(x)| over the two empirical distribution functions, in [0, 1]. */
	statistic: number;
	pValue: number;
	/** True when the p-value is the exact permutation probability, false when asymptotic. */
	exact: boolean;
}

/**
 * Returns scipy's `ks_2samp(reference, current)` (two-sided) for two non-empty samples of finite
 * values. The p-value is exact, P(D >= d) over all splits of the pooled values, computed by
 * walking the lattice paths of the two empirical distribution functions with probabilities (not
 * counts, which overflow) and adding up the mass of every path that leaves the band |D| < d.
 * scipy's default is exact for samples of up to 10,000 values a side, so the two agree there (to
 * 1e-10 in the tests). Past that scipy approximates with the one-sample distribution
 * kstwo(round(mn / (m + n))), a fraction of a percent off the exact value; this stays exact
 * while the band has at most `EXACT_CELL_LIMIT` cells, then uses the Kolmogorov limit
 * Q(√(mn / (m + n)) d), a few percent off (`exact` is then false).
 */
export function ksTest(reference: Float64Array, current: Float64Array): KsResult {
	const n1 = reference.length;
	const n2 = current.length;
	if (n1 === 0 || n2 === 0) {
		throw new CoreError(
			'drift-empty-sample',
			'The K-S test needs at least one value on each side.'
		);
	}
	const g = gcd(n1, n2);
	const h = maxEcdfGap(reference, current) / g;
	const lcm = (n1 / g) * n2;
	const statistic = h / lcm;
	if (h === 0) return { statistic, pValue: 1, exact: true };
	const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
	const bandWidth = Math.min(n + 1, (2 * h) / (m / g) + 2);
	if ((m + 1) * bandWidth <= EXACT_CELL_LIMIT) {
		return { statistic, pValue: exactPValue(m, n, g, h), exact: true };
	}
	const en = (m * n) / (m + n);
	return { statistic, pValue: kolmogorovSf(Math.sqrt(en) * statistic), exact: false };
}

/** Returns max |i·n2 - j·n1| over the merged values, i and j the counts <= each value: D·n1·n2. */
function maxEcdfGap(reference: Float64Array, current: Float64Array): number {
	const a = Float64Array.from(reference).sort();
	const b = Float64Array.from(current).sort();
	const n1 = a.length;
	const n2 = b.length;
	let i = 0;
	let j = 0;
	let best = 0;
	while (i < n1 || j < n2) {
		const v = Math.min(i < n1 ? a[i] : Infinity, j < n2 ? b[j] : Infinity);
		while (i < n1 && a[i] === v) i++;
		while (j < n2 && b[j] === v) j++;
		best = Math.max(best, Math.abs(i * n2 - j * n1));
	}
	return best;
}

/**
 * Returns P(D >= h / lcm) for samples of m >= n values with gcd g: a uniformly random lattice path
 * from (0, 0) to (m, n) steps right with probability (m - x) / (m - x + n - y); it leaves the band
 * when |x·n/g - y·m/g| >= h. The mass that leaves is summed as it leaves (all terms positive), so
 * a p-value of 1e-40 keeps its digits. One column of the band is kept at a time.
 */
function exactPValue(m: number, n: number, g: number, h: number): number {
	const mg = m / g;
	const ng = n / g;
	const low = (x: number) => Math.max(0, Math.floor((x * ng - h) / mg) + 1);
	const high = (x: number) => Math.min(n, Math.ceil((x * ng + h) / mg) - 1);
	let cur = new Float64Array(n + 1);
	let next = new Float64Array(n + 1);
	cur[0] = 1;
	let outside = 0;
	// One pass over the band; a hot loop, kept in one function.
	for (let x = 0; x <= m; x++) {
		const lo = low(x);
		const hi = high(x);
		const nextLo = x < m ? low(x + 1) : 0;
		const nextHi = x < m ? high(x + 1) : -1;
		for (let y = lo; y <= hi; y++) {
			const mass = cur[y];
			if (mass === 0) continue;
			const left = m - x + n - y;
			if (left === 0) continue;
			const right = (mass * (m - x)) / left;
			const up = (mass * (n - y)) / left;
			if (x < m) {
				if (y >= nextLo && y <= nextHi) next[y] += right;
				else outside += right;
			}
			if (y < n) {
				if (y + 1 <= hi) cur[y + 1] += up;
				else outside += up;
			}
		}
		cur.fill(0, lo, hi + 1);
		[cur, next] = [next, cur];
	}
	return Math.min(1, Math.max(0, outside));
}

function gcd(a: number, b: number): number {
	while (b !== 0) [a, b] = [b, a % b];
	return a;
}
