// The scores of one column alone against the target: ROC-AUC for classes, R² for numbers.

/** Target flag of a row for one class: 1 positive, 0 negative. */
export type ClassFlags = Uint8Array;

/**
 * Returns the ROC-AUC of scored cells (groups of rows sharing one score, each with its count of
 * positive and negative rows), ties counting one half: the Mann-Whitney U over P x N. Null when
 * a side is empty.
 */
export function cellAuc(scores: Float64Array, pos: Float64Array, neg: Float64Array): number | null {
	const order = Int32Array.from(scores.keys()).sort((a, b) => scores[a] - scores[b]);
	let u = 0;
	let negBelow = 0;
	let total = 0;
	for (let k = 0; k < order.length;) {
		let groupPos = 0;
		let groupNeg = 0;
		const score = scores[order[k]];
		for (; k < order.length && scores[order[k]] === score; k++) {
			groupPos += pos[order[k]];
			groupNeg += neg[order[k]];
		}
		u += groupPos * negBelow + 0.5 * groupPos * groupNeg;
		negBelow += groupNeg;
		total += groupPos;
	}
	return total === 0 || negBelow === 0 ? null : u / (total * negBelow);
}

/**
 * Returns the ROC-AUC of a number used as the score for one class, the better of either direction
 * (a low value may be what predicts the class), with the missing cells as one block placed at
 * whichever end predicts best: so a column filled in only for one class scores high. `order`
 * lists the present rows in ascending order of value, `sorted` their values.
 */
export function valueAuc(
	sorted: Float64Array,
	order: Int32Array,
	flags: ClassFlags,
	missingPos: number,
	missingNeg: number
): number | null {
	let u = 0;
	let pos = 0;
	let neg = 0;
	for (let k = 0; k < order.length;) {
		let groupPos = 0;
		let groupNeg = 0;
		const value = sorted[k];
		for (; k < order.length && sorted[k] === value; k++) {
			if (flags[order[k]] === 1) groupPos++;
			else groupNeg++;
		}
		u += groupPos * neg + 0.5 * groupPos * groupNeg;
		pos += groupPos;
		neg += groupNeg;
	}
	const pairs = (pos + missingPos) * (neg + missingNeg);
	if (pairs === 0) return null;
	const tied = 0.5 * missingPos * missingNeg;
	const low = (u + pos * missingNeg + tied) / pairs;
	const high = (u + missingPos * neg + tied) / pairs;
	return Math.max(low, 1 - low, high, 1 - high);
}

/** Returns R² = 1 - SSE / SST of predictions, floored at 0; null when the target is constant. */
export function rSquared(y: Float64Array, predicted: Float64Array): number | null {
	let mean = 0;
	for (let i = 0; i < y.length; i++) mean += y[i];
	mean /= y.length;
	let sse = 0;
	let sst = 0;
	for (let i = 0; i < y.length; i++) {
		sse += (y[i] - predicted[i]) ** 2;
		sst += (y[i] - mean) ** 2;
	}
	return sst === 0 ? null : Math.max(0, 1 - sse / sst);
}

/** Returns the mean of the non-missing values (NaN when none). */
export function meanPresent(values: Float64Array): number {
	let sum = 0;
	let n = 0;
	for (let i = 0; i < values.length; i++) {
		if (values[i] !== values[i]) continue;
		sum += values[i];
		n++;
	}
	return n === 0 ? NaN : sum / n;
}

/** Returns the average of the non-null scores, or null when there is none. */
export function averageOf(scores: readonly (number | null)[]): number | null {
	const present = scores.filter((s): s is number => s !== null);
	return present.length === 0 ? null : present.reduce((a, b) => a + b, 0) / present.length;
}
