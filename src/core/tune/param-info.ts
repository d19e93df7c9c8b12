import type { ModelSpec } from '../models/model';
import { MAX_RULE_BINS } from '../models/baseline/one-rule';
import { MAX_BINS } from '../models/tree/bins';
import { assertNever } from '../util/assert-never';

/** Every spec a form can edit (every family's). */
export type FormSpec = ModelSpec;
export type SpecKind = FormSpec['kind'];

/** A hyperparameter's value as a spec holds it (`hidden` is a list of layer widths). */
export type ParamValue = number | string | null | readonly number[];

/** One value a field offers by name; `task` limits it to class or number targets. */
export interface ParamOption {
	value: ParamValue;
	label: string;
	task?: 'classes' | 'values';
}

/**
 * How a form reads a hyperparameter. Bounds are inclusive unless `exclusiveMin`/`exclusiveMax`
 * says so (the spec refuses the bound itself); `log` marks values that span orders of magnitude.
 */
export type ParamInput =
	| { kind: 'int'; min: number; max: number; step: 1 }
	| {
			kind: 'float';
			min: number;
			max: number;
			step: number | 'any';
			log: boolean;
			exclusiveMin?: boolean;
			exclusiveMax?: boolean;
	  }
	| { kind: 'choice'; options: readonly ParamOption[] }
	/** A list of whole numbers, one per layer, each in [min, max]. */
	| { kind: 'layers'; maxLayers: number; min: number; max: number };

/** What a form shows for one spec field: the one description forms and tuning share. */
export interface ParamInfo {
	/** The spec field. */
	key: string;
	label: string;
	/** One line: what it does, and which way it overfits. */
	help: string;
	input: ParamInput;
	/** Named values the field takes besides its input's range (null for "no limit"). */
	special?: readonly ParamOption[];
	/** Shown only for class targets or only for number targets. */
	task?: 'classes' | 'values';
	/** What a spec without the field means (specs saved before it existed). */
	absent?: ParamValue;
}

const int = (min: number, max: number): ParamInput => ({ kind: 'int', min, max, step: 1 });
const float = (
	min: number,
	max: number,
	more: {
		step?: number | 'any';
		log?: boolean;
		exclusiveMin?: boolean;
		exclusiveMax?: boolean;
	} = {}
): ParamInput => ({ kind: 'float', min, max, step: more.step ?? 'any', log: false, ...more });
const choice = (...options: ParamOption[]): ParamInput => ({ kind: 'choice', options });
const NO_LIMIT: readonly ParamOption[] = [{ value: null, label: 'No limit' }];
const MANY = 1_000_000;
/** The forest's own cap (`MAX_TREES` in random-forest.ts, not exported). */
const MAX_FOREST_TREES = 10_000;

const CRITERION: ParamInfo = {
	key: 'criterion',
	label: 'Split quality',
	help: 'How a split of classes is scored: Gini impurity or entropy, which rarely differ much. Numbers always use the squared error.',
	input: choice({ value: 'gini', label: 'Gini impurity' }, { value: 'entropy', label: 'Entropy' }),
	task: 'classes'
};

const MIN_SAMPLES_LEAF: ParamInfo = {
	key: 'minSamplesLeaf',
	label: 'Fewest rows per leaf',
	help: 'A split is kept only if each side keeps this many training rows: larger overfits less; 1 lets a leaf memorise a single row.',
	input: int(1, MANY)
};

const LINEAR: readonly ParamInfo[] = [
	{
		key: 'l2',
		label: 'L2 penalty',
		help: 'Shrinks every weight towards zero: larger gives a simpler model (underfits if too large); near 0 lets the weights chase the training rows (overfits).',
		input: float(0, MANY, { log: true })
	},
	{
		key: 'l1',
		label: 'L1 penalty',
		help: 'Pushes weights to exactly zero, dropping features: larger keeps fewer features (underfits if too large); 0 keeps them all.',
		input: float(0, MANY, { log: true }),
		absent: 0
	}
];

const TREE: readonly ParamInfo[] = [
	CRITERION,
	{
		key: 'maxDepth',
		label: 'Maximum depth',
		help: 'How many questions a path may ask: deeper trees fit the training rows more closely (overfit); shallow ones read easily but may underfit.',
		input: int(0, 64)
	},
	MIN_SAMPLES_LEAF
];

