import { CoreError } from '../util/core-error';
import { assertNever } from '../util/assert-never';
import { scoreSteps, type ScoreStep } from './curves';

/**
 * How to choose the decision threshold on the validation rows. A row is predicted positive when
 * its score is strictly above the threshold, as scikit-learn's predict() is at 0.5.
 */
export type ThresholdRule =
	| { kind: 'default' }
	| { kind: 'cost'; falsePositive: number; falseNegative: number }
	| { kind: 'precision'; target: number }
	| { kind: 'recall'; target: number };

/** What a threshold does on the validation rows; `cost` only under the cost rule. */
export interface ThresholdOutcome {
	tp: number;
	fp: number;
	tn: number;
	fn: number;
	precision: number;
	recall: number;
	cost?: number;
}

/** The chosen threshold, the rule that chose it, its outcome on validation and why, in words. */
export interface ThresholdChoice {
	threshold: number;
	rule: ThresholdRule;
	validation: ThresholdOutcome;
	reason: string;
}

/** One point of the cost curve: the cost holds from `threshold` up to the next point's. */
export interface CostPoint {
	threshold: number;
	cost: number;
}

/** The threshold used unless a rule chooses another: scikit-learn's predict() cut-off. */
export const DEFAULT_THRESHOLD = 0.5;

// Costs are sums of user-entered reals: within this relative gap two costs are a tie.
const COST_TIE = 1e-9;
// Precision and recall are ratios compared with a typed target such as 0.8.
const TARGET_SLACK = 1e-12;

/** A candidate threshold with the positives (tp) and negatives (fp) scoring strictly above it. */
interface Candidate {
	threshold: number;
	tp: number;
	fp: number;
}

type CostRule = Extract<ThresholdRule, { kind: 'cost' }>;
type TargetRule = Extract<ThresholdRule, { kind: 'precision' | 'recall' }>;

/** The validation rows' sweep: distinct scores and class totals. */
interface Sweep {
	steps: ScoreStep[];
	positives: number;
	negatives: number;
}

/**
 * Returns the decision threshold chosen on the validation rows by the rule, with what it does
 * there and a sentence a learner can read; the caller then applies it, unchanged, to the test
 * rows. Without both classes on validation, the default 0.5 is kept and the reason says why.
 */
export function chooseThreshold(
	scores: ArrayLike<number>,
	positive: ArrayLike<boolean>,
	rule: ThresholdRule
): ThresholdChoice {
	checkRule(rule);
	const steps = scoreSteps(scores, positive);
	const last = steps[steps.length - 1] ?? { tp: 0, fp: 0 };
	const sweep = { steps, positives: last.tp, negatives: last.fp };
	if (rule.kind === 'default') return byDefault(sweep, rule, defaultReason(sweep));
	if (sweep.positives === 0 || sweep.negatives === 0) {
		return byDefault(sweep, rule, unusableReason(sweep));
	}
	switch (rule.kind) {
		case 'cost':
			return byCost(sweep, rule);
		case 'precision':
			return byPrecision(sweep, rule);
		case 'recall':
			return byRecall(sweep, rule);
		default:
			return assertNever(rule);
	}
}

/**
 * Returns the total cost (false positives x `costFP` + false negatives x `costFN`) at every
 * threshold that changes a prediction, rising: one below every score, then each distinct score.
 * Each cost holds up to the next threshold, so draw it as a step (step-after). Empty for no rows.
 */
export function costCurve(
	scores: ArrayLike<number>,
	positive: ArrayLike<boolean>,
	costFP: number,
	costFN: number
): CostPoint[] {
	const steps = scoreSteps(scores, positive);
	if (steps.length === 0) return [];
	const positives = steps[steps.length - 1].tp;
	const cost = (c: { tp: number; fp: number }) => c.fp * costFP + (positives - c.tp) * costFN;
	const points: CostPoint[] = [{ threshold: belowAll(steps), cost: cost(steps[steps.length - 1]) }];
	for (let j = steps.length - 1; j >= 0; j--) {
		points.push({
			threshold: steps[j].score,
			cost: cost(j === 0 ? { tp: 0, fp: 0 } : steps[j - 1])
		});
	}
	return points;
}

/** Throws a `CoreError` for a rule whose numbers cannot be used. */
function checkRule(rule: ThresholdRule): void {
	if (rule.kind === 'cost') {
		const costs = [rule.falsePositive, rule.falseNegative];
		if (!costs.every((c) => Number.isFinite(c) && c >= 0)) {
			throw new CoreError('threshold_rule', 'The cost of an error must be a number, 0 or more.');
		}
	}
	if (rule.kind === 'precision' || rule.kind === 'recall') {
		if (!(rule.target >= 0 && rule.target <= 1)) {
			throw new CoreError('threshold_rule', `The target ${rule.kind} must be between 0 and 1.`);
		}
	}
}

