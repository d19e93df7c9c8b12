import type { TaskKind } from '../brief/task';
import { identifierColumns } from '../profile/profile-dataset';
import { splitKindOf, type Split } from '../split/split';
import { datasetSchema, type Dataset } from '../table/dataset';
import { typeTable, type ColumnSchema } from '../table/schema';
import { selectColumnRows, type Table } from '../table/table';
import { lintAfterSplit, lintBeforeSplit, type LeakFinding } from './leakage/leakage';

/** What the lint of a loaded dataset needs: the target, and the split once there is one. */
export interface LintRequest {
	target: ColumnSchema;
	task: TaskKind;
	classes: readonly string[];
	split: Split | null;
}

/**
 * Returns the leakage findings of the dataset as read: the column checks on every row, then,
 * with a split, the checks of the split: its time column (or else the first date column) is the
 * one whose order a random split ignores, and its group column (or else an identifier that
 * repeats, see `entityColumn`) the one whose entities must not span two parts.
 */
export function lintDataset(dataset: Dataset, request: LintRequest): LeakFinding[] {
	const { table } = typeTable(dataset.raw, datasetSchema(dataset));
	const target = request.target.name;
	const split = request.split;
	const ids = identifierColumns(dataset);
	// Once there is a split, the columns are judged on train and validation rows only: what the
	// user drops must not depend on the test labels.
	const before = lintBeforeSplit({
		table: split ? openRows(table, split) : table,
		target,
		task: request.task,
		classes: [...request.classes],
		reports: dataset.reports,
		identifiers: ids
	});
	if (!split) return before;
	const kind = splitKindOf(split.plan);
	const firstDate = dataset.reports.find((r) => r.kind === 'date' && r.name !== target)?.name;
	const after = lintAfterSplit({
		table,
		target,
		assignment: split.assignment,
		raw: dataset.raw,
		groupColumn: kind === 'group' ? (split.plan.column ?? null) : entityColumn(dataset, ids),
		timeColumn: kind === 'time' ? (split.plan.column ?? null) : (firstDate ?? null),
		splitKind: kind,
		ignore: ids
	});
	// Keeping copies together is an option of random and stratified splits only.
	const keepable = kind === 'random' || kind === 'stratified';
	return [
		...before,
		...after.map((f) => (f.fix?.kind === 'dedupe-split' && !keepable ? { ...f, fix: null } : f))
	];
}

/** Returns the table's train and validation rows. */
function openRows(table: Table, split: Split): Table {
	const rows: number[] = [];
	split.assignment.forEach((part, row) => {
		if (part === 0 || part === 1) rows.push(row);
	});
	const keep = Int32Array.from(rows);
	return { rowCount: keep.length, columns: table.columns.map((c) => selectColumnRows(c, keep)) };
}

/** Share of rows an identifier must repeat on to be taken for an entity (a customer, a patient). */
const ENTITY_REPEATS = 0.01;

/**
 * Returns the identifier column whose values repeat on enough rows to name an entity with
 * several rows, whose rows a split must keep together; null when there is none. A few repeats
 * (two passengers of one name) are coincidences, not entities.
 */
export function entityColumn(dataset: Dataset, identifiers: readonly string[]): string | null {
	const rows = dataset.raw.rowCount;
	const entity = dataset.reports.find(
		(r) => identifiers.includes(r.name) && rows - r.missing - r.distinct >= ENTITY_REPEATS * rows
	);
	return entity?.name ?? null;
}
