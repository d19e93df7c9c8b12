import { formatBytes, formatLatency } from '../util/format-units';
import {
	isBetter,
	metricInfo,
	metricsForTask,
	type MetricName,
	type MetricValues
} from '../evaluate/metric-catalogue';
import type { ModelSpec } from '../models/model';
import { toCsv } from '../table/to-csv';
import { assertNever } from '../util/assert-never';
import { bestRun, type RunRecord } from './project';

/**
 * A logged run, with the tuning search and trial that made it when it comes from one. Once
 * `RunRecord` declares `tuning` this is just `RunRecord`.
 */
export type LoggedRun = RunRecord;

/** Returns a short, readable label for a model spec (the Train stage's `specLabel`). */
export type SpecLabel = (spec: ModelSpec) => string;

/** The two orders of a sorted column, named as `aria-sort` names them. */
export type SortDirection = 'ascending' | 'descending';

/** What a column of the run log shows, and so what sorting by it compares. */
export type RunSortKey =
	| { kind: 'run' }
	| { kind: 'model' }
	| { kind: 'val'; metric: MetricName }
	| { kind: 'train'; metric: MetricName }
	| { kind: 'fit-time' }
	| { kind: 'size' }
	| { kind: 'latency' }
	| { kind: 'backend' }
	| { kind: 'seed' }
	| { kind: 'tuning' };

/** A column of the comparison table. */
export interface RunLogColumn {
	/** Unique among the columns: `val:roc_auc`, `fit-time`. */
	id: string;
	key: RunSortKey;
	label: string;
	/** What the column means, in one sentence. */
	help: string;
	/** The order of a first click: best first for metrics, smallest first otherwise. */
	firstDirection: SortDirection;
	/** The validation score on the primary metric. */
	primary: boolean;
}

/** A run as the table shows it: one text per column, in the order of `runLogColumns`. */
export interface RunLogRow {
	run: LoggedRun;
	cells: string[];
	/** The best non-baseline run on the primary metric. */
	best: boolean;
}

/** Above this many non-baseline runs compared on one validation set, the log warns. */
export const MAX_UNWARNED_COMPARISONS = 10;
/** How many of the best runs the warning's spread spans. */
const SPREAD_TOP_RUNS = 5;
const KNOWN_METRICS: ReadonlySet<string> = new Set([
	...metricsForTask('binary'),
	...metricsForTask('multiclass'),
	...metricsForTask('regression'),
	...metricsForTask('ranking')
]);

/** Returns the metrics any run was scored on, `primary` first, then in the order first met. */
export function runLogMetrics(
	runs: readonly LoggedRun[],
	primary: MetricName | null = null
): MetricName[] {
	const names = new Set<MetricName>(primary ? [primary] : []);
	for (const run of runs) for (const name of metricNames(run.valMetrics)) names.add(name);
	return [...names];
}

function metricNames(values: MetricValues): MetricName[] {
	return Object.keys(values).filter((k): k is MetricName => KNOWN_METRICS.has(k));
}

/**
 * Returns the table's columns for `metrics` (the primary first: it also names the train column);
 * size, latency and tuning appear only when some run has them.
 */
export function runLogColumns(
	runs: readonly LoggedRun[],
	metrics: readonly MetricName[]
): RunLogColumn[] {
	const primary = metrics.at(0);
	const has = (present: boolean, column: RunLogColumn) => (present ? [column] : []);
	return [
		column({ kind: 'run' }, 'run', 'The run, in the order it was trained.'),
		column({ kind: 'model' }, 'model', 'The model family and its settings.'),
		...metrics.map((m) => scoreColumn('val', m, m === primary)),
		...(primary ? [scoreColumn('train', primary, false)] : []),
		column({ kind: 'fit-time' }, 'fit time', 'How long fitting took.'),
		...has(
			runs.some((r) => r.modelBytes != null),
			column({ kind: 'size' }, 'size', 'Size of the saved model.')
		),
		...has(
			runs.some((r) => r.latencyUs != null),
			column({ kind: 'latency' }, 'latency', 'Measured prediction time per row.')
		),
		...has(
			runs.some((r) => r.tuning !== undefined),
			column({ kind: 'tuning' }, 'tuning', 'The tuning search and trial that made the run.')
		),
		column({ kind: 'backend' }, 'backend', 'Where the numbers were computed.'),
		column({ kind: 'seed' }, 'seed', 'The seed: the same seed gives the same model.')
	];
}

function column(key: RunSortKey, label: string, help: string): RunLogColumn {
	return { id: key.kind, key, label, help, firstDirection: 'ascending', primary: false };
}

