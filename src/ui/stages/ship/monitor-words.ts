// How the Monitor panel writes its figures: one place, so the verdict, the table and the log
// summary say a test, a share or a latency the same way.
import type { ColumnDrift } from '../../../core/monitor/column-drift';
import { formatStat } from '../../../core/monitor/drift-alerts';
import { isPValueMethod, type DriftMethod } from '../../../core/monitor/drift-options';
import type { DatasetDrift } from '../../../core/monitor/drift-report';
import type { LatencySummary } from '../../../core/monitor/latency-summary';

const METHOD_LABELS: Record<DriftMethod, string> = {
	ks: 'K-S test',
	z: 'Z-test',
	chisquare: 'chi-square test',
	wasserstein: 'Wasserstein (normed)',
	jensenshannon: 'Jensen-Shannon'
};

/** Returns the name of a drift test as the table heads it. */
export function methodLabel(method: DriftMethod | null): string {
	return method === null ? 'none' : METHOD_LABELS[method];
}

/** Returns a share (0.123) as a percentage ("12.3%"); "n/a" for none. */
export function percent(share: number | null): string {
	return share === null || !Number.isFinite(share) ? 'n/a' : `${formatStat(share * 100)}%`;
}

/** Returns a statistic to three significant digits; "—" for none. */
export function stat(value: number | null): string {
	return value === null ? '—' : formatStat(value);
}

/** Returns the rule a column was held to: `p ≤ 0.05`, `p < 0.05` (Z-test) or `≥ 0.1`. */
export function thresholdText(column: ColumnDrift): string {
	const { method, threshold } = column;
	if (method === null || threshold === null) return '—';
	if (!isPValueMethod(method)) return `distance ≥ ${formatStat(threshold)}`;
	return `p ${method === 'z' ? '<' : '≤'} ${formatStat(threshold)}`;
}

/** Returns the missing rates of a column, reference then current ("1.03% → 16.1%"). */
export function missingText(column: ColumnDrift): string {
	return `${percent(column.missing.referenceRate)} → ${percent(column.missing.currentRate)}`;
}

/** Returns why a column is flagged, or "no" (with why it was not tested, when it was not). */
export function driftedText(column: ColumnDrift): string {
	const why = [
		column.distributionDrifted ? 'distribution' : null,
		column.missing.alert ? 'missing rate' : null
	].filter((w) => w !== null);
	if (why.length > 0) return `yes: ${why.join(' and ')}`;
	return column.skipped ? `no (not tested: ${column.skipped})` : 'no';
}

/** Returns the dataset-drift verdict in a sentence. */
export function verdictText(drift: DatasetDrift): string {
	const { drifted, total, share, threshold } = drift;
	const counts = `${drifted} of ${total} compared ${total === 1 ? 'column' : 'columns'} drifted (${percent(share)})`;
	return drift.detected
		? `Dataset drift: ${counts}, at or above the ${percent(threshold)} threshold.`
		: `No dataset drift: ${counts}, below the ${percent(threshold)} threshold.`;
}

/** Returns milliseconds as the latency summary writes them ("12.5 ms"). */
export function milliseconds(value: number): string {
	return `${formatStat(value)} ms`;
}

/** Returns the latency summary in a sentence. */
export function latencyText(latency: LatencySummary): string {
	const { requests, p50, p95, p99, max } = latency;
	return `Latency over ${requests} ${requests === 1 ? 'request' : 'requests'}: p50 ${milliseconds(p50)}, p95 ${milliseconds(p95)}, p99 ${milliseconds(p99)}, slowest ${milliseconds(max)}.`;
}
