import { encodeClasses } from '../../brief/target';
import { metricInfo, type MetricName } from '../../evaluate/metric-catalogue';
import type { LinearSpec } from '../../models/linear/linear';
import type { FitEvent } from '../../models/model';
import { scoringColumns, type TargetSpec } from '../../ship/pipeline';
import { typeTable, type ColumnSchema, type DatasetSchema } from '../../table/schema';
import { findColumn, type RawTable } from '../../table/table';
import { trainRun } from '../../train/train-run';
import { CoreError } from '../../util/core-error';
import type { ProgressEvent, TaskContext } from '../../util/task';
import type { RecipeStep } from '../recipe';

/**
 * The model of a demonstration: the Choose stage's default linear / logistic regression. It fits
 * in well under a second on thousands of rows, draws no random numbers, and a copy of the answer
 * (a sum of the target's parts, a label known after the outcome) lifts it as much as any family.
 */
export const QUICK_MODEL_SPEC: LinearSpec = { kind: 'linear', l2: 1 };

/** Fewest rows a demonstration trains on, and fewest it scores on. */
export const MIN_TRAIN_ROWS = 10;
export const MIN_SCORED_ROWS = 5;

/** One score of a demonstration: the primary metric on the rows scored, and the rows behind it. */
export interface DemoScore {
	value: number;
	trainRows: number;
	scoredRows: number;
}

/** The open parts of the user's split: the demonstrations read these and nothing else. */
export interface OpenParts {
	train: RawTable;
	val: RawTable;
}

/** The parts one quick fit learns from and scores on: never test rows. */
export interface DemoParts {
	train: RawTable;
	/** The rows scored ("validation" of the demonstration). */
	scored: RawTable;
}

/** What a quick fit reads besides the rows. */
export interface QuickFit {
	/** How the data is read: every column the fit may use is in it. */
	schema: DatasetSchema;
	target: TargetSpec;
	/** The input columns, by name. */
	inputs: readonly string[];
	/** Steps before the finishing ones (a leak column's missing flag); none for the default recipe. */
	steps?: RecipeStep[];
	metric: MetricName;
	seed: number;
}

/** Returns the schema of one column of the data as read, or throws `missing-column`. */
export function schemaOf(schema: DatasetSchema, name: string): ColumnSchema {
	const column = findColumn(schema.columns, name);
	if (!column)
		throw new CoreError('missing-column', `There is no column "${name}".`, { column: name });
	return column;
}

/**
 * Returns the inputs the default recipe can read: a date column needs a date-parts step of the
 * user's, which the quick model leaves out, so dates are left out with it.
 */
export function readableInputs(schema: DatasetSchema, inputs: readonly string[]): string[] {
	return inputs.filter((name) => schemaOf(schema, name).kind !== 'date');
}

/**
 * Returns the quick model's score on `parts.scored`, fitted on `parts.train` with the default
 * recipe over `fit.inputs` (after `fit.steps`). Throws a `CoreError` with a plain message when a
 * part is too small, or holds one class only, to give a score that means anything.
 */
export async function quickScore(
	parts: DemoParts,
	fit: QuickFit,
	ctx: TaskContext<FitEvent> = {}
): Promise<DemoScore> {
	const { schema, target, metric } = fit;
	const inputs = fit.inputs.map((name) => schemaOf(schema, name));
	const columns = [...inputs, schemaOf(schema, target.name), ...scoringColumns(target)];
	const narrow = { ...schema, columns };
	checkPart('train', parts.train, MIN_TRAIN_ROWS, narrow, target);
	checkPart('scored', parts.scored, MIN_SCORED_ROWS, narrow, target);
	const run = await trainRun(
		{
			train: parts.train,
			val: parts.scored,
			schema: narrow,
			target,
			recipe: { inputs: inputs.map(({ name, kind }) => ({ name, kind })), steps: fit.steps ?? [] },
			spec: QUICK_MODEL_SPEC,
			seed: fit.seed
		},
		ctx
	);
	const value = run.valMetrics[metric];
	if (value === undefined || !Number.isFinite(value))
		throw new CoreError(
			'no-score',
			`The ${metricInfo(metric).label} of the quick model cannot be computed on these ${parts.scored.rowCount} rows; choose another primary metric in Define.`
		);
	return { value, trainRows: parts.train.rowCount, scoredRows: parts.scored.rowCount };
}

/**
 * Returns a fit context that reports a fit's progress as `phase`, over the share
 * [from, from + span) of the whole, and passes the cancel on. It reports the start at once, and
 * drops the clock: a demonstration has no latency to measure.
 */
export function progressShare(
	ctx: TaskContext<ProgressEvent>,
	phase: string,
	from: number,
	span: number
): TaskContext<FitEvent> {
	ctx.onEvent?.({ kind: 'progress', phase, fraction: from });
	return {
		signal: ctx.signal,
		onEvent: (event) => {
			if (event.kind === 'progress')
				ctx.onEvent?.({ kind: 'progress', phase, fraction: from + span * event.fraction });
		}
	};
}

const PART_WORDS = { train: 'training', scored: 'scored' } as const;

/** Throws unless the part has enough rows and, for classes, more than one class. */
function checkPart(
	part: keyof typeof PART_WORDS,
	rows: RawTable,
	least: number,
	schema: DatasetSchema,
	target: TargetSpec
): void {
	const words = PART_WORDS[part];
	if (rows.rowCount < least)
		throw new CoreError(
			'too-few-rows',
			`The ${words} rows of this demonstration are too few: ${rows.rowCount}, and it needs at least ${least}. Give the split more train and validation rows.`
		);
	if (!('classes' in target)) return;
	const column = typeTable(rows, { ...schema, columns: [schemaOf(schema, target.name)] }).table
		.columns[0];
	const seen = new Set(encodeClasses(column, target.classes).filter((k) => k >= 0));
	if (seen.size < 2) {
		const only = seen.size === 1 ? `only the class "${target.classes[[...seen][0]]}"` : 'no class';
		throw new CoreError(
			'one-class',
			`The ${words} rows of this demonstration hold ${only} of "${target.name}": a model cannot learn, or be scored on, one class. Give the split more rows, or stratify it.`
		);
	}
}
