import { assertNever } from '../util/assert-never';
import { CoreError } from '../util/core-error';
import { splitByGroup } from './split-by-group';
import { splitByTime } from './split-by-time';
import {
	checkPlan,
	splitKindOf,
	splitRows,
	type Split,
	type SplitKind,
	type SplitPlan
} from './split';

/** What a split reads of the rows, one entry per row. */
export interface SplitInputs {
	/** Each row's class (all 0 for regression); -1 drops the row (no target value). */
	strata: Int32Array;
	/** For a 'time' split: each row's instant or number, NaN when missing. */
	time?: Float64Array;
	/** For a 'group' split: each row's group code, -1 when missing (then a group of its own). */
	groups?: Int32Array;
	/**
	 * For a random or stratified split: rows with the same key stay in one part (say a hash of
	 * the row, so identical rows cannot sit in train and test); -1 is a key of its own.
	 */
	keepTogether?: Int32Array;
}

/**
 * Returns the split the plan asks for: random or stratified (`splitRows`, identical to earlier
 * versions for plans stored without a kind), in time order (`splitByTime`) or by group
 * (`splitByGroup`). Throws a `CoreError` for a bad plan, a missing input, or a split that would
 * leave the train or the test part empty.
 */
export function splitByPlan(rowCount: number, plan: SplitPlan, inputs: SplitInputs): Split {
	checkPlan(plan);
	const split = splitOfKind(rowCount, plan, splitKindOf(plan), inputs);
	if (split.counts.test === 0 || split.counts.train === 0) throw emptyPart(split, plan);
	return split;
}

function splitOfKind(rowCount: number, plan: SplitPlan, kind: SplitKind, inputs: SplitInputs) {
	const { strata, keepTogether } = inputs;
	switch (kind) {
		case 'random':
		case 'stratified': {
			const stratify = kind === 'stratified';
			const resolved = plan.kind === undefined ? plan : { ...plan, stratify };
			return keepTogether
				? splitByGroup(rowCount, resolved, keepTogether, strata, stratify)
				: splitRows(rowCount, resolved, strata);
		}
		case 'time':
			return splitByTime(rowCount, plan, needInput(inputs.time, plan, 'time'), strata);
		case 'group':
			return splitByGroup(rowCount, plan, needInput(inputs.groups, plan, 'group'), strata);
		default:
			return assertNever(kind, 'split kind');
	}
}

function needInput<T>(values: T | undefined, plan: SplitPlan, role: 'time' | 'group'): T {
	if (values) return values;
	throw new CoreError(
		'missing-split-column',
		`A ${role} split needs a ${role} column; choose one.`,
		plan.column === undefined ? {} : { column: plan.column }
	);
}

function emptyPart(split: Split, plan: SplitPlan): CoreError {
	const part = split.counts.test === 0 ? 'test' : 'train';
	const kept = split.counts.train + split.counts.val + split.counts.test;
	const why =
		splitKindOf(plan) === 'group'
			? `the rows fall into too few groups of "${plan.column ?? 'the group column'}" to fill it (a group never spans two parts)`
			: `${kept} row(s) are too few for these shares`;
	return new CoreError(
		'empty-part',
		`This split would leave the ${part} part empty: ${why}. Choose other shares or another split.`,
		plan.column === undefined ? {} : { column: plan.column }
	);
}
