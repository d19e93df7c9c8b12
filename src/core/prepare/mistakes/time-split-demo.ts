import type { MetricName } from '../../evaluate/metric-catalogue';
import { scoringColumns } from '../../ship/pipeline';
import { partRows, splitRows, type Split, type SplitPlan } from '../../split/split';
import { splitByTime } from '../../split/split-by-time';
import { concatRawTables } from '../../table/concat-raw';
import { typeTable, type ColumnSchema } from '../../table/schema';
import { selectRawRows, type RawTable } from '../../table/table';
import { CoreError } from '../../util/core-error';
import { throwIfCancelled, type TaskContext } from '../../util/task';
import {
	MIN_SCORED_ROWS,
	MIN_TRAIN_ROWS,
	progressShare,
	quickScore,
	readableInputs,
	schemaOf,
	type DemoScore,
	type OpenParts,
	type QuickFit
} from './quick-score';

/** Share of the rows scored when the user's split has no validation rows to size it by. */
export const DEFAULT_SCORED_SHARE = 0.25;

/** "See what a random split does to this time series": one model, two ways of scoring it. */
export interface TimeSplitDemo {
	kind: 'random-split';
	/** The column that orders the rows in time. */
	column: string;
	metric: MetricName;
	/** Trained on a random share of the rows, scored on the rest, days from all over the range. */
	random: DemoScore;
	/** Trained on the earliest rows, scored on the latest: as a forecast will be used. */
	byTime: DemoScore;
	/** The earliest time the split by time scores on: milliseconds for a date, else the number. */
	scoredFrom: number;
	timeKind: 'date' | 'number';
	/** Train and validation rows left out of both splits for having no time value. */
	noTime: number;
}

/**
 * Returns the quick model's score on the user's train and validation rows split twice in the same
 * sizes: at random (seeded), and by time on `column` (earliest rows train). Never reads test rows.
 * Throws a `CoreError` for a ranking (split by query), a column that holds no times, no inputs,
 * or parts too small to score.
 */
export async function timeSplitDemo(
	parts: OpenParts,
	fit: Omit<QuickFit, 'steps'>,
	column: string,
	ctx: TaskContext = {}
): Promise<TimeSplitDemo> {
	const time = timeColumnOf(fit, column);
	const inputs = readableInputs(fit.schema, fit.inputs).filter((name) => name !== column);
	if (inputs.length === 0)
		throw new CoreError('no-inputs', 'The model has no input columns to learn from.');
	const { pool, values, keep, kept } = pooled(parts, fit, inputs, time);
	const share = parts.val.rowCount > 0 ? parts.val.rowCount / pool.rowCount : DEFAULT_SCORED_SHARE;
	const plan: SplitPlan = {
		seed: fit.seed,
		fractions: { train: 1 - share, val: share, test: 0 },
		stratify: false
	};
	const random = await scoreSplit(pool, splitRows(pool.rowCount, plan, keep), fit, inputs, ctx, 0);
	throwIfCancelled(ctx.signal);
	const ordered = splitByTime(pool.rowCount, { ...plan, kind: 'time', column }, values, keep);
	const byTime = await scoreSplit(pool, ordered, fit, inputs, ctx, 0.5);
	const scored = partRows(ordered, 'val');
	return {
		kind: 'random-split',
		column,
		metric: fit.metric,
		random,
		byTime,
		scoredFrom: scored.reduce((least, row) => Math.min(least, values[row]), Infinity),
		timeKind: time.kind === 'date' ? 'date' : 'number',
		noTime: pool.rowCount - kept
	};
}

/** Returns the schema of the column that orders the rows, or throws why it cannot. */
function timeColumnOf(fit: Omit<QuickFit, 'steps'>, column: string): ColumnSchema {
	if (fit.target.task === 'ranking')
		throw new CoreError(
			'ranking-split',
			'A ranking is split by its queries, so that no query is cut in two: neither a random split nor one by time applies.'
		);
	const time = schemaOf(fit.schema, column);
	if (column === fit.target.name || (time.kind !== 'date' && time.kind !== 'number'))
		throw new CoreError(
			'not-time',
			`"${column}" cannot order the rows in time: ${column === fit.target.name ? 'it is the target' : 'it holds neither dates nor numbers'}.`,
			{ column }
		);
	return time;
}

/**
 * Returns the train and validation rows as one pool (the columns the fits read), each row's
 * time (NaN when missing) and whether a split keeps it (-1: no time); throws when too few have
 * a time to split twice.
 */
function pooled(
	parts: OpenParts,
	fit: Omit<QuickFit, 'steps'>,
	inputs: readonly string[],
	time: ColumnSchema
) {
	const { schema, target } = fit;
	const scoring = scoringColumns(target).map((c) => c.name);
	const names = [...new Set([...inputs, target.name, time.name, ...scoring])];
	const pool = concatRawTables(parts.train, parts.val, names, 'the validation rows');
	const times = typeTable(pool, { ...schema, columns: [time] }).table.columns[0];
	if (times.kind !== 'date' && times.kind !== 'number')
		throw new CoreError('not-time', `"${time.name}" holds no times.`, { column: time.name });
	const values = times.values;
	const keep = Int32Array.from(values, (t) => (Number.isNaN(t) ? -1 : 0));
	const kept = keep.filter((k) => k === 0).length;
	if (kept < MIN_TRAIN_ROWS + MIN_SCORED_ROWS)
		throw new CoreError(
			'too-few-rows',
			`Only ${kept} train and validation rows have a value in "${time.name}": too few to split twice and compare.`,
			{ column: time.name }
		);
	return { pool, values, keep, kept };
}

/** Returns the quick model's score on one split of the pooled rows (train part, then val part). */
function scoreSplit(
	pool: RawTable,
	split: Split,
	fit: Omit<QuickFit, 'steps'>,
	inputs: string[],
	ctx: TaskContext,
	from: number
): Promise<DemoScore> {
	const phase = from === 0 ? 'Training on a random split' : 'Training on a split by time';
	return quickScore(
		{
			train: selectRawRows(pool, partRows(split, 'train')),
			scored: selectRawRows(pool, partRows(split, 'val'))
		},
		{ ...fit, inputs },
		progressShare(ctx, phase, from, 0.5)
	);
}
