/** Returns the q-quantile (0..1) of finite values by linear interpolation (numpy's default); NaN when empty. */
export function quantile(values: ArrayLike<number>, q: number): number {
	const sorted = Float64Array.from(finiteValues(values)).sort();
	if (sorted.length === 0) return NaN;
	const pos = (sorted.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Returns the mean and population standard deviation of the finite values (Welford). */
export function meanStd(values: ArrayLike<number>): { mean: number; std: number; count: number } {
	let count = 0;
	let mean = 0;
	let m2 = 0;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (!Number.isFinite(v)) continue;
		count++;
		const delta = v - mean;
		mean += delta / count;
		m2 += delta * (v - mean);
	}
	return count === 0 ? { mean: NaN, std: NaN, count } : { mean, std: Math.sqrt(m2 / count), count };
}

function finiteValues(values: ArrayLike<number>): number[] {
	const out: number[] = [];
	for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) out.push(values[i]);
	return out;
}
