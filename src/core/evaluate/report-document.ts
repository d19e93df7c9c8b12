// The evaluation report as data (sections of blocks) rendered twice, as Markdown and as a printable
// HTML page, with the number formats and the blocks that the report and the model cards share.
import { escapeHtml } from '../brief/brief-export';
import { assertNever } from '../util/assert-never';
import type { TestLook } from './evaluation-record';
import type { FairnessReport } from './fairness';
import { metricInfo, type MetricName, type MetricValues } from './metric-catalogue';
import type { Interval } from './verdict';

/** A piece of a section: words, a list, a table, a subheading, or a flagged warning box. */
export type ReportBlock =
	| { kind: 'text'; text: string }
	| { kind: 'list'; items: string[] }
	| { kind: 'table'; header: string[]; rows: string[][] }
	| { kind: 'heading'; text: string }
	| { kind: 'flag'; title: string; items: string[]; text: string };

/** One titled part of a report. */
export interface ReportSection {
	title: string;
	blocks: ReportBlock[];
}

/** A report as data, for `reportMarkdown` and `reportHtml` to render. */
export interface ReportDocument {
	title: string;
	/** Lines under the title: what was judged, on which data, and when. */
	meta: string[];
	sections: ReportSection[];
}

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
): ReportBlock {
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
export function looksFlag(looks: readonly TestLook[], consequence: string): ReportBlock | null {
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
export function disparityTable(report: Extract<FairnessReport, { kind: 'binary' }>): ReportBlock {
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
export function fairnessSummary(report: FairnessReport, column: string): ReportBlock[] {
	if (report.kind === 'unsupported')
		return [
			{ kind: 'heading', text: column },
			{ kind: 'text', text: `Not assessed: ${report.reason}` }
		];
	const blocks: ReportBlock[] = [{ kind: 'heading', text: report.column }, disparityTable(report)];
	if (report.notes.length > 0) blocks.push({ kind: 'list', items: report.notes });
	return blocks;
}

/** Returns the name of the sensitive column behind each fairness report, for the headings. */
export function fairnessColumns(
	reports: readonly FairnessReport[],
	sensitive: readonly string[]
): string[] {
	// An unsupported report does not name its column; evaluateTest keeps the brief's order.
	const aligned = sensitive.length === reports.length;
	return reports.map((r, i) =>
		r.kind === 'binary' ? r.column : aligned ? sensitive[i] : `Sensitive column ${i + 1}`
	);
}

// ---- Markdown ----

/** Returns text on one line, so that it cannot end a list item, a heading or a table row. */
function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Returns text as one line of a Markdown table cell: pipes and backslashes escaped. */
function markdownCell(text: string): string {
	return oneLine(text).replace(/[\\|]/g, (c) => `\\${c}`);
}

/** Returns a block as Markdown; sections' headings are level 2, so a subheading is level 3. */
export function markdownBlock(block: ReportBlock): string {
	switch (block.kind) {
		case 'text':
			return block.text.trim();
		case 'list':
			return block.items.map((item) => `- ${oneLine(item)}`).join('\n');
		case 'table': {
			const row = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
			const rule = `|${block.header.map(() => '---|').join('')}`;
			return [row(block.header), rule, ...block.rows.map(row)].join('\n');
		}
		case 'heading':
			return `### ${oneLine(block.text)}`;
		case 'flag': {
			const items = block.items.map((item) => `> - ${oneLine(item)}`);
			return [
				`> **⚠ ${oneLine(block.title)}**`,
				'>',
				...items,
				'>',
				`> ${oneLine(block.text)}`
			].join('\n');
		}
		default:
			return assertNever(block, 'report block');
	}
}

/** Returns sections as Markdown, each a level-2 heading and its blocks, blank lines between. */
export function markdownSections(sections: readonly ReportSection[]): string {
	return sections
		.map((s) => [`## ${oneLine(s.title)}`, ...s.blocks.map(markdownBlock)].join('\n\n'))
		.join('\n\n');
}

/** Returns a report as Markdown; table cells keep the user's pipes from breaking rows. */
export function reportMarkdown(doc: ReportDocument): string {
	const meta = doc.meta.map(oneLine).join('  \n');
	return `# ${oneLine(doc.title)}\n\n${meta}\n\n${markdownSections(doc.sections)}\n`;
}

// ---- HTML ----

function htmlBlock(block: ReportBlock): string {
	switch (block.kind) {
		case 'text':
			return `<p class="words">${escapeHtml(block.text.trim())}</p>`;
		case 'list':
			return `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
		case 'table': {
			const cells = (tag: string, row: string[]) =>
				`<tr>${row.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
			const body = block.rows.map((row) => cells('td', row)).join('');
			return `<table><thead>${cells('th', block.header)}</thead><tbody>${body}</tbody></table>`;
		}
		case 'heading':
			return `<h3>${escapeHtml(block.text)}</h3>`;
		case 'flag':
			return `<div class="flag" role="note"><p class="flag-title">${escapeHtml(block.title)}</p>${htmlBlock({ kind: 'list', items: block.items })}<p>${escapeHtml(block.text)}</p></div>`;
		default:
			return assertNever(block, 'report block');
	}
}

// Printable on A4; a table or a flag is not split across pages when it can be kept whole.
const PAGE_CSS = `
body { font: 11pt/1.4 system-ui, sans-serif; color: #111; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 0.3rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin: 0.8rem 0 0.2rem; }
.meta { color: #555; margin: 0.2rem 0 0.8rem; }
.words { white-space: pre-wrap; margin: 0.3rem 0; }
.flag { border: 2px solid #b45309; background: #fff7ed; padding: 0.4rem 0.6rem; margin: 0.4rem 0; }
.flag-title { font-weight: 700; margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.3rem 0; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
ul { margin: 0.3rem 0; padding-left: 1.2rem; }
@media print {
	@page { size: A4; margin: 14mm; }
	body { font-size: 9.5pt; max-width: none; margin: 0; padding: 0; }
	h2 { break-after: avoid; }
	table, .flag { break-inside: avoid; }
	.flag { background: none; border-color: #000; }
}`;

/**
 * Returns a report as a standalone printable HTML page: inline CSS with print rules, no scripts
 * and no external requests (its own CSP forbids both), all text escaped.
 */
export function reportHtml(doc: ReportDocument): string {
	const sections = doc.sections
		.map(
			(s) => `<section><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(htmlBlock).join('')}</section>`
		)
		.join('\n');
	const meta = doc.meta.map(escapeHtml).join('<br>');
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(doc.title)}</title>
<style>${PAGE_CSS}
</style>
</head>
<body>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${meta}</p>
${sections}
</body>
</html>
`;
}
