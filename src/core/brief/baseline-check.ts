import type { MetricValues } from '../evaluate/metric-catalogue';
import { DEFAULT_ONE_RULE_SPEC, type OneRuleModel } from '../models/baseline/one-rule';
import { describeModel } from '../models/describe-model';
import type { FitEvent } from '../models/model';
import { chooseInputs } from '../prepare/inputs';
import { defaultRecipe, type FittedRecipe } from '../prepare/recipe';
import { oneHotName } from '../prepare/steps/one-hot';
import { outputColumns, scoringColumns, type TargetSpec } from '../ship/pipeline';
import { partRows, type Split } from '../split/split';
import { datasetSchema, queryCodes, type Dataset } from '../table/dataset';
import { typeTable, type ColumnSchema, type DatasetSchema } from '../table/schema';
import { isMissingAt, selectRawRows, type RawTable } from '../table/table';
import { trainRun, type TrainRequest } from '../train/train-run';
import { CoreError } from '../util/core-error';
import { createRng, shuffleInPlace } from '../util/rng';
import type { TaskContext } from '../util/task';

/** The share of rows a hold-out scores on, before there is a split. */
export const HOLDOUT_SHARE = 0.25;

/** What the scores were measured on, once the data is split. */
export const SPLIT_BASIS = 'train rows, scored on the validation rows of the split';
/** What the scores were measured on before the split. */
export const HOLDOUT_BASIS =
	'a 75/25 hold-out of all rows, before the split (an estimate; once the data is split, train and validation are used)';
/** What the scores were measured on when the split has no validation rows. */
export const TRAIN_HOLDOUT_BASIS =
	'a 75/25 hold-out of the train rows of the split, which has no validation rows';

/** One baseline's scores: what it is ("majority-class baseline") and its metrics. */
export interface BaselineScore {
	/** In lower case, to follow "The", as `KpiBaseline` reads it. */
	label: string;
	metrics: MetricValues;
}

/** The one-rule baseline's scores and the rule it learned. */
export interface RuleScore extends BaselineScore {
	/** The input column the rule asks about ("Sex"). */
	column: string;
	/** The rule in words, one line per bin, numbers in the input column's units. */
	summary: string[];
}

/** How well models that learn (next to) nothing do: the answer to "is ML the right tool?". */
export interface BaselineCheck {
	/** What the scores were measured on, as a sentence fragment. */
	basis: string;
	trainRows: number;
	scoredRows: number;
	/** The majority class (class shares) or the mean. */
	baseline: BaselineScore;
	/** The best single-column rule; null when no column can be an input. */
	rule: RuleScore | null;
}

/** The rows a check fits on and the rows it scores; never test rows. */
export interface CheckRows {
	train: Int32Array;
	scored: Int32Array;
}

/**
 * Returns a seeded random hold-out of `candidates`: `share` of them (at least one) to score on,
 * the rest (at least one) to fit on, each in row order. Use it before the data is split.
 * Throws `too-few-rows` with fewer than two candidates. With `groups` (a ranking's query code
 * per row), whole groups are held out, `share` of the groups, so no query is cut in two.
 */
export function holdoutRows(
	candidates: Int32Array,
	seed: number,
	share = HOLDOUT_SHARE,
	groups: Int32Array | null = null
): CheckRows {
	if (groups) return groupHoldout(candidates, seed, share, groups);
	const n = candidates.length;
	if (n < 2)
		throw new CoreError(
			'too-few-rows',
			`A hold-out needs at least 2 rows with a target value; there ${n === 1 ? 'is 1' : `are ${n}`}.`
		);
	const shuffled = shuffleInPlace(Int32Array.from(candidates), createRng(seed));
	const scored = Math.min(n - 1, Math.max(1, Math.round(n * share)));
	return {
		train: shuffled.slice(scored).sort(),
		scored: shuffled.slice(0, scored).sort()
	};
}

function groupHoldout(
	candidates: Int32Array,
	seed: number,
	share: number,
	groups: Int32Array
): CheckRows {
	const codes = [...new Set(Array.from(candidates, (row) => groups[row]))];
	const n = codes.length;
	if (n < 2)
		throw new CoreError(
			'too-few-rows',
			`A hold-out of whole queries needs at least 2 queries; there ${n === 1 ? 'is 1' : `are ${n}`}.`
		);
	const shuffled = shuffleInPlace(Int32Array.from(codes), createRng(seed));
	const held = new Set(shuffled.slice(0, Math.min(n - 1, Math.max(1, Math.round(n * share)))));
	return {
		train: candidates.filter((row) => !held.has(groups[row])),
		scored: candidates.filter((row) => held.has(groups[row]))
	};
}

/** Returns a rule with its cuts back in the input's units, when the recipe standardised it. */
function inInputUnits(model: OneRuleModel, recipe: FittedRecipe): OneRuleModel {
	const feature = model.features[model.feature];
	for (const step of recipe.steps)
		if (step.kind === 'standardize' && step.column === feature)
			return { ...model, cuts: model.cuts.map((cut) => cut * step.std + step.mean) };
	return model;
}

