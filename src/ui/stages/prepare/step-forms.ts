// The "add a step" forms: for each step kind, its label, the columns it applies to and its
// options, and how the chosen values become the step. Plain data: AddStep.svelte renders it.
import type { RecipeStep } from '../../../core/prepare/recipe';
import type { ColumnKind } from '../../../core/table/table';
import { DATE_PARTS } from '../../../core/prepare/steps/date-parts';
import { unitOf, UNITS } from '../../../core/prepare/steps/unit-table';

/** One option of a step's form; values are kept as text until the step is built. */
export type Field =
	| { key: string; label: string; kind: 'select'; options: [string, string][]; initial: string }
	| { key: string; label: string; kind: 'number'; initial: string; min?: number; step?: number }
	| { key: string; label: string; kind: 'text'; initial: string; placeholder?: string }
	| { key: string; label: string; kind: 'checkbox'; initial: 'true' | 'false' }
	| { key: string; label: string; kind: 'column'; accepts: readonly ColumnKind[] };

export interface StepForm {
	kind: RecipeStep['kind'];
	label: string;
	group: string;
	/** Kinds of the column the step works on; null for a step over the whole table. */
	accepts: readonly ColumnKind[] | null;
	/** Help shown under the form: what the step does and when to use it. */
	help: string;
	fields: Field[];
	build: (column: string, values: Readonly<Record<string, string>>) => RecipeStep;
	/** What is missing before the step can be added, or null when it is complete. */
	problem?: (column: string, values: Readonly<Record<string, string>>) => string | null;
}

const LABELS: readonly ColumnKind[] = ['category', 'text'];
const NUMBERS: readonly ColumnKind[] = ['number'];
const num = (text: string | undefined, fallback: number) => {
	const value = Number(text);
	return text !== undefined && text.trim() !== '' && Number.isFinite(value) ? value : fallback;
};
const select = (
	key: string,
	label: string,
	options: [string, string][],
	initial = options[0][0]
): Field => ({
	key,
	label,
	kind: 'select',
	options,
	initial
});

