import { formatBytes, formatLatency } from '../util/format-units';
import { predictsValues, type TaskKind } from '../brief/task';
import { assertNever } from '../util/assert-never';
import type { ModelSpec } from './model';
import { MODEL_FAMILIES } from './registry';

/** A family the Choose stage offers with a form: every family but the plain baseline. */
export type FamilyKind = Exclude<ModelSpec['kind'], 'baseline'>;

/** What a logged run of a family measured (`RunRecord.latencyUs`, `RunRecord.modelBytes`). */
export interface MeasuredCost {
	kind: ModelSpec['kind'];
	latencyUs?: number | null;
	modelBytes?: number | null;
}

/** What the recommendation is made from: the data's size, the task and the brief's needs. */
export interface RecommendInput {
	task: TaskKind;
	trainRows: number;
	/** Model features after the recipe when a run has counted them, else the input columns. */
	features: number;
	/** True when `features` counts the recipe's output (one-hot columns included). */
	featuresAfterRecipe?: boolean;
	/** Input columns, and how many of them are categories. */
	inputColumns?: number;
	categoricalColumns?: number;
	/** The brief asks for a model a person can read; absent means it says nothing. */
	interpretable?: boolean;
	/** The brief's budget for predicting one row, in microseconds. */
	latencyBudgetUs?: number | null;
	/** The brief's budget for the shipped model, in bytes. */
	modelBytesBudget?: number | null;
	/** The split orders rows by time, so validation rows come after the train rows. */
	timeSplit?: boolean;
	/** What the project's runs measured, oldest first: the latest of each family counts. */
	measured?: readonly MeasuredCost[];
}

export interface Alternative {
	kind: FamilyKind;
	why: string;
}

/** The family to start with, its starting spec, why, and a word on every other family. */
export interface Recommendation {
	kind: FamilyKind;
	spec: ModelSpec;
	reasons: string[];
	alternatives: Alternative[];
}

/** Below this many training rows a flexible model mostly learns noise. */
export const FEW_TRAIN_ROWS = 200;
/** From about this many training rows boosted trees usually beat a linear model on tables. */
export const ENOUGH_TRAIN_ROWS = 1_000;
/** A tree this deep has at most 16 paths: still readable as a chart. */
export const READABLE_TREE_DEPTH = 4;
/** More weights than this are hard to read one by one. */
const MANY_WEIGHTS = 20;

/**
 * Rough per-row latency of each family's default spec before any run, recipe included, in
 * microseconds: `measureModel` on adult and california_housing in Node 20 gave 0.1-0.6 ms for
 * every family but the forest (0.2-1.8 ms), reading the row through the recipe costing most.
 */
const ROUGH_LATENCY_US: Readonly<Record<FamilyKind, number>> = {
	rule: 200,
	linear: 200,
	tree: 200,
	boosting: 300,
	neural: 300,
	forest: 1_000
};

/** Rough pipeline JSON size of a family's default spec, from the same runs. */
function roughBytes(kind: FamilyKind, input: RecommendInput): number {
	switch (kind) {
		case 'rule':
		case 'tree':
			return 20_000;
		case 'linear':
			return 8_000 + 40 * input.features;
		case 'boosting':
			return 200_000;
		case 'neural':
			// 64 hidden units, about 22 characters per weight in JSON.
			return 10_000 + 64 * 22 * input.features;
		case 'forest':
			// 100 full-depth trees: 11 MB for adult's 19,536 rows, 37 MB for california's 12,384.
			return input.trainRows * (predictsValues(input.task) ? 3_000 : 600);
		default:
			return assertNever(kind, 'model family');
	}
}

const COUNT = new Intl.NumberFormat('en-US');
const count = (n: number, unit: string) => `${COUNT.format(n)} ${unit}${n === 1 ? '' : 's'}`;

/** Returns the spec a family's form starts from for a task (scikit-learn's defaults). */
export function startingSpec(kind: ModelSpec['kind'], task: TaskKind | null): ModelSpec {
	const spec = MODEL_FAMILIES.find((f) => f.kind === kind)?.defaultSpec ?? { kind: 'baseline' };
	if (task === null || !predictsValues(task)) return spec;
	// Regression (and pointwise ranking) always splits on the squared error; scikit-learn's forest regressor tries all
	// features at each split.
	if (spec.kind === 'tree') return { ...spec, criterion: 'squared_error' };
	if (spec.kind === 'forest') return { ...spec, maxFeatures: 'all' };
	return spec;
}

