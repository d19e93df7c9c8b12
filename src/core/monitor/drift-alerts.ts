import { assertNever } from '../util/assert-never';
import type { ColumnDrift } from './column-drift';
import type { DatasetDrift, SchemaFinding } from './drift-report';

/** What an alert is about. */
export type DriftAlertKind =
	| 'missing-column'
	| 'extra-column'
	| 'kind-changed'
	| 'distribution-drift'
	| 'missing-rate'
	| 'unseen-categories'
	| 'dataset-drift';

/** One finding worth a look, with its evidence in a plain sentence. */
export interface DriftAlert {
	kind: DriftAlertKind;
	/** The column it is about; null for the dataset. */
	column: string | null;
	message: string;
}

/** Unseen labels named in an alert; the rest are counted. */
const UNSEEN_LABELS_SHOWN = 5;

/**
 * Returns the alerts of a drift report, in order: schema findings, then per column (in the
 * reference's order) distribution drift, a missing-rate alert and unseen categories, then dataset
 * drift when detected.
 */
export function driftAlerts(
	schema: readonly SchemaFinding[],
	columns: readonly ColumnDrift[],
	dataset: DatasetDrift
): DriftAlert[] {
	const alerts: DriftAlert[] = schema.map(schemaAlert);
	for (const column of columns) {
		const drift = driftMessage(column);
		if (drift) alerts.push({ kind: 'distribution-drift', column: column.name, message: drift });
		if (column.missing.alert) {
			alerts.push({ kind: 'missing-rate', column: column.name, message: missingMessage(column) });
		}
		if (column.unseenCategories.length > 0) {
			const message = unseenMessage(column);
			alerts.push({ kind: 'unseen-categories', column: column.name, message });
		}
	}
	if (dataset.detected) {
		alerts.push({
			kind: 'dataset-drift',
			column: null,
			message: `Dataset drift: ${dataset.drifted} of ${dataset.total} columns drifted (${percent(dataset.share!)}), at or above the ${percent(dataset.threshold)} threshold.`
		});
	}
	return alerts;
}

/** Returns a number to three significant digits, without trailing zeros ("0.508", "1.49e-38"). */
export function formatStat(x: number): string {
	return String(Number(x.toPrecision(3)));
}

function schemaAlert(finding: SchemaFinding): DriftAlert {
	const { column } = finding;
	switch (finding.kind) {
		case 'missing-column':
			return {
				kind: finding.kind,
				column,
				message: `${column} (${finding.referenceKind}) is missing from the current data.`
			};
		case 'extra-column':
			return {
				kind: finding.kind,
				column,
				message: `${column} (${finding.currentKind}) is new in the current data; the reference has no such column.`
			};
		case 'kind-changed':
			return {
				kind: finding.kind,
				column,
				message: `${column} is ${finding.referenceKind} in the reference but ${finding.currentKind} in the current data, so its drift is not tested.`
			};
		default:
			return assertNever(finding, 'schema finding');
	}
}

function driftMessage(c: ColumnDrift): string | null {
	if (!c.distributionDrifted || c.method === null) return null;
	const t = formatStat(c.threshold!);
	const psi = c.psi === null ? '' : `PSI ${formatStat(c.psi)}`;
	const also = (statistic: string) => ` (${[statistic, psi].filter(Boolean).join(', ')})`;
	const stat = c.statistic === null ? '' : formatStat(c.statistic);
	switch (c.method) {
		case 'ks':
			return `${c.name} drifted: K-S p-value ${formatStat(c.pValue!)} <= ${t}${also(`D = ${stat}`)}.`;
		case 'chisquare': {
			const detail =
				c.statistic === null ? 'values the reference never had' : `chi-square = ${stat}`;
			return `${c.name} drifted: chi-square p-value ${formatStat(c.pValue!)} <= ${t}${also(detail)}.`;
		}
		case 'z':
			return `${c.name} drifted: Z-test p-value ${formatStat(c.pValue!)} < ${t}${also(`|z| = ${stat}`)}.`;
		case 'wasserstein':
			return `${c.name} drifted: normed Wasserstein distance ${stat} >= ${t}${also('')}.`;
		case 'jensenshannon':
			return `${c.name} drifted: Jensen-Shannon distance ${stat} >= ${t}${also('')}.`;
		default:
			return assertNever(c.method, 'drift method');
	}
}

function missingMessage(c: ColumnDrift): string {
	const m = c.missing;
	const change = m.change!;
	const verb = change > 0 ? 'rose' : 'fell';
	const points = `${change > 0 ? '+' : '-'}${formatStat(Math.abs(change) * 100)} points`;
	return `${c.name} missing rate ${verb} from ${percent(m.referenceRate!)} to ${percent(m.currentRate!)} (${points}; two-proportion z-test p = ${formatStat(m.pValue!)}).`;
}

function unseenMessage(c: ColumnDrift): string {
	const unseen = c.unseenCategories;
	const shown = unseen
		.slice(0, UNSEEN_LABELS_SHOWN)
		.map(({ label, count }) => `"${label}" (${count} ${count === 1 ? 'row' : 'rows'})`);
	const more = unseen.length - shown.length;
	const list = more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
	const values = unseen.length === 1 ? 'value' : 'values';
	return `${c.name} has ${unseen.length} ${values} the reference never had: ${list}.`;
}

function percent(share: number): string {
	return `${formatStat(share * 100)}%`;
}
