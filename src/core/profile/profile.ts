import { findColumn, type Column, type RawTable, type Table } from '../table/table';
import { CoreError } from '../util/core-error';
import { createPacer, type TaskContext } from '../util/task';
import { profileColumn, type ColumnProfile, type LevelCount } from './column-stats';
import { findDuplicatesIgnoring, type DuplicateReport } from './duplicates';
import {
	computeRelations,
	targetAssociations,
	type Relations,
	type TargetAssociation
} from './relations';

/** A category or text column is high-cardinality above this share of distinct non-missing cells... */
export const HIGH_CARDINALITY_SHARE = 0.5;
/** ...and above this many distinct values. */
export const HIGH_CARDINALITY_MIN_DISTINCT = 50;

/** What `profileTable` needs besides the data. */
export interface ProfileOptions {
	/** The column to predict, or null before one is chosen. */
	target: string | null;
	/** Columns left out of the second duplicate check (typically identifiers). */
	ignoreForDuplicates?: readonly string[];
}

/** The classes of a category or boolean target, by count descending then label. */
export interface LabelBalance {
	classes: LevelCount[];
	/** Rows whose target is missing. */
	missing: number;
	/** The largest class's share of the rows with a target; null when none has one. */
	majorityShare: number | null;
}

/**
 * Everything the profile stage shows about a dataset. Plain data only (arrays, numbers, strings,
 * null), so it crosses `postMessage` and JSON unchanged.
 */
export interface DatasetProfile {
	rowCount: number;
	/** One profile per column, in table order. */
	columns: ColumnProfile[];
	relations: Relations;
	target: string | null;
	/** Each measured column's association with the target, strongest first; empty without one. */
	targetAssociations: TargetAssociation[];
	/** Duplicates over all columns. */
	duplicates: DuplicateReport;
	/** Duplicates ignoring `ignoreForDuplicates`; null when no such column exists. */
	duplicatesIgnoring: DuplicateReport | null;
	/** Null unless the target is a category or boolean column. */
	labelBalance: LabelBalance | null;
	/** Columns with at most one distinct non-missing value. */
	constantColumns: string[];
	/** Category or text columns where most cells are unique (likely identifiers or free text). */
	highCardinalityColumns: string[];
}

/**
 * Returns the profile of a typed table and its raw cells: column profiles, relationships, target
 * associations, duplicates, label balance and column warnings. Ticks between columns, so a
 * cancel can arrive.
 */
export async function profileTable(
	table: Table,
	raw: RawTable,
	options: ProfileOptions,
	ctx: TaskContext = {}
): Promise<DatasetProfile> {
	const { target } = options;
	const targetColumn = target === null ? null : findTarget(table, target);
	const tick = createPacer(ctx);
	const columns: ColumnProfile[] = [];
	for (const [i, column] of table.columns.entries()) {
		await tick('profile', (0.6 * i) / table.columns.length);
		columns.push(profileColumn(column));
	}
	await tick('relations', 0.6);
	const relations = await computeRelations(table, {}, withinRange(ctx, 0.6, 0.85));
	await tick('duplicates', 0.85);
	const unique = columns.filter((c) => c.missing === 0 && c.distinct === table.rowCount);
	const { all: duplicates, ignoring: duplicatesIgnoring } = findDuplicatesIgnoring(
		raw,
		options.ignoreForDuplicates ?? [],
		new Set(unique.map((c) => c.name))
	);
	return {
		rowCount: table.rowCount,
		columns,
		relations,
		target,
		targetAssociations: target === null ? [] : targetAssociations(relations, target),
		duplicates,
		duplicatesIgnoring,
		labelBalance: targetColumn ? labelBalance(targetColumn) : null,
		constantColumns: columns.filter((c) => c.distinct <= 1).map((c) => c.name),
		highCardinalityColumns: columns.filter(isHighCardinality).map((c) => c.name)
	};
}

function findTarget(table: Table, target: string): Column {
	const column = findColumn(table.columns, target);
	if (!column) {
		throw new CoreError('missing-column', `There is no column "${target}".`, { column: target });
	}
	return column;
}

/** Returns the context with progress fractions mapped into [from, to] of the whole task. */
function withinRange(ctx: TaskContext, from: number, to: number): TaskContext {
	const { onEvent } = ctx;
	if (!onEvent) return ctx;
	return {
		...ctx,
		onEvent: (event) => onEvent({ ...event, fraction: from + (to - from) * event.fraction })
	};
}

function isHighCardinality(profile: ColumnProfile): boolean {
	if (profile.kind !== 'category' && profile.kind !== 'text') return false;
	const present = profile.count - profile.missing;
	return (
		profile.distinct > HIGH_CARDINALITY_MIN_DISTINCT &&
		profile.distinct > HIGH_CARDINALITY_SHARE * present
	);
}

/** Returns the class counts of a category or boolean column; null for other kinds. */
export function labelBalance(column: Column): LabelBalance | null {
	if (column.kind !== 'category' && column.kind !== 'boolean') return null;
	const profile = profileColumn(column, Infinity);
	if (profile.kind !== 'category' && profile.kind !== 'boolean') return null;
	const present = profile.count - profile.missing;
	return {
		classes: profile.top,
		missing: profile.missing,
		majorityShare: present === 0 ? null : profile.top[0].count / present
	};
}
