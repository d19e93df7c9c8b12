import { CoreError } from '../../util/core-error';
import { quantile } from '../../util/stats';
import { numberColumn, mapNumbers, replaceColumn, type Frame } from '../frame';

/**
 * Replace a number column by its bin index (0 to bins - 1), with edges learned on train: at train
 * quantiles, so bins hold about equal train counts ('quantile'), or equally spaced across the
 * train range ('width'). Values outside the train range go to the first or last bin; missing
 * cells stay missing.
 */
export interface BinStep {
	kind: 'bin';
	column: string;
	method: 'quantile' | 'width';
	bins: number;
}

/**
 * The inner edges learned on train, ascending: a value's bin is how many edges are at or below
 * it. Equal quantile edges are merged, so there may be fewer bins than asked; an empty or
 * all-missing train column, or a constant one, has no edges: every value is bin 0.
 */
export interface FittedBin extends BinStep {
	edges: number[];
}

/** The most bins a step may ask for. */
export const MAX_BINS = 1000;

/** Returns the step with its edges learned on train; throws `bad-step` for a bad bin count. */
export function fitBin(step: BinStep, frame: Frame): FittedBin {
	const values = numberColumn(frame, step.column, 'bin').values;
	const { bins } = step;
	if (!Number.isInteger(bins) || bins < 2 || bins > MAX_BINS)
		throw badBin(
			step,
			`the number of bins must be a whole number from 2 to ${MAX_BINS}, not ${bins}`
		);
	const min = quantile(values, 0);
	const max = quantile(values, 1);
	if (Number.isNaN(min)) return { ...step, edges: [] };
	const cuts = Array.from({ length: bins - 1 }, (_, i) => (i + 1) / bins);
	let inner: number[];
	if (step.method === 'quantile') inner = cuts.map((q) => quantile(values, q));
	else if (step.method === 'width') inner = cuts.map((q) => min + q * (max - min));
	else throw badBin(step, `"${String(step.method)}" is not a method it knows (quantile, width)`);
	// Edges equal to each other or to the train minimum or maximum would leave empty bins.
	const edges = [...new Set(inner)].filter((e) => e > min && e < max);
	return { ...step, edges };
}

function badBin(step: BinStep, why: string): CoreError {
	return new CoreError('bad-step', `The bin step on "${step.column}" cannot run: ${why}.`, {
		column: step.column
	});
}

/** Returns the frame with the column's values replaced by their bin index. */
export function applyBin(step: FittedBin, frame: Frame): Frame {
	const column = numberColumn(frame, step.column, 'bin');
	const values = mapNumbers(column.values, (v) => (Number.isNaN(v) ? NaN : binOf(step.edges, v)));
	return replaceColumn(frame, step.column, [{ ...column, values }]);
}

/** Returns how many edges are at or below the value (binary search). */
function binOf(edges: readonly number[], value: number): number {
	let lo = 0;
	let hi = edges.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (edges[mid] <= value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
