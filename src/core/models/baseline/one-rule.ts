import { CoreError } from '../../util/core-error';
import { createPacer, type TaskContext } from '../../util/task';
import type { FeatureMatrix } from '../../prepare/recipe';
import {
	checkFeatureCount,
	type FitEvent,
	type FitInfo,
	type Prediction,
	type TrainData,
	checkTrainRows
} from '../model';

/**
 * Holte's OneR ("Very simple classification rules perform well on most commonly used datasets",
 * 1993), which answers "would a single rule do?": one feature cut into at most `maxBins` bins,
 * each bin predicting its train class shares (or mean).
 */
export interface OneRuleSpec {
	kind: 'rule';
	maxBins: number;
}

/** The spec the Choose stage starts from: Holte's rules rarely gain from more than a few bins. */
export const DEFAULT_ONE_RULE_SPEC: OneRuleSpec = { kind: 'rule', maxBins: 6 };

/** The most bins a rule may have: past this it reads as a table, not a rule. */
export const MAX_RULE_BINS = 64;

interface RuleBase {
	kind: 'rule';
	/** The features of the matrix the rule was fitted on, to check what it is given. */
	features: string[];
	/** The index of the chosen feature in `features`. */
	feature: number;
	/**
	 * Ascending cut points in the feature's units (after the recipe): bin b holds the values above
	 * cuts[b - 1] and at most cuts[b]; the last bin, index `cuts.length`, the values above them all;
	 * one more bin, index `cuts.length + 1`, the missing values (NaN).
	 */
	cuts: number[];
	/** Train rows per bin, the missing bin last. A bin with none predicts the overall shares or mean. */
	binRows: number[];
	/** The chosen rule's train log loss (classes) or mean squared error (values). */
	trainLoss: number;
}

/** A fitted one-rule model: per bin, class shares or a mean. Plain JSON. */
export type OneRuleModel =
	| (RuleBase & { task: 'binary' | 'multiclass'; classes: string[]; proba: number[][] })
	| (RuleBase & { task: 'regression'; classes: null; values: number[] });

function checkSpec(spec: OneRuleSpec): void {
	const b = spec.maxBins;
	if (!(Number.isInteger(b) && b >= 2 && b <= MAX_RULE_BINS))
		throw new CoreError(
			'bad-spec',
			`The number of bins of a rule must be a whole number from 2 to ${MAX_RULE_BINS}; got ${b}.`
		);
}

/**
 * Returns the cut points of one feature from its sorted finite train values: between each pair of
 * distinct values when there are at most `maxBins` (a 0/1 column is cut at 0.5), else after the
 * quantiles b/maxBins. A cut lies halfway to the next larger train value, so a value unseen in
 * train goes with its nearer neighbour.
 */
export function ruleCuts(sorted: Float64Array, maxBins: number): number[] {
	const n = sorted.length;
	const cuts: number[] = [];
	const cutAfter = (at: number): void => {
		let next = at + 1;
		while (next < n && sorted[next] === sorted[at]) next++;
		if (next === n) return;
		const mid = sorted[at] + (sorted[next] - sorted[at]) / 2;
		const cut = mid < sorted[next] ? mid : sorted[at];
		if (cuts.length === 0 || cut > cuts[cuts.length - 1]) cuts.push(cut);
	};
	let distinct = 0;
	for (let i = 0; i < n && distinct <= maxBins; i++)
		if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
	if (distinct <= maxBins) {
		for (let i = 0; i < n - 1; i++) if (sorted[i] !== sorted[i + 1]) cutAfter(i);
		return cuts;
	}
	for (let b = 1; b < maxBins; b++) cutAfter(Math.ceil((b * n) / maxBins) - 1);
	return cuts;
}

/** Returns the bin of a value: the first cut at or above it, then the last bin, NaN after that. */
export function ruleBin(cuts: readonly number[], value: number): number {
	if (Number.isNaN(value)) return cuts.length + 1;
	let lo = 0;
	let hi = cuts.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (value <= cuts[mid]) hi = mid;
		else lo = mid + 1;
	}
	return lo;
}

/** One feature's candidate rule: its cuts, each train row's bin, and the rows per bin. */
interface Binned {
	cuts: number[];
	codes: Int32Array;
	rows: number[];
}

function binFeature(x: FeatureMatrix, j: number, maxBins: number): Binned {
	const column = new Float64Array(x.rows);
	let m = 0;
	for (let i = 0; i < x.rows; i++) {
		const v = x.values[i * x.width + j];
		if (!Number.isNaN(v)) column[m++] = v;
	}
	const cuts = ruleCuts(column.subarray(0, m).sort(), maxBins);
	const codes = new Int32Array(x.rows);
	const rows = new Array<number>(cuts.length + 2).fill(0);
	for (let i = 0; i < x.rows; i++) {
		const bin = ruleBin(cuts, x.values[i * x.width + j]);
		codes[i] = bin;
		rows[bin]++;
	}
	return { cuts, codes, rows };
}

