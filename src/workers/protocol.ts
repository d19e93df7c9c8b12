// The whole contract between the UI and the workers: each worker's API as a map of
// method -> { args, result, event }. host.ts and client.ts are typed against it.
import type { TopLevelSpec } from 'vega-lite';
import type { BaselineCheck, BaselineCheckRequest } from '../core/brief/baseline-check';
import type { TaskKind } from '../core/brief/task';
import type { EvaluateInput, TestEvaluation } from '../core/evaluate/evaluate-test';
import type { FitEvent } from '../core/models/model';
import type { OpenPart, Split, SplitPlan } from '../core/split/split';
import type { DatasetPreview, PreviewRequest } from '../core/prepare/preview';
import type { Recipe } from '../core/prepare/recipe';
import type { ColumnHints } from '../core/prepare/column-hints';
import type { LeakFinding } from '../core/prepare/leakage/leakage';
import type { MistakeDemo, MistakeDemoRequest } from '../core/prepare/mistakes/mistake-demo';
import type { MetricValues } from '../core/evaluate/metric-catalogue';
import type { Kpi } from '../core/evaluate/verdict';
import type { DriftOptions } from '../core/monitor/drift-options';
import type { MonitorReport } from '../core/monitor/monitor-batch';
import type { ReferenceStats } from '../core/monitor/reference-stats';
import type { SimulationPlan, SimulationResult } from '../core/monitor/simulate';
import type { CandidateJudgement, EvaluationPart, RetrainData } from '../core/registry/retrain';
import type { Pipeline } from '../core/ship/pipeline';
import type { Project } from '../core/project/project';
import type { UnpackedProject } from '../core/project/project-file';
import type { AssignmentRequest } from '../core/project/assignment';
import type { DatasetSplitReport } from '../core/split/dataset-split-report';
import type { TargetSummary } from '../core/brief/target';
import type { ProfileResult } from '../core/profile/profile-dataset';
import type { ColumnReport, InferChoices } from '../core/table/infer-kinds';
import type { PartRead, PartRequest } from '../core/table/ingest';
import type { DatasetSummary, ReadChoices } from '../core/table/dataset';
import type { ColumnSchema, DatasetSchema } from '../core/table/schema';
import type { RawTable } from '../core/table/table';
import type { CrossValidation, DevelopmentFolds } from '../core/tune/cross-validate';
import type { TrainRequest, TrainResult } from '../core/train/train-run';
import type { ErrorValue } from '../core/util/core-error';
import type { ProgressEvent } from '../core/util/task';

export type { DatasetSummary };

/** One method of a worker API. */
export interface Method<Args, Result, Event = never> {
	args: Args;
	result: Result;
	event: Event;
}

/** The data worker: holds the loaded table; ingests, re-types, splits and hands out rows. */
export type DataApi = {
	ingest: Method<
		{ file: Blob; fileName: string; choices: ReadChoices },
		DatasetSummary,
		ProgressEvent
	>;
	/** Reads the loaded file again with new dialect choices; a failure keeps the loaded data. */
	reread: Method<{ choices: ReadChoices }, DatasetSummary, ProgressEvent>;
	setMissingTokens: Method<{ tokens: string[] }, DatasetSummary>;
	setColumn: Method<
		{ column: string; choice: InferChoices },
		{ report: ColumnReport; target: TargetSummary }
	>;
	/** The profile and data-quality findings of the loaded data, with a target (or none). */
	profile: Method<{ target: string | null }, ProfileResult, ProgressEvent>;
	/** Cell texts of a range of rows, for the data grid. */
	page: Method<{ start: number; count: number }, string[][]>;
	split: Method<
		{
			target: ColumnSchema;
			task: TaskKind;
			classes: string[];
			plan: SplitPlan;
			/** A ranking task's query column. */
			query?: string | null;
		},
		Split
	>;
	/** Train or validation rows (at most `limit`): a test row never leaves the worker this way. */
	rows: Method<{ split: Split; part: OpenPart; limit?: number }, RawTable>;
	/** The test rows, once the reveal is recorded: the one call that reads them (Evaluate). */
	revealTest: Method<{ split: Split; revealedAt: string }, { test: RawTable; rowIds: Int32Array }>;
	/** Class balance and time range of each part of a split. */
	splitReport: Method<
		{ split: Split; target: ColumnSchema; classes: string[] | null },
		SplitReportResult
	>;
	/** The leakage lint: on the whole table, and on the split when there is one. */
	lint: Method<
		{ target: ColumnSchema; task: TaskKind; classes: string[]; split: Split | null },
		LeakFinding[],
		ProgressEvent
	>;
	/** What a step's form can propose for a column: spelling clusters, date formats, units. */
	columnHints: Method<{ column: string }, ColumnHints>;
	/** The recipe fitted step by step on the train rows (all rows before the split). */
	previewRecipe: Method<
		{ recipe: Recipe; split: Split | null; target: PreviewRequest['target']; seed: number },
		DatasetPreview,
		ProgressEvent
	>;
	/**
	 * The majority-class (or mean) and one-rule baselines: on the split's train and validation
	 * rows, or before the split on a seeded hold-out; never on test rows.
	 */
	baselineCheck: Method<BaselineCheckRequest, BaselineCheck, ProgressEvent>;
	/**
	 * A classic mistake shown on the split's train and validation rows (a leaky column kept, a
	 * random split of a time series): the quick model fitted both ways; never test rows.
	 */
	mistakeDemo: Method<MistakeDemoRequest & { split: Split }, MistakeDemo, ProgressEvent>;
	/**
	 * The monitor's check of a batch file (a CSV, or the server's JSONL prediction log) against
	 * the split's train rows, which the worker reads itself: never test rows.
	 */
	monitor: Method<MonitorRequest, MonitorReport, ProgressEvent>;
	/** The reference statistics a bundle ships: of the split's train rows, never test rows. */
	referenceStats: Method<
		{ split: Split; pipeline: Pipeline; target: ColumnSchema },
		ReferenceStats,
		ProgressEvent
	>;
	/**
	 * What retraining on a labelled batch fits on (the split's train rows and the batch's added
	 * rows) and is judged on (validation rows and the batch's held-out rows): never test rows.
	 */
	retrainData: Method<RetrainRequest, RetrainData, ProgressEvent>;
	/**
	 * "Simulate production": the split's validation rows replayed as traffic with injected drift,
	 * each batch checked against the train rows; never test rows.
	 */
	simulate: Method<SimulateRequest, SimulationResult, ProgressEvent>;
	/**
	 * Both versions' scores on each part of the fixed evaluation set, and the reference statistics
	 * of the rows the candidate was trained on.
	 */
	judgeCandidate: Method<
		{
			live: Pipeline;
			candidate: Pipeline;
			parts: EvaluationPart[];
			train: RawTable;
			target: ColumnSchema;
		},
		CandidateJudgement
	>;
	/** The project and the loaded file as one project file (zip bytes). */
	packProject: Method<
		{ project: Project; savedAt: string; extra?: Record<string, string> },
		Uint8Array<ArrayBuffer>
	>;
	/** A teacher's assignment made from the loaded data, as a project file for students. */
	packAssignment: Method<AssignmentRequest, Uint8Array<ArrayBuffer>>;
	/** Reads and checks a project file; the loaded data is not touched (ingest its data next). */
	unpackProject: Method<
		{ file: Blob; fileName: string },
		{ project: UnpackedProject['project']; data: Blob; savedAt: string }
	>;
};

