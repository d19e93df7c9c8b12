import { metricInfo, type MetricName, type MetricValues } from '../evaluate/metric-catalogue';
import type { Manifest } from './manifest';

/** The plain-language parts of the brief that a model card repeats. */
export interface CardBrief {
	decision: string;
	users: string;
	costs: string;
}

function metricRows(values: MetricValues, baseline: MetricValues): string[] {
	return (Object.keys(values) as MetricName[]).map((name) => {
		const v = values[name] ?? NaN;
		const b = baseline[name] ?? NaN;
		return `| ${metricInfo(name).label} | ${v.toFixed(4)} | ${b.toFixed(4)} |`;
	});
}

/** Returns MODEL_CARD.md: what the model is for, how it was evaluated, and how to run it. */
export function buildModelCard(manifest: Manifest, brief: CardBrief): string {
	const { lineage, kpi } = manifest;
	const inputs = manifest.inputSchema.map((f) => `- \`${f.name}\` (${f.kind})`).join('\n');
	return `# Model card: ${manifest.name} ${manifest.version}

## Purpose

- Decision it supports: ${brief.decision || 'not stated'}
- Who uses it: ${brief.users || 'not stated'}
- Cost of a wrong answer: ${brief.costs || 'not stated'}

## Model

- Task: ${manifest.task}, target \`${manifest.target.name}\`
- Family: ${manifest.model.family}, ${manifest.model.features} features after preparation
- Trained on ${lineage.fileName} (fingerprint ${lineage.dataFingerprint}: SHA-256, over 1 MiB blocks beyond 1 MiB), seed ${lineage.seed}, backend ${lineage.backend}
- Recipe hash: ${lineage.recipeHash}

## Inputs

${inputs}

## Evaluation (test set, revealed once at ${lineage.testRevealedAt})

| metric | model | baseline |
|---|---|---|
${metricRows(manifest.metrics.test, manifest.metrics.baselineTest).join('\n')}

KPI: ${metricInfo(kpi.metric).label} ${metricInfo(kpi.metric).higherIsBetter ? '≥' : '≤'} ${kpi.threshold}. Verdict: **${manifest.verdict.pass ? 'pass' : 'fail'}**: ${manifest.verdict.summary}

## Use

\`\`\`
${manifest.runtime.usage}
\`\`\`

Node.js ${manifest.runtime.node}, no dependencies. Rows whose cells do not fit the input schema get an
empty prediction and a message in the \`error\` column. Labels not seen in training are accepted and
encoded as none of the known labels.

## Limitations

The model is only as good as the data it was trained on: check that new rows come from the same
population before trusting its predictions.
`;
}
