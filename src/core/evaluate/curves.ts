/**
 * Evaluation curves of a binary classifier's scores (the probability of the positive class) and of
 * a regressor's residuals. Every curve has one shape, `Curve`: its points, and when there are none
 * a sentence saying why, so the UI shows the sentence instead of an empty chart. Rows whose score
 * is not a finite number are left out of every curve.
 */

/** A curve's points; when it has none, `reason` says why in plain words the UI can show. */
export interface Curve<P> {
	points: P[];
	reason?: string;
}

/** One point of the ROC curve: rows scoring at or above `threshold` count as positive. */
export interface RocPoint {
	fpr: number;
	tpr: number;
	threshold: number;
}

/** One point of the precision-recall curve: rows scoring at or above `threshold` count as positive. */
export interface PrPoint {
	precision: number;
	recall: number;
	threshold: number;
}

/** One non-empty bin of the calibration curve. */
export interface CalibrationBin {
	binStart: number;
	binEnd: number;
	meanPredicted: number;
	fractionPositive: number;
	count: number;
}

/** One point of the cumulative gains curve: the top `share` of rows by score capture `gain`. */
export interface LiftPoint {
	share: number;
	gain: number;
	lift: number;
}

/** One distinct score, highest first, with the positives (tp) and negatives (fp) scoring >= it. */
export interface ScoreStep {
	score: number;
	tp: number;
	fp: number;
}

/** One regression row: the prediction and the residual (truth minus prediction). */
export interface ResidualPoint {
	predicted: number;
	residual: number;
}

/** The residual plot's points (sampled when there are many rows) and their summary. */
export interface Residuals extends Curve<ResidualPoint> {
	/** Rows with a finite truth and prediction; `points` may hold fewer. */
	rows: number;
	/** Mean of truth minus prediction over all `rows`; null when there are none. */
	meanResidual: number | null;
	/** True when `points` is an evenly spaced sample of the rows. */
	sampled: boolean;
}

/** The most points a residual plot draws; more rows are sampled evenly by index. */
export const MAX_RESIDUAL_POINTS = 5000;

const NO_ROWS = 'There are no rows with a score, so there is nothing to draw.';

/**
 * Returns the distinct finite scores, highest first, each with the positives and negatives scoring
 * at or above it: the sweep that ROC, precision-recall and threshold choice share (scikit-learn's
 * `_binary_clf_curve`).
 */
export function scoreSteps(scores: ArrayLike<number>, positive: ArrayLike<boolean>): ScoreStep[] {
	const order = finiteRows(scores).sort((a, b) => scores[b] - scores[a]);
	const steps: ScoreStep[] = [];
	let tp = 0;
	let fp = 0;
	for (let i = 0; i < order.length; i++) {
		if (positive[order[i]]) tp++;
		else fp++;
		const score = scores[order[i]];
		if (i + 1 === order.length || scores[order[i + 1]] !== score) steps.push({ score, tp, fp });
	}
	return steps;
}

/**
 * Returns the ROC curve as scikit-learn's `roc_curve(drop_intermediate=True)`: points on straight
 * runs are dropped, and the first point (0, 0) has threshold Infinity (scikit-learn 1.3 and later;
 * 1.2 wrote the top score + 1). Not defined, so empty with a reason, when a class is missing.
 */
export function rocCurve(scores: ArrayLike<number>, positive: ArrayLike<boolean>): Curve<RocPoint> {
	const steps = scoreSteps(scores, positive);
	const reason = missingClass(steps, 'ROC curve');
	if (reason) return { points: [], reason };
	const { tp: positives, fp: negatives } = steps[steps.length - 1];
	const kept = steps.filter((_, i) => i === 0 || i === steps.length - 1 || isCorner(steps, i));
	return {
		points: [
			{ fpr: 0, tpr: 0, threshold: Infinity },
			...kept.map((s) => ({ fpr: s.fp / negatives, tpr: s.tp / positives, threshold: s.score }))
		]
	};
}

/** True when the curve bends at step i (a non-zero second difference, as scikit-learn tests). */
function isCorner(steps: readonly ScoreStep[], i: number): boolean {
	const [a, b, c] = [steps[i - 1], steps[i], steps[i + 1]];
	return a.fp - 2 * b.fp + c.fp !== 0 || a.tp - 2 * b.tp + c.tp !== 0;
}

/**
 * Returns the precision-recall curve as scikit-learn's `precision_recall_curve`: thresholds rising,
 * recall falling, ending at precision 1, recall 0 (threshold Infinity: no row is positive). Empty
 * with a reason when a class is missing.
 */
export function precisionRecallCurve(
	scores: ArrayLike<number>,
	positive: ArrayLike<boolean>
): Curve<PrPoint> {
	const steps = scoreSteps(scores, positive);
	const reason = missingClass(steps, 'precision-recall curve');
	if (reason) return { points: [], reason };
	const positives = steps[steps.length - 1].tp;
	const points = steps
		.map((s) => ({ precision: s.tp / (s.tp + s.fp), recall: s.tp / positives, threshold: s.score }))
		.reverse();
	return { points: [...points, { precision: 1, recall: 0, threshold: Infinity }] };
}

/**
 * Returns the calibration curve over `bins` equal-width bins of [0, 1], non-empty bins only: the
 * two numbers scikit-learn's `calibration_curve(strategy='uniform')` gives, with each bin's edges
 * and rows. A score on an edge falls in the lower bin; scores outside [0, 1] in the end bins.
 */