/** What a simulation replays, and what it holds each batch against. */
export interface SimulateRequest {
	split: Split;
	pipeline: Pipeline;
	/** The live version's reference statistics; null for the split's train rows. */
	reference: ReferenceStats | null;
	target: ColumnSchema;
	plan: SimulationPlan;
	options: DriftOptions;
	kpis: Kpi[];
}

/** What a retraining reads: the batch file, the split, and how the project reads its columns. */
export interface RetrainRequest {
	file: Blob;
	fileName: string;
	split: Split;
	/** The fit's schema: the inputs, the target and any scoring column. */
	schema: DatasetSchema;
	target: ColumnSchema;
	seed: number;
}

/** What the monitor checks: the batch file, the shipped pipeline, and what to hold it against. */
export interface MonitorRequest {
	file: Blob;
	fileName: string;
	/** The project's split: its train rows are the reference. */
	split: Split;
	/** The shipped pipeline: the evaluated run's, at the threshold the test judged. */
	pipeline: Pipeline;
	/** A retrained version's reference statistics; null for the split's train rows. */
	reference: ReferenceStats | null;
	/** The target column as the project reads it. */
	target: ColumnSchema;
	options: DriftOptions;
	/** The brief's KPIs, primary first, held against a labelled batch. */
	kpis: Kpi[];
	/** The model's metrics on the test set, quoted beside a missed KPI. */
	testMetrics: MetricValues;
}

export type SplitReportResult = DatasetSplitReport;

/** The data worker's helper: reads the second half of a large file. */
export type HelperApi = {
	readPart: Method<{ file: Blob; request: PartRequest }, PartRead, ProgressEvent>;
};

/** Evaluating on the test set: the only call that receives test rows. */
export type EvaluateRequest = EvaluateInput;

/** The train worker: stateless; every call brings the rows and recipe it needs. */
/** Where a fit computed: 'js', or the TF.js backend and why it was chosen. */
export type TrainOutcome = TrainResult & { backend: string; backendReason: string | null };

export type TrainApi = {
	train: Method<TrainRequest, TrainOutcome, FitEvent>;
	/** A tuning trial: the fit on train, and its cross-validation when folds are given. */
	trial: Method<
		{ request: TrainRequest; folds: DevelopmentFolds | null },
		TrainOutcome & { cv: CrossValidation | null },
		FitEvent
	>;
	evaluate: Method<EvaluateRequest, TestEvaluation, ProgressEvent>;
};

/** The chart worker: Vega-Lite specs in, SVG text out (`container` width set to `width` px). */
export type ChartApi = {
	render: Method<{ spec: TopLevelSpec; width: number }, string>;
};

/** A message from the UI to a worker. */
export type Request =
	{ kind: 'call'; id: number; method: string; args: unknown } | { kind: 'abort'; id: number };

/** A message from a worker to the UI. */
export type Response =
	| { kind: 'event'; id: number; event: unknown }
	| { kind: 'result'; id: number; result: unknown }
	| { kind: 'error'; id: number; error: ErrorValue };
