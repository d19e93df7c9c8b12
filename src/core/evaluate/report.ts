// The evaluation report (Markdown and a printable HTML page) and the model card that the Evaluate
// stage offers before anything is shipped, both built from one evaluation record.
import { kpisOf, type Brief } from '../brief/brief';
import { kpiBound } from '../brief/brief-document';
import { taskLabel } from '../brief/task';
import { cardFairnessSection, cardLooksSection, purposeItems } from '../ship/model-card';
import { looksOf, type EvaluationRecord } from './evaluation-record';
import type { WorstPredictions } from './error-analysis';
import type { TestEvaluation } from './evaluate-test';
import { metricInfo, meetsThreshold } from './metric-catalogue';
import {
	fairnessSummary,
	formatInterval,
	formatPercent,
	formatScore,
	formatValue,
	looksFlag,
	metricsTable
} from './report-document';
import {
	toHtml,
	toMarkdown,
	type DocBlock,
	type DocSection,
	type PrintableDocument
} from '../util/printable';
import { worstSlices, type Slice } from './slices';
import { ruleText, type ThresholdChoice } from './threshold';
import type { KpiCheck } from './verdict';

/** What the report needs beyond the record: the brief, names, the day and the audit trail. */
export interface ReportContext {
	brief: Brief;
	datasetName: string | null;
	/** How the evaluated run is named to the user ("run-3: random forest"). */
	runLabel: string;
	baselineLabel: string;
	/** The day the report is made, as the caller writes it: the core reads no clock. */
	date: string;
	audit: readonly { at: string; action: string }[];
}

/** How many slices, important columns and worst predictions the report lists. */
const REPORT_TOP = 10;
/** How many small-slice notes the report lists before counting the rest. */
const SMALL_SLICE_NOTES = 20;

/** Returns the evaluation report as Markdown and as a standalone printable HTML page. */
export function evaluationReport(
	record: EvaluationRecord,
	context: ReportContext
): { markdown: string; html: string } {
	const doc = reportDocument(record, context);
	return { markdown: toMarkdown(doc), html: toHtml(doc) };
}

/** Returns the report as data: every section the two renderings share. */
function reportDocument(record: EvaluationRecord, context: ReportContext): PrintableDocument {
	const result = record.result;
	const sections: (DocSection | null)[] = [
		verdictSection(result),
		purposeSection(context.brief),
		kpiSection(result, context),
		looksSection(record),
		result.warnings.length > 0
			? { title: 'Warnings', blocks: [{ kind: 'list', items: result.warnings }] }
			: null,
		{
			title: 'All metrics on the test set',
			blocks: [metricsTable(result.metrics, result.baselineMetrics, result.intervals)]
		},
		thresholdSection(result.threshold),
		confusionSection(result),
		queriesSection(result),
		slicesSection(result),
		fairnessSection(result),
		importanceSection(result),
		worstSection(result),
		auditSection(context.audit)
	];
	return {
		title: `Evaluation report: ${result.verdict.pass ? 'PASS' : 'FAIL'}`,
		meta: metaLines(record, context),
		sections: sections.filter((s): s is DocSection => s !== null)
	};
}

function metaLines(record: EvaluationRecord, context: ReportContext): string[] {
	return [
		`Model: ${context.runLabel} · Baseline: ${context.baselineLabel}`,
		`Dataset: ${context.datasetName ?? 'none loaded'} · ${record.result.rows} test rows · test set revealed at ${record.revealedAt}`,
		`Report made on ${context.date}`
	];
}

function verdictSection(result: TestEvaluation): DocSection {
	const { verdict } = result;
	const reasons = [
		...(verdict.kpiMet === false ? ['a KPI is not met'] : []),
		...(verdict.beatsBaseline === false ? ['the model does not beat the baseline'] : [])
	];
	const head = verdict.pass
		? 'PASS: every KPI is met and the model beats the baseline on the primary metric.'
		: `FAIL${reasons.length > 0 ? `: ${reasons.join(' and ')}` : ''}.`;
	const blocks: DocBlock[] = [
		{ kind: 'text', text: head },
		{ kind: 'text', text: verdict.summary }
	];
	if (verdict.advice.length > 0) blocks.push({ kind: 'list', items: verdict.advice });
	return { title: 'Verdict', blocks };
}

function purposeSection(brief: Brief): DocSection {
	return { title: 'What the model is for', blocks: [{ kind: 'list', items: purposeItems(brief) }] };
}