/**
 * Returns every threshold that gives a different set of positive rows, highest first: at the top
 * score (no row positive), halfway between neighbouring distinct scores, and below every score.
 */
function candidates(steps: readonly ScoreStep[]): Candidate[] {
	const out: Candidate[] = [{ threshold: steps[0].score, tp: 0, fp: 0 }];
	for (let j = 0; j + 1 < steps.length; j++) {
		const [high, low] = [steps[j].score, steps[j + 1].score];
		const middle = high / 2 + low / 2;
		// Neighbouring doubles can round their midpoint up onto the higher score; the lower one
		// then splits the rows the same way under "score > threshold".
		out.push({ threshold: middle < high ? middle : low, tp: steps[j].tp, fp: steps[j].fp });
	}
	const last = steps[steps.length - 1];
	out.push({ threshold: belowAll(steps), tp: last.tp, fp: last.fp });
	return out;
}

/** Returns a threshold below every score: halfway to 0 for positive scores, else a little below. */
function belowAll(steps: readonly ScoreStep[]): number {
	const lowest = steps[steps.length - 1].score;
	return lowest > 0 ? lowest / 2 : lowest - 1e-3;
}

/** Returns the rows scoring strictly above the threshold, by class. */
function above(steps: readonly ScoreStep[], threshold: number): Candidate {
	let tp = 0;
	let fp = 0;
	for (const s of steps) {
		if (!(s.score > threshold)) break;
		({ tp, fp } = s);
	}
	return { threshold, tp, fp };
}

/** Returns the confusion counts, precision and recall of a candidate (0 where undefined). */
function outcome(sweep: Sweep, c: Candidate): ThresholdOutcome {
	const predicted = c.tp + c.fp;
	return {
		tp: c.tp,
		fp: c.fp,
		tn: sweep.negatives - c.fp,
		fn: sweep.positives - c.tp,
		precision: predicted === 0 ? 0 : c.tp / predicted,
		recall: sweep.positives === 0 ? 0 : c.tp / sweep.positives
	};
}

/** A candidate with its outcome on the validation rows. */
interface Scored {
	c: Candidate;
	o: ThresholdOutcome;
}

/** Returns every candidate threshold with its outcome, highest threshold first. */
function scoredCandidates(sweep: Sweep): Scored[] {
	return candidates(sweep.steps).map((c) => ({ c, o: outcome(sweep, c) }));
}

/** Returns the choice of a scored candidate. */
function choice(rule: ThresholdRule, best: Scored, reason: string): ThresholdChoice {
	return { threshold: best.c.threshold, rule, validation: best.o, reason };
}

/** Returns the default threshold's choice with the given reason. */
function byDefault(sweep: Sweep, rule: ThresholdRule, reason: string): ThresholdChoice {
	const c = above(sweep.steps, DEFAULT_THRESHOLD);
	return choice(rule, { c, o: outcome(sweep, c) }, reason);
}

/** Returns the threshold of least total cost; ties go to the one closest to 0.5, then the lower. */
function byCost(sweep: Sweep, rule: CostRule): ThresholdChoice {
	const cost = (c: Candidate) =>
		c.fp * rule.falsePositive + (sweep.positives - c.tp) * rule.falseNegative;
	const all = scoredCandidates(sweep).map(({ c, o }) => ({ c, o: { ...o, cost: cost(c) } }));
	const least = all.reduce((m, { o }) => Math.min(m, o.cost), Infinity);
	const tied = all.filter(({ o }) => o.cost - least <= COST_TIE * Math.max(1, Math.abs(least)));
	const best = tied.reduce((a, b) => (closerToDefault(b.c, a.c) ? b : a));
	const { fp, fn, cost: total } = best.o;
	const sum = `${count(fp, 'false positive')} × ${num(rule.falsePositive)} + ${count(fn, 'false negative')} × ${num(rule.falseNegative)}`;
	const tie =
		tied.length > 1
			? ` (${tied.length} thresholds tie; the one closest to ${DEFAULT_THRESHOLD} is used)`
			: '';
	return choice(
		rule,
		best,
		`On the ${rowsWords(sweep)}, a threshold of ${t3(best.c.threshold)} costs ${num(total)} (${sum}), the lowest of any threshold${tie}.`
	);
}

/** True when candidate a is closer to 0.5 than b, or as close and lower. */
function closerToDefault(a: Candidate, b: Candidate): boolean {
	const da = Math.abs(a.threshold - DEFAULT_THRESHOLD);
	const db = Math.abs(b.threshold - DEFAULT_THRESHOLD);
	return da < db || (da === db && a.threshold < b.threshold);
}

/**
 * Returns the threshold with the highest recall whose precision reaches the target (ties: the
 * higher threshold); when none does, the one with the best precision (ties: more recall, then the
 * higher threshold) and a reason that says the target was out of reach.
 */