export function calibrationCurve(
	scores: ArrayLike<number>,
	positive: ArrayLike<boolean>,
	bins = 10
): Curve<CalibrationBin> {
	const k = Math.max(1, Math.floor(bins));
	// Edges as numpy's linspace computes them (i * step), so edge cases fall where scikit-learn puts them.
	const step = 1 / k;
	const sums = new Float64Array(k);
	const hits = new Float64Array(k);
	const counts = new Float64Array(k);
	for (const i of finiteRows(scores)) {
		const p = scores[i];
		let b = Math.min(k - 1, Math.max(0, Math.ceil(p / step) - 1));
		while (b > 0 && b * step >= p) b--;
		while (b < k - 1 && (b + 1) * step < p) b++;
		sums[b] += p;
		hits[b] += positive[i] ? 1 : 0;
		counts[b]++;
	}
	const points: CalibrationBin[] = [];
	for (let b = 0; b < k; b++) {
		if (counts[b] === 0) continue;
		points.push({
			binStart: b / k,
			binEnd: (b + 1) / k,
			meanPredicted: sums[b] / counts[b],
			fractionPositive: hits[b] / counts[b],
			count: counts[b]
		});
	}
	return points.length > 0 ? { points } : { points, reason: NO_ROWS };
}

/** Returns the Brier score, the mean squared gap between score and outcome (0 or 1); null for no rows. */
export function brierScore(scores: ArrayLike<number>, positive: ArrayLike<boolean>): number | null {
	const rows = finiteRows(scores);
	if (rows.length === 0) return null;
	let sum = 0;
	for (const i of rows) sum += (scores[i] - (positive[i] ? 1 : 0)) ** 2;
	return sum / rows.length;
}

/**
 * Returns the cumulative gains and lift at each of `groups` equal shares of rows, highest scores
 * first. Rows with tied scores form one run, and a share boundary inside a run (or inside a row)
 * takes that run's positives in proportion, so the curve never depends on the input order.
 * Empty with a reason when there are no positive rows.
 */
export function liftCurve(
	scores: ArrayLike<number>,
	positive: ArrayLike<boolean>,
	groups = 10
): Curve<LiftPoint> {
	const steps = scoreSteps(scores, positive);
	if (steps.length === 0) return { points: [], reason: NO_ROWS };
	const last = steps[steps.length - 1];
	if (last.tp === 0) {
		return { points: [], reason: 'The rows hold no positive class, so the gains are not defined.' };
	}
	const k = Math.max(1, Math.floor(groups));
	const rows = last.tp + last.fp;
	const points: LiftPoint[] = [];
	let run = 0;
	for (let g = 1; g <= k; g++) {
		const position = (rows * g) / k;
		while (steps[run].tp + steps[run].fp < position) run++;
		const before = run === 0 ? { tp: 0, fp: 0 } : steps[run - 1];
		const start = before.tp + before.fp;
		const size = steps[run].tp + steps[run].fp - start;
		const captured = before.tp + ((steps[run].tp - before.tp) * (position - start)) / size;
		const share = g / k;
		const gain = captured / last.tp;
		points.push({ share, gain, lift: gain / share });
	}
	return { points };
}

/**
 * Returns the residuals (truth minus prediction) against the prediction, with their mean; over
 * `MAX_RESIDUAL_POINTS` rows, an evenly spaced sample by row index (deterministic) and `sampled`
 * set. Rows where either number is not finite are left out.
 */
export function residuals(truth: Float64Array, predicted: Float64Array): Residuals {
	const rows: number[] = [];
	let sum = 0;
	for (let i = 0; i < Math.min(truth.length, predicted.length); i++) {
		if (!Number.isFinite(truth[i]) || !Number.isFinite(predicted[i])) continue;
		rows.push(i);
		sum += truth[i] - predicted[i];
	}
	const n = rows.length;
	if (n === 0) {
		return {
			points: [],
			reason: 'There are no rows to draw.',
			rows: 0,
			meanResidual: null,
			sampled: false
		};
	}
	const sampled = n > MAX_RESIDUAL_POINTS;
	const shown = sampled ? MAX_RESIDUAL_POINTS : n;
	const points: ResidualPoint[] = [];
	for (let j = 0; j < shown; j++) {
		const i = rows[sampled ? Math.floor((j * n) / shown) : j];
		points.push({ predicted: predicted[i], residual: truth[i] - predicted[i] });
	}
	return { points, rows: n, meanResidual: sum / n, sampled };
}

/** Returns the indices of rows whose score is a finite number. */
function finiteRows(scores: ArrayLike<number>): number[] {
	const rows: number[] = [];
	for (let i = 0; i < scores.length; i++) if (Number.isFinite(scores[i])) rows.push(i);
	return rows;
}

/** Returns why a curve over two classes is not defined for these steps, or null when it is. */
function missingClass(steps: readonly ScoreStep[], curve: string): string | null {
	if (steps.length === 0) return NO_ROWS;
	const last = steps[steps.length - 1];
	if (last.tp === 0)
		return `The rows hold only one class (no positives), so the ${curve} is not defined.`;
	if (last.fp === 0)
		return `The rows hold only one class (no negatives), so the ${curve} is not defined.`;
	return null;
}
