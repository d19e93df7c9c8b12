import { assertNever } from '../util/assert-never';
import { CoreError } from '../util/core-error';
import type { Column } from '../table/table';
import type { TaskKind } from './task';

/** Most classes a classification target may have. */
export const MAX_CLASSES = 50;
const MAX_MULTICLASS_INTEGERS = 10;
const MIN_ROWS_PER_INTEGER_CLASS = 20;

/** What a column would be as a target: its classes, the task it suggests, and what rules it out. */
export interface TargetSummary {
	name: string;
	present: number;
	missing: number;
	/** Classes with their counts, in class order, when there are at most MAX_CLASSES. */
	classes: { label: string; count: number }[] | null;
	suggestedTask: TaskKind | null;
	allowedTasks: TaskKind[];
	/** Why the column cannot be a target at all; null when it can. */
	problem: string | null;
}

/** Returns the class label of each row (null when missing): numbers as their shortest decimal text. */
function labelsOf(column: Column): (string | null)[] {
	switch (column.kind) {
		case 'number':
			return Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v)));
		case 'category':
		case 'text':
			return Array.from(column.codes, (c) => (c < 0 ? null : column.levels[c]));
		default:
			return assertNever(column, 'column');
	}
}

function classCounts(column: Column): Map<string, number> {
	const counts = new Map<string, number>();
	for (const label of labelsOf(column))
		if (label !== null) counts.set(label, (counts.get(label) ?? 0) + 1);
	return counts;
}

/** Returns class labels in a stable order: numerically for number columns, by code unit otherwise. */
export function orderClasses(column: Column, labels: Iterable<string>): string[] {
	const list = [...labels];
	return column.kind === 'number'
		? list.sort((a, b) => Number(a) - Number(b))
		: list.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Returns a summary of the column as a prediction target. */
export function summarizeTarget(column: Column): TargetSummary {
	const counts = classCounts(column);
	const present = [...counts.values()].reduce((a, b) => a + b, 0);
	const base = {
		name: column.name,
		present,
		missing: (column.kind === 'number' ? column.values.length : column.codes.length) - present
	};
	if (present === 0)
		return {
			...base,
			classes: null,
			suggestedTask: null,
			allowedTasks: [],
			problem: `Column "${column.name}" has no values.`
		};
	if (counts.size === 1) {
		const [only] = counts.keys();
		return {
			...base,
			classes: [{ label: only, count: present }],
			suggestedTask: null,
			allowedTasks: [],
			problem: `Column "${column.name}" has the same value ("${only}") in all ${present} rows with a value; a model needs at least two different values to learn from. Choose another target.`
		};
	}
	const classes =
		counts.size <= MAX_CLASSES
			? orderClasses(column, counts.keys()).map((label) => ({ label, count: counts.get(label)! }))
			: null;
	const allowedTasks: TaskKind[] = [];
	if (classes) allowedTasks.push(classes.length === 2 ? 'binary' : 'multiclass');
	if (column.kind === 'number') allowedTasks.push('regression');
	if (allowedTasks.length === 0) {
		return {
			...base,
			classes,
			suggestedTask: null,
			allowedTasks,
			problem: `Column "${column.name}" has ${counts.size} different text values: too many classes to predict (at most ${MAX_CLASSES}).`
		};
	}
	return {
		...base,
		classes,
		suggestedTask: suggestTask(column, counts, present),
		allowedTasks,
		problem: null
	};
}

function suggestTask(column: Column, counts: Map<string, number>, present: number): TaskKind {
	if (counts.size === 2) return 'binary';
	if (column.kind !== 'number') return 'multiclass';
	const integers = [...counts.keys()].every((label) => Number.isInteger(Number(label)));
	const fewLevels =
		counts.size <= MAX_MULTICLASS_INTEGERS && present >= MIN_ROWS_PER_INTEGER_CLASS * counts.size;
	return integers && fewLevels ? 'multiclass' : 'regression';
}

/** The target of a task, as the model sees it: class indices, or numbers. */
export type EncodedTarget =
	{ kind: 'classes'; classes: string[]; y: Int32Array } | { kind: 'values'; y: Float64Array };

/** Returns the target as numbers (NaN where missing); throws unless the column holds numbers. */
export function encodeValues(column: Column): Float64Array {
	if (column.kind !== 'number')
		throw new CoreError(
			'target-not-numeric',
			`Regression needs a numeric target; "${column.name}" holds ${column.kind}.`
		);
	return column.values;
}

/**
 * Returns the target as indices into `classes` (-1 where missing). A label absent from `classes`
 * is an error naming the row and the label.
 */
export function encodeClasses(column: Column, classes: readonly string[]): Int32Array {
	const index = new Map(classes.map((label, i) => [label, i]));
	const labels = labelsOf(column);
	const y = new Int32Array(labels.length);
	for (let i = 0; i < labels.length; i++) {
		const label = labels[i];
		const k = label === null ? -1 : index.get(label);
		if (k === undefined)
			throw new CoreError(
				'unknown-class',
				`Row ${i + 1} of "${column.name}" has the class "${label}", which the model was not trained on.`
			);
		y[i] = k;
	}
	return y;
}
