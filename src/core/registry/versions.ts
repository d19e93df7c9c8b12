import { looksOf, type EvaluationRecord } from '../evaluate/evaluation-record';
import type { MetricValues } from '../evaluate/metric-catalogue';
import type { ModelSpec } from '../models/model';
import type { ReferenceStats } from '../monitor/reference-stats';
import type { Pipeline } from '../ship/pipeline';
import { CoreError } from '../util/core-error';
import type { PartScores } from './retrain';

/**
 * Where a version stands: `live` is the one shipped (exactly one once anything is shipped), a
 * `candidate` waits for a decision, `retired` was live once (and can be rolled back to),
 * `rejected` never went live.
 */
export type VersionStatus = 'live' | 'candidate' | 'retired' | 'rejected';

/** How a retrained version was made. */
export interface RetrainSource {
	/** The version that was live when it was trained. */
	from: number;
	fileName: string;
	/** Batch rows added to the project's train rows. */
	added: number;
	/** Batch rows held out for the evaluation set. */
	heldOut: number;
	/** Batch rows without a label, left out. */
	unlabelled: number;
	trainRows: number;
	/** How it was fitted: the recipe (by hash), the seed and where the numbers were computed. */
	recipeHash: string;
	seed: number;
	backend: string;
}

/** One model version: what it is, why it exists, how it compared, and when it was live. */
export interface ModelVersion {
	number: number;
	createdAt: string;
	/** Why it exists, in a sentence. */
	reason: string;
	/** The run it was shipped from (a version evaluated on the test set), or null if retrained. */
	runId: string | null;
	/**
	 * The look at the test set whose evaluation judged this version (`testLookOf`): its own, or
	 * for a retrained version that of the version it was retrained from. The manifest's test
	 * scores, verdict and decision threshold are that evaluation's, so only its versions ship
	 * with them; a later look (another run, or another threshold) makes a new evaluation.
	 */
	testLook: string;
	spec: ModelSpec;
	pipeline: Pipeline;
	/** Its scores on the validation rows, as its run logged them. */
	valMetrics: MetricValues;
	status: VersionStatus;
	retrain: RetrainSource | null;
	/** A candidate's scores beside the live version's, on the fixed evaluation set. */
	comparison: PartScores[] | null;
	/**
	 * What a retrained version was trained on, as the drift checks read it (the train rows and
	 * the batch rows added): its monitor's reference and its bundle's `reference.json`. Absent
	 * for version 1, whose reference is the project's train rows.
	 */
	reference?: ReferenceStats;
	/** The user's decision on a candidate, with their note. */
	decision: { approved: boolean; note: string; at: string } | null;
	/** When it was live: each span from its start until it ended (null while live). */
	liveSpans: { from: string; until: string | null }[];
}

/** Every version of the project's model, and what happened to them, oldest first. */
export interface Registry {
	versions: ModelVersion[];
	events: { at: string; text: string }[];
}

export const EMPTY_REGISTRY: Registry = { versions: [], events: [] };

/** Returns the live version, or null before anything is shipped. */
export function liveVersion(registry: Registry): ModelVersion | null {
	return registry.versions.find((v) => v.status === 'live') ?? null;
}

/** Returns the candidate waiting for a decision, or null. */
export function openCandidate(registry: Registry): ModelVersion | null {
	return registry.versions.find((v) => v.status === 'candidate') ?? null;
}

function find(registry: Registry, number: number): ModelVersion {
	const version = registry.versions.find((v) => v.number === number);
	if (!version) throw new CoreError('no-version', `There is no version ${number}.`);
	return version;
}

/**
 * Returns the registry with each of `changed` in place of the version of its number (a new
 * number is added at the end), and the event `text` at `at`.
 */
function withVersions(
	registry: Registry,
	changed: readonly ModelVersion[],
	text: string,
	at: string
): Registry {
	const byNumber = new Map(changed.map((v) => [v.number, v]));
	const added = changed.filter((v) => !registry.versions.some((old) => old.number === v.number));
	return {
		versions: [...registry.versions.map((v) => byNumber.get(v.number) ?? v), ...added],
		events: [...registry.events, { at, text }]
	};
}

/**
 * Returns the registry with `version` (new, or one it holds) live from `at` with `change`
 * applied, and the version live until then, if any, retired: its live span ends at `at`.
 */
function goLive(
	registry: Registry,
	version: ModelVersion,
	change: Partial<ModelVersion>,
	at: string,
	text: string
): Registry {
	const live = liveVersion(registry);
	const retired = live && {
		...live,
		status: 'retired' as const,
		liveSpans: live.liveSpans.map((s) => (s.until === null ? { ...s, until: at } : s))
	};
	const made: ModelVersion = {
		...version,
		...change,
		status: 'live',
		liveSpans: [...version.liveSpans, { from: at, until: null }]
	};
	return withVersions(registry, retired ? [retired, made] : [made], text, at);
}

/** What a new version is made of. */
export type NewVersion = Pick<
	ModelVersion,
	'reason' | 'runId' | 'testLook' | 'spec' | 'pipeline' | 'valMetrics' | 'createdAt'
>;

/** Returns the key of an evaluation's latest look at the test set: `run-3, look 2`. */
export function testLookOf(
	evaluation: Pick<EvaluationRecord, 'runId' | 'looks' | 'revealedAt'>
): string {
	return `${evaluation.runId}, look ${looksOf(evaluation as EvaluationRecord).length}`;
}

