// The number formats and the blocks that the evaluation report and the model cards share (the
// documents themselves render through util/printable).
import type { DocBlock } from '../util/printable';
import type { TestLook } from './evaluation-record';
import type { FairnessReport } from './fairness';
import { metricInfo, type MetricName, type MetricValues } from './metric-catalogue';
import type { Interval } from './verdict';

// ---- Numbers: one format per kind of figure, and never "NaN". ----

/** Returns a score to four decimals; "undefined" for NaN, "infinite" for an infinity. */
export function formatScore(value: number): string {
	if (Number.isNaN(value)) return 'undefined';
	if (!Number.isFinite(value)) return value > 0 ? 'infinite' : '-infinite';
	return value.toFixed(4);
}

/** Returns a rate as a percentage with one decimal ("12.5%"); "undefined" for NaN. */
export function formatPercent(rate: number): string {
	return Number.isFinite(rate) ? `${(rate * 100).toFixed(1)}%` : 'undefined';
}

/** Returns a value in the target's units, to at most four decimals; "undefined" for NaN. */
export function formatValue(value: number): string {
	return Number.isFinite(value) ? String(Number(value.toFixed(4))) : formatScore(value);
}

/** Returns an interval as "low to high", or "not computed" when there is none. */
export function formatInterval(interval: Interval | null | undefined): string {
	if (!interval) return 'not computed';
	if (Number.isNaN(interval.low) || Number.isNaN(interval.high)) return 'undefined';
	return `${formatScore(interval.low)} to ${formatScore(interval.high)}`;
}

// ---- Blocks that the report and both model cards share. ----

/**
 * Returns the table of every metric of the model beside the baseline, with the model's 95 %
 * interval when `intervals` is given (a metric without one reads "not computed").
 */
export function metricsTable(
	metrics: MetricValues,
	baseline: MetricValues,
	intervals: Partial<Record<MetricName, Interval>> | null
): DocBlock {
	const names = Object.keys(metrics) as MetricName[];
	const rows = names.map((name) => {
		const value = formatScore(metrics[name] ?? NaN);
		const base = formatScore(baseline[name] ?? NaN);
		const label = metricInfo(name).label;
		return intervals ? [label, value, formatInterval(intervals[name]), base] : [label, value, base];
	});
	const header = intervals
		? ['Metric', 'Model', '95 % interval', 'Baseline']
		: ['Metric', 'Model', 'Baseline'];
	return { kind: 'table', header, rows };
}

/** Returns one later look in words: its time, its run and its reason. */
function lookText(look: TestLook, index: number): string {
	return `Look ${index + 2}, at ${look.at}, for ${look.runId}: ${look.reason ?? 'no reason given'}`;
}

/**
 * Returns the flag for the looks after the first (`looks` holds every look, the first one first),
 * or null when the test set was looked at once. `consequence` says what the extra looks mean.
 */
export function looksFlag(looks: readonly TestLook[], consequence: string): DocBlock | null {
	if (looks.length < 2) return null;
	const [first, ...later] = looks;
	return {
		kind: 'flag',
		title: `The test set was looked at ${looks.length} times.`,
		items: [`Look 1, at ${first.at}, for ${first.runId}: the first look.`, ...later.map(lookText)],
		text: consequence
	};
}

/** Returns "12" or "12.5": a difference of rates in percentage points. */
function points(difference: number): string {
	return String(Number((difference * 100).toFixed(1)));
}

/** Returns the four disparity measures of a fairness report, each with a one-line reading. */
export function disparityTable(report: Extract<FairnessReport, { kind: 'binary' }>): DocBlock {
	const dpd = report.demographicParityDifference;
	const dpr = report.demographicParityRatio;
	const eod = report.equalizedOddsDifference;
	const eor = report.equalizedOddsRatio;
	const read = (value: number, text: string) =>
		Number.isNaN(value) ? 'Undefined: see the notes.' : text;
	const rows = [
		[
			'Demographic parity difference',
			formatScore(dpd),
			read(
				dpd,
				`The selection rate differs by ${points(dpd)} points between the most and least selected groups (0 is parity).`
			)
		],
		[
			'Demographic parity ratio',
			formatScore(dpr),
			read(
				dpr,
				`The least selected group is selected at ${formatPercent(dpr)} of the rate of the most selected (1 is parity).`
			)
		],
		[
			'Equalized odds difference',
			formatScore(eod),
			read(
				eod,
				`The true or false positive rate differs by up to ${points(eod)} points between groups (0 is parity).`
			)
		],
		[
			'Equalized odds ratio',
			formatScore(eor),
			read(
				eor,
				`The lowest group's true or false positive rate is ${formatPercent(eor)} of the highest's, the worse of the two (1 is parity).`
			)
		]
	];
	return { kind: 'table', header: ['Measure', 'Value', 'Reading'], rows };
}

/** Returns the heading, the disparity table and the notes of one sensitive column's report. */
export function fairnessSummary(report: FairnessReport): DocBlock[] {
	if (report.kind === 'unsupported')
		return [
			{ kind: 'heading', text: report.column },
			{ kind: 'text', text: `Not assessed: ${report.reason}` }
		];
	const blocks: DocBlock[] = [{ kind: 'heading', text: report.column }, disparityTable(report)];
	if (report.notes.length > 0) blocks.push({ kind: 'list', items: report.notes });
	return blocks;
}
