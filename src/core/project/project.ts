import {
	looksFromAudit,
	upgradeEvaluation,
	type EvaluationRecord,
	type TestLook
} from '../evaluate/evaluation-record';
import { EMPTY_BRIEF, type Brief } from '../brief/brief';
import { parseBrief } from '../brief/parse-brief';
import type { MetricName, MetricValues } from '../evaluate/metric-catalogue';
import type { FitInfo, ModelSpec } from '../models/model';
import type { Pipeline } from '../ship/pipeline';
import { DEFAULT_SPLIT_PLAN, type Split, type SplitPlan } from '../split/split';
import type { ReadChoices } from '../table/dataset';
import { isRecipeStep, type RecipeStep } from '../prepare/recipe';
import { resolveDriftOptions, type DriftOptions } from '../monitor/drift-options';
import type { Registry } from '../registry/versions';
import { COLUMN_KINDS, type ColumnKind } from '../table/table';
import { STAGES, type StageName } from './stages';
import type { SlicesReview } from './checklist';
import type { Assignment, Submission } from './rubric';

export type { EvaluationRecord } from '../evaluate/evaluation-record';

export const PROJECT_VERSION = 1;

/** One logged training run: what was fitted, on what, how, and how well it did on validation. */
export interface RunRecord {
	id: string;
	createdAt: string;
	spec: ModelSpec;
	seed: number;
	/** Where the numbers were computed: 'js' for the TypeScript families, a TF.js backend otherwise. */
	backend: string;
	/** Why that TF.js backend was chosen (the probes and the parity check); null for 'js'. */
	backendReason?: string | null;
	dataFingerprint: string;
	recipeHash: string;
	features: number;
	trainMetrics: MetricValues;
	valMetrics: MetricValues;
	info: FitInfo;
	fitMs: number | null;
	/** UTF-8 bytes of the pipeline's JSON; absent on runs logged before it was measured. */
	modelBytes?: number;
	/** Mean microseconds to predict one validation row on its own. */
	latencyUs?: number | null;
	pipeline: Pipeline;
	/** The tuning session and trial that made this run, when a search did. */
	tuning?: { sessionId: string; trial: number };
	/** With cross-validation: each metric's mean and spread over the folds of train + validation. */
	cv?: { folds: number; mean: MetricValues; sd: MetricValues };
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
	/** How the file is read: dialect, missing-value tokens, column kinds and date orders. */
	reading: ReadChoices;
	brief: Brief;
	/** Chosen input columns; null means the default (neither identifiers nor free text). */
	features: string[] | null;
	/** The user's recipe steps, in order; fitting adds the finishing steps a model needs. */
	recipe: RecipeStep[];
	seed: number;
	splitPlan: SplitPlan;
	split: Split | null;
	choice: ModelSpec | null;
	runs: RunRecord[];
	evaluation: EvaluationRecord | null;
	audit: AuditEntry[];
	/**
	 * Every look at the test set, oldest first. Unlike `evaluation`, nothing clears it: a new
	 * target or split does not make seen rows unseen.
	 */
	looks: TestLook[];
	shippedAt: string | null;
	/** The monitor's drift thresholds as the user edited them; absent means the defaults. */
	driftOptions?: DriftOptions;
	/**
	 * Every shipped and retrained model version; absent before the first ship. Nothing clears it:
	 * what was shipped stays on record.
	 */
	versions?: Registry;
	/** Guided mode: each stage explains itself, with a checklist and a glossary. */
	guided?: boolean;
	/** What the user wrote after reading the test slices (the checklist's "slices checked"). */
	slicesReview?: SlicesReview;
	/** The last batch checked for drift after shipping (the checklist's "monitoring set up"). */
	monitored?: { at: string; batch: string };
	/** The teacher's assignment this project answers, with its rubric. */
	assignment?: Assignment;
	/** Set in the copy a student hands in: who, when, and the grade then. */
	submission?: Submission;
}

