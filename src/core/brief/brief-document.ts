import { metricInfo } from '../evaluate/metric-catalogue';
import type { Kpi } from '../evaluate/verdict';
import { DEFAULT_ONE_RULE_SPEC } from '../models/baseline/one-rule';
import { briefGaps, kpiOf, type Brief } from './brief';
import { mistakeMeanings } from './cost-matrix';
import { isClassification, taskLabel } from './task';
import type { DocBlock, DocSection, PrintableDocument } from '../util/printable';

/** What the exported brief is for: passed in, since the core reads no clock. */
export interface BriefContext {
	/** The dataset's file name, or null before one is loaded. */
	datasetName: string | null;
	/** The day the brief is exported, as the caller writes it ("2024-03-01"). */
	date: string;
	/** Guidance to list with the brief (kpiGuidance's sentences, the metric warning); none when absent. */
	notes?: readonly string[];
}

function words(text: string, missing: string): DocBlock {
	return text.trim() ? { kind: 'text', text } : { kind: 'note', text: missing };
}

/** Returns ">=" or "<=" and the threshold: how a KPI reads in the brief. */
export function kpiBound(kpi: Kpi): string {
	return `${metricInfo(kpi.metric).higherIsBetter ? '>=' : '<='} ${kpi.threshold}`;
}

function costsSection(brief: Brief): DocSection {
	const blocks = [words(brief.costs, 'Not written yet.')];
	if (brief.task === 'binary') {
		const meaning = mistakeMeanings(brief.positiveClass);
		const cost = (value: number | undefined) => (value === undefined ? 'not set' : String(value));
		blocks.push({
			kind: 'table',
			header: ['Mistake', 'What it means', 'Cost'],
			rows: [
				['False positive', meaning.falsePositive, cost(brief.costMatrix?.falsePositive)],
				['False negative', meaning.falseNegative, cost(brief.costMatrix?.falseNegative)]
			]
		});
	}
	return { title: 'Cost of mistakes', blocks };
}

function targetSection(brief: Brief): DocSection {
	const rows = [
		['Target', brief.target ?? 'not chosen'],
		['Task', brief.task ? taskLabel(brief.task) : 'not chosen']
	];
	if (brief.task === 'binary') rows.push(['Positive class', brief.positiveClass ?? 'not chosen']);
	if (brief.task === 'ranking') rows.push(['Query column', brief.queryColumn ?? 'not chosen']);
	return {
		title: 'Target and task',
		blocks: [{ kind: 'table', header: ['What', 'Choice'], rows }]
	};
}

function kpiSection(brief: Brief): DocSection {
	const primary = kpiOf(brief);
	const row = (role: string, kpi: Kpi) => [role, metricInfo(kpi.metric).label, kpiBound(kpi)];
	const rows = [
		...(primary ? [row('Primary', primary)] : []),
		...brief.extraKpis.map((kpi) => row('Extra', kpi))
	];
	const blocks: DocBlock[] = rows.length
		? [{ kind: 'table', header: ['KPI', 'Metric', 'On the test set'], rows }]
		: [{ kind: 'note', text: 'No KPI yet: Evaluate has nothing to judge against.' }];
	if (!primary && brief.metric)
		blocks.unshift({ kind: 'text', text: `Primary metric: ${metricInfo(brief.metric).label}.` });
	return { title: 'KPIs (judged on the test set)', blocks };
}

function constraintsSection(brief: Brief): DocSection {
	const { latencyBudgetUs: us, modelBytesBudget: bytes } = brief;
	const round = (x: number) => String(Number(x.toPrecision(6)));
	return {
		title: 'Constraints',
		blocks: [
			{
				kind: 'list',
				items: [
					`Interpretable model: ${brief.interpretable ? 'required' : 'not required'}`,
					`Latency budget per row: ${us === null ? 'none' : `${round(us / 1000)} ms`}`,
					`Model size budget: ${bytes === null ? 'none' : `${round(bytes / 1e6)} MB`}`
				]
			}
		]
	};
}

function sensitiveSection(brief: Brief): DocSection {
	const blocks: DocBlock[] = brief.sensitiveColumns.length
		? [{ kind: 'list', items: brief.sensitiveColumns }]
		: [{ kind: 'note', text: 'None chosen: fairness will not be checked by any column.' }];
	return { title: 'Sensitive columns (checked for fairness)', blocks };
}

function baselineSection(brief: Brief): DocSection {
	const first =
		brief.task === null
			? 'Majority class (classification) or mean (regression): predicts the same for every row.'
			: isClassification(brief.task)
				? "Majority class: predicts the train rows' class shares for every row, so always the most frequent class."
				: "Mean: predicts the train rows' mean for every row.";
	const rule = `One rule (Holte's OneR): the best single input column, cut into at most ${DEFAULT_ONE_RULE_SPEC.maxBins} bins, each predicting its train rows' ${brief.task !== null && !isClassification(brief.task) ? 'mean' : 'class shares'}; it answers "would a rule do?"`;
	const verdict = 'A model ships only if it beats the baseline on the primary metric.';
	return { title: 'Baseline plan', blocks: [{ kind: 'list', items: [first, rule, verdict] }] };
}

/** Returns the one-page brief as data, for `briefMarkdown` and `briefHtml` to render. */
export function briefDocument(brief: Brief, context: BriefContext): PrintableDocument {
	const gaps = briefGaps(brief);
	const sections: DocSection[] = [
		{ title: 'Decision', blocks: [words(brief.decision, 'Not written yet.')] },
		{ title: 'Users', blocks: [words(brief.users, 'Not written yet.')] },
		costsSection(brief),
		targetSection(brief),
		kpiSection(brief),
		constraintsSection(brief),
		sensitiveSection(brief),
		baselineSection(brief)
	];
	if (context.notes?.length)
		sections.push({ title: 'Guidance', blocks: [{ kind: 'list', items: [...context.notes] }] });
	return {
		title: 'Problem brief',
		meta: [`Dataset: ${context.datasetName ?? 'none loaded'} · ${context.date}`],
		banner: gaps.length ? `Not finished: ${gaps.join(', ')}.` : null,
		sections
	};
}
