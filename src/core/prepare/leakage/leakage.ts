// The leakage lint: checks that a column, a duplicate row or the split lets the answer into the
// inputs, so the test score promises more than the model will deliver on new rows.
import type { TaskKind } from '../../brief/task';
import type { SplitKind } from '../../split/split';
import type { ColumnReport } from '../../table/infer-kinds';
import { findColumn, type RawTable, type Table } from '../../table/table';
import { CoreError } from '../../util/core-error';
import { scoreFeatures } from './feature-scores';
import { identifierFindings } from './identifier';
import { encodeTarget } from './lint-target';
import { postOutcomeFindings } from './post-outcome';
import { singleFeatureFindings } from './single-feature';
import { crossSplitDuplicates, groupOverlap } from './split-overlap';
import { targetCopyFindings } from './target-copy';
import { targetSumFindings } from './target-sum';
import { timeFindings } from './time-order';

/** A one-click fix: leave columns out, or split again by group, by time, or keeping copies together. */
export type LeakFix =
	| { kind: 'drop-columns'; columns: string[] }
	| { kind: 'split'; split: 'group' | 'time'; column: string }
	| { kind: 'dedupe-split' };

/** One suspected leak, with the evidence from the user's own data and its fix when there is one. */
export interface LeakFinding {
	/**
	 * Stable id of the check: `single-feature`, `target-copy`, `target-sum`, `identifier`,
	 * `post-outcome`, `cross-split-duplicates`, `group-overlap`, `random-split-on-time`,
	 * `time-overlap`.
	 */
	check: string;
	/** `leak`: near certain; `review`: the user should judge. */
	severity: 'leak' | 'review';
	title: string;
	/** Why this is a leak, plainly, for a learner. */
	explanation: string;
	/** What was found, with numbers from the data. */
	evidence: string;
	columns: string[];
	fix: LeakFix | null;
}

/** What the checks before the split read. */
export interface BeforeSplitInput {
	/** The columns that may become inputs, and the target. */
	table: Table;
	target: string;
	task: TaskKind;
	/** The target's classes, in model order (empty for regression). */
	classes: string[];
	reports: readonly ColumnReport[];
	/** Columns that identify rows (see `identifierColumns`). */
	identifiers: readonly string[];
}

/** What the checks after the split read. */
export interface AfterSplitInput {
	table: Table;
	target: string;
	/** Each row's part: 0 train, 1 validation, 2 test, -1 left out. */
	assignment: Int8Array;
	/** The file's cells as read, to find exact duplicate rows; the typed table stands in without it. */
	raw?: RawTable;
	groupColumn: string | null;
	timeColumn: string | null;
	splitKind: SplitKind;
	/** Columns left out when rows are compared for copies (identifiers: a copy has a new id). */
	ignore?: readonly string[];
}

/**
 * Returns the leaks a column can carry before any split: a column that predicts the target alone,
 * a copy of the target, columns that add up to it, identifiers, and columns known only after the
 * outcome. Each column appears in one finding at most (the first check that flags it, in that
 * order); leaks come before reviews.
 */
export function lintBeforeSplit(input: BeforeSplitInput): LeakFinding[] {
	const { table, task, classes } = input;
	const target = encodeTarget(table, input.target, task, classes);
	const scores = scoreFeatures(table, target);
	const ids = [...input.identifiers, ...input.reports.filter((r) => r.idLike).map((r) => r.name)];
	return finish([
		...targetCopyFindings(table, target),
		...targetSumFindings(table, target),
		...singleFeatureFindings(table, target, scores),
		...identifierFindings(table, target, new Set(ids)),
		...postOutcomeFindings(table, target, scores)
	]);
}

/**
 * Returns the leaks the split lets through: rows copied across parts, one entity in two parts,
 * a random split of time-ordered rows, and training dates that reach past the start of test.
 */
export function lintAfterSplit(input: AfterSplitInput): LeakFinding[] {
	const { table, assignment, groupColumn, timeColumn } = input;
	if (assignment.length !== table.rowCount)
		throw new CoreError(
			'split-mismatch',
			`The split assigns ${assignment.length} rows but the table has ${table.rowCount}; split the data again.`
		);
	for (const name of [groupColumn, timeColumn])
		if (name !== null && !findColumn(table.columns, name))
			throw new CoreError('missing-column', `There is no column "${name}".`, { column: name });
	return finish([
		...crossSplitDuplicates(withoutColumns(table, input.ignore ?? []), assignment, input.raw),
		...groupOverlap(table, assignment, groupColumn, input.splitKind),
		...timeFindings(table, assignment, timeColumn, input.splitKind, input.target)
	]);
}

/** Returns the table without the named columns. */
function withoutColumns(table: Table, names: readonly string[]): Table {
	return { ...table, columns: table.columns.filter((c) => !names.includes(c.name)) };
}

/** Keeps a finding only when one of its columns is not in an earlier one; leaks first. */
function finish(findings: LeakFinding[]): LeakFinding[] {
	const claimed = new Set<string>();
	const kept = findings.filter((finding) => {
		if (finding.columns.length > 0 && finding.columns.every((c) => claimed.has(c))) return false;
		for (const column of finding.columns) claimed.add(column);
		return true;
	});
	return [
		...kept.filter((f) => f.severity === 'leak'),
		...kept.filter((f) => f.severity === 'review')
	];
}