interface Cost {
	latencyUs: number;
	modelBytes: number;
	latencyMeasured: boolean;
	sizeMeasured: boolean;
}

function costOf(kind: FamilyKind, input: RecommendInput): Cost {
	const last = (input.measured ?? []).findLast((m) => m.kind === kind);
	const finite = (x: number | null | undefined): x is number => x != null && Number.isFinite(x);
	return {
		latencyUs: finite(last?.latencyUs) ? last.latencyUs : ROUGH_LATENCY_US[kind],
		modelBytes: finite(last?.modelBytes) ? last.modelBytes : roughBytes(kind, input),
		latencyMeasured: finite(last?.latencyUs),
		sizeMeasured: finite(last?.modelBytes)
	};
}

const latencyBudget = (us: number) => `a ${formatLatency(us)} latency budget`;
const sizeBudget = (bytes: number) => `a ${formatBytes(bytes)} size budget`;
const latencyText = (cost: Cost) =>
	`${cost.latencyMeasured ? 'measured at' : 'roughly'} ${formatLatency(cost.latencyUs)} per row`;
const sizeText = (cost: Cost) =>
	`${cost.sizeMeasured ? 'measured at' : 'roughly'} ${formatBytes(cost.modelBytes)}`;

/** Returns why a family misses the brief's budgets, or null when it fits them. */
function overBudget(kind: FamilyKind, input: RecommendInput): string | null {
	const cost = costOf(kind, input);
	const { latencyBudgetUs: us, modelBytesBudget: bytes } = input;
	if (us != null && cost.latencyUs > us) return `${latencyText(cost)}, over ${latencyBudget(us)}`;
	if (bytes != null && cost.modelBytes > bytes)
		return `${sizeText(cost)}, over ${sizeBudget(bytes)}`;
	return null;
}

/** How many times over its budgets a family is, by the larger of the two ratios. */
function miss(kind: FamilyKind, input: RecommendInput): number {
	const cost = costOf(kind, input);
	const { latencyBudgetUs: us, modelBytesBudget: bytes } = input;
	return Math.max(us ? cost.latencyUs / us : 0, bytes ? cost.modelBytes / bytes : 0);
}

/** How a budgeted pick fits the budgets, quoting the brief's numbers. */
function budgetReasons(kind: FamilyKind, input: RecommendInput): string[] {
	const cost = costOf(kind, input);
	const reasons: string[] = [];
	if (input.latencyBudgetUs != null)
		reasons.push(
			`Its latency is ${latencyText(cost)}, within ${latencyBudget(input.latencyBudgetUs)}.`
		);
	if (input.modelBytesBudget != null)
		reasons.push(`Its size is ${sizeText(cost)}, within ${sizeBudget(input.modelBytesBudget)}.`);
	return reasons;
}

/** A family where a situation ranks it: why to pick it, and what to say of it beside the pick. */
interface Candidate {
	kind: FamilyKind;
	/** Why to pick it; its `why` stands in when empty. */
	reasons: string[];
	why: string;
	/** Worth comparing beside the pick, never the pick itself. */
	alternativeOnly?: boolean;
	spec?: ModelSpec;
}

const NAMES: Readonly<Record<FamilyKind, string>> = {
	rule: 'one rule',
	linear: 'the linear model',
	tree: 'a decision tree',
	forest: 'a random forest',
	boosting: 'gradient-boosted trees',
	neural: 'a neural network'
};

const trainRowsText = (input: RecommendInput) => count(input.trainRows, 'training row');
const featuresOf = (input: RecommendInput) =>
	input.featuresAfterRecipe
		? `${count(input.features, 'feature')} after the recipe`
		: count(input.features, 'input column');

const RULE: Candidate = {
	kind: 'rule',
	reasons: ['One rule is the simplest model there is: one question about one column.'],
	why: 'Train it beside the others: it shows how much a real model adds to one question about one column.'
};

const neural = (why: string): Candidate => ({
	kind: 'neural',
	reasons: [],
	why,
	alternativeOnly: true
});

const shallow = (spec: ModelSpec): ModelSpec =>
	spec.kind === 'tree' ? { ...spec, maxDepth: READABLE_TREE_DEPTH } : spec;

