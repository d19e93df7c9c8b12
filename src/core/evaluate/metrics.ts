import type { MetricValues } from './metric-catalogue';

const EPS = 1e-15;
/** scikit-learn's floor on |y| in MAPE's denominator: the float64 machine epsilon. */
const MAPE_EPS = Number.EPSILON;
/** A truth this small relative to the target's mean |y| makes a row's percentage error explode. */
const MAPE_TINY_SHARE = 1e-6;

/** How class probabilities become a predicted class. */
export type Decision =
	{ kind: 'threshold'; positive: number; threshold: number } | { kind: 'argmax' };

/** Returns each row's predicted class index under the decision rule. */
export function decide(proba: Float64Array, k: number, decision: Decision): Int32Array {
	const n = proba.length / k;
	const out = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		if (decision.kind === 'threshold') {
			// Positive only above the threshold, as scikit-learn's predict() does at 0.5.
			out[i] =
				proba[i * k + decision.positive] > decision.threshold
					? decision.positive
					: 1 - decision.positive;
			continue;
		}
		let best = 0;
		for (let c = 1; c < k; c++) if (proba[i * k + c] > proba[i * k + best]) best = c;
		out[i] = best;
	}
	return out;
}

/** Returns the k x k confusion matrix: rows are true classes, columns predicted classes. */
export function confusionMatrix(truth: Int32Array, predicted: Int32Array, k: number): number[][] {
	const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	for (let i = 0; i < truth.length; i++) m[truth[i]][predicted[i]]++;
	return m;
}

/** Row indices ordered by score, ascending or descending; ties keep row order. */
function orderByScore(scores: ArrayLike<number>, descending: boolean): number[] {
	const sign = descending ? -1 : 1;
	return Array.from({ length: scores.length }, (_, i) => i).sort(
		(a, b) => sign * (scores[a] - scores[b])
	);
}

/** The last position of the run of scores equal to the one at `start` in `order`. */
function tieEnd(order: readonly number[], scores: ArrayLike<number>, start: number): number {
	let end = start;
	while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
	return end;
}

