import type { MetricValues } from '../evaluate/metric-catalogue';
import { batchPerformance } from '../monitor/batch-performance';
import { referenceStats, type ReferenceStats } from '../monitor/reference-stats';
import { predictRaw, type Pipeline } from '../ship/pipeline';
import { concatRawTables } from '../table/concat-raw';
import { typeTable, type ColumnSchema, type DatasetSchema } from '../table/schema';
import { findColumn, isMissingAt, selectRawRows, type RawTable } from '../table/table';
import { CoreError } from '../util/core-error';
import { createRng, shuffleInPlace } from '../util/rng';

/** The share of a batch's labelled rows held out of retraining, to judge both versions on. */
export const HELD_OUT_SHARE = 0.3;
/** Fewer labelled rows than this cannot both teach a model and judge it. */
export const MIN_LABELLED_ROWS = 20;

/** How a labelled batch's rows are used by a retraining. */
export interface RetrainRows {
	/** Rows added to the train rows. */
	added: Int32Array;
	/** Rows held out: part of the fixed evaluation set, never trained on. */
	heldOut: Int32Array;
	/** Rows without a label: left out. */
	unlabelled: number;
}

/**
 * Returns a seeded split of the batch's labelled rows: `HELD_OUT_SHARE` held out for the
 * evaluation, the rest added to training; both in row order. The same batch and seed give the
 * same rows, so the evaluation set stays fixed. Throws `no-labels` when the batch has no target
 * column and `too-few-labels` under `MIN_LABELLED_ROWS` labelled rows.
 */
export function retrainRows(
	batch: RawTable,
	batchName: string,
	schema: DatasetSchema,
	target: ColumnSchema,
	seed: number
): RetrainRows {
	if (!findColumn(batch.columns, target.name))
		throw new CoreError(
			'no-labels',
			`${batchName} has no "${target.name}" column: retraining needs rows with their true answer.`
		);
	const [typed] = typeTable(batch, { ...schema, columns: [target] }).table.columns;
	const labelled: number[] = [];
	for (let i = 0; i < batch.rowCount; i++) if (!isMissingAt(typed, i)) labelled.push(i);
	if (labelled.length < MIN_LABELLED_ROWS)
		throw new CoreError(
			'too-few-labels',
			`${batchName} has ${labelled.length} row(s) with a "${target.name}" value; retraining needs at least ${MIN_LABELLED_ROWS}, some to learn from and some to judge on.`
		);
	const order = Int32Array.from(labelled);
	shuffleInPlace(order, createRng(seed));
	const held = Math.ceil(labelled.length * HELD_OUT_SHARE);
	return {
		added: order.slice(held).sort(),
		heldOut: order.slice(0, held).sort(),
		unlabelled: batch.rowCount - labelled.length
	};
}

/** One part of the fixed evaluation set, by name. */
export interface EvaluationPart {
	name: string;
	table: RawTable;
}

/** What a retraining fits on and is judged on. */
export interface RetrainData {
	/** The project's train rows, then the batch rows added (the schema's columns). */
	train: RawTable;
	/** The project's validation rows (early stopping and the run's validation scores). */
	val: RawTable;
	/** The fixed evaluation set: the validation rows and the batch's held-out rows. */
	evaluation: EvaluationPart[];
	rows: RetrainRows;
}

/** Returns the train rows with the batch's added rows, and the evaluation set (`retrainRows`). */
export function retrainData(
	train: RawTable,
	val: RawTable,
	batch: RawTable,
	batchName: string,
	schema: DatasetSchema,
	target: ColumnSchema,
	seed: number
): RetrainData {
	const rows = retrainRows(batch, batchName, schema, target, seed);
	const names = schema.columns.map((c) => c.name);
	const added = selectRawRows(batch, rows.added);
	return {
		train: concatRawTables(train, added, names, batchName),
		val,
		evaluation: [
			{ name: 'validation rows', table: val },
			{ name: `held-out rows of ${batchName}`, table: selectRawRows(batch, rows.heldOut) }
		],
		rows
	};
}

/** Both versions' scores on one part of the evaluation set. */
export interface PartScores {
	name: string;
	rows: number;
	live: MetricValues | null;
	candidate: MetricValues | null;
	/** Why a part could not be scored (a class one model never saw...); null when it was. */
	problem: string | null;
}

/** A candidate judged: its scores beside the live version's, and its drift reference. */
export interface CandidateJudgement {
	comparison: PartScores[];
	reference: ReferenceStats;
}

/**
 * Returns the candidate's scores beside the live version's on the evaluation set, and the
 * reference statistics of what it was trained on (`train`: the rows it was fitted on).
 */
export function judgeCandidate(
	live: Pipeline,
	candidate: Pipeline,
	parts: readonly EvaluationPart[],
	train: RawTable,
	target: ColumnSchema
): CandidateJudgement {
	return {
		comparison: compareVersions(live, candidate, parts, target),
		reference: referenceStats(candidate, train, target)
	};
}

/** Returns the live and the candidate pipelines' scores on each part of the evaluation set. */
export function compareVersions(
	live: Pipeline,
	candidate: Pipeline,
	parts: readonly EvaluationPart[],
	target: ColumnSchema
): PartScores[] {
	return parts.map(({ name, table }) => {
		const score = (pipeline: Pipeline) =>
			batchPerformance(pipeline, table, predictRaw(pipeline, table), target);
		const before = score(live);
		const after = score(candidate);
		return {
			name,
			rows: after?.rows ?? table.rowCount,
			live: before?.metrics ?? null,
			candidate: after?.metrics ?? null,
			problem: after?.problem ?? before?.problem ?? null
		};
	});
}