/** Returns the verdict's KPI checks, or (for a legacy record without them) the brief's KPIs. */
function kpiChecks(result: TestEvaluation, brief: Brief): KpiCheck[] {
	if (result.verdict.checks.length > 0) return result.verdict.checks;
	return kpisOf(brief).map((kpi) => {
		const value = result.metrics[kpi.metric] ?? NaN;
		const met = Number.isFinite(value) && meetsThreshold(kpi.metric, value, kpi.threshold);
		return { kpi, value, interval: null, met, sure: false };
	});
}

function checkResult(check: KpiCheck): string {
	if (!check.met) return 'not met';
	return check.sure || !check.interval ? 'met' : 'met on the point estimate only';
}

function kpiSection(result: TestEvaluation, context: ReportContext): DocSection {
	const checks = kpiChecks(result, context.brief);
	const rows = checks.map((c) => [
		metricInfo(c.kpi.metric).label,
		kpiBound(c.kpi),
		formatScore(c.value),
		formatInterval(c.interval),
		checkResult(c)
	]);
	const blocks: DocBlock[] = [
		{ kind: 'table', header: ['KPI', 'Asks', 'Test value', '95 % interval', 'Result'], rows }
	];
	if (checks.length > 0) blocks.push(...baselineBlocks(result, checks[0], context));
	return { title: 'KPIs', blocks };
}

/** The primary metric of the model beside the baseline, with the interval of their difference. */
function baselineBlocks(result: TestEvaluation, primary: KpiCheck, context: ReportContext) {
	const { verdict, difference } = result;
	const label = metricInfo(primary.kpi.metric).label;
	const rows = [
		[`Model (${context.runLabel})`, formatScore(primary.value), formatInterval(primary.interval)],
		[`Baseline (${context.baselineLabel})`, formatScore(verdict.baselineValue), ''],
		[
			'Difference (model − baseline)',
			formatScore(primary.value - verdict.baselineValue),
			formatInterval(difference)
		]
	];
	const reading = !difference
		? 'The interval of the difference was not computed.'
		: verdict.clearOfBaseline
			? "The difference's interval excludes zero: the model beats the baseline beyond the luck of the test rows."
			: verdict.beatsBaseline
				? "The difference's interval spans zero: the test rows cannot tell the model's lead from luck."
				: 'The model does not beat the baseline.';
	const table: DocBlock = { kind: 'table', header: ['', label, '95 % interval'], rows };
	return [table, { kind: 'text', text: reading } satisfies DocBlock];
}

function looksSection(record: EvaluationRecord): DocSection {
	const looks = looksOf(record);
	const flag = looksFlag(
		looks,
		'The test score is less trustworthy after each later look: a choice made after seeing it makes the test set one more validation set.'
	);
	const first = looks[0];
	return {
		title: 'Test-set looks',
		blocks: [flag ?? { kind: 'text', text: `Looked at once, at ${first.at}, for ${first.runId}.` }]
	};
}

/** Returns the decision threshold (binary tasks), its rule and why, as one section. */
function thresholdSection(choice: ThresholdChoice | null): DocSection | null {
	if (!choice) return null;
	const rows = [
		['Threshold', formatScore(choice.threshold)],
		['Rule', ruleText(choice.rule)],
		['Reason', choice.reason]
	];
	const text = 'Chosen on the validation rows, then applied unchanged to the test rows.';
	return {
		title: 'Decision threshold',
		blocks: [
			{ kind: 'table', header: ['What', 'Choice'], rows },
			{ kind: 'text', text }
		]
	};
}

function confusionSection(result: TestEvaluation): DocSection | null {
	const { confusion } = result;
	if (!confusion) return null;
	const classes = confusion.map((_, i) => result.classes?.[i] ?? `class ${i + 1}`);
	const rows = confusion.map((counts, i) => [classes[i], ...counts.map(String)]);
	return {
		title: 'Confusion matrix',
		blocks: [
			{ kind: 'text', text: 'Rows are the true classes, columns the predicted ones.' },
			{ kind: 'table', header: ['True class / predicted', ...classes], rows }
		]
	};
}

/** Queries listed in the report: the worst ones, which say most about where ranking fails. */
const REPORT_QUERIES = 10;

function queriesSection(result: TestEvaluation): DocSection | null {
	const queries = result.queries;
	if (!queries) return null;
	const rows = queries
		.slice(0, REPORT_QUERIES)
		.map((q) => [
			q.query,
			String(q.rows),
			String(q.relevant),
			formatScore(q.ndcgAt10),
			formatScore(q.mapAt10)
		]);
	const text = `Each query's rows ranked by the model's score; the headline NDCG and MAP are their means over the ${queries.length} test queries where each is defined (MAP leaves out queries whose rows are all relevant or all irrelevant). The ${rows.length} worst by NDCG@10:`;
	return {
		title: 'Scores per query',
		blocks: [
			{ kind: 'text', text },
			{ kind: 'table', header: ['Query', 'Rows', 'Relevant rows', 'NDCG@10', 'MAP@10'], rows }
		]
	};
}

