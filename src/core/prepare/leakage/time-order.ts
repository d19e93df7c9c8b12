import { findColumn, type Table } from '../../table/table';
import type { AfterSplitInput, LeakFinding } from './leakage';
import { countRows } from './split-overlap';
import { dateText, percent, quote } from './words';

/** Share of consecutive rows in order from which a column orders the file in time. */
export const ORDERED_SHARE = 0.95;
/** A date column filled in for fewer rows than this share is not taken as the rows' time. */
const MIN_COVERAGE = 0.5;

const RANDOM_EXPLANATION =
	'When rows come in time order, a random split trains on rows from after the test rows: the model learns from the future it is tested on, and the test score is better than the score it will have on rows that come next. A split by time trains on the past and tests on the most recent rows.';
const OVERLAP_EXPLANATION =
	'Training rows dated after test rows let the model learn from the future of the rows it is tested on. When the model will predict rows that come after the ones it learned from, test it the same way: train on the earliest rows, test on the latest.';

/** A time column's values, and how to write one. */
interface TimeColumn {
	name: string;
	values: Float64Array;
	text: (value: number) => string;
}

/**
 * Returns a finding when a random split cuts rows in time order (or with a chosen time column),
 * or else when training dates reach past the start of test.
 */
export function timeFindings(
	table: Table,
	assignment: Int8Array,
	timeColumn: string | null,
	splitKind: AfterSplitInput['splitKind'],
	target: string
): LeakFinding[] {
	const candidates = timeColumns(table, timeColumn, target);
	if (splitKind === 'random' || splitKind === 'stratified') {
		for (const column of candidates) {
			const ordered = orderedShare(column.values);
			if (timeColumn === null && ordered < ORDERED_SHARE) continue;
			const finding = randomSplitFinding(column, assignment, splitKind, ordered);
			if (finding) return [finding];
		}
	}
	for (const column of candidates) {
		const finding = overlapFinding(column, assignment);
		if (finding) return [finding];
	}
	return [];
}

/** The chosen time column, or else every date column filled in for most rows. */
function timeColumns(table: Table, timeColumn: string | null, target: string): TimeColumn[] {
	const columns = timeColumn === null ? table.columns : [findColumn(table.columns, timeColumn)!];
	return columns.flatMap((c): TimeColumn[] => {
		if (c.name === target || (c.kind !== 'date' && (timeColumn === null || c.kind !== 'number')))
			return [];
		const present = c.values.filter((v) => v === v).length;
		if (timeColumn === null && present < MIN_COVERAGE * table.rowCount) return [];
		return [{ name: c.name, values: c.values, text: c.kind === 'date' ? dateText : String }];
	});
}

/** Returns the share of consecutive filled-in rows in order (the larger of rising and falling). */
export function orderedShare(values: Float64Array): number {
	let rising = 0;
	let falling = 0;
	let pairs = 0;
	let previous = NaN;
	for (const v of values) {
		if (v !== v) continue;
		if (previous === previous) {
			pairs++;
			if (v >= previous) rising++;
			if (v <= previous) falling++;
		}
		previous = v;
	}
	if (pairs === 0 || (rising === pairs && falling === pairs)) return 0;
	return Math.max(rising, falling) / pairs;
}

/** Where train ends and test starts, and the test rows dated before the last training row. */
function trainTestSpan(values: Float64Array, assignment: Int8Array) {
	let lastTrain = -Infinity;
	let firstTest = Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (v !== v) continue;
		if (assignment[i] === 0 && v > lastTrain) lastTrain = v;
		if (assignment[i] === 2 && v < firstTest) firstTest = v;
	}
	let earlier = 0;
	for (let i = 0; i < values.length; i++)
		if (assignment[i] === 2 && values[i] < lastTrain) earlier++;
	return { lastTrain, firstTest, earlier, testRows: countRows(assignment, 2) };
}

function randomSplitFinding(
	column: TimeColumn,
	assignment: Int8Array,
	splitKind: string,
	ordered: number
): LeakFinding | null {
	const { lastTrain, earlier, testRows } = trainTestSpan(column.values, assignment);
	if (earlier === 0) return null;
	const name = quote(column.name);
	const why =
		ordered >= ORDERED_SHARE
			? `The rows are in time order: ${name} keeps its direction in ${percent(ordered)} of consecutive rows`
			: `${name} is the time column`;
	return {
		check: 'random-split-on-time',
		severity: 'review',
		title: `A ${splitKind} split of rows ordered by ${name}`,
		explanation: RANDOM_EXPLANATION,
		evidence: `${why}, yet the split is ${splitKind}: ${earlier} of the ${testRows} test rows (${percent(earlier / testRows)}) are dated before the last training row (${column.text(lastTrain)}).`,
		columns: [column.name],
		fix: { kind: 'split', split: 'time', column: column.name }
	};
}

function overlapFinding(column: TimeColumn, assignment: Int8Array): LeakFinding | null {
	const { lastTrain, firstTest, earlier, testRows } = trainTestSpan(column.values, assignment);
	if (!(lastTrain > firstTest)) return null;
	const name = quote(column.name);
	return {
		check: 'time-overlap',
		severity: 'review',
		title: `Training dates reach past the start of test (${name})`,
		explanation: OVERLAP_EXPLANATION,
		evidence: `By ${name}, training rows reach ${column.text(lastTrain)} while test rows start at ${column.text(firstTest)}: ${earlier} of the ${testRows} test rows (${percent(earlier / testRows)}) are dated before the last training row.`,
		columns: [column.name],
		fix: { kind: 'split', split: 'time', column: column.name }
	};
}
