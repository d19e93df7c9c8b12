import { looksOf, type EvaluationRecord, type TestLook } from '../evaluate/evaluation-record';
import type { FairnessReport } from '../evaluate/fairness';
import { metricInfo } from '../evaluate/metric-catalogue';
import { fairnessSummary, formatScore, looksFlag, metricsTable } from '../evaluate/report-document';
import { markdownBlock, markdownSections, type DocBlock, type DocSection } from '../util/printable';
import type { Manifest, RetrainedLineage } from './manifest';
import type { MetricValues } from '../evaluate/metric-catalogue';
import type { Kpi } from '../evaluate/verdict';

/** The plain-language parts of the brief that a model card repeats. */
export interface CardBrief {
	decision: string;
	users: string;
	costs: string;
}

/** Returns the card's purpose lines: the decision, its users and the cost of a wrong answer. */
export function purposeItems(brief: CardBrief): string[] {
	return [
		`Decision it supports: ${brief.decision || 'not stated'}`,
		`Who uses it: ${brief.users || 'not stated'}`,
		`Cost of a wrong answer: ${brief.costs || 'not stated'}`
	];
}

/**
 * Returns the card's "Test-set looks" section when the test set was looked at more than once
 * (`looks` holds every look, the first one first), flagging each later look; null otherwise.
 */
export function cardLooksSection(looks: readonly TestLook[]): DocSection | null {
	const flag = looksFlag(
		looks,
		'The reported test score is optimistic by an unknown amount: every look after the first let the test rows guide a choice, so they no longer judge the model as unseen data would.'
	);
	return flag ? { title: 'Test-set looks', blocks: [flag] } : null;
}

/**
 * Returns the card's "Fairness" section: the disparity measures per sensitive column; null when
 * no column was checked.
 */
export function cardFairnessSection(reports: readonly FairnessReport[]): DocSection | null {
	if (reports.length === 0) return null;
	return { title: 'Fairness', blocks: reports.flatMap((report) => fairnessSummary(report)) };
}

/** Returns the sections the evaluation adds after the card's own: later looks and fairness. */
function evaluationSections(evaluation: EvaluationRecord | null | undefined): string {
	if (!evaluation) return '';
	const sections = [
		cardLooksSection(looksOf(evaluation)),
		cardFairnessSection(evaluation.result.fairness)
	].filter((s): s is DocSection => s !== null);
	return sections.length > 0 ? `${markdownSections(sections)}\n\n` : '';
}

/** Returns the card's evaluation of a retrained version: the fixed evaluation set, not the test set. */
function retrainedSection(retrained: RetrainedLineage, kpi: Kpi): string {
	const { label } = metricInfo(kpi.metric);
	const cell = (values: MetricValues) => {
		const value = values[kpi.metric];
		return value === undefined || value === null ? '–' : formatScore(value);
	};
	const table: DocBlock = {
		kind: 'table',
		header: ['Rows', `${label}, this version`, `${label}, version ${retrained.fromVersion}`],
		rows: retrained.evaluation.map((p) => [
			`${p.name} (${p.rows})`,
			cell(p.candidate),
			cell(p.live)
		])
	};
	return `## Retraining (version ${retrained.fromVersion} retrained; not judged on the test set)

Retrained on ${retrained.fileName}: ${retrained.addedRows} labelled rows added, ${retrained.trainRows} train rows in all. The test set was revealed once, for version 1; this version was compared with version ${retrained.fromVersion} on rows neither was trained on:

${markdownBlock(table)}

Approved with the note: ${retrained.approval}`;
}

/**
 * Returns MODEL_CARD.md: what the model is for, how it was evaluated, and how to run it. Given the
 * evaluation record, the test metrics carry their 95 % intervals, later looks at the test set are
 * flagged (the score is then optimistic) and the fairness measures are listed.
 */
export function buildModelCard(
	manifest: Omit<Manifest, 'files'>,
	brief: CardBrief,
	evaluation?: EvaluationRecord | null
): string {
	const { lineage, kpi } = manifest;
	const inputs = manifest.inputSchema.map((f) => `- \`${f.name}\` (${f.kind})`).join('\n');
	const { test, baselineTest } = manifest.metrics;
	const metrics = metricsTable(test, baselineTest, evaluation?.result.intervals ?? null);
	const once = evaluation && looksOf(evaluation).length > 1 ? 'first' : 'once';
	const judged = manifest.retrained
		? retrainedSection(manifest.retrained, manifest.kpi)
		: `## Evaluation (test set, revealed ${once} at ${lineage.testRevealedAt})

${markdownBlock(metrics)}`;
	return `# Model card: ${manifest.name} ${manifest.version}

## Purpose

${purposeItems(brief)
	.map((item) => `- ${item}`)
	.join('\n')}

## Model

- Task: ${manifest.task}, target \`${manifest.target.name}\`
- Family: ${manifest.model.family}, ${manifest.model.features} features after preparation
- Trained on ${lineage.fileName} (fingerprint ${lineage.dataFingerprint}: SHA-256, over 1 MiB blocks beyond 1 MiB), seed ${lineage.seed}, backend ${lineage.backend}
- Recipe hash: ${lineage.recipeHash}

## Inputs

${inputs}

${judged}

KPI: ${metricInfo(kpi.metric).label} ${metricInfo(kpi.metric).higherIsBetter ? '≥' : '≤'} ${kpi.threshold}. Verdict: **${manifest.verdict.pass ? 'pass' : 'fail'}**: ${manifest.verdict.summary}

${manifest.retrained ? '' : evaluationSections(evaluation)}## Use

\`\`\`
${manifest.runtime.usage}
\`\`\`

Node.js ${manifest.runtime.node}, no dependencies. Rows whose cells do not fit the input schema get an
empty prediction and a message in the \`error\` column. Labels not seen in training are accepted and
encoded as none of the known labels.

## Limitations

The model is only as good as the data it was trained on: check that new rows come from the same
population before trusting its predictions. \`reference.json\` holds the training rows' distribution
of every input, the target and the prediction, the reference the drift checks compare new rows
with: each distinct value or label with its count. It never links values into rows, but for a
number column it lists every value the training rows hold, so share it as you would those columns.
`;
}
