import { EMPTY_BRIEF, type Brief } from '../brief/brief';
import type { TestEvaluation } from '../evaluate/evaluate-test';
import type { MetricName, MetricValues } from '../evaluate/metric-catalogue';
import type { FitInfo, ModelSpec } from '../models/model';
import type { Pipeline } from '../ship/pipeline';
import { DEFAULT_SPLIT_PLAN, type Split, type SplitPlan } from '../split/split';
import type { ColumnKind } from '../table/table';
import type { StageName } from './stages';

export const PROJECT_VERSION = 1;

/** One logged training run: what was fitted, on what, how, and how well it did on validation. */
export interface RunRecord {
	id: string;
	createdAt: string;
	spec: ModelSpec;
	seed: number;
	/** Where the numbers were computed: 'js' for the TypeScript families, a TF.js backend otherwise. */
	backend: string;
	dataFingerprint: string;
	recipeHash: string;
	features: number;
	trainMetrics: MetricValues;
	valMetrics: MetricValues;
	info: FitInfo;
	fitMs: number | null;
	pipeline: Pipeline;
}

/** The one deliberate look at the test set, and what it showed. */
export interface EvaluationRecord {
	runId: string;
	baselineRunId: string;
	revealedAt: string;
	result: TestEvaluation;
}

/** An entry of the project's audit trail. */
export interface AuditEntry {
	at: string;
	action: string;
}

/** Everything the user has produced; saved on every change and restored on reload. */
export interface Project {
	version: typeof PROJECT_VERSION;
	stage: StageName;
	dataset: { fileName: string; bytes: number; fingerprint: string } | null;
	kindOverrides: [string, ColumnKind][];
	brief: Brief;
	/** Chosen input columns; null means the default (neither identifiers nor free text). */
	features: string[] | null;
	seed: number;
	splitPlan: SplitPlan;
	split: Split | null;
	choice: ModelSpec | null;
	runs: RunRecord[];
	evaluation: EvaluationRecord | null;
	audit: AuditEntry[];
	shippedAt: string | null;
}

/** Returns a new, empty project. */
export function emptyProject(): Project {
	return {
		version: PROJECT_VERSION,
		stage: 'define',
		dataset: null,
		kindOverrides: [],
		brief: { ...EMPTY_BRIEF },
		features: null,
		seed: DEFAULT_SPLIT_PLAN.seed,
		splitPlan: DEFAULT_SPLIT_PLAN,
		split: null,
		choice: null,
		runs: [],
		evaluation: null,
		audit: [],
		shippedAt: null
	};
}

/** Returns the stored value as a project, or null when it is not one this version can read. */
export function parseProject(value: unknown): Project | null {
	if (typeof value !== 'object' || value === null) return null;
	const candidate = value as Partial<Project>;
	if (
		candidate.version !== PROJECT_VERSION ||
		!Array.isArray(candidate.runs) ||
		typeof candidate.brief !== 'object'
	)
		return null;
	return { ...emptyProject(), ...candidate } as Project;
}

/** Returns the project without what depends on the target or the split: split, runs, evaluation. */
export function clearDownstream(project: Project): Project {
	return { ...project, split: null, runs: [], evaluation: null, shippedAt: null };
}

/** Returns the best run on a metric among those of a family, or null when there is none. */
export function bestRun(
	runs: readonly RunRecord[],
	metric: MetricName,
	better: (a: number, b: number) => boolean
): RunRecord | null {
	let best: RunRecord | null = null;
	for (const run of runs) {
		const value = run.valMetrics[metric];
		if (run.spec.kind === 'baseline' || value === undefined || !Number.isFinite(value)) continue;
		if (!best || better(value, best.valMetrics[metric] ?? NaN)) best = run;
	}
	return best;
}
