// Whether a column's cell is filled in, per class of the target: the evidence that a column's
// missingness gives the outcome away (a value recorded only for one outcome).
import { columnLength, isMissingAt, type Column } from '../../table/table';
import type { LintTarget } from './lint-target';
import { quote } from './words';

/** Per class (or, for a number target, per side): rows with the cell filled in, and all rows. */
export interface FilledCounts {
	filled: number[];
	totals: number[];
}

/** Most classes a description names one by one. */
const LISTED_CLASSES = 5;

/** Returns, per class of the target, how many rows have the column filled in. */
export function filledByClass(
	column: Column,
	target: Extract<LintTarget, { kind: 'classes' }>
): FilledCounts {
	const filled = new Array<number>(target.classes.length).fill(0);
	const totals = new Array<number>(target.classes.length).fill(0);
	for (let i = 0; i < columnLength(column); i++) {
		const k = target.y[i];
		if (k < 0) continue;
		totals[k]++;
		if (!isMissingAt(column, i)) filled[k]++;
	}
	return { filled, totals };
}

/** Returns where the column is filled in, in words: per class, or the target's mean on each side. */
export function describeFilled(column: Column, target: LintTarget): string {
	if (target.kind === 'values') return describeMeans(column, target.y, target.name);
	const { filled, totals } = filledByClass(column, target);
	const parts = target.classes
		.map((label, k) => ({ label, k }))
		.filter(({ k }) => totals[k] > 0)
		.slice(0, LISTED_CLASSES)
		.map(
			({ label, k }) =>
				`${filled[k]} of the ${totals[k]} rows where ${quote(target.name)} is ${quote(label)}`
		);
	const listed =
		parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
	return `${quote(column.name)} is filled in for ${listed}`;
}

function describeMeans(column: Column, y: Float64Array, name: string): string {
	const sums = [0, 0];
	const counts = [0, 0];
	for (let i = 0; i < y.length; i++) {
		if (y[i] !== y[i]) continue;
		const side = isMissingAt(column, i) ? 1 : 0;
		sums[side] += y[i];
		counts[side]++;
	}
	const mean = (side: number) => Number((sums[side] / counts[side]).toPrecision(4));
	return `${quote(name)} averages ${mean(0)} in the ${counts[0]} rows where ${quote(column.name)} is filled in and ${mean(1)} in the ${counts[1]} where it is empty`;
}