/** The brief needs a readable model: linear, or a shallow tree when categories dominate. */
function readablePlan(input: RecommendInput): Candidate[] {
	const need = 'The brief asks for a model a person can read.';
	const categorical = input.categoricalColumns ?? 0;
	const columns = input.inputColumns ?? input.features;
	const manyCategories = categorical >= 3 && categorical * 2 >= columns;
	const depth = READABLE_TREE_DEPTH;
	const linear: Candidate = {
		kind: 'linear',
		reasons: [
			`${need} A linear model is a weighted sum: each weight says how much its feature moves the prediction, all else equal.`,
			...(input.features > MANY_WEIGHTS
				? [
						`With ${featuresOf(input)}, an L1 penalty can drop the features that matter least, leaving fewer weights to read.`
					]
				: []),
			...(input.trainRows < FEW_TRAIN_ROWS
				? [`With only ${trainRowsText(input)}, a flexible model would overfit anyway.`]
				: [])
		],
		why: 'Also readable: one weight per feature. Compare it with the tree on validation.'
	};
	const tree: Candidate = {
		kind: 'tree',
		reasons: [
			`${need} A decision tree of depth ${depth} is a chart of at most ${2 ** depth} paths, each a plain if-then rule.`,
			...(manyCategories
				? [
						`${categorical} of your ${count(columns, 'input column')} are categories: a tree reads a combination of them as one path, where a weighted sum can only add up their effects.`
					]
				: [])
		],
		why: `A tree of depth ${depth} is readable too, and catches thresholds and interactions that a weighted sum misses.`,
		spec: shallow(startingSpec('tree', input.task))
	};
	const opaque =
		'no one can read it whole: train it only to see on validation what readability costs';
	return [
		...(manyCategories ? [tree, linear] : [linear, tree]),
		{
			...RULE,
			reasons: [`${need} One question about one column is the simplest model to explain.`]
		},
		{
			kind: 'boosting',
			reasons: [],
			why: `Usually more accurate, but ${opaque}.`,
			alternativeOnly: true
		},
		{ kind: 'forest', reasons: [], why: `Robust, but ${opaque}.`, alternativeOnly: true },
		neural('The hardest family to explain, and rarely better than trees on tables.')
	];
}

/** Under `FEW_TRAIN_ROWS`: a penalised linear model. */
function fewRowsPlan(input: RecommendInput): Candidate[] {
	const rows = trainRowsText(input);
	return [
		{
			kind: 'linear',
			reasons: [
				`Only ${rows}: a flexible model (deep trees, boosted trees, a neural network) would fit their noise and overfit. A penalised linear model learns one weight per feature and generalises best from few rows.`,
				...(input.features * 10 >= input.trainRows
					? [
							`${featuresOf(input)} for ${rows} is many weights: compare a few L2 penalties on validation; a larger one overfits less.`
						]
					: [])
			],
			why: `Learns one weight per feature: the safest model for ${rows}.`
		},
		{
			kind: 'tree',
			reasons: [],
			why: `A shallow tree also copes with ${rows}; a deep one memorises them.`
		},
		{
			kind: 'forest',
			reasons: [],
			why: `Averaging many trees tames their overfitting, so a forest can work with ${rows}: worth comparing.`
		},
		RULE,
		{
			kind: 'boosting',
			reasons: [],
			why: `Needs more than ${rows}: its many small trees overfit few rows, and early stopping has few validation rows to judge by.`,
			alternativeOnly: true
		},
		neural(`The most flexible family, so the first to overfit ${rows}; slower to train too.`)
	];
}

/** From `FEW_TRAIN_ROWS` to `ENOUGH_TRAIN_ROWS`: linear first, a forest to compare. */
function someRowsPlan(input: RecommendInput): Candidate[] {
	const rows = trainRowsText(input);
	const enough = count(ENOUGH_TRAIN_ROWS, 'training row');
	return [
		{
			kind: 'linear',
			reasons: [
				`With ${rows}, a simple model is hard to beat: a penalised linear model is fast, stable and readable, while a flexible family has little more to learn from so few rows and much noise to overfit.`,
				`Boosted trees usually pull ahead from about ${enough}.`
			],
			why: `Hard to beat with ${rows}: fast, stable and readable.`
		},
		{
			kind: 'forest',
			reasons: [],
			why: `Robust with little tuning, and often as good with ${rows}: the one to compare with.`
		},
		{
			kind: 'tree',
			reasons: [],
			why: `Readable and catches thresholds; keep it shallow with ${rows}.`
		},
		{
			kind: 'boosting',
			reasons: [],
			why: `Usually the most accurate from about ${enough}; with ${rows} it overfits more easily, so keep early stopping on.`
		},
		RULE,
		neural(`Rarely better than trees on tables, slower to train, and quick to overfit ${rows}.`)
	];
}

