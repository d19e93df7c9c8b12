// The classic mistakes shown on the user's own data: each is a real experiment on the train and
// validation rows of the split, the quick model fitted the mistaken way and the honest way.
import { metricInfo, metricsForTask, type MetricName } from '../../evaluate/metric-catalogue';
import type { TargetSpec } from '../../ship/pipeline';
import type { DatasetSchema } from '../../table/schema';
import { assertNever } from '../../util/assert-never';
import { CoreError } from '../../util/core-error';
import type { TaskContext } from '../../util/task';
import { leakDemo, type LeakDemo } from './leak-demo';
import type { OpenParts } from './quick-score';
import { timeSplitDemo, type TimeSplitDemo } from './time-split-demo';

/** A mistake to show: a leaky column kept among the inputs, or a random split of a time series. */
export type Mistake =
	{ kind: 'leaky-column'; columns: string[] } | { kind: 'random-split'; column: string };

/** What a demonstration is asked for, besides the rows and how the data is read. */
export interface MistakeDemoRequest {
	mistake: Mistake;
	target: TargetSpec;
	/** The brief's primary metric: the one both scores are given in. */
	metric: MetricName;
	/** The columns the user's model reads now. */
	inputs: string[];
	/**
	 * Other columns the leakage lint suspects: left out of every fit, so that one leak does not
	 * hide another, nor the lesson of a split.
	 */
	suspects: string[];
	/** The project's seed. */
	seed: number;
}

/**
 * A demonstration's result: the mistaken score beside the honest one, and the suspect columns
 * of the user's inputs that both fits left out.
 */
export type MistakeDemo = (LeakDemo | TimeSplitDemo) & { leftOut: string[] };

/**
 * Returns the demonstration of `request.mistake` on the open parts of the user's split, with
 * the data read by `schema`. Throws a `CoreError` with a plain message when it cannot run.
 */
export async function mistakeDemo(
	parts: OpenParts,
	schema: DatasetSchema,
	request: MistakeDemoRequest,
	ctx: TaskContext = {}
): Promise<MistakeDemo> {
	const { mistake, target, metric, seed } = request;
	if (!metricsForTask(target.task).includes(metric))
		throw new CoreError(
			'bad-metric',
			`${metricInfo(metric).label} does not score a ${target.task} task; choose the primary metric again in Define.`
		);
	const leftOut = request.inputs.filter(
		(name) => request.suspects.includes(name) && !mistakeColumns(mistake).includes(name)
	);
	const inputs = request.inputs.filter((name) => !leftOut.includes(name));
	const fit = { schema, target, metric, inputs, seed };
	switch (mistake.kind) {
		case 'leaky-column':
			return { ...(await leakDemo(parts, fit, mistake.columns, ctx)), leftOut };
		case 'random-split':
			return { ...(await timeSplitDemo(parts, fit, mistake.column, ctx)), leftOut };
		default:
			return assertNever(mistake, 'mistake');
	}
}

/** Returns the columns a mistake is about. */
function mistakeColumns(mistake: Mistake): string[] {
	return mistake.kind === 'leaky-column' ? mistake.columns : [mistake.column];
}
