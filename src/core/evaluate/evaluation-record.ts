import { withThreshold, type Pipeline } from '../ship/pipeline';
import type { TestEvaluation } from './evaluate-test';
import type { ThresholdRule } from './threshold';

/** One look at the test set: when, at which run, and (for every look after the first) why. */
export interface TestLook {
	at: string;
	runId: string;
	/** Null for the first look; a later look must say why it was needed. */
	reason: string | null;
}

/** The deliberate look at the test set, what it showed, and every look since. */
export interface EvaluationRecord {
	runId: string;
	baselineRunId: string;
	/** When the test set was first revealed. */
	revealedAt: string;
	/** How the threshold was chosen on validation before the test rows were scored. */
	thresholdRule?: ThresholdRule;
	/** Every look, the first included, oldest first; absent on records from before looks were kept. */
	looks?: TestLook[];
	result: TestEvaluation;
}

/** Returns the pipeline as it was judged: a binary model deciding at the threshold chosen on validation. */
export function judgedPipeline(pipeline: Pipeline, record: EvaluationRecord): Pipeline {
	const threshold = record.result.threshold?.threshold;
	return threshold === undefined ? pipeline : withThreshold(pipeline, threshold);
}

/** The shortest reason a later look accepts: a few words, not a shrug. */
export const MIN_REASON_LENGTH = 10;

/** Returns why a reason for another look is refused, or null when it will do. */
export function checkLookReason(reason: string): string | null {
	const words = reason.trim();
	if (words.length === 0)
		return 'Say why you need to look at the test set again: the reason goes in the audit trail and the report.';
	if (words.length < MIN_REASON_LENGTH)
		return `Say a little more (at least ${MIN_REASON_LENGTH} characters): the reason goes in the report and the model card.`;
	return null;
}

/** How an earlier version's audit trail names a reveal. */
const AUDITED_REVEAL = /^Revealed the test set to judge (\S+)/;

/**
 * Returns the looks an earlier version recorded only in the audit trail (it kept no list, and
 * asked no reason for a repeat): one per "Revealed the test set" entry.
 */
export function looksFromAudit(audit: readonly { at: string; action: string }[]): TestLook[] {
	const reveals = audit.flatMap((entry) => {
		const match = AUDITED_REVEAL.exec(entry.action);
		return match ? [{ at: entry.at, runId: match[1].replace(/[;:,.]$/, '') }] : [];
	});
	return reveals.map((reveal, i) => ({
		...reveal,
		reason: i === 0 ? null : 'not recorded: an earlier version of Shipshape asked no reason'
	}));
}

/** Returns every look of a record, the first one first, for records from any version. */
export function looksOf(record: EvaluationRecord): TestLook[] {
	return record.looks ?? [{ at: record.revealedAt, runId: record.runId, reason: null }];
}

/**
 * Returns a record saved by an earlier version with the parts it did not compute filled in as
 * empty (no intervals, curves, slices, fairness or importance), and a warning that says so; a
 * record of this version is returned as it is. The scores, verdict and predictions are kept.
 */
export function upgradeEvaluation(record: EvaluationRecord): EvaluationRecord {
	const result = record.result as Partial<TestEvaluation> & Pick<TestEvaluation, 'metrics'>;
	if (result.curves && result.slices && Array.isArray(result.verdict?.checks))
		// Saved before ranking existed: no per-query scores.
		return result.queries === undefined
			? { ...record, result: { ...(result as TestEvaluation), queries: null } }
			: record;
	const metric = Object.keys(result.metrics)[0] as keyof TestEvaluation['metrics'];
	const verdict = result.verdict as TestEvaluation['verdict'];
	const errorMeasure = 'rmse' in result.metrics ? ('mae' as const) : ('error_rate' as const);
	const errors = { errorMeasure, overall: NaN, columns: [], skipped: [] };
	return {
		...record,
		result: {
			metrics: result.metrics,
			baselineMetrics: result.baselineMetrics ?? {},
			intervals: {},
			difference: null,
			resamples: 0,
			verdict: { ...verdict, clearOfBaseline: false, interval: null, checks: [], advice: [] },
			threshold: null,
			costCurve: null,
			confusion: result.confusion ?? null,
			classes: null,
			queries: null,
			curves: {},
			slices: {
				metric,
				overall: NaN,
				overallError: NaN,
				errorMeasure,
				slices: [],
				skipped: []
			},
			worstSlices: [],
			fairness: [],
			worst: { kind: 'classes', rows: [] },
			errorsByFeature: errors,
			importance: { metric, baseline: NaN, columns: [] },
			warnings: [
				'Evaluated by an earlier version of Shipshape, which kept only the scores and the verdict: intervals, curves, slices, fairness and importance were not computed. Looking again computes them, and is recorded as a second look.'
			],
			rows: result.predictions?.cells.length ?? 0,
			predictions: result.predictions ?? { header: [], cells: [] }
		}
	};
}
