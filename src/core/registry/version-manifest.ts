import { metricPhrase } from '../brief/brief-guidance';
import { meetsThreshold, type MetricValues } from '../evaluate/metric-catalogue';
import { formatValue } from '../evaluate/report-document';
import type { Kpi } from '../evaluate/verdict';
import type { RetrainedLineage } from '../ship/manifest';
import type { PartScores } from './retrain';
import type { ModelVersion } from './versions';

/** Returns a version's semantic version: 1.0.0, then 1.1.0, ... (same inputs and outputs). */
export function versionName(number: number): string {
	return `1.${number - 1}.0`;
}

/** Returns the part of a comparison made of the batch's held-out rows (the last one). */
function recentPart(comparison: readonly PartScores[]): PartScores | null {
	return comparison.at(-1) ?? null;
}

function score(metrics: MetricValues | null, kpi: Kpi): string {
	const value = metrics?.[kpi.metric];
	return value === undefined || value === null ? 'no score' : formatValue(value);
}

/**
 * Returns the verdict a retrained version ships with. It never met the test set (revealed once,
 * for version 1): it is judged by the KPI on the batch rows held out of its training, beside
 * the version it was compared with, and carries the user's note.
 */
export function retrainedVerdict(
	version: ModelVersion,
	kpi: Kpi
): { pass: boolean; summary: string } {
	const comparison = version.comparison ?? [];
	const recent = recentPart(comparison);
	const value = recent?.candidate?.[kpi.metric];
	const pass =
		value !== undefined && value !== null && meetsThreshold(kpi.metric, value, kpi.threshold);
	const from = version.retrain?.from ?? 0;
	const parts = comparison
		.map((p) => `${p.name}: ${score(p.candidate, kpi)} (version ${from}: ${score(p.live, kpi)})`)
		.join('; ');
	const note = version.decision ? ` Approved: "${version.decision.note}".` : '';
	return {
		pass,
		summary:
			`Retrained from version ${from}; not judged on the test set, which was revealed once, for version 1. ` +
			`${metricPhrase(kpi.metric)} on the fixed evaluation set, ${parts}. ` +
			`The KPI (${kpi.threshold}) is ${pass ? 'met' : 'missed'} on the held-out new rows.${note}`
	};
}

/** Returns what a retrained version's manifest says of how it was made and judged. */
export function retrainedLineage(version: ModelVersion): RetrainedLineage | null {
	const { retrain, comparison } = version;
	if (!retrain || !comparison) return null;
	return {
		fromVersion: retrain.from,
		fileName: retrain.fileName,
		addedRows: retrain.added,
		trainRows: retrain.trainRows,
		evaluation: comparison.map((p) => ({
			name: p.name,
			rows: p.rows,
			live: p.live ?? {},
			candidate: p.candidate ?? {}
		})),
		approval: version.decision?.note ?? ''
	};
}