/**
 * Returns the area under the ROC curve of scores for a 0/1 truth, by the rank-sum (Mann-Whitney)
 * formula with tied scores given their average rank; NaN when one class is absent.
 */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number {
	const n = scores.length;
	const order = orderByScore(scores, false);
	let rankSum = 0;
	let positives = 0;
	for (let start = 0; start < n;) {
		const end = tieEnd(order, scores, start);
		const rank = (start + end) / 2 + 1;
		for (let i = start; i <= end; i++) {
			if (positive[order[i]]) {
				rankSum += rank;
				positives++;
			}
		}
		start = end + 1;
	}
	const negatives = n - positives;
	if (positives === 0 || negatives === 0) return NaN;
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * Returns the average precision of scores for a 0/1 truth, as scikit-learn's
 * `average_precision_score`: the sum over distinct score thresholds, highest first, of the recall
 * gained at that threshold times the precision there (step-wise, no interpolation; a run of tied
 * scores is one threshold). NaN when no row is positive, where scikit-learn warns and returns 0.
 */
export function averagePrecision(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number {
	const n = scores.length;
	let positives = 0;
	for (let i = 0; i < n; i++) if (positive[i]) positives++;
	if (positives === 0) return NaN;
	const order = orderByScore(scores, true);
	let truePositives = 0;
	let seen = 0;
	let sum = 0;
	for (let start = 0; start < n;) {
		const end = tieEnd(order, scores, start);
		let gained = 0;
		for (let i = start; i <= end; i++) if (positive[order[i]]) gained++;
		truePositives += gained;
		seen += end - start + 1;
		sum += (gained / positives) * (truePositives / seen);
		start = end + 1;
	}
	return sum;
}

function ratio(a: number, b: number): number {
	return b === 0 ? 0 : a / b;
}

function mean(values: readonly number[]): number {
	return values.reduce((a, b) => a + b, 0) / values.length;
}

interface ClassStats {
	precision: number;
	recall: number;
	f1: number;
	support: number;
	predicted: number;
}

/** Per class: precision, recall and F1 from a confusion matrix (0 where undefined, as scikit-learn). */
function perClass(m: number[][]): ClassStats[] {
	return m.map((row, c) => {
		const tp = row[c];
		const support = row.reduce((a, b) => a + b, 0);
		const predicted = m.reduce((a, r) => a + r[c], 0);
		const precision = ratio(tp, predicted);
		const recall = ratio(tp, support);
		return {
			precision,
			recall,
			f1: ratio(2 * precision * recall, precision + recall),
			support,
			predicted
		};
	});
}

function logLoss(truth: Int32Array, proba: Float64Array, k: number): number {
	let sum = 0;
	for (let i = 0; i < truth.length; i++) {
		let rowSum = 0;
		for (let c = 0; c < k; c++) rowSum += Math.min(1 - EPS, Math.max(EPS, proba[i * k + c]));
		sum -= Math.log(Math.min(1 - EPS, Math.max(EPS, proba[i * k + truth[i]])) / rowSum);
	}
	return sum / truth.length;
}

/** Column `c` of a rows x k probability matrix. */
function column(proba: Float64Array, k: number, c: number): Float64Array {
	const n = proba.length / k;
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) out[i] = proba[i * k + c];
	return out;
}

/** Metrics of the positive class `positive` under a threshold decision. */
function binaryMetrics(
	truth: Int32Array,
	proba: Float64Array,
	k: number,
	positive: number,
	stats: ClassStats
): MetricValues {
	const scores = column(proba, k, positive);
	const isPositive = Array.from(truth, (t) => t === positive);
	let squares = 0;
	for (let i = 0; i < truth.length; i++) squares += (scores[i] - (isPositive[i] ? 1 : 0)) ** 2;
	return {
		precision: stats.precision,
		recall: stats.recall,
		f1: stats.f1,
		roc_auc: rocAuc(scores, isPositive),
		pr_auc: averagePrecision(scores, isPositive),
		brier: squares / truth.length
	};
}

/** Macro (equal weight per class) and support-weighted averages of one per-class statistic. */
function averages(
	present: readonly ClassStats[],
	pick: (s: ClassStats) => number
): { macro: number; weighted: number } {
	const support = present.reduce((a, s) => a + s.support, 0);
	return {
		macro: mean(present.map(pick)),
		weighted: present.reduce((a, s) => a + s.support * pick(s), 0) / support
	};
}

/** Averaged per-class metrics and one-vs-rest ROC-AUC under an argmax decision. */
function multiclassMetrics(
	truth: Int32Array,
	proba: Float64Array,
	k: number,
	stats: readonly ClassStats[]
): MetricValues {
	// scikit-learn averages over the labels present in the truth or the predictions.
	const present = stats.filter((s) => s.support > 0 || s.predicted > 0);
	const precision = averages(present, (s) => s.precision);
	const recall = averages(present, (s) => s.recall);
	const f1 = averages(present, (s) => s.f1);
	const aucs: number[] = [];
	for (let c = 0; c < k; c++) {
		const auc = rocAuc(
			column(proba, k, c),
			Array.from(truth, (t) => t === c)
		);
		if (!Number.isNaN(auc)) aucs.push(auc);
	}
	return {
		f1_macro: f1.macro,
		roc_auc_ovr: aucs.length > 0 ? mean(aucs) : NaN,
		precision_macro: precision.macro,
		recall_macro: recall.macro,
		f1_weighted: f1.weighted,
		precision_weighted: precision.weighted,
		recall_weighted: recall.weighted
	};
}

/** The same metric names, every value NaN: nothing is defined on zero rows. */
function undefinedValues(values: MetricValues): MetricValues {
	return Object.fromEntries(Object.keys(values).map((name) => [name, NaN])) as MetricValues;
}

/**
 * Returns the classification metrics for true class indices and predicted probabilities (rows x k).
 * Binary metrics treat class `decision.positive` as positive; macro averages use the classes present
 * in the truth or the predictions, as scikit-learn does. Every value is NaN for zero rows.
 */
export function classificationMetrics(
	truth: Int32Array,
	proba: Float64Array,
	k: number,
	decision: Decision
): MetricValues {
	const predicted = decide(proba, k, decision);
	const m = confusionMatrix(truth, predicted, k);
	const stats = perClass(m);
	const correct = m.reduce((a, row, c) => a + row[c], 0);
	const values: MetricValues = {
		accuracy: ratio(correct, truth.length),
		balanced_accuracy: mean(stats.filter((s) => s.support > 0).map((s) => s.recall)),
		log_loss: logLoss(truth, proba, k),
		...(decision.kind === 'threshold'
			? binaryMetrics(truth, proba, k, decision.positive, stats[decision.positive])
			: multiclassMetrics(truth, proba, k, stats))
	};
	return truth.length === 0 ? undefinedValues(values) : values;
}

/**
 * Returns MAE, RMSE, R² and MAPE of predicted values against the truth (R² NaN for a constant
 * truth; every value NaN for zero rows). MAPE is scikit-learn's `mean_absolute_percentage_error`:
 * a fraction, not a percent, dividing each error by max(|y|, 2.2e-16); see `mapeWarning`.
 */
export function regressionMetrics(truth: Float64Array, predicted: Float64Array): MetricValues {
	const n = truth.length;
	let mean = 0;
	for (const t of truth) mean += t / n;
	let abs = 0;
	let sq = 0;
	let total = 0;
	let percent = 0;
	for (let i = 0; i < n; i++) {
		const e = truth[i] - predicted[i];
		abs += Math.abs(e);
		sq += e * e;
		total += (truth[i] - mean) ** 2;
		percent += Math.abs(e) / Math.max(Math.abs(truth[i]), MAPE_EPS);
	}
	return {
		mae: abs / n,
		rmse: Math.sqrt(sq / n),
		r2: total === 0 ? NaN : 1 - sq / total,
		mape: percent / n
	};
}

function rowsHave(count: number, n: number): string {
	return `${count} of ${n} rows ${count === 1 ? 'has' : 'have'}`;
}

/**
 * Returns a plain-language warning when MAPE cannot be trusted on this truth (some targets are 0,
 * or tiny next to the target's mean |y|, so their percentage errors swamp the average), else null.
 */
export function mapeWarning(truth: Float64Array): string | null {
	let zeros = 0;
	let scale = 0;
	let finite = 0;
	for (const t of truth) {
		if (!Number.isFinite(t)) continue;
		finite++;
		scale += Math.abs(t);
		if (t === 0) zeros++;
	}
	const n = truth.length;
	if (zeros > 0) {
		return (
			`${rowsHave(zeros, n)} a target of 0, where MAPE divides by zero (it divides by 2.2e-16 ` +
			'instead), so those rows swamp the average. Prefer MAE or RMSE here.'
		);
	}
	const floor = (scale / finite) * MAPE_TINY_SHARE;
	let tiny = 0;
	for (const t of truth) if (Math.abs(t) < floor) tiny++;
	if (tiny === 0) return null;
	return (
		`${rowsHave(tiny, n)} a target under a millionth of its mean absolute value ` +
		`(${(scale / finite).toPrecision(3)}), so their percentage errors explode and swamp MAPE. ` +
		'Prefer MAE or RMSE here.'
	);
}
