import { encodeClasses, encodeValues } from '../../brief/target';
import { predictsValues, type TaskKind } from '../../brief/task';
import { evenlySpacedRows } from '../../profile/relations';
import { findColumn, type Table } from '../../table/table';
import { CoreError } from '../../util/core-error';

/** Above this many rows with a target, a column's scores are measured on evenly spaced rows. */
export const SCORE_SAMPLE_ROWS = 50_000;

/** The target as the leakage checks read it: class indices (-1 missing), or numbers (NaN). */
export type LintTarget =
	| { kind: 'classes'; name: string; classes: readonly string[]; y: Int32Array }
	| { kind: 'values'; name: string; y: Float64Array };

/** Returns the table's target column encoded for the task; a missing column is a `CoreError`. */
export function encodeTarget(
	table: Table,
	name: string,
	task: TaskKind,
	classes: readonly string[]
): LintTarget {
	const column = findColumn(table.columns, name);
	if (!column)
		throw new CoreError('missing-column', `There is no target column "${name}".`, { column: name });
	return predictsValues(task)
		? { kind: 'values', name, y: encodeValues(column) }
		: { kind: 'classes', name, classes, y: encodeClasses(column, classes) };
}

/** True when row `i` has a target value. */
export function hasTarget(target: LintTarget, i: number): boolean {
	return target.kind === 'classes' ? target.y[i] >= 0 : target.y[i] === target.y[i];
}

/**
 * Returns the rows with a target value, thinned to `SCORE_SAMPLE_ROWS` evenly spaced ones when
 * there are more (no randomness, so the same data always gives the same scores).
 */
export function scoredRows(target: LintTarget, max = SCORE_SAMPLE_ROWS) {
	const present: number[] = [];
	for (let i = 0; i < target.y.length; i++) if (hasTarget(target, i)) present.push(i);
	if (present.length <= max)
		return { rows: Int32Array.from(present), sampled: false, present: present.length };
	const picks = evenlySpacedRows(present.length, max);
	return {
		rows: picks.map((p) => present[p]),
		sampled: true,
		present: present.length
	};
}

/** Returns the target restricted to the given rows. */
export function selectTarget(target: LintTarget, rows: Int32Array): LintTarget {
	return target.kind === 'classes'
		? { ...target, y: Int32Array.from(rows, (r) => target.y[r]) }
		: { ...target, y: Float64Array.from(rows, (r) => target.y[r]) };
}

/**
 * Returns the class flags the scores read: for two classes only class 1 (its AUC is class 0's),
 * for more one per class (one-vs-rest). Each holds 1 for the rows of the class, 0 for the others.
 */
export function classFlagSets(y: Int32Array, classCount: number): Uint8Array[] {
	const classes = classCount === 2 ? [1] : Array.from({ length: classCount }, (_, k) => k);
	return classes.map((k) => {
		const flags = new Uint8Array(y.length);
		for (let i = 0; i < y.length; i++) if (y[i] === k) flags[i] = 1;
		return flags;
	});
}

/** Returns how many distinct levels the codes use (-1, missing, is not a level). */
export function usedLevels(codes: Int32Array, levelCount: number): number {
	const seen = new Uint8Array(levelCount);
	let used = 0;
	for (let i = 0; i < codes.length; i++) {
		const c = codes[i];
		if (c >= 0 && seen[c] === 0) {
			seen[c] = 1;
			used++;
		}
	}
	return used;
}
