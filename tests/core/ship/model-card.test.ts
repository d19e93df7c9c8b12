import { describe, expect, it } from 'vitest';
import { evaluateTest } from '../../../src/core/evaluate/evaluate-test';
import type { EvaluationRecord, TestLook } from '../../../src/core/evaluate/evaluation-record';
import { buildModelCard } from '../../../src/core/ship/model-card';
import { ingestText } from '../helpers';
import { BINARY, fitPipeline, REGRESSION, shippedManifest } from './fixtures';

const BRIEF = {
	decision: 'Which customers to call this week',
	users: 'The retention team',
	costs: 'A wasted call costs 5 minutes; a lost customer costs a year of fees'
};

describe('buildModelCard', () => {
	it('repeats the purpose from the brief, and says when a part was not stated', async () => {
		const manifest = await shippedManifest(BINARY);
		const card = buildModelCard(manifest, BRIEF);
		expect(card).toMatch(/^# Model card: churn-model 1\.0\.0\n/);
		expect(card).toContain('- Decision it supports: Which customers to call this week\n');
		expect(card).toContain('- Who uses it: The retention team\n');
		expect(card).toContain(`- Cost of a wrong answer: ${BRIEF.costs}\n`);
		const blank = buildModelCard(manifest, { decision: '', users: '', costs: '' });
		expect(blank).toContain('- Decision it supports: not stated\n');
		expect(blank).toContain('- Who uses it: not stated\n');
		expect(blank).toContain('- Cost of a wrong answer: not stated\n');
	});

	it('describes the model, its lineage and its inputs', async () => {
		const card = buildModelCard(await shippedManifest(BINARY), BRIEF);
		expect(card).toContain('- Task: binary, target `y`\n');
		expect(card).toContain('- Family: linear, 3 features after preparation\n');
		expect(card).toContain(
			`Trained on churn.csv (fingerprint ${'ab'.repeat(32)}: SHA-256, over 1 MiB blocks beyond 1 MiB), seed 7, backend js`
		);
		expect(card).toContain(`- Recipe hash: ${'cd'.repeat(32)}\n`);
		expect(card).toContain('## Inputs\n\n- `x` (number)\n- `c` (category)\n\n');
	});

	it('tabulates every test metric of the model beside the baseline, to four decimals', async () => {
		const manifest = await shippedManifest(BINARY);
		const card = buildModelCard(manifest, BRIEF);
		expect(card).toContain(
			'## Evaluation (test set, revealed once at 2024-03-01T13:00:00.000Z)\n\n| Metric | Model | Baseline |\n|---|---|---|\n'
		);
		const { test, baselineTest } = manifest.metrics;
		expect(card).toContain(
			`| ROC-AUC | ${test.roc_auc!.toFixed(4)} | ${baselineTest.roc_auc!.toFixed(4)} |`
		);
		expect(card).toContain(
			`| Log loss | ${test.log_loss!.toFixed(4)} | ${baselineTest.log_loss!.toFixed(4)} |`
		);
		const rows = card.split('\n').filter((line) => /^\| (?!Metric)/.test(line));
		expect(rows).toHaveLength(Object.keys(test).length);
	});

	it('states the KPI with its direction and the verdict with its summary', async () => {
		const binary = await shippedManifest(BINARY);
		expect(buildModelCard(binary, BRIEF)).toContain(
			`KPI: ROC-AUC ≥ 0.7. Verdict: **pass**: ${binary.verdict.summary}`
		);
		const regression = await shippedManifest(REGRESSION);
		expect(buildModelCard(regression, BRIEF)).toContain('KPI: RMSE ≤ 5. Verdict: **');
		const failed = { ...binary, verdict: { pass: false, summary: 'The KPI was not met.' } };
		expect(buildModelCard(failed, BRIEF)).toContain('Verdict: **fail**: The KPI was not met.');
	});

	it('shows how to run the bundle', async () => {
		const card = buildModelCard(await shippedManifest(BINARY), BRIEF);
		expect(card).toContain(
			'```\nnode predict.mjs rows.csv > predictions.csv\nPORT=8080 node server.mjs  # POST /predict, GET /health, GET /metrics\n```'
		);
		expect(card).toContain('Node.js >=20, no dependencies.');
	});

	const LOOKS: TestLook[] = [
		{ at: '2024-03-01T13:00:00.000Z', runId: 'run-2', reason: null },
		{ at: '2024-03-02T09:30:00.000Z', runId: 'run-3', reason: 'Fixed the target column' }
	];

	/** Returns the record of the fixtures' look at the test rows, fairness checked by `c`. */
	async function evaluationRecord(looks?: TestLook[]): Promise<EvaluationRecord> {
		const test = (await ingestText('x,c,y\n0,a,no\n5,b,yes\n2.6,b,no\n3.9,a,yes\n')).raw;
		const result = await evaluateTest({
			pipeline: await fitPipeline(BINARY, { kind: 'linear', l2: 1 }),
			baseline: await fitPipeline(BINARY, { kind: 'baseline' }),
			test,
			rowIds: [6, 7, 8, 9],
			validation: null,
			target: { name: 'y', kind: 'category' },
			kpis: [{ metric: 'roc_auc', threshold: 0.7 }],
			thresholdRule: { kind: 'default' },
			sensitive: [{ name: 'c', kind: 'category' }],
			seed: 7
		});
		return { runId: 'run-3', baselineRunId: 'run-1', revealedAt: LOOKS[0].at, looks, result };
	}

	it('flags every later look at the test set: the test score is then optimistic', async () => {
		const manifest = await shippedManifest(BINARY);
		const card = buildModelCard(manifest, BRIEF, await evaluationRecord(LOOKS));
		expect(card).toContain('## Evaluation (test set, revealed first at 2024-03-01T13:00:00.000Z)');
		expect(card).toContain('## Test-set looks\n\n> **⚠ The test set was looked at 2 times.**');
		expect(card).toContain(
			'> - Look 2, at 2024-03-02T09:30:00.000Z, for run-3: Fixed the target column\n'
		);
		expect(card).toContain('The reported test score is optimistic by an unknown amount');
		const once = buildModelCard(manifest, BRIEF, await evaluationRecord());
		expect(once).toContain('revealed once at');
		expect(once).not.toContain('Test-set looks');
	});

	it('puts the 95 % interval beside each test metric, and the fairness measures', async () => {
		const manifest = await shippedManifest(BINARY);
		const evaluation = await evaluationRecord(LOOKS);
		const card = buildModelCard(manifest, BRIEF, evaluation);
		const { test, baselineTest } = manifest.metrics;
		expect(evaluation.result.metrics).toEqual(test);
		expect(card).toContain('| Metric | Model | 95 % interval | Baseline |\n|---|---|---|---|\n');
		const { low, high } = evaluation.result.intervals.accuracy!;
		expect(card).toContain(
			`| Accuracy | ${test.accuracy!.toFixed(4)} | ${low.toFixed(4)} to ${high.toFixed(4)} | ${baselineTest.accuracy!.toFixed(4)} |`
		);
		const [fairness] = evaluation.result.fairness;
		if (fairness.kind !== 'binary') throw new Error(fairness.reason);
		expect(card).toContain('## Fairness\n\n### c\n\n| Measure | Value | Reading |');
		expect(card).toContain(
			`| Demographic parity difference | ${fairness.demographicParityDifference.toFixed(4)} |`
		);
		expect(card).toContain('| Equalized odds ratio |');
		expect(card).not.toMatch(/NaN/);
		expect(card.indexOf('## Fairness')).toBeLessThan(card.indexOf('## Use'));
	});

	it('names an unsupported fairness check by its column and says why', async () => {
		const manifest = await shippedManifest(BINARY);
		const evaluation = await evaluationRecord();
		const unsupported: EvaluationRecord = {
			...evaluation,
			result: {
				...evaluation.result,
				fairness: [
					{ kind: 'unsupported', column: 'z', reason: 'There is no column "z" in these rows.' }
				]
			}
		};
		const card = buildModelCard(manifest, BRIEF, unsupported);
		expect(card).toContain(
			'## Fairness\n\n### z\n\nNot assessed: There is no column "z" in these rows.'
		);
	});
});