function byPrecision(sweep: Sweep, rule: TargetRule): ThresholdChoice {
	// Candidates come highest threshold first, so keeping the first of equals keeps the higher one.
	const flagging = scoredCandidates(sweep).filter(({ c }) => c.tp + c.fp > 0);
	const reaching = flagging.filter(({ o }) => o.precision >= rule.target - TARGET_SLACK);
	if (reaching.length > 0) {
		const best = reaching.reduce((a, b) => (b.o.recall > a.o.recall ? b : a));
		return choice(
			rule,
			best,
			`On the ${rowsWords(sweep)}, a threshold of ${t3(best.c.threshold)} reaches precision ${r2(best.o.precision)} (target ${r2(rule.target)}) and finds ${found(sweep, best.o)}, the highest recall of any threshold that reaches the target.`
		);
	}
	const best = flagging.reduce((a, b) =>
		b.o.precision > a.o.precision || (b.o.precision === a.o.precision && b.o.recall > a.o.recall)
			? b
			: a
	);
	return choice(
		rule,
		best,
		`No threshold reaches precision ${r2(rule.target)} on the ${rowsWords(sweep)}: the best is ${r2(best.o.precision)}, at a threshold of ${t3(best.c.threshold)} (recall ${r2(best.o.recall)}), so that threshold is used.`
	);
}

/**
 * Returns, among the thresholds whose recall reaches the target, the one with the highest
 * precision (ties: the higher threshold). Usually that is the highest such threshold; when
 * precision rises again lower down, the lower threshold wins on both precision and recall.
 */
function byRecall(sweep: Sweep, rule: TargetRule): ThresholdChoice {
	const reaching = scoredCandidates(sweep).filter(
		({ o }) => o.recall >= rule.target - TARGET_SLACK
	);
	const best = reaching.reduce((a, b) => (b.o.precision > a.o.precision ? b : a));
	return choice(
		rule,
		best,
		`On the ${rowsWords(sweep)}, a threshold of ${t3(best.c.threshold)} finds ${found(sweep, best.o, rule.target)} with precision ${r2(best.o.precision)}, the highest precision of any threshold that reaches the target.`
	);
}

// ---- Words: the numbers in the reasons, written for a learner to check. ----

/** Returns "178 validation rows", singular when there is one. */
function rowsWords(sweep: Sweep): string {
	const n = sweep.positives + sweep.negatives;
	return `${n} validation ${n === 1 ? 'row' : 'rows'}`;
}

/** Returns "4 positives of 5 (recall 0.80)", with ", target 0.75" inside when given a target. */
function found(sweep: Sweep, o: ThresholdOutcome, target?: number): string {
	const aim = target === undefined ? '' : `, target ${r2(target)}`;
	return `${count(o.tp, 'positive')} of ${sweep.positives} (recall ${r2(o.recall)}${aim})`;
}

/** Returns a threshold with three significant digits. */
function t3(x: number): string {
	return String(Number(x.toPrecision(3)));
}

/** Returns a cost with at most three decimals. */
function num(x: number): string {
	return String(Math.round(x * 1000) / 1000);
}

/** Returns a ratio as two decimals. */
function r2(x: number): string {
	return x.toFixed(2);
}

/** Returns "1 false positive" or "12 false positives". */
function count(n: number, what: string): string {
	return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** Returns why the default threshold is kept under the default rule, with what it does. */
function defaultReason(sweep: Sweep): string {
	const head = `The default threshold of ${DEFAULT_THRESHOLD} predicts positive when the score is above it`;
	if (sweep.positives + sweep.negatives === 0) {
		return `${head}; there are no validation rows to check it on.`;
	}
	const o = outcome(sweep, above(sweep.steps, DEFAULT_THRESHOLD));
	return `${head}. On the ${rowsWords(sweep)} it gives precision ${r2(o.precision)} and recall ${r2(o.recall)}.`;
}

/** Returns why no threshold can be chosen on rows without both classes. */
function unusableReason(sweep: Sweep): string {
	if (sweep.positives + sweep.negatives === 0) {
		return `There are no validation rows to choose a threshold on, so the default of ${DEFAULT_THRESHOLD} is kept.`;
	}
	const missing = sweep.positives === 0 ? 'no positives' : 'no negatives';
	return `The ${rowsWords(sweep)} hold only one class (${missing}), so no threshold can be chosen on them; the default of ${DEFAULT_THRESHOLD} is kept.`;
}

/** Returns a threshold rule in words. */
export function ruleText(rule: ThresholdRule): string {
	switch (rule.kind) {
		case 'default':
			return 'The default 0.5';
		case 'cost':
			return `Lowest cost on validation (a false positive costs ${rule.falsePositive}, a false negative ${rule.falseNegative})`;
		case 'precision':
			return `Highest recall on validation with precision at least ${rule.target}`;
		case 'recall':
			return `Highest precision on validation with recall at least ${rule.target}`;
		default:
			return assertNever(rule, 'threshold rule');
	}
}