export const STEP_FORMS: readonly StepForm[] = [
	{
		kind: 'impute',
		label: 'Fill missing values',
		group: 'Clean',
		accepts: ['number', 'category', 'text'],
		help: 'Replaces missing cells with a value learned on the training rows (or one you give); labels are filled with their most frequent value. The indicator column lets a model learn from the fact that a value was missing.',
		problem: (_, v) =>
			v.strategy === 'constant' && v.value.trim() === '' ? 'Give the constant to fill with.' : null,
		fields: [
			select('strategy', 'Fill with', [
				['median', 'the median (numbers)'],
				['mean', 'the mean (numbers)'],
				['most-frequent', 'the most frequent value'],
				['constant', 'a constant']
			]),
			{
				key: 'value',
				label: 'Constant',
				kind: 'text',
				initial: '',
				placeholder: 'for "a constant"'
			},
			{ key: 'indicator', label: 'Add a “was missing” column', kind: 'checkbox', initial: 'false' }
		],
		build: (column, v) => {
			const indicator = v.indicator === 'true' ? { indicator: true } : {};
			if (v.strategy === 'constant') {
				const value =
					v.value.trim() !== '' && Number.isFinite(Number(v.value)) ? Number(v.value) : v.value;
				return { kind: 'impute', column, strategy: 'constant', value, ...indicator };
			}
			return {
				kind: 'impute',
				column,
				strategy: v.strategy as 'median' | 'mean' | 'most-frequent',
				...indicator
			};
		}
	},
	{
		kind: 'drop-columns',
		label: 'Drop a column',
		group: 'Clean',
		accepts: ['number', 'category', 'text', 'boolean', 'date'],
		help: 'Removes the column from what the model sees. Say why: the reason stays with the recipe.',
		fields: [
			{
				key: 'reason',
				label: 'Why',
				kind: 'text',
				initial: '',
				placeholder: 'e.g. known only after the outcome'
			}
		],
		build: (column, v) => ({
			kind: 'drop-columns',
			columns: [column],
			...(v.reason.trim() ? { reason: v.reason.trim() } : {})
		})
	},
	{
		kind: 'drop-duplicates',
		label: 'Drop repeated rows',
		group: 'Clean',
		accepts: null,
		help: 'Removes training rows that repeat an earlier training row exactly, so no row counts twice. Rows you predict later are all kept.',
		fields: [],
		build: () => ({ kind: 'drop-duplicates' })
	},
	{
		kind: 'clean-labels',
		label: 'Clean up labels (trim, case, merge spellings)',
		group: 'Clean',
		accepts: LABELS,
		help: 'Trims spaces, folds case and merges spellings of the same thing. Suggested merges come from your data; tick the ones that are right.',
		fields: [
			{ key: 'trim', label: 'Trim spaces', kind: 'checkbox', initial: 'true' },
			select('caseFold', 'Case', [
				['none', 'keep as written'],
				['lower', 'lower case'],
				['upper', 'upper case']
			])
		],
		// The confirmed merges are added by the form (see AddStep.svelte).
		build: (column, v) => ({
			kind: 'clean-labels',
			column,
			trim: v.trim === 'true',
			caseFold: v.caseFold as 'none' | 'lower' | 'upper',
			merge: []
		})
	},
	{
		kind: 'rare-levels',
		label: 'Bucket rare labels',
		group: 'Clean',
		accepts: LABELS,
		help: 'Labels seen in fewer training rows than the threshold, and labels never seen in training, become one "Other" label.',
		fields: [
			{
				key: 'minShare',
				label: 'Minimum share of rows (%)',
				kind: 'number',
				initial: '1',
				min: 0,
				step: 0.1
			},
			{ key: 'other', label: 'Name of the bucket', kind: 'text', initial: 'Other' }
		],
		build: (column, v) => ({
			kind: 'rare-levels',
			column,
			minShare: num(v.minShare, 1) / 100,
			other: v.other.trim() || 'Other'
		})
	},
	{
		kind: 'parse-date',
		label: 'Read text as dates',
		group: 'Dates and units',
		accepts: ['category', 'text', 'number'],
		problem: (_, v) => (v.format.trim() === '' ? 'Give the format of the dates.' : null),
		help: 'Reads the cells with the format you confirm (%Y year, %m month, %d day, %H:%M time, %b month name). Cells that do not match become missing, and the preview counts them.',
		fields: [{ key: 'format', label: 'Format', kind: 'text', initial: '%Y-%m-%d' }],
		build: (column, v) => ({ kind: 'parse-date', column, format: v.format })
	},
	{
		kind: 'time-zone',
		label: 'Set the time zone of dates',
		group: 'Dates and units',
		accepts: ['date'],
		problem: (_, v) => (v.zone.trim() === '' ? 'Give the time zone, such as Europe/Paris.' : null),
		help: 'Dates written without an offset are clock times in some place. Say where, and they become UTC instants (summer time included).',
		fields: [
			{
				key: 'zone',
				label: 'Time zone (IANA name)',
				kind: 'text',
				initial: 'UTC',
				placeholder: 'Europe/Paris'
			}
		],
		build: (column, v) => ({ kind: 'time-zone', column, zone: v.zone.trim() })
	},
	{
		kind: 'date-parts',
		label: 'Date parts (year, month, weekday, hour)',
		group: 'Dates and units',
		accepts: ['date'],
		help: 'A model cannot use a date as it is; its parts can carry trends and seasons.',
		problem: (_, v) =>
			DATE_PARTS.some((p) => v[p] === 'true') ? null : 'Tick at least one part of the date.',
		fields: [
			{ key: 'year', label: 'year', kind: 'checkbox', initial: 'true' },
			{ key: 'month', label: 'month', kind: 'checkbox', initial: 'true' },
			{ key: 'day', label: 'day of month', kind: 'checkbox', initial: 'false' },
			{ key: 'weekday', label: 'weekday', kind: 'checkbox', initial: 'true' },
			{ key: 'hour', label: 'hour', kind: 'checkbox', initial: 'false' },
			{ key: 'dayofyear', label: 'day of year', kind: 'checkbox', initial: 'false' }
		],
		build: (column, v) => ({
			kind: 'date-parts',
			column,
			parts: (['year', 'month', 'day', 'weekday', 'hour', 'dayofyear'] as const).filter(
				(p) => v[p] === 'true'
			)
		})
	},
	{
		kind: 'units',
		label: 'Convert units to one unit',
		group: 'Dates and units',
		accepts: ['category', 'text', 'number'],
		help: 'Numbers written with units (5 kg, 5000 g, 11 lb) become numbers in one unit. Choose the unit; a bare number is read in it, or as missing.',
		problem: (_, v) =>
			v.unit.trim() === ''
				? 'Give the unit to convert to (kg, m, l, °C...).'
				: unitOf(v.unit.trim()) === null
					? `"${v.unit.trim()}" is not a unit Shipshape knows (${UNITS.join(', ')}).`
					: null,
		fields: [
			{ key: 'unit', label: 'Convert to', kind: 'text', initial: '' },
			select('bare', 'A number without a unit', [
				['unit', 'is in that unit'],
				['missing', 'is missing']
			])
		],
		build: (column, v) =>
			({
				kind: 'units',
				column,
				unit: v.unit,
				bare: v.bare === 'missing' ? 'missing' : v.unit
			}) as RecipeStep
	},
	{
		kind: 'clip',
		label: 'Clip outliers',
		group: 'Outliers and scaling',
		accepts: NUMBERS,
		help: 'Values beyond bounds learned on the training rows are set to the bound: Tukey fences (quartiles ± k × IQR) or percentiles.',
		fields: [
			select('method', 'Bounds', [
				['iqr', 'quartiles ± k × IQR'],
				['percentiles', 'percentiles']
			]),
			{ key: 'k', label: 'k (IQR)', kind: 'number', initial: '1.5', min: 0, step: 0.5 },
			{
				key: 'lower',
				label: 'Lower percentile (%)',
				kind: 'number',
				initial: '1',
				min: 0,
				step: 0.5
			},
			{
				key: 'upper',
				label: 'Upper percentile (%)',
				kind: 'number',
				initial: '99',
				min: 0,
				step: 0.5
			}
		],
		build: (column, v) =>
			v.method === 'iqr'
				? { kind: 'clip', column, method: 'iqr', k: num(v.k, 1.5) }
				: {
						kind: 'clip',
						column,
						method: 'percentiles',
						lower: num(v.lower, 1) / 100,
						upper: num(v.upper, 99) / 100
					}
	},
	{
		kind: 'transform',
		label: 'Log or square root',
		group: 'Outliers and scaling',
		accepts: NUMBERS,
		help: 'Pulls in a long tail. Defined for every number: log is sign(x)·ln(1 + |x|), root sign(x)·√|x|.',
		fields: [
			select('fn', 'Function', [
				['log', 'log'],
				['sqrt', 'square root']
			])
		],
		build: (column, v) => ({ kind: 'transform', column, fn: v.fn as 'log' | 'sqrt' })
	},
	{
		kind: 'scale',
		label: 'Scale',
		group: 'Outliers and scaling',
		accepts: NUMBERS,
		help: 'Min-max maps the training range to 0–1; robust centres on the median and divides by the IQR, so outliers do not set the scale. (Standardising is the default.)',
		fields: [
			select('method', 'Method', [
				['min-max', 'min-max'],
				['robust', 'robust (median, IQR)'],
				['standard', 'standard (mean, sd)']
			])
		],
		build: (column, v) =>
			v.method === 'standard'
				? { kind: 'standardize', column }
				: { kind: 'scale', column, method: v.method as 'min-max' | 'robust' }
	},
	{
		kind: 'one-hot',
		label: 'One-hot encode',
		group: 'Encode',
		accepts: LABELS,
		help: 'One 0/1 column per training label; a label never seen in training is all zeros.',
		fields: [],
		build: (column) => ({ kind: 'one-hot', column })
	},
	{
		kind: 'ordinal',
		label: 'Ordinal encode',
		group: 'Encode',
		accepts: LABELS,
		help: 'Labels become 0, 1, 2… in the order you give (comma-separated), or sorted; unseen or missing labels become -1.',
		fields: [
			{
				key: 'order',
				label: 'Order (optional)',
				kind: 'text',
				initial: '',
				placeholder: 'low, medium, high'
			}
		],
		build: (column, v) => {
			const order = v.order
				.split(',')
				.map((s) => s.trim())
				.filter((s) => s !== '');
			return order.length > 0 ? { kind: 'ordinal', column, order } : { kind: 'ordinal', column };
		}
	},
	{
		kind: 'target-encode',
		label: 'Target encode',
		group: 'Encode',
		accepts: LABELS,
		help: 'Each label becomes the (smoothed) target rate of its training rows. Training rows get out-of-fold values, so a row never sees its own target.',
		fields: [
			{ key: 'smoothing', label: 'Smoothing', kind: 'number', initial: '10', min: 0, step: 1 },
			{ key: 'folds', label: 'Folds', kind: 'number', initial: '5', min: 2, step: 1 }
		],
		build: (column, v) => ({
			kind: 'target-encode',
			column,
			smoothing: num(v.smoothing, 10),
			folds: num(v.folds, 5)
		})
	},
	{
		kind: 'derive',
		label: 'Ratio or difference of two columns',
		group: 'Derive',
		accepts: NUMBERS,
		help: 'A new column from two number columns; a ratio with a zero denominator is missing.',
		problem: (column, v) =>
			!v.right || v.right === column ? 'Choose a second, different number column.' : null,
		fields: [
			select('op', 'Operation', [
				['ratio', 'ratio'],
				['difference', 'difference']
			]),
			{ key: 'right', label: 'Second column', kind: 'column', accepts: NUMBERS }
		],
		build: (column, v) => ({
			kind: 'derive',
			op: v.op as 'ratio' | 'difference',
			left: column,
			right: v.right
		})
	},
	{
		kind: 'bin',
		label: 'Bin a number',
		group: 'Derive',
		accepts: NUMBERS,
		help: 'Replaces the number with its bin (0, 1, 2…), edges learned on the training rows.',
		fields: [
			select('method', 'Bins of', [
				['quantile', 'equal counts (quantiles)'],
				['width', 'equal width']
			]),
			{ key: 'bins', label: 'Bins', kind: 'number', initial: '5', min: 2, step: 1 }
		],
		build: (column, v) => ({
			kind: 'bin',
			column,
			method: v.method as 'quantile' | 'width',
			bins: num(v.bins, 5)
		})
	},
	{
		kind: 'hash-tokens',
		label: 'Text to token counts',
		group: 'Derive',
		accepts: LABELS,
		help: 'Counts the words of a text in a fixed number of hashed buckets, so new words need no new columns.',
		fields: [{ key: 'buckets', label: 'Buckets', kind: 'number', initial: '32', min: 2, step: 1 }],
		build: (column, v) => ({ kind: 'hash-tokens', column, buckets: num(v.buckets, 32) })
	}
];
