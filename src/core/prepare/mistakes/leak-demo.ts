import type { MetricName } from '../../evaluate/metric-catalogue';
import { typeTable, type DatasetSchema } from '../../table/schema';
import { columnLength, isMissingAt, type Column } from '../../table/table';
import { CoreError } from '../../util/core-error';
import { throwIfCancelled, type TaskContext } from '../../util/task';
import type { RecipeStep } from '../recipe';
import { datePartName } from '../steps/date-parts';
import {
	progressShare,
	quickScore,
	readableInputs,
	schemaOf,
	type DemoScore,
	type OpenParts,
	type QuickFit
} from './quick-score';

/** "See what this leaky column does to validation": the quick model with and without it. */
export interface LeakDemo {
	kind: 'leaky-column';
	columns: string[];
	metric: MetricName;
	/** Trained on train with the columns, scored on validation: the score the leak promises. */
	withLeak: DemoScore;
	/** The same without them: what the model can really do. */
	withoutLeak: DemoScore;
	/** Columns whose missing cells the quick model saw as a 0/1 flag (an empty cell can leak too). */
	flagged: string[];
}

/**
 * Returns the quick model's validation score with the leaky `columns` among the inputs and
 * without them, both fitted on the train rows only. Throws a `CoreError` when a column is
 * unknown or the target, when the columns are all the inputs there are, or when a part is too
 * small to score.
 */
export async function leakDemo(
	parts: OpenParts,
	fit: Omit<QuickFit, 'steps'>,
	columns: readonly string[],
	ctx: TaskContext = {}
): Promise<LeakDemo> {
	const leaky = [...new Set(columns)];
	checkColumns(leaky, fit);
	const without = readableInputs(fit.schema, fit.inputs).filter((name) => !leaky.includes(name));
	if (without.length === 0)
		throw new CoreError(
			'only-input',
			`${names(leaky)} ${leaky.length === 1 ? 'is' : 'are'} the only input${leaky.length === 1 ? '' : 's'} of the model: without ${leaky.length === 1 ? 'it' : 'them'} there is nothing to learn from, so nothing to compare. Choose other feature columns first.`,
			{ column: leaky[0] }
		);
	const { steps, flagged } = leakSteps(leaky, fit.schema, parts);
	const withInputs = [...without, ...leaky];
	const scores = { train: parts.train, scored: parts.val };
	const withLeak = await quickScore(
		scores,
		{ ...fit, inputs: withInputs, steps },
		progressShare(ctx, 'Training with the leak', 0, 0.5)
	);
	throwIfCancelled(ctx.signal);
	const withoutLeak = await quickScore(
		scores,
		{ ...fit, inputs: without },
		progressShare(ctx, 'Training without it', 0.5, 0.5)
	);
	return {
		kind: 'leaky-column',
		columns: leaky,
		metric: fit.metric,
		withLeak,
		withoutLeak,
		flagged
	};
}

function names(columns: readonly string[]): string {
	return columns.map((c) => `"${c}"`).join(' and ');
}

function checkColumns(columns: readonly string[], fit: Omit<QuickFit, 'steps'>): void {
	if (columns.length === 0)
		throw new CoreError('no-columns', 'Name at least one column to leave out.');
	for (const name of columns) {
		schemaOf(fit.schema, name);
		if (name === fit.target.name)
			throw new CoreError(
				'target-column',
				`"${name}" is the target: it is what the model predicts, not one of its inputs.`,
				{ column: name }
			);
	}
}

/**
 * Returns the steps that let the quick model read the leaky columns fully: a date's year, month
 * and day (a model reads no date as it is), and a 0/1 flag of each missing cell, since a value
 * recorded only after the outcome often leaks by being there at all.
 */
function leakSteps(
	columns: readonly string[],
	schema: DatasetSchema,
	parts: OpenParts
): { steps: RecipeStep[]; flagged: string[] } {
	const kinds = columns.map((name) => schemaOf(schema, name));
	const typed = typeTable(parts.train, { ...schema, columns: kinds }).table.columns;
	const steps: RecipeStep[] = [];
	const flagged: string[] = [];
	for (const column of typed) {
		const { name } = column;
		const missing = hasMissing(column);
		if (missing) flagged.push(name);
		if (column.kind === 'date') {
			steps.push({ kind: 'date-parts', column: name, parts: ['year', 'month', 'day'] });
			// The parts of a missing date are missing: the year's flag marks the empty cells.
			if (missing)
				steps.push({
					kind: 'impute',
					column: datePartName(name, 'year'),
					strategy: 'median',
					indicator: true
				});
		} else if (missing) {
			const strategy = column.kind === 'number' ? 'median' : 'most-frequent';
			steps.push({ kind: 'impute', column: name, strategy, indicator: true });
		}
	}
	return { steps, flagged };
}

function hasMissing(column: Column): boolean {
	const n = columnLength(column);
	for (let row = 0; row < n; row++) if (isMissingAt(column, row)) return true;
	return false;
}