function scoreColumn(kind: 'val' | 'train', metric: MetricName, primary: boolean): RunLogColumn {
	const info = metricInfo(metric);
	return {
		id: `${kind}:${metric}`,
		key: { kind, metric },
		label: kind === 'val' ? info.label : `train ${info.label}`,
		help:
			kind === 'val'
				? info.help
				: `${info.label} on the training rows: far better than on validation means over-fitting.`,
		firstDirection: info.higherIsBetter ? 'descending' : 'ascending',
		primary
	};
}

/**
 * Returns the display rows of the runs, the best on `metrics[0]` marked, in log order or sorted
 * on a column (the mark does not depend on the order).
 */
export function runLogRows(
	runs: readonly LoggedRun[],
	metrics: readonly MetricName[],
	label: SpecLabel,
	sort: { key: RunSortKey; direction: SortDirection } | null = null
): RunLogRow[] {
	const columns = runLogColumns(runs, metrics);
	const primary = metrics.at(0);
	const best = primary ? bestRun(runs, primary, (a, b) => isBetter(primary, a, b)) : null;
	const ordered = sort ? sortRuns(runs, sort.key, sort.direction, label) : runs;
	return ordered.map((run) => ({
		run,
		cells: columns.map((c) => cellText(run, c.key, label)),
		best: run === best
	}));
}

function cellText(run: LoggedRun, key: RunSortKey, label: SpecLabel): string {
	switch (key.kind) {
		case 'run':
			return run.id;
		case 'model':
			return label(run.spec);
		case 'val':
		case 'train':
			return formatMetric((key.kind === 'val' ? run.valMetrics : run.trainMetrics)[key.metric]);
		case 'fit-time':
			return formatMs(run.fitMs);
		case 'size':
			return measured(run.modelBytes, formatBytes);
		case 'latency':
			return measured(run.latencyUs, formatLatency);
		case 'tuning':
			// Trials are numbered from 1, as the trial table shows them; sessions by their start.
			return run.tuning
				? `trial ${run.tuning.trial + 1}, search of ${run.tuning.sessionId
						.replace(/^tune-/, '')
						.slice(0, 16)
						.replace('T', ' ')}`
				: 'n/a';
		case 'backend':
			return run.backend;
		case 'seed':
			return String(run.seed);
		default:
			return assertNever(key, 'run sort key');
	}
}

/** Returns a metric value as the app shows it: four decimals, `n/a` when missing. */
export function formatMetric(value: number | undefined): string {
	return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(4);
}

function formatMs(ms: number | null): string {
	if (ms === null || !Number.isFinite(ms)) return 'n/a';
	return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A measured figure, or 'n/a' for runs logged before it was measured. */
function measured(value: number | null | undefined, format: (v: number) => string): string {
	return value === null || value === undefined || !Number.isFinite(value) ? 'n/a' : format(value);
}

/**
 * Returns the runs sorted on a column, stably (ties keep their order) with missing and NaN values
 * last in both directions; `{ kind: 'run' }` is the order of `runs`, and `label` orders models.
 */
export function sortRuns(
	runs: readonly LoggedRun[],
	key: RunSortKey,
	direction: SortDirection,
	label: SpecLabel = (spec) => spec.kind
): LoggedRun[] {
	const sign = direction === 'ascending' ? 1 : -1;
	const keyed = runs.map((run, index) => ({ run, value: sortValue(run, index, key, label) }));
	keyed.sort((a, b) => {
		const aMissing = isMissing(a.value);
		const bMissing = isMissing(b.value);
		if (aMissing || bMissing) return Number(aMissing) - Number(bMissing);
		return sign * compareValues(a.value!, b.value!);
	});
	return keyed.map((k) => k.run);
}

type SortValue = number | string | null | undefined;

function isMissing(value: SortValue): boolean {
	return (
		value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))
	);
}

function compareValues(a: number | string, b: number | string): number {
	if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
	// Numeric collation puts "depth 9" before "depth 10".
	return String(a).localeCompare(String(b), 'en', { numeric: true });
}

function sortValue(run: LoggedRun, index: number, key: RunSortKey, label: SpecLabel): SortValue {
	switch (key.kind) {
		case 'run':
			return index;
		case 'model':
			return label(run.spec);
		case 'val':
			return run.valMetrics[key.metric];
		case 'train':
			return run.trainMetrics[key.metric];
		case 'fit-time':
			return run.fitMs;
		case 'size':
			return run.modelBytes;
		case 'latency':
			return run.latencyUs;
		case 'tuning':
			return run.tuning && `${run.tuning.sessionId} ${run.tuning.trial}`;
		case 'backend':
			return run.backend;
		case 'seed':
			return run.seed;
		default:
			return assertNever(key, 'run sort key');
	}
}

