import type { MetricValues } from './metric-catalogue';

const EPS = 1e-15;

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

/**
 * Returns the area under the ROC curve of scores for a 0/1 truth, by the rank-sum (Mann-Whitney)
 * formula with tied scores given their average rank; NaN when one class is absent.
 */
export function rocAuc(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number {
	const n = scores.length;
	const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
	let rankSum = 0;
	let positives = 0;
	for (let start = 0; start < n;) {
		let end = start;
		while (end + 1 < n && scores[order[end + 1]] === scores[order[start]]) end++;
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

function ratio(a: number, b: number): number {
	return b === 0 ? 0 : a / b;
}

/** Per class: precision, recall and F1 from a confusion matrix (0 where undefined, as scikit-learn). */
function perClass(
	m: number[][]
): { precision: number; recall: number; f1: number; support: number; predicted: number }[] {
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

/**
 * Returns the classification metrics for true class indices and predicted probabilities (rows x k).
 * Binary metrics treat class `decision.positive` as positive; macro averages use the classes present
 * in the truth or the predictions, as scikit-learn does.
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
	const present = stats.filter((s) => s.support > 0 || s.predicted > 0);
	const correct = m.reduce((a, row, c) => a + row[c], 0);
	const withSupport = stats.filter((s) => s.support > 0);
	const values: MetricValues = {
		accuracy: ratio(correct, truth.length),
		balanced_accuracy: withSupport.reduce((a, s) => a + s.recall, 0) / withSupport.length,
		log_loss: logLoss(truth, proba, k)
	};
	if (decision.kind === 'threshold') {
		const pos = stats[decision.positive];
		const scores = Array.from({ length: truth.length }, (_, i) => proba[i * k + decision.positive]);
		const isPositive = Array.from(truth, (t) => t === decision.positive);
		return {
			...values,
			precision: pos.precision,
			recall: pos.recall,
			f1: pos.f1,
			roc_auc: rocAuc(scores, isPositive)
		};
	}
	const aucs: number[] = [];
	for (let c = 0; c < k; c++) {
		const auc = rocAuc(
			Array.from({ length: truth.length }, (_, i) => proba[i * k + c]),
			Array.from(truth, (t) => t === c)
		);
		if (!Number.isNaN(auc)) aucs.push(auc);
	}
	return {
		...values,
		f1_macro: present.reduce((a, s) => a + s.f1, 0) / present.length,
		roc_auc_ovr: aucs.length > 0 ? aucs.reduce((a, b) => a + b, 0) / aucs.length : NaN
	};
}

/** Returns MAE, RMSE and R² of predicted values against the truth (R² NaN for a constant truth). */
export function regressionMetrics(truth: Float64Array, predicted: Float64Array): MetricValues {
	const n = truth.length;
	let mean = 0;
	for (const t of truth) mean += t / n;
	let abs = 0;
	let sq = 0;
	let total = 0;
	for (let i = 0; i < n; i++) {
		const e = truth[i] - predicted[i];
		abs += Math.abs(e);
		sq += e * e;
		total += (truth[i] - mean) ** 2;
	}
	return { mae: abs / n, rmse: Math.sqrt(sq / n), r2: total === 0 ? NaN : 1 - sq / total };
}
