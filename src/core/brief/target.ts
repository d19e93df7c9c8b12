import { assertNever } from '../util/assert-never';
import { CoreError } from '../util/core-error';
import { columnLength, MISSING_BOOLEAN, type Column } from '../table/table';
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
		case 'boolean':
			return Array.from(column.values, (b) => (b === MISSING_BOOLEAN ? null : column.words[b]));
		case 'date':
			return Array.from(column.values, (ms) =>
				Number.isNaN(ms) ? null : new Date(ms).toISOString()
			);
		default:
			return assertNever(column, 'column');
	}
}

/**
 * Returns the count of each class, or only `distinct: 'many'` past MAX_CLASSES (a target with
 * that many classes is refused anyway), and the rows with a value. Counts codes and numbers
 * directly: a million-row column never becomes a million label strings.
 */
function classCounts(column: Column): {
	counts: Map<string, number>;
	many: boolean;
	distinct: number;
	present: number;
} {
	const counts = new Map<string, number>();
	let present = 0;
	let many = false;
	let distinct = 0;
	if (column.kind === 'category' || column.kind === 'text') {
		const perCode = new Int32Array(column.levels.length);
		for (const code of column.codes) if (code >= 0) perCode[code]++;
		perCode.forEach((n, code) => {
			if (n === 0) return;
			present += n;
			distinct++;
			counts.set(column.levels[code], n);
		});
		many = distinct > MAX_CLASSES;
		return { counts: many ? new Map() : counts, many, distinct, present };
	}
	if (column.kind === 'boolean') {
		const perValue = [0, 0];
		for (const b of column.values) if (b !== MISSING_BOOLEAN) perValue[b]++;
		perValue.forEach((n, b) => {
			if (n === 0) return;
			present += n;
			distinct++;
			counts.set(column.words[b], n);
		});
		return { counts, many: false, distinct, present };
	}
	const perValue = new Map<number, number>();
	for (const v of column.values) {
		if (Number.isNaN(v)) continue;
		present++;
		// Past MAX_CLASSES values the counts are dropped: only the rows with a value still count.
		if (many) continue;
		const n = perValue.get(v);
		if (n !== undefined) perValue.set(v, n + 1);
		else if (perValue.size === MAX_CLASSES) many = true;
		else perValue.set(v, 1);
	}
	if (many) return { counts: new Map(), many, distinct: MAX_CLASSES + 1, present };
	for (const [v, n] of perValue)
		counts.set(column.kind === 'date' ? new Date(v).toISOString() : String(v), n);
	return { counts, many, distinct: perValue.size, present };
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
	const { counts, many, distinct, present } = classCounts(column);
	const base = {
		name: column.name,
		present,
		missing: columnLength(column) - present
	};
	if (present === 0)
		return {
			...base,
			classes: null,
			suggestedTask: null,
			allowedTasks: [],
			problem: `Column "${column.name}" has no values.`
		};
	if (distinct === 1) {
		const [only] = counts.keys();
		return {
			...base,
			classes: [{ label: only, count: present }],
			suggestedTask: null,
			allowedTasks: [],
			problem: `Column "${column.name}" has the same value ("${only}") in all ${present} rows with a value; a model needs at least two different values to learn from. Choose another target.`
		};
	}
	const classes = !many
		? orderClasses(column, counts.keys()).map((label) => ({ label, count: counts.get(label)! }))
		: null;
	const allowedTasks: TaskKind[] = [];
	if (classes) allowedTasks.push(classes.length === 2 ? 'binary' : 'multiclass');
	// Ranking orders rows within a query by a numeric relevance; Define asks for the query column.
	if (column.kind === 'number') allowedTasks.push('regression', 'ranking');
	if (allowedTasks.length === 0) {
		return {
			...base,
			classes,
			suggestedTask: null,
			allowedTasks,
			problem: `Column "${column.name}" has ${many && column.kind === 'date' ? `more than ${MAX_CLASSES}` : distinct} different values: too many classes to predict (at most ${MAX_CLASSES}).`
		};
	}
	return {
		...base,
		classes,
		suggestedTask: suggestTask(column, counts, many, present),
		allowedTasks,
		problem: null
	};
}

function suggestTask(
	column: Column,
	counts: Map<string, number>,
	many: boolean,
	present: number
): TaskKind {
	if (column.kind === 'number' && many) return 'regression';
	if (counts.size === 2) return 'binary';
	if (column.kind !== 'number') return 'multiclass';
	const integers = [...counts.keys()].every((label) => Number.isInteger(Number(label)));
	const fewLevels =
		counts.size <= MAX_MULTICLASS_INTEGERS && present >= MIN_ROWS_PER_INTEGER_CLASS * counts.size;
	return integers && fewLevels ? 'multiclass' : 'regression';
}

/** The target of a task, as the model sees it: class indices, or numbers. */
export type EncodedTarget =
	| { kind: 'classes'; classes: string[]; y: Int32Array }
	/** Numbers; for ranking with each row's query code (rows are compared within a query only). */
	| { kind: 'values'; y: Float64Array; queries?: Int32Array };

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