/**
 * Returns the runs as RFC 4180 CSV, one row per run: what was fitted and on what, every validation
 * metric, every train metric (prefixed `train_`), fit time, size and latency. No pipelines.
 */
export function runsToCsv(runs: readonly LoggedRun[]): string {
	const val = runLogMetrics(runs);
	const train = [...new Set(runs.flatMap((r) => metricNames(r.trainMetrics)))];
	const header = [
		'id',
		'createdAt',
		'family',
		'spec',
		'seed',
		'backend',
		'dataFingerprint',
		'recipeHash',
		'features',
		...val,
		...train.map((m) => `train_${m}`),
		'fitMs',
		'modelBytes',
		'latencyUs',
		'tuningSession',
		'tuningTrial'
	];
	const number = (value: number | null | undefined) =>
		value === null || value === undefined || Number.isNaN(value) ? '' : String(value);
	const rows = runs.map((run) => [
		run.id,
		run.createdAt,
		run.spec.kind,
		JSON.stringify(run.spec),
		number(run.seed),
		run.backend,
		run.dataFingerprint,
		run.recipeHash,
		number(run.features),
		...val.map((m) => number(run.valMetrics[m])),
		...train.map((m) => number(run.trainMetrics[m])),
		number(run.fitMs),
		number(run.modelBytes),
		number(run.latencyUs),
		run.tuning?.sessionId ?? '',
		number(run.tuning?.trial)
	]);
	return toCsv(header, rows);
}

/** Returns the runs as indented JSON, each without its pipeline (the fitted model: large). */
export function runsToJson(runs: readonly LoggedRun[]): string {
	return JSON.stringify(runs.map(withoutPipeline), null, 2) + '\n';
}

function withoutPipeline(run: LoggedRun): Omit<LoggedRun, 'pipeline'> {
	const copy: Partial<LoggedRun> = { ...run };
	delete copy.pipeline;
	return copy as Omit<LoggedRun, 'pipeline'>;
}

/** The multiple-comparisons warning: how many runs were compared, and how close the best are. */
export interface ComparisonWarning {
	/** Non-baseline runs scored on the current validation set. */
	comparisons: number;
	/** How many of the best runs `spread` spans. */
	top: number;
	/** Best minus `top`-th best validation score on the metric; null when fewer than two scores. */
	spread: number | null;
	message: string;
}

/**
 * Returns a warning when more than `MAX_UNWARNED_COMPARISONS` non-baseline runs were compared on
 * one validation set, or null. The project clears its runs when the split is made again, so the
 * runs sharing the latest run's data fingerprint are the runs since the split was last made.
 * Tuning trials chosen by cross-validation (`cv`) are not counted: they were compared on folds.
 */
export function comparisonWarning(
	runs: readonly LoggedRun[],
	metric: MetricName | null
): ComparisonWarning | null {
	const fingerprint = runs.at(-1)?.dataFingerprint;
	const compared = runs.filter(
		(r) => r.spec.kind !== 'baseline' && !r.cv && r.dataFingerprint === fingerprint
	);
	if (compared.length <= MAX_UNWARNED_COMPARISONS) return null;
	const scores = metric
		? compared
				.map((r) => r.valMetrics[metric])
				.filter((v): v is number => v !== undefined && Number.isFinite(v))
				.sort((a, b) => (isBetter(metric, a, b) ? -1 : isBetter(metric, b, a) ? 1 : 0))
		: [];
	const top = Math.min(SPREAD_TOP_RUNS, scores.length);
	const spread = top >= 2 ? Math.abs(scores[0] - scores[top - 1]) : null;
	const closeness =
		metric && spread !== null
			? ` The best ${top} runs are within ${formatMetric(spread)} ${metricInfo(metric).label} of each other: differences that small are mostly noise, so expect the chosen run to score up to about that much lower on new data.`
			: '';
	return {
		comparisons: compared.length,
		top,
		spread,
		message:
			`${compared.length} models have been compared on the same validation rows. Picking the best of many runs on one validation set overfits it: part of the winner's lead is luck in which rows landed in validation, so its validation score is optimistic.` +
			closeness +
			' To choose fairly, compare candidates with k-fold cross-validation (the Cross-validation option of the split, in Prepare), and keep the test set untouched until the final evaluation.'
	};
}