/** Returns a new, empty project. */
export function emptyProject(): Project {
	return {
		version: PROJECT_VERSION,
		stage: 'define',
		dataset: null,
		reading: { dialect: {}, missingTokens: null, columns: [] },
		brief: { ...EMPTY_BRIEF },
		features: null,
		recipe: [],
		seed: DEFAULT_SPLIT_PLAN.seed,
		splitPlan: DEFAULT_SPLIT_PLAN,
		split: null,
		choice: null,
		runs: [],
		evaluation: null,
		audit: [],
		looks: [],
		shippedAt: null
	};
}

/** Returns the stored value as a project, or null when it is not one this version can read. */
export function parseProject(value: unknown): Project | null {
	if (!isObject(value)) return null;
	const candidate = value as Partial<Record<keyof Project, unknown>>;
	const objectOrNull = (field: unknown) => field === undefined || field === null || isObject(field);
	const valid =
		candidate.version === PROJECT_VERSION &&
		Array.isArray(candidate.runs) &&
		isObject(candidate.brief) &&
		(candidate.stage === undefined || (STAGES as readonly unknown[]).includes(candidate.stage)) &&
		objectOrNull(candidate.dataset) &&
		objectOrNull(candidate.split) &&
		objectOrNull(candidate.evaluation) &&
		(candidate.audit === undefined || Array.isArray(candidate.audit)) &&
		(candidate.reading === undefined || isObject(candidate.reading)) &&
		(candidate.versions === undefined || isRegistry(candidate.versions)) &&
		(candidate.recipe === undefined ||
			(Array.isArray(candidate.recipe) && candidate.recipe.every(isRecipeStep)));
	if (!valid) return null;
	const base = emptyProject();
	const { kindOverrides, driftOptions, ...rest } = candidate as typeof candidate & {
		kindOverrides?: unknown;
	};
	const drift = driftOptionsOf(driftOptions);
	return {
		...base,
		...rest,
		...(drift ? { driftOptions: drift } : {}),
		reading: { ...base.reading, ...(rest.reading as object), ...fromKindOverrides(kindOverrides) },
		brief: parseBrief(candidate.brief as object),
		...evaluationAndLooks(candidate)
	} as Project;
}

/**
 * Returns the saved evaluation, upgraded, and the looks at the test set. An earlier version kept
 * no list of looks: they are read from its audit trail, and given to its evaluation too.
 */
function evaluationAndLooks(
	candidate: Partial<Record<keyof Project, unknown>>
): Pick<Project, 'evaluation' | 'looks'> {
	const audit = Array.isArray(candidate.audit) ? (candidate.audit as AuditEntry[]) : [];
	const looks = Array.isArray(candidate.looks)
		? (candidate.looks as TestLook[])
		: looksFromAudit(audit);
	if (!candidate.evaluation) return { evaluation: null, looks };
	const evaluation = upgradeEvaluation(candidate.evaluation as EvaluationRecord);
	return { evaluation: evaluation.looks ? evaluation : { ...evaluation, looks }, looks };
}

/** Reads the kind overrides an earlier version saved (`[name, kind][]`) as column choices. */
function fromKindOverrides(value: unknown): Partial<ReadChoices> {
	if (!Array.isArray(value)) return {};
	const columns = value
		.filter(
			(pair): pair is [string, ColumnKind] =>
				Array.isArray(pair) &&
				typeof pair[0] === 'string' &&
				(COLUMN_KINDS as readonly unknown[]).includes(pair[1])
		)
		.map(([name, kind]) => [name, { kind }]);
	return { columns } as Partial<ReadChoices>;
}

function isRegistry(value: unknown): boolean {
	return (
		isObject(value) &&
		Array.isArray((value as Partial<Registry>).versions) &&
		Array.isArray((value as Partial<Registry>).events)
	);
}

/** Returns saved drift thresholds that are still valid; undefined (the defaults) otherwise. */
function driftOptionsOf(value: unknown): DriftOptions | undefined {
	if (!isObject(value)) return undefined;
	try {
		resolveDriftOptions(value as DriftOptions);
		return value as DriftOptions;
	} catch {
		return undefined;
	}
}

function isObject(value: unknown): value is object {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the project without what depends on the target or the split: split, runs, evaluation.
 * The looks at the test set stay.
 */
export function clearDownstream(project: Project): Project {
	return {
		...project,
		split: null,
		runs: [],
		evaluation: null,
		shippedAt: null,
		monitored: undefined
	};
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
