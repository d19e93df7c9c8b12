import { CoreError } from '../util/core-error';
import type { Column, ColumnKind, Table } from '../table/table';
import { columnDrift, type ColumnDrift } from './column-drift';
import { driftAlerts, type DriftAlert } from './drift-alerts';
import { resolveDriftOptions, type DriftOptions, type ResolvedDriftOptions } from './drift-options';

/** A difference between the two tables' columns. */
export type SchemaFinding =
	| { kind: 'missing-column'; column: string; referenceKind: ColumnKind }
	| { kind: 'extra-column'; column: string; currentKind: ColumnKind }
	| { kind: 'kind-changed'; column: string; referenceKind: ColumnKind; currentKind: ColumnKind };

/** Whether the dataset as a whole drifted: enough of its compared columns are flagged. */
export interface DatasetDrift {
	/**
	 * Columns flagged: distribution drift or a missing-rate alert. Evidently counts distribution
	 * drift only, so this share can reach the threshold sooner than Evidently's would.
	 */
	drifted: number;
	/** Columns compared: in both tables with the same kind. */
	total: number;
	/** drifted / total; null when no column was compared. */
	share: number | null;
	threshold: number;
	detected: boolean;
}

/** The monitor's drift checks of current data against a reference, with the options they used. */
export interface DriftReport {
	referenceRows: number;
	currentRows: number;
	schema: SchemaFinding[];
	/** One entry per compared column, in the reference's order. */
	columns: ColumnDrift[];
	datasetDrift: DatasetDrift;
	/** Everything worth a look, each with its evidence in a sentence: schema, then columns, then the dataset. */
	alerts: DriftAlert[];
	options: ResolvedDriftOptions;
}

/**
 * Returns the drift report of `current` against `reference`: schema findings (columns missing
 * from or new in the current data, kind changes), each shared column's drift evidence
 * (`columnDrift`), dataset drift when at least `datasetDriftShare` of those columns are flagged,
 * and the alerts. A prediction column is an ordinary column here. Throws a `CoreError` for bad
 * options or a table with two columns of one name.
 */
export function driftReport(
	reference: Table,
	current: Table,
	options: DriftOptions = {}
): DriftReport {
	const resolved = resolveDriftOptions(options);
	const refByName = byName(reference, 'reference');
	const curByName = byName(current, 'current');
	const schema: SchemaFinding[] = [];
	const columns: ColumnDrift[] = [];
	for (const [name, column] of refByName) {
		const other = curByName.get(name);
		if (!other) {
			schema.push({ kind: 'missing-column', column: name, referenceKind: column.kind });
		} else if (other.kind !== column.kind) {
			const kinds = { referenceKind: column.kind, currentKind: other.kind };
			schema.push({ kind: 'kind-changed', column: name, ...kinds });
		} else {
			columns.push(columnDrift(column, other, resolved));
		}
	}
	for (const [name, column] of curByName) {
		if (!refByName.has(name)) {
			schema.push({ kind: 'extra-column', column: name, currentKind: column.kind });
		}
	}
	const datasetDrift = datasetDriftOf(columns, resolved.datasetDriftShare);
	return {
		referenceRows: reference.rowCount,
		currentRows: current.rowCount,
		schema,
		columns,
		datasetDrift,
		alerts: driftAlerts(schema, columns, datasetDrift),
		options: resolved
	};
}

function datasetDriftOf(columns: readonly ColumnDrift[], threshold: number): DatasetDrift {
	const total = columns.length;
	const drifted = columns.filter((c) => c.drifted).length;
	const share = total === 0 ? null : drifted / total;
	return { drifted, total, share, threshold, detected: share !== null && share >= threshold };
}

function byName(table: Table, side: 'reference' | 'current'): Map<string, Column> {
	const map = new Map<string, Column>();
	for (const column of table.columns) {
		if (map.has(column.name)) {
			throw new CoreError(
				'duplicate-column',
				`The ${side} data has two columns named "${column.name}"; rename one to compare them.`,
				{ column: column.name }
			);
		}
		map.set(column.name, column);
	}
	return map;
}