/** Returns the per-bin class shares (overall shares for an empty bin) and their train log loss. */
function classRule(binned: Binned, y: Int32Array, k: number): { proba: number[][]; loss: number } {
	const counts = binned.rows.map(() => new Array<number>(k).fill(0));
	const overall = new Array<number>(k).fill(0);
	for (let i = 0; i < y.length; i++) {
		counts[binned.codes[i]][y[i]]++;
		overall[y[i]]++;
	}
	// With each bin's own shares, the log loss is the sum of -c log(c / rows) over the bins' counts.
	let loss = 0;
	const proba = counts.map((row, b) => {
		const total = binned.rows[b];
		if (total === 0) return overall.map((c) => c / y.length);
		for (const c of row) if (c > 0) loss -= c * Math.log(c / total);
		return row.map((c) => c / total);
	});
	return { proba, loss: loss / y.length };
}

/** Returns the per-bin means (the overall mean for an empty bin) and their train squared error. */
function valueRule(binned: Binned, y: Float64Array): { values: number[]; loss: number } {
	const sums = binned.rows.map(() => 0);
	let total = 0;
	for (let i = 0; i < y.length; i++) {
		sums[binned.codes[i]] += y[i];
		total += y[i];
	}
	const values = sums.map((s, b) => (binned.rows[b] === 0 ? total / y.length : s / binned.rows[b]));
	let loss = 0;
	for (let i = 0; i < y.length; i++) loss += (y[i] - values[binned.codes[i]]) ** 2;
	return { values, loss: loss / y.length };
}

/**
 * Returns the one-rule model: for each feature the rule of its bins, keeping the one with the
 * lowest train log loss (classes) or mean squared error (values), the lowest index on ties. The
 * log loss, not accuracy, because it scores the shares the rule predicts and does not tie whenever
 * every bin's majority is the overall one. `info.loss` is that train loss. Throws `no-train-rows`,
 * `no-features`, `bad-spec`, or `cancelled` when the signal aborts.
 */
export async function fitOneRule(
	spec: OneRuleSpec,
	data: TrainData,
	ctx: TaskContext<FitEvent> = {}
): Promise<{ model: OneRuleModel; info: FitInfo }> {
	checkSpec(spec);
	const { x } = data;
	checkTrainRows(x);
	if (x.width === 0)
		throw new CoreError('no-features', 'A rule needs at least one feature to choose from.');
	const pace = createPacer(ctx);
	let best: OneRuleModel | null = null;
	for (let j = 0; j < x.width; j++) {
		await pace('Scoring features', j / x.width);
		const binned = binFeature(x, j, spec.maxBins);
		const base = { kind: 'rule', features: x.features, feature: j, cuts: binned.cuts } as const;
		const binRows = binned.rows;
		let candidate: OneRuleModel;
		if (data.task === 'regression') {
			const { values, loss } = valueRule(binned, data.y);
			candidate = { ...base, binRows, trainLoss: loss, task: 'regression', classes: null, values };
		} else {
			const { proba, loss } = classRule(binned, data.y, data.classes.length);
			candidate = {
				...base,
				binRows,
				trainLoss: loss,
				task: data.task,
				classes: data.classes,
				proba
			};
		}
		if (best === null || candidate.trainLoss < best.trainLoss) best = candidate;
	}
	const model = best!;
	return { model, info: { iterations: x.width, converged: true, loss: model.trainLoss } };
}

/** Returns the rule's predictions: the class shares or the mean of the bin each row falls in. */
export function predictOneRule(model: OneRuleModel, x: FeatureMatrix): Prediction {
	checkFeatureCount(model.features, x);
	const { rows: n, width: p, values } = x;
	const j = model.feature;
	if (model.task === 'regression') {
		const out = new Float64Array(n);
		for (let i = 0; i < n; i++) out[i] = model.values[ruleBin(model.cuts, values[i * p + j])];
		return { kind: 'values', values: out };
	}
	const k = model.classes.length;
	const proba = new Float64Array(n * k);
	for (let i = 0; i < n; i++) proba.set(model.proba[ruleBin(model.cuts, values[i * p + j])], i * k);
	return { kind: 'classes', classes: model.classes, proba };
}

const formatNumber = (v: number): string => String(Number(v.toPrecision(4)));

/** Returns the condition of bin b in words, such as "0.12 < Age ≤ 0.87". */
function binCondition(name: string, cuts: readonly number[], b: number): string {
	if (b === cuts.length + 1) return `${name} missing`;
	if (cuts.length === 0) return `any ${name}`;
	if (b === 0) return `${name} ≤ ${formatNumber(cuts[0])}`;
	if (b === cuts.length) return `${name} > ${formatNumber(cuts[b - 1])}`;
	return `${formatNumber(cuts[b - 1])} < ${name} ≤ ${formatNumber(cuts[b])}`;
}

/**
 * Returns the rule in words, one line per bin, such as "Sex=female ≤ 0.5 → 0: 81%, 1: 19% (312
 * rows)". The missing bin has a line only when train had missing values; otherwise a missing
 * value gets the overall shares or mean.
 */
export function describeOneRule(model: OneRuleModel): string[] {
	const name = model.features[model.feature];
	const lines: string[] = [];
	for (let b = 0; b < model.binRows.length; b++) {
		if (b === model.cuts.length + 1 && model.binRows[b] === 0) continue;
		const outcome =
			model.task === 'regression'
				? formatNumber(model.values[b])
				: model.classes.map((c, k) => `${c}: ${Math.round(model.proba[b][k] * 100)}%`).join(', ');
		const count = model.binRows[b] === 1 ? '1 row' : `${model.binRows[b]} rows`;
		lines.push(`${binCondition(name, model.cuts, b)} → ${outcome} (${count})`);
	}
	return lines;
}