/** From `ENOUGH_TRAIN_ROWS` with no need to read the model: gradient-boosted trees. */
function manyRowsPlan(input: RecommendInput): Candidate[] {
	const rows = trainRowsText(input);
	const forest = costOf('forest', input);
	return [
		{
			kind: 'boosting',
			reasons: [
				`${rows} is enough for gradient-boosted trees, usually the most accurate family on tables: they find thresholds and interactions by themselves, and early stopping on the validation rows decides how many trees to add.`
			],
			why: `Usually the most accurate family on tables with ${rows}.`
		},
		{
			kind: 'forest',
			reasons: [
				`With ${rows}, a random forest is nearly as accurate as boosted trees, with almost no tuning.`
			],
			why: `Nearly as accurate with almost no tuning, but large: ${sizeText(forest)} for ${rows}, and slower per row.`
		},
		{
			kind: 'linear',
			reasons: [`A linear model is fast, small and readable, a strong start with ${rows}.`],
			why: 'Fast, small and readable: train it as the benchmark, and if it comes close, prefer it.'
		},
		{
			kind: 'tree',
			reasons: [`A decision tree is fast and readable, with ${rows} to learn from.`],
			why: 'Readable, but one tree is usually clearly less accurate than many.'
		},
		RULE,
		neural(
			`Rarely better than boosted trees on tables, and slower to train on a laptop (minutes rather than seconds with ${rows}): worth a try only to compare.`
		)
	];
}

function planFor(input: RecommendInput): Candidate[] {
	if (input.interpretable === true) return readablePlan(input);
	if (input.trainRows < FEW_TRAIN_ROWS) return fewRowsPlan(input);
	if (input.trainRows < ENOUGH_TRAIN_ROWS) return someRowsPlan(input);
	return manyRowsPlan(input);
}

const TREE_FAMILIES: readonly FamilyKind[] = ['tree', 'forest', 'boosting'];
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What the pick needs said besides its own reasons: what it displaced, budgets, caveats. */
function contextReasons(pick: Candidate, plan: readonly Candidate[], input: RecommendInput) {
	const reasons: string[] = [];
	for (const c of plan.slice(0, plan.indexOf(pick))) {
		const out = overBudget(c.kind, input);
		if (out && !c.alternativeOnly) reasons.push(`Ruled out: ${NAMES[c.kind]} (${out}).`);
	}
	reasons.push(...budgetReasons(pick.kind, input));
	if (
		input.interpretable === false &&
		!MODEL_FAMILIES.find((f) => f.kind === pick.kind)?.interpretable
	)
		reasons.push('The brief does not need a readable model, so accuracy can lead.');
	if (input.timeSplit && predictsValues(input.task) && TREE_FAMILIES.includes(pick.kind))
		reasons.push(
			'Your split is by time: trees cannot predict beyond the range of target values they were trained on, so if the target trends, compare with the linear model, which can extrapolate.'
		);
	return reasons;
}

/**
 * Returns the family to start with for a task and data of this size under the brief's needs
 * (readability, latency and size budgets), with its starting spec, the reasons in the user's
 * numbers, and why (or why not) each other family. Measured run costs replace the rough figures.
 */
export function recommendFamily(input: RecommendInput): Recommendation {
	const plan = planFor(input);
	const pickable = plan.filter((c) => !c.alternativeOnly);
	const fits = pickable.find((c) => overBudget(c.kind, input) === null);
	let pick: Candidate;
	let reasons: string[];
	if (fits) {
		pick = fits;
		reasons = [...(fits.reasons.length > 0 ? fits.reasons : [fits.why])];
		reasons.push(...contextReasons(fits, plan, input));
	} else {
		pick = pickable.reduce((a, b) => (miss(b.kind, input) < miss(a.kind, input) ? b : a));
		reasons = [
			`No family fits the brief's budgets by these figures; ${NAMES[pick.kind]} comes closest (${overBudget(pick.kind, input)}). Train it and check its measured cost, or revisit the budget.`
		];
	}
	const alternatives = plan
		.filter((c) => c !== pick)
		.map((c): Alternative => {
			const out = overBudget(c.kind, input);
			return { kind: c.kind, why: out ? `Ruled out: ${out}.` : c.why };
		});
	return {
		kind: pick.kind,
		spec: pick.spec ?? startingSpec(pick.kind, input.task),
		reasons: reasons.map(capital),
		alternatives
	};
}