/** Returns how much worse a slice is than all rows, positive when worse. */
function sliceGap(slice: Slice, overall: number, higherIsBetter: boolean): number {
	return higherIsBetter ? overall - slice.value : slice.value - overall;
}

function slicesSection(result: TestEvaluation): DocSection {
	const { slices } = result;
	if (slices.slices.length === 0)
		return { title: 'Slices', blocks: [{ kind: 'text', text: 'No slices were computed.' }] };
	const info = metricInfo(slices.metric);
	const errorLabel = slices.errorMeasure === 'mae' ? 'MAE' : 'Error rate';
	const formatError = slices.errorMeasure === 'mae' ? formatValue : formatPercent;
	const rows = worstSlices(slices.slices, slices.metric, REPORT_TOP).map((s) => [
		s.column,
		s.label,
		String(s.rows),
		formatScore(s.value),
		formatScore(sliceGap(s, slices.overall, info.higherIsBetter)),
		formatError(s.error)
	]);
	const text = `${info.label} on all test rows: ${formatScore(slices.overall)}. The ${REPORT_TOP} slices with the widest gap below it (a gap is how much worse the slice is):`;
	const blocks: DocBlock[] = [
		{ kind: 'text', text },
		{
			kind: 'table',
			header: ['Column', 'Slice', 'Rows', info.label, 'Gap', errorLabel],
			rows
		}
	];
	blocks.push(...smallSliceBlocks(slices.slices));
	if (slices.skipped.length > 0)
		blocks.push({ kind: 'text', text: `Not sliced (date or text): ${slices.skipped.join(', ')}.` });
	return { title: 'Slices', blocks };
}

function smallSliceBlocks(slices: readonly Slice[]): DocBlock[] {
	const small = slices.filter((s) => s.small);
	if (small.length === 0) return [];
	const items = small
		.slice(0, SMALL_SLICE_NOTES)
		.map((s) => `${s.column}: ${s.label} (${s.rows} rows): ${s.note ?? 'too small to judge.'}`);
	if (small.length > SMALL_SLICE_NOTES)
		items.push(`And ${small.length - SMALL_SLICE_NOTES} more small slices.`);
	return [
		{ kind: 'text', text: 'Slices left out as too small or undefined to judge:' },
		{ kind: 'list', items }
	];
}

function fairnessSection(result: TestEvaluation): DocSection {
	const reports = result.fairness;
	if (reports.length === 0)
		return {
			title: 'Fairness',
			blocks: [{ kind: 'text', text: 'No sensitive column was checked for fairness.' }]
		};
	const blocks = reports.flatMap((report): DocBlock[] => {
		const summary = fairnessSummary(report);
		if (report.kind === 'unsupported') return summary;
		const rows = report.groups.map((g) => [
			g.group,
			String(g.rows),
			formatPercent(g.selectionRate),
			formatPercent(g.truePositiveRate),
			formatPercent(g.falsePositiveRate),
			g.notes.join(' ')
		]);
		const header = ['Group', 'Rows', 'Selection rate', 'TPR', 'FPR', 'Notes'];
		return [summary[0], { kind: 'table', header, rows }, ...summary.slice(1)];
	});
	return { title: 'Fairness', blocks };
}

function importanceSection(result: TestEvaluation): DocSection {
	const { importance } = result;
	if (importance.columns.length === 0)
		return {
			title: 'Permutation importance',
			blocks: [{ kind: 'text', text: 'Permutation importance was not computed.' }]
		};
	const label = metricInfo(importance.metric).label;
	const rows = importance.columns
		.slice(0, REPORT_TOP)
		.map((c) => [c.column, formatScore(c.mean), formatScore(c.sd)]);
	const text = `How much ${label} (${formatScore(importance.baseline)} on the test rows) worsens when a column's values are shuffled; positive means the column helps. The top ${REPORT_TOP}:`;
	return {
		title: 'Permutation importance',
		blocks: [
			{ kind: 'text', text },
			{ kind: 'table', header: ['Column', 'Mean importance', 'Standard deviation'], rows }
		]
	};
}

/** Returns the worst predictions as a table: probabilities for classes, errors for values. */
function worstTable(worst: WorstPredictions): DocBlock {
	if (worst.kind === 'classes')
		return {
			kind: 'table',
			header: ['Row', 'True', 'Predicted', 'P(predicted)', 'P(true)'],
			rows: worst.rows
				.slice(0, REPORT_TOP)
				.map((r) => [
					String(r.row),
					r.truth,
					r.predicted,
					formatScore(r.predictedProbability),
					formatScore(r.truthProbability)
				])
		};
	return {
		kind: 'table',
		header: ['Row', 'True', 'Predicted', 'Error'],
		rows: worst.rows
			.slice(0, REPORT_TOP)
			.map((r) => [
				String(r.row),
				formatValue(r.truth),
				formatValue(r.predicted),
				formatValue(r.error)
			])
	};
}

