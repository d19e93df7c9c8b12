import { describe, expect, it } from 'vitest';
import { buildModelCard } from '../../../src/core/ship/model-card';
import { BINARY, REGRESSION, shippedManifest } from './fixtures';

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
			'## Evaluation (test set, revealed once at 2024-03-01T13:00:00.000Z)\n\n| metric | model | baseline |\n|---|---|---|\n'
		);
		const { test, baselineTest } = manifest.metrics;
		expect(card).toContain(
			`| ROC-AUC | ${test.roc_auc!.toFixed(4)} | ${baselineTest.roc_auc!.toFixed(4)} |`
		);
		expect(card).toContain(
			`| Log loss | ${test.log_loss!.toFixed(4)} | ${baselineTest.log_loss!.toFixed(4)} |`
		);
		const rows = card.split('\n').filter((line) => /^\| (?!metric|---)/.test(line));
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
		expect(card).toContain('```\nnode predict.mjs rows.csv > predictions.csv\n```');
		expect(card).toContain('Node.js >=18, no dependencies.');
	});
});