/** Throws `candidate-open`, with `message` about it, while a candidate waits for a decision. */
function refuseWhileCandidate(
	registry: Registry,
	message = (n: number) => `Version ${n} is still a candidate: approve or reject it first.`
): void {
	const open = openCandidate(registry);
	if (open) throw new CoreError('candidate-open', message(open.number));
}

/** Returns the number the next version gets. */
export function nextNumber(registry: Registry): number {
	return Math.max(0, ...registry.versions.map((v) => v.number)) + 1;
}

/**
 * Returns the registry with the model evaluated on the test set shipped as a new version, live
 * (version 1 the first time); the live version, if any, retires. Throws `candidate-open` while a
 * candidate waits for a decision, and `already-shipped` when that run is live already.
 */
export function shipEvaluated(registry: Registry, shipped: NewVersion): Registry {
	refuseWhileCandidate(registry);
	const live = liveVersion(registry);
	if (live && live.testLook === shipped.testLook && !live.retrain && live.runId === shipped.runId)
		throw new CoreError(
			'already-shipped',
			`${shipped.runId} is version ${live.number}, live already.`
		);
	const number = nextNumber(registry);
	const version: ModelVersion = {
		...shipped,
		number,
		status: 'live',
		retrain: null,
		comparison: null,
		decision: null,
		liveSpans: []
	};
	const retired = live ? ` (version ${live.number} retired)` : '';
	const text = `Version ${number} live${retired}: ${shipped.reason}`;
	return goLive(registry, version, {}, shipped.createdAt, text);
}

/**
 * Returns the registry with a retrained candidate, compared with the live version. Throws
 * `candidate-open` while another candidate waits for a decision, and `nothing-live` before a
 * version is shipped.
 */
export function addCandidate(
	registry: Registry,
	candidate: NewVersion & {
		retrain: RetrainSource;
		comparison: PartScores[];
		reference: ReferenceStats;
	}
): Registry {
	refuseWhileCandidate(registry);
	const live = liveVersion(registry);
	if (!live) throw new CoreError('nothing-live', 'Ship a version before retraining it.');
	if (candidate.retrain.from !== live.number || candidate.testLook !== live.testLook)
		throw new CoreError(
			'not-from-live',
			`The candidate was retrained from version ${candidate.retrain.from}, but version ${live.number} is live now: retrain again.`
		);
	const number = nextNumber(registry);
	const version: ModelVersion = {
		...candidate,
		number,
		status: 'candidate',
		decision: null,
		liveSpans: []
	};
	const text = `Version ${number} trained as a candidate: ${candidate.reason}`;
	return withVersions(registry, [version], text, candidate.createdAt);
}

/**
 * Returns the registry with the user's decision on the candidate `number`: approved, it goes live
 * and the live version retires; rejected, it stays out. Throws `not-candidate` for a version
 * that is no candidate and `no-note` without a note.
 */
export function decide(
	registry: Registry,
	number: number,
	approved: boolean,
	note: string,
	at: string
): Registry {
	const version = find(registry, number);
	if (version.status !== 'candidate')
		throw new CoreError(
			'not-candidate',
			`Version ${number} is ${version.status}, not a candidate.`
		);
	const text = note.trim();
	if (!text)
		throw new CoreError(
			'no-note',
			`Say why you ${approved ? 'approve' : 'reject'} version ${number}: the note is kept with it.`
		);
	const decision = { approved, note: text, at };
	if (!approved)
		return withVersions(
			registry,
			[{ ...version, status: 'rejected', decision }],
			`Version ${number} rejected: ${text}`,
			at
		);
	const live = liveVersion(registry)!;
	const event = `Version ${number} approved and live (version ${live.number} retired): ${text}`;
	return goLive(registry, version, { decision }, at, event);
}

/**
 * Returns the registry with the retired version `number` live again and the live one retired.
 * Throws `not-retired` for a version that was never live or is live now, `candidate-open` while a
 * candidate (compared with the live version) waits, and `other-evaluation` for a version that
 * descends from another test-set evaluation than `testLook`, the project's current one (its
 * manifest's scores would not be its own).
 */
export function rollBack(
	registry: Registry,
	number: number,
	at: string,
	testLook: string
): Registry {
	const version = find(registry, number);
	if (version.status !== 'retired')
		throw new CoreError(
			'not-retired',
			`Version ${number} is ${version.status}: only a version that was live before can be rolled back to.`
		);
	refuseWhileCandidate(
		registry,
		(n) =>
			`Version ${n} was compared with the live version: approve or reject it before rolling back.`
	);
	if (version.testLook !== testLook)
		throw new CoreError(
			'other-evaluation',
			`Version ${number} was judged by an earlier look at the test set (${version.testLook}) than the project's current evaluation (${testLook}); its scores went with that evaluation, so it cannot be shipped again.`
		);
	const live = liveVersion(registry)!;
	const text = `Rolled back to version ${number} (version ${live.number} retired)`;
	return goLive(registry, version, {}, at, text);
}

export const REGISTRY_FORMAT = 'shipshape-registry';

/**
 * Returns the registry as an exportable JSON document: every version with its pipeline, scores,
 * decision and live spans, and the history of events.
 */
export function registryDocument(registry: Registry, project: string, exportedAt: string): string {
	return (
		JSON.stringify(
			{ format: REGISTRY_FORMAT, formatVersion: 1, project, exportedAt, ...registry },
			null,
			2
		) + '\n'
	);
}