function worstSection(result: TestEvaluation): DocSection {
	const { worst } = result;
	if (worst.rows.length === 0)
		return {
			title: 'Worst predictions',
			blocks: [{ kind: 'text', text: 'No worst predictions were kept.' }]
		};
	const shown = Math.min(REPORT_TOP, worst.rows.length);
	const which =
		worst.kind === 'classes'
			? 'that gave their true class the lowest probability'
			: 'with the largest absolute error';
	const text = `The ${shown} test rows ${which} (rows numbered as in the predictions file):`;
	return { title: 'Worst predictions', blocks: [{ kind: 'text', text }, worstTable(worst)] };
}

function auditSection(audit: ReportContext['audit']): DocSection {
	const blocks: DocBlock[] =
		audit.length > 0
			? [{ kind: 'table', header: ['When', 'What'], rows: audit.map((e) => [e.at, e.action]) }]
			: [{ kind: 'text', text: 'The audit trail is empty.' }];
	return { title: 'Audit trail', blocks };
}

// ---- The model card before shipping ----

/** Returns the card's test results: every metric with its interval, then the KPIs and verdict. */
function cardResultsSection(record: EvaluationRecord, context: ReportContext): DocSection {
	const { result } = record;
	const kpis = kpiChecks(result, context.brief).map(
		(c) =>
			`${metricInfo(c.kpi.metric).label} ${kpiBound(c.kpi)}: ${formatScore(c.value)} (${checkResult(c)})`
	);
	return {
		title: `Test results (${result.rows} rows, test set revealed at ${record.revealedAt})`,
		blocks: [
			metricsTable(result.metrics, result.baselineMetrics, result.intervals),
			{ kind: 'list', items: kpis },
			{
				kind: 'text',
				text: `Verdict: **${result.verdict.pass ? 'pass' : 'fail'}**: ${result.verdict.summary}`
			}
		]
	};
}

function cardLimitations(result: TestEvaluation): DocSection {
	const small = result.slices.slices.filter((s) => s.small);
	const items = [
		...result.warnings,
		...(small.length > 0
			? [
					`${small.length} slices are too small or one-sided to judge, so the model is untested there: ${small
						.slice(0, SMALL_SLICE_NOTES)
						.map((s) => `${s.column}: ${s.label}`)
						.join('; ')}${small.length > SMALL_SLICE_NOTES ? '; and more' : ''}.`
				]
			: []),
		'The model is only as good as the data it was trained on: check that new rows come from the same population before trusting its predictions.'
	];
	return { title: 'Limitations', blocks: [{ kind: 'list', items }] };
}

/**
 * Returns a MODEL_CARD-style Markdown from the evaluation alone (for the Evaluate stage, before
 * anything is shipped): intended use, model, data, test results with intervals, threshold,
 * fairness, the later looks at the test set flagged, and limitations.
 */
export function evaluationModelCard(record: EvaluationRecord, context: ReportContext): string {
	const { brief } = context;
	const { result } = record;
	const model = [
		`Model: ${context.runLabel}`,
		`Compared with the baseline: ${context.baselineLabel}`,
		`Task: ${brief.task ? taskLabel(brief.task) : 'not chosen'}, target ${brief.target ?? 'not chosen'}${brief.positiveClass && brief.task === 'binary' ? `, positive class ${brief.positiveClass}` : ''}`
	];
	const threshold = thresholdSection(result.threshold);
	const sections: (DocSection | null)[] = [
		{ title: 'Intended use', blocks: [{ kind: 'list', items: purposeItems(brief) }] },
		{ title: 'Model', blocks: [{ kind: 'list', items: model }] },
		{
			title: 'Data',
			blocks: [
				{
					kind: 'list',
					items: [`Dataset: ${context.datasetName ?? 'not named'}`, `Test rows: ${result.rows}`]
				}
			]
		},
		cardResultsSection(record, context),
		cardLooksSection(looksOf(record)),
		threshold,
		cardFairnessSection(result.fairness),
		cardLimitations(result)
	];
	return toMarkdown({
		title: `Model card: ${context.runLabel} (not yet shipped)`,
		meta: [
			`Made on ${context.date} from the evaluation; the shipped bundle's card adds its inputs and how to run it.`
		],
		sections: sections.filter((s): s is DocSection => s !== null)
	});
}
