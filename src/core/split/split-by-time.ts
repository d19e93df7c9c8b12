import { CoreError } from '../util/core-error';
import { countParts, DROPPED, partSizes, type Split, type SplitPlan } from './split';

/**
 * Returns a split in time order, with no shuffle: the earliest rows go to train, the next to
 * validation, the latest to test, so a model is judged on a future it has not seen. `time` is each
 * row's instant or number (NaN when missing); ties keep row order. Rows whose `keep` is -1 (no
 * target) or whose time is missing are dropped; `counts.noTime` counts the latter. Rows sharing a
 * time value on either side of a boundary may fall in both parts (then `max(train) == min(val)`).
 */
export function splitByTime(
	rowCount: number,
	plan: SplitPlan,
	time: Float64Array,
	keep: Int32Array
): Split {
	const rows: number[] = [];
	let noTime = 0;
	for (let i = 0; i < rowCount; i++) {
		if (keep[i] < 0) continue;
		if (Number.isNaN(time[i])) noTime++;
		else rows.push(i);
	}
	if (rows.length === 0)
		throw new CoreError(
			'no-time-values',
			`${columnWords(plan)} has no value in any row that has a target, so there is nothing to order by.`,
			{ column: plan.column }
		);
	const ordered = Int32Array.from(rows).sort((a, b) => time[a] - time[b] || a - b);
	const sizes = partSizes(ordered.length, plan.fractions);
	const assignment = new Int8Array(rowCount).fill(DROPPED);
	ordered.forEach((row, i) => {
		assignment[row] = i < sizes.train ? 0 : i < sizes.train + sizes.val ? 1 : 2;
	});
	return { plan, assignment, counts: { ...countParts(assignment), noTime } };
}

/** Returns how an error names the plan's time column. */
function columnWords(plan: SplitPlan): string {
	return plan.column === undefined ? 'The time column' : `The time column "${plan.column}"`;
}