const BOOSTING: readonly ParamInfo[] = [
	{
		key: 'iterations',
		label: 'Most rounds',
		help: 'The most trees added one after another; early stopping usually ends sooner. More rounds fit the training rows more closely.',
		input: int(1, 10_000)
	},
	{
		key: 'learningRate',
		label: 'Learning rate',
		help: "How much each tree's correction counts: smaller learns slower and steadier (overfits less, needs more rounds); larger overfits sooner.",
		input: float(0, 1, { log: true, exclusiveMin: true })
	},
	{
		key: 'maxLeaves',
		label: 'Leaves per tree',
		help: 'How many leaves each tree may grow: more leaves capture more interactions and overfit sooner; fewer give simpler trees.',
		input: int(2, 4096)
	},
	{
		key: 'maxDepth',
		label: 'Maximum depth',
		help: 'Caps how deep a tree may grow, on top of its leaf count: a lower cap overfits less; no limit leaves the shape to the leaf count.',
		input: int(1, 64),
		special: NO_LIMIT
	},
	{
		key: 'minDataInLeaf',
		label: 'Fewest rows per leaf',
		help: 'A leaf needs this many training rows: larger overfits less; small values let leaves fit a handful of rows.',
		input: int(1, MANY)
	},
	{
		key: 'l2',
		label: 'L2 penalty on leaves',
		help: "Shrinks each leaf's value towards zero: larger overfits less; 0 turns it off.",
		input: float(0, MANY, { log: true })
	},
	{
		key: 'rowSubsample',
		label: 'Row share per round',
		help: 'Share of the training rows each round sees, drawn anew: below 1 adds randomness that often overfits less.',
		input: float(0, 1, { step: 0.05, exclusiveMin: true })
	},
	{
		key: 'featureSubsample',
		label: 'Feature share per tree',
		help: 'Share of the features each tree may split on: below 1 makes trees differ and often overfits less.',
		input: float(0, 1, { step: 0.05, exclusiveMin: true })
	},
	{
		key: 'earlyStopping',
		label: 'Early-stopping patience',
		help: 'Stop when the validation loss has not improved for this many rounds; 0 never stops early (more risk of overfitting).',
		input: int(0, 10_000)
	},
	{
		key: 'maxBins',
		label: 'Bins per feature',
		help: 'How finely each feature is cut before trees grow: more bins find finer thresholds (overfit a little more, fit slower).',
		input: int(2, MAX_BINS - 1)
	}
];

const FOREST: readonly ParamInfo[] = [
	{
		key: 'trees',
		label: 'Trees',
		help: 'How many trees vote: more give steadier predictions and never overfit more, but fit and predict slower.',
		input: int(1, MAX_FOREST_TREES)
	},
	{
		key: 'maxDepth',
		label: 'Maximum depth',
		help: 'How deep each tree may grow: deeper trees fit the training rows more closely; averaging tames that, and a cap overfits less.',
		input: int(0, 64),
		special: NO_LIMIT
	},
	MIN_SAMPLES_LEAF,
	{
		key: 'maxFeatures',
		label: 'Features per split',
		help: 'How many features each split may choose from: fewer make the trees differ more (overfits less); all makes every tree alike.',
		input: float(0, 1, { step: 0.05, exclusiveMin: true }),
		special: [
			{ value: 'sqrt', label: 'Square root of the feature count' },
			{ value: 'all', label: 'All features' }
		]
	},
	CRITERION
];

const NEURAL: readonly ParamInfo[] = [
	{
		key: 'hidden',
		label: 'Hidden layers',
		help: 'Units per hidden layer, input side first: more or wider layers learn more complex patterns and overfit more easily.',
		input: { kind: 'layers', maxLayers: 8, min: 1, max: 4096 }
	},
	{
		key: 'activation',
		label: 'Activation',
		help: 'The bend each hidden unit applies: ReLU (fast, the usual choice) or tanh (smooth and bounded).',
		input: choice({ value: 'relu', label: 'ReLU' }, { value: 'tanh', label: 'tanh' })
	},
	{
		key: 'dropout',
		label: 'Dropout',
		help: 'Share of hidden units switched off at random in each training step: larger overfits less; 0 turns it off.',
		input: float(0, 1, { step: 0.05, exclusiveMax: true })
	},
	{
		key: 'learningRate',
		label: 'Learning rate',
		help: "Adam's step size: larger learns faster but jumps around (and reaches an overfit sooner); smaller needs more epochs.",
		input: float(0, 1, { log: true, exclusiveMin: true })
	},
	{
		key: 'batchSize',
		label: 'Batch size',
		help: 'Rows per training step: smaller batches give noisier steps, a mild brake on overfitting; larger ones steadier, faster epochs.',
		input: int(1, MANY)
	},
	{
		key: 'epochs',
		label: 'Most epochs',
		help: 'The most passes over the training rows; early stopping usually ends sooner. More passes fit the training rows more closely.',
		input: int(1, 10_000)
	},
	{
		key: 'patience',
		label: 'Early-stopping patience',
		help: 'Stop when the validation loss has not improved for this many epochs; 0 never stops early (more risk of overfitting).',
		input: int(0, 10_000)
	},
	{
		key: 'l2',
		label: 'L2 penalty',
		help: "Shrinks the weights towards zero (scikit-learn's alpha): larger overfits less.",
		input: float(0, MANY, { log: true })
	}
];