/** Returns the input column a feature comes from: itself, or the column a one-hot step split. */
function sourceColumn(feature: string, recipe: FittedRecipe): string {
	for (const step of recipe.steps)
		if (step.kind === 'one-hot' && step.levels.some((l) => oneHotName(step.column, l) === feature))
			return step.column;
	return feature;
}

/** Returns a fit context that reports the fit's progress as the share [from, from + span). */
function partOf(ctx: TaskContext, from: number, span: number): TaskContext<FitEvent> {
	return {
		signal: ctx.signal,
		onEvent: (event) => {
			if (event.kind === 'progress')
				ctx.onEvent?.({ ...event, fraction: from + span * event.fraction });
		}
	};
}

/**
 * Returns the scores of the majority-class (or mean) baseline and of the one-rule baseline,
 * fitted with `trainRun` on the `train` rows of `raw` and scored on its `scored` rows, with the
 * rule in words. `schema` types the inputs and the target; `basis` says what the rows are.
 */
export async function baselineCheck(
	raw: RawTable,
	schema: DatasetSchema,
	target: TargetSpec,
	inputs: readonly ColumnSchema[],
	rows: CheckRows,
	basis: string,
	seed: number,
	ctx: TaskContext = {}
): Promise<BaselineCheck> {
	// Only the columns the schema reads are copied: a wide file's other columns stay where they are.
	const read = new Set(schema.columns.map((c) => c.name));
	const narrow = { ...raw, columns: raw.columns.filter((c) => read.has(c.name)) };
	const request: Omit<TrainRequest, 'spec'> = {
		train: selectRawRows(narrow, rows.train),
		val: selectRawRows(narrow, rows.scored),
		schema,
		target,
		recipe: defaultRecipe(inputs),
		seed
	};
	const base = await trainRun({ ...request, spec: { kind: 'baseline' } }, partOf(ctx, 0, 0.2));
	const baseline = {
		label: 'classes' in target ? 'majority-class baseline' : 'mean baseline',
		metrics: base.valMetrics
	};
	const check = { basis, trainRows: rows.train.length, scoredRows: rows.scored.length, baseline };
	if (inputs.length === 0) return { ...check, rule: null };
	const fit = await trainRun({ ...request, spec: DEFAULT_ONE_RULE_SPEC }, partOf(ctx, 0.2, 0.8));
	const { model, recipe } = fit.pipeline;
	if (model.kind !== 'rule')
		throw new CoreError('bad-model', 'The one-rule fit returned another kind of model.');
	const column = sourceColumn(model.features[model.feature], recipe);
	const summary = describeModel(inInputUnits(model, recipe));
	const rule: RuleScore = {
		label: `one-rule baseline on ${column}`,
		metrics: fit.valMetrics,
		column,
		summary: summary?.kind === 'rule' ? summary.lines : []
	};
	return { ...check, rule };
}

/** Returns the rows where every one of `columns` (the target, a query) has a value, in row order. */
function targetRows(dataset: Dataset, columns: readonly ColumnSchema[]): Int32Array {
	const { table } = typeTable(dataset.raw, datasetSchema(dataset, columns));
	const rows: number[] = [];
	for (let row = 0; row < table.rowCount; row++)
		if (table.columns.every((column) => !isMissingAt(column, row))) rows.push(row);
	return Int32Array.from(rows);
}

/** What the data worker's baseline check is asked for. */
export interface BaselineCheckRequest {
	target: ColumnSchema;
	spec: TargetSpec;
	/** The split the data worker made, or null before there is one. */
	split: Split | null;
	seed: number;
}

/**
 * Returns the baseline check on a loaded dataset, over the default model inputs (not the target,
 * identifiers, free text, dates or constants): on the split's train and validation rows, or
 * before the split on a seeded 75/25 hold-out of the rows with a target. Never reads test rows.
 */
export function baselineCheckOnDataset(
	dataset: Dataset,
	{ target, spec, split, seed }: BaselineCheckRequest,
	ctx: TaskContext = {}
): Promise<BaselineCheck> {
	const inputs = chooseInputs(dataset.reports, outputColumns(spec), null);
	const schema = datasetSchema(dataset, [...inputs, target, ...scoringColumns(spec)]);
	let rows: CheckRows;
	let basis: string;
	// A ranking holds out whole queries.
	const queries = spec.task === 'ranking' ? queryCodes(dataset, spec.query) : null;
	if (!split) {
		const candidates = targetRows(dataset, [target, ...scoringColumns(spec)]);
		rows = holdoutRows(candidates, seed, HOLDOUT_SHARE, queries);
		basis = HOLDOUT_BASIS;
	} else {
		const train = partRows(split, 'train');
		const val = partRows(split, 'val');
		rows =
			val.length > 0 ? { train, scored: val } : holdoutRows(train, seed, HOLDOUT_SHARE, queries);
		basis = val.length > 0 ? SPLIT_BASIS : TRAIN_HOLDOUT_BASIS;
	}
	return baselineCheck(dataset.raw, schema, spec, inputs, rows, basis, seed, ctx);
}