/**
 * The fields of every family's spec, in form order: what the Choose stage renders and what
 * tuning (`TUNING_SPACES`) describes its search with. A spec's `kind` is not a field.
 */
export const PARAM_INFO: Readonly<Record<SpecKind, readonly ParamInfo[]>> = {
	baseline: [
		{
			key: 'strategy',
			label: 'Prediction',
			help: 'What the baseline predicts for every row; it learns no pattern, so it cannot overfit. Every model must beat it.',
			input: choice(
				{ value: 'prior', label: 'The class shares', task: 'classes' },
				{ value: 'most_frequent', label: 'The most frequent class', task: 'classes' },
				{ value: 'stratified', label: 'A class drawn by the shares', task: 'classes' },
				{ value: 'mean', label: 'The mean', task: 'values' },
				{ value: 'median', label: 'The median', task: 'values' }
			)
		}
	],
	rule: [
		{
			key: 'maxBins',
			label: 'Bins',
			help: 'How many ranges the one feature is cut into: more bins follow the training rows more closely (overfit); fewer give a coarser rule.',
			input: int(2, MAX_RULE_BINS)
		}
	],
	linear: LINEAR,
	tree: TREE,
	boosting: BOOSTING,
	forest: FOREST,
	neural: NEURAL
};

/** Returns the value a spec gives a field, or what its absence means. */
export function readParam(spec: FormSpec, info: ParamInfo): ParamValue | undefined {
	const value = (spec as unknown as Readonly<Record<string, ParamValue | undefined>>)[info.key];
	return value === undefined ? info.absent : value;
}

/** Returns a copy of the spec with one field set (a list is copied, never shared). */
export function withParam<S extends FormSpec>(spec: S, key: string, value: ParamValue): S {
	return { ...spec, [key]: Array.isArray(value) ? [...value] : value };
}

const sameValue = (a: ParamValue, b: ParamValue) =>
	Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;

function numberProblem(
	info: ParamInfo,
	input: Extract<ParamInput, { kind: 'int' | 'float' }>,
	value: ParamValue
): string | null {
	const whole = input.kind === 'int';
	const exclusiveMin = input.kind === 'float' && input.exclusiveMin === true;
	const exclusiveMax = input.kind === 'float' && input.exclusiveMax === true;
	const ok =
		typeof value === 'number' &&
		(whole ? Number.isInteger(value) : Number.isFinite(value)) &&
		(exclusiveMin ? value > input.min : value >= input.min) &&
		(exclusiveMax ? value < input.max : value <= input.max);
	if (ok) return null;
	const named = info.special?.map((option) => option.label.toLowerCase()) ?? [];
	const or = named.length > 0 ? `, or ${named.join(' or ')}` : '';
	return `${info.label} must be ${whole ? 'a whole number' : 'a number'} ${exclusiveMin ? 'above' : 'at least'} ${input.min} and ${exclusiveMax ? 'below' : 'at most'} ${input.max}${or}.`;
}

/** Returns why a value does not fit the field, in a sentence, or null when it does. */
export function paramProblem(info: ParamInfo, value: ParamValue): string | null {
	if (info.special?.some((option) => sameValue(option.value, value))) return null;
	const { input } = info;
	switch (input.kind) {
		case 'int':
		case 'float':
			return numberProblem(info, input, value);
		case 'choice':
			return input.options.some((option) => sameValue(option.value, value))
				? null
				: `${info.label} must be one of: ${input.options.map((o) => o.label).join(', ')}.`;
		case 'layers': {
			const ok =
				Array.isArray(value) &&
				value.length <= input.maxLayers &&
				value.every((units) => Number.isInteger(units) && units >= input.min && units <= input.max);
			return ok
				? null
				: `${info.label} must be at most ${input.maxLayers} whole numbers from ${input.min} to ${input.max}.`;
		}
		default:
			return assertNever(input, 'parameter input');
	}
}

/** Returns a value as a form or a table shows it: an option's label, or the number itself. */
export function formatParam(info: ParamInfo, value: ParamValue | undefined): string {
	if (value === undefined) return '';
	const options = [
		...(info.special ?? []),
		...(info.input.kind === 'choice' ? info.input.options : [])
	];
	const option = options.find((o) => sameValue(o.value, value));
	if (option) return option.label;
	return Array.isArray(value) ? value.join(' × ') : String(value);
}
