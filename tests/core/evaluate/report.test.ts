import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_BRIEF, type Brief } from '../../../src/core/brief/brief';
import { evaluateTest, type TestEvaluation } from '../../../src/core/evaluate/evaluate-test';
import {
	upgradeEvaluation,
	type EvaluationRecord,
	type TestLook
} from '../../../src/core/evaluate/evaluation-record';
import { metricInfo } from '../../../src/core/evaluate/metric-catalogue';
import {
	evaluationModelCard,
	evaluationReport,
	type ReportContext
} from '../../../src/core/evaluate/report';
import type { ModelSpec } from '../../../src/core/models/model';
import { defaultRecipe } from '../../../src/core/prepare/recipe';
import { trainRun } from '../../../src/core/train/train-run';
import { ingestText } from '../helpers';
import { loadReference, referenceRequest } from '../reference';
import { fitPipeline, REGRESSION } from '../ship/fixtures';

const FIRST: TestLook = { at: '2024-03-01T13:00:00.000Z', runId: 'run-2', reason: null };
const SECOND: TestLook = {
	at: '2024-03-02T09:30:00.000Z',
	runId: 'run-4',
	reason: 'Dropped a leaking | column in Prepare'
};

const BRIEF: Brief = {
	...EMPTY_BRIEF,
	decision: 'Which loans to review by hand',
	users: 'The credit team',
	costs: 'A missed bad loan costs five times a needless review',
	target: 'credit_risk',
	task: 'binary',
	positiveClass: 'bad',
	metric: 'roc_auc',
	kpiThreshold: 0.7,
	extraKpis: [{ metric: 'recall', threshold: 0.6 }],
	sensitiveColumns: ['personal_status_sex']
};

function context(brief: Brief = BRIEF): ReportContext {
	return {
		brief,
		datasetName: 'german_credit.csv',
		runLabel: 'run-4: linear',
		baselineLabel: 'run-1: baseline',
		date: '2024-03-05',
		audit: [
			{ at: FIRST.at, action: 'Revealed the test set for run-2' },
			{ at: SECOND.at, action: `Looked again for run-4: ${SECOND.reason}` }
		]
	};
}

function record(result: TestEvaluation, looks?: TestLook[]): EvaluationRecord {
	return {
		runId: looks?.at(-1)?.runId ?? 'run-2',
		baselineRunId: 'run-1',
		revealedAt: FIRST.at,
		thresholdRule: { kind: 'cost', falsePositive: 1, falseNegative: 5 },
		looks,
		result
	};
}

/** Returns the Markdown table row that starts with these cells. */
function rowStarting(markdown: string, ...cells: string[]): string {
	const start = `| ${cells.join(' | ')} |`;
	const line = markdown.split('\n').find((l) => l.startsWith(start));
	if (!line) throw new Error(`No row starts with ${start}`);
	return line;
}

const score = (x: number) => x.toFixed(4);

describe('evaluationReport on german_credit', () => {
	let result: TestEvaluation;
	let markdown: string;
	let html: string;

	beforeAll(async () => {
		const data = await loadReference('german_credit');
		const fitted = async (spec: ModelSpec) =>
			(await trainRun(referenceRequest(data, spec))).pipeline;
		const columnOf = (name: string) => data.schema.columns.find((c) => c.name === name)!;
		result = await evaluateTest({
			pipeline: await fitted({ kind: 'linear', l2: 1 }),
			baseline: await fitted({ kind: 'baseline' }),
			test: data.parts.test,
			rowIds: data.rows.test,
			validation: data.parts.val,
			target: columnOf('credit_risk'),
			kpis: [
				{ metric: 'roc_auc', threshold: 0.7 },
				{ metric: 'recall', threshold: 0.6 }
			],
			thresholdRule: { kind: 'cost', falsePositive: 1, falseNegative: 5 },
			sensitive: [columnOf('personal_status_sex')],
			seed: 7
		});
		({ markdown, html } = evaluationReport(record(result, [FIRST, SECOND]), context()));
	});

	it('has every section, in both formats', () => {
		const titles = [
			'Verdict',
			'What the model is for',
			'KPIs',
			'Test-set looks',
			'All metrics on the test set',
			'Decision threshold',
			'Confusion matrix',
			'Slices',
			'Fairness',
			'Permutation importance',
			'Worst predictions',
			'Audit trail'
		];
		for (const title of titles) {
			expect(markdown).toContain(`\n## ${title}\n`);
			expect(html).toContain(`<h2>${title}</h2>`);
		}
		const verdict = result.verdict.pass ? 'PASS' : 'FAIL';
		expect(markdown).toMatch(new RegExp(`^# Evaluation report: ${verdict}\n`));
		expect(html).toContain(`<h1>Evaluation report: ${verdict}</h1>`);
		expect(markdown).toContain(result.verdict.summary);
		expect(markdown).toContain('Model: run-4: linear · Baseline: run-1: baseline');
		expect(markdown).toContain('Dataset: german_credit.csv · 200 test rows');
	});

	it('lists every KPI with its value, interval and result, and the baseline with the difference', () => {
		for (const check of result.verdict.checks) {
			const { low, high } = check.interval!;
			const row = rowStarting(
				markdown,
				metricInfo(check.kpi.metric).label,
				`>= ${check.kpi.threshold}`,
				score(check.value),
				`${score(low)} to ${score(high)}`
			);
			expect(row).toMatch(check.met ? /\| met( on the point estimate only)? \|$/ : /not met \|$/);
		}
		const auc = result.metrics.roc_auc!;
		const base = result.verdict.baselineValue;
		rowStarting(markdown, 'Baseline (run-1: baseline)', score(base));
		rowStarting(
			markdown,
			'Difference (model − baseline)',
			score(auc - base),
			`${score(result.difference!.low)} to ${score(result.difference!.high)}`
		);
		expect(markdown).toContain("The difference's interval excludes zero");
	});

	it('tabulates every metric with its interval beside the baseline', () => {
		for (const [name, value] of Object.entries(result.metrics)) {
			const metric = name as keyof typeof result.metrics;
			const interval = result.intervals[metric]!;
			rowStarting(
				markdown,
				metricInfo(metric).label,
				score(value),
				`${score(interval.low)} to ${score(interval.high)}`,
				score(result.baselineMetrics[metric]!)
			);
		}
	});

	it('gives the threshold with its rule and reason, and the confusion matrix by class', () => {
		const choice = result.threshold!;
		rowStarting(markdown, 'Threshold', score(choice.threshold));
		expect(markdown).toContain(
			'| Rule | Lowest cost on validation (a false positive costs 1, a false negative 5) |'
		);
		expect(markdown).toContain(`| Reason | ${choice.reason} |`);
		const [good, bad] = result.confusion!;
		expect(markdown).toContain('| True class / predicted | good | bad |');
		expect(markdown).toContain(`| good | ${good[0]} | ${good[1]} |`);
		expect(markdown).toContain(`| bad | ${bad[0]} | ${bad[1]} |`);
	});

	it('lists the ten slices with the widest gap, and the small slices with their notes', () => {
		const section = markdown.split('\n## Slices\n')[1].split('\n## ')[0];
		const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Column'));
		expect(rows).toHaveLength(10);
		const judged = result.slices.slices.filter((s) => !s.small);
		const worst = judged.reduce((a, b) => (b.value < a.value ? b : a));
		const gap = result.slices.overall - worst.value;
		expect(rows[0]).toBe(
			`| ${worst.column} | ${worst.label} | ${worst.rows} | ${score(worst.value)} | ${score(gap)} | ${(worst.error * 100).toFixed(1)}% |`
		);
		const small = result.slices.slices.find((s) => s.small)!;
		expect(section).toContain(
			`- ${small.column}: ${small.label} (${small.rows} rows): ${small.note}`
		);
	});

	it('gives each fairness group its rates and each disparity measure a reading', () => {
		const report = result.fairness[0];
		if (report.kind !== 'binary') throw new Error(report.reason);
		expect(markdown).toContain('### personal_status_sex');
		const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
		for (const g of report.groups)
			rowStarting(
				markdown,
				g.group,
				String(g.rows),
				pct(g.selectionRate),
				pct(g.truePositiveRate),
				pct(g.falsePositiveRate)
			);
		const dpd = report.demographicParityDifference;
		expect(markdown).toContain(
			`| Demographic parity difference | ${score(dpd)} | The selection rate differs by ${Number((dpd * 100).toFixed(1))} points between the most and least selected groups (0 is parity). |`
		);
		rowStarting(markdown, 'Demographic parity ratio', score(report.demographicParityRatio));
		rowStarting(markdown, 'Equalized odds difference', score(report.equalizedOddsDifference));
		rowStarting(markdown, 'Equalized odds ratio', score(report.equalizedOddsRatio));
	});

	it('lists the ten most important columns and the ten worst predictions', () => {
		const [top] = result.importance.columns;
		rowStarting(markdown, top.column, score(top.mean), score(top.sd));
		const section = markdown.split('\n## Worst predictions\n')[1].split('\n## ')[0];
		const rows = section.split('\n').filter((l) => /^\| \d/.test(l));
		expect(rows).toHaveLength(10);
		const [first] = result.worst.kind === 'classes' ? result.worst.rows : [];
		expect(rows[0]).toBe(
			`| ${first.row} | ${first.truth} | ${first.predicted} | ${score(first.predictedProbability)} | ${score(first.truthProbability)} |`
		);
	});

	it('flags the later look with its time, run and reason, in both formats', () => {
		expect(markdown).toContain('> **⚠ The test set was looked at 2 times.**');
		expect(markdown).toContain(
			'> - Look 2, at 2024-03-02T09:30:00.000Z, for run-4: Dropped a leaking | column in Prepare'
		);
		expect(markdown).toContain('less trustworthy after each later look');
		expect(html).toContain('<div class="flag" role="note">');
		expect(html).toContain('The test set was looked at 2 times.');
		expect(html).toContain('for run-4: Dropped a leaking | column in Prepare');
		expect(markdown).toContain(
			'| 2024-03-02T09:30:00.000Z | Looked again for run-4: Dropped a leaking \\| column in Prepare |'
		);
	});

	it('says the test set was looked at once when it was, and never shows NaN', () => {
		const once = evaluationReport(record(result), context());
		expect(once.markdown).toContain('Looked at once, at 2024-03-01T13:00:00.000Z, for run-2.');
		expect(once.markdown).not.toContain('looked at 2 times');
		expect(once.html).not.toContain('class="flag"');
		expect(`${once.markdown}${once.html}${markdown}${html}`).not.toMatch(/NaN/);
	});

	it('is a standalone printable page: print rules, a CSP and no scripts', () => {
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).toContain('@media print');
		expect(html).toContain(
			`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`
		);
		expect(html).not.toMatch(/<script|<link|src=/i);
	});

	it('builds a model card from the evaluation, flagging the later look', () => {
		const card = evaluationModelCard(record(result, [FIRST, SECOND]), context());
		expect(card).toMatch(/^# Model card: run-4: linear \(not yet shipped\)\n/);
		expect(card).toContain(
			'## Intended use\n\n- Decision it supports: Which loans to review by hand'
		);
		expect(card).toContain('- Who uses it: The credit team');
		expect(card).toContain(`- Cost of a wrong answer: ${BRIEF.costs}`);
		expect(card).toContain('- Model: run-4: linear\n- Compared with the baseline: run-1: baseline');
		expect(card).toContain('- Dataset: german_credit.csv\n- Test rows: 200');
		const auc = result.intervals.roc_auc!;
		rowStarting(
			card,
			'ROC-AUC',
			score(result.metrics.roc_auc!),
			`${score(auc.low)} to ${score(auc.high)}`
		);
		expect(card).toContain(`| Reason | ${result.threshold!.reason} |`);
		expect(card).toContain('## Fairness\n\n### personal_status_sex');
		expect(card).toContain('## Test-set looks\n\n> **⚠ The test set was looked at 2 times.**');
		expect(card).toContain('optimistic by an unknown amount');
		expect(card).toContain('for run-4: Dropped a leaking | column in Prepare');
		expect(card).toMatch(/## Limitations\n\n- \d+ slices are too small or one-sided to judge/);
		expect(card).not.toMatch(/NaN/);
		const once = evaluationModelCard(record(result), context());
		expect(once).not.toContain('## Test-set looks');
	});
});

describe('evaluationReport on a tiny table', () => {
	const HOSTILE = '<script>alert(1)</script>';

	async function tinyEvaluation(): Promise<TestEvaluation> {
		const inputs = [
			{ name: 'x', kind: 'number' as const },
			{ name: 'c', kind: 'category' as const }
		];
		const schema = {
			columns: [...inputs, { name: 'y', kind: 'category' as const }],
			missingTokens: ['']
		};
		const target = {
			name: 'y',
			task: 'binary' as const,
			classes: ['no', 'yes'],
			positive: 'yes',
			threshold: 0.5
		};
		const train = (
			await ingestText('x,c,y\n1,a,no\n2,b,no\n3,a,yes\n4,b,yes\n0.5,a,no\n3.5,b,yes\n')
		).raw;
		const val = (await ingestText('x,c,y\n1.5,a,no\n3,b,yes\n')).raw;
		const fit = async (spec: ModelSpec) =>
			(await trainRun({ train, val, schema, target, recipe: defaultRecipe(inputs), spec, seed: 1 }))
				.pipeline;
		const rows = [
			'0,a,H,no',
			'5,b,p|q,yes',
			'2.6,b,p|q,no',
			'3.9,a,H,yes',
			'1,a,p|q,no',
			'4.5,H,H,yes'
		];
		const test = (await ingestText(`x,c,g,y\n${rows.join('\n').replaceAll('H', HOSTILE)}\n`)).raw;
		return evaluateTest({
			pipeline: await fit({ kind: 'linear', l2: 1 }),
			baseline: await fit({ kind: 'baseline' }),
			test,
			rowIds: [10, 11, 12, 13, 14, 15],
			validation: val,
			target: { name: 'y', kind: 'category' },
			kpis: [{ metric: 'roc_auc', threshold: 0.7 }],
			thresholdRule: { kind: 'default' },
			sensitive: [{ name: 'g', kind: 'category' }],
			seed: 1
		});
	}

	const hostileBrief: Brief = {
		...BRIEF,
		target: 'y',
		positiveClass: 'yes',
		extraKpis: [],
		decision: `Who to call ${HOSTILE} | first`,
		sensitiveColumns: ['g']
	};

	it('escapes user text in the HTML, and pipes in Markdown tables', async () => {
		const result = await tinyEvaluation();
		const ctx = { ...context(hostileBrief), runLabel: `run-4 ${HOSTILE}` };
		const { markdown, html } = evaluationReport(record(result, [FIRST, SECOND]), ctx);
		expect(html).not.toContain('<script');
		expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
		expect(html).toContain('Who to call &#60;script&#62;');
		expect(markdown).toContain('| p\\|q |');
		expect(markdown).not.toMatch(/\| p\|q \|/);
		// Every row of a table has as many cells as its header.
		const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
		const lines = markdown.split('\n');
		lines.forEach((line, i) => {
			if (line.startsWith('|') && lines[i - 1]?.startsWith('|'))
				expect(cells(line), line).toBe(cells(lines[i - 1]));
		});
		expect(`${markdown}${html}`).not.toMatch(/NaN/);
		expect(markdown).toContain('undefined');
	});

	it('renders a legacy record, upgraded, without NaN', async () => {
		const result = await tinyEvaluation();
		const legacy = {
			runId: 'run-2',
			baselineRunId: 'run-1',
			revealedAt: FIRST.at,
			result: {
				metrics: result.metrics,
				baselineMetrics: result.baselineMetrics,
				verdict: {
					pass: false,
					kpiMet: false,
					beatsBaseline: true,
					value: 0.6,
					baselineValue: 0.5,
					summary: 'Old summary.'
				},
				confusion: result.confusion,
				predictions: result.predictions
			}
		} as unknown as EvaluationRecord;
		const upgraded = upgradeEvaluation(legacy);
		const ctx = context({ ...hostileBrief, extraKpis: [] });
		const { markdown, html } = evaluationReport(upgraded, ctx);
		const card = evaluationModelCard(upgraded, ctx);
		expect(`${markdown}${html}${card}`).not.toMatch(/NaN/);
		expect(markdown).toMatch(/^# Evaluation report: FAIL\n/);
		expect(markdown).toContain(
			`| ROC-AUC | >= 0.7 | ${score(result.metrics.roc_auc!)} | not computed |`
		);
		expect(markdown).toContain('Evaluated by an earlier version of Shipshape');
		expect(markdown).toContain('No slices were computed.');
		expect(markdown).toContain('| True class / predicted | class 1 | class 2 |');
		expect(markdown).toContain('Looked at once, at 2024-03-01T13:00:00.000Z, for run-2.');
		expect(card).not.toContain('## Test-set looks');
	});
});

describe('evaluationReport on a regression', () => {
	it('lists the largest errors, no threshold or confusion, and says why fairness was not assessed', async () => {
		const test = (await ingestText('x,c,price\n0,a,1\n5,b,49\n2.6,b,27\n3.9,a,38\n')).raw;
		const result = await evaluateTest({
			pipeline: await fitPipeline(REGRESSION, { kind: 'linear', l2: 1 }),
			baseline: await fitPipeline(REGRESSION, { kind: 'baseline' }),
			test,
			rowIds: [6, 7, 8, 9],
			validation: null,
			target: { name: 'price', kind: 'number' },
			kpis: [{ metric: 'rmse', threshold: 5 }],
			thresholdRule: { kind: 'default' },
			sensitive: [{ name: 'c', kind: 'category' }],
			seed: 7
		});
		const brief: Brief = {
			...BRIEF,
			target: 'price',
			task: 'regression',
			positiveClass: null,
			metric: 'rmse',
			kpiThreshold: 5,
			extraKpis: [],
			sensitiveColumns: ['c']
		};
		const { markdown, html } = evaluationReport(record(result), context(brief));
		expect(markdown).not.toContain('## Decision threshold');
		expect(markdown).not.toContain('## Confusion matrix');
		expect(markdown).toContain('| Row | True | Predicted | Error |');
		const [worst] = result.worst.kind === 'values' ? result.worst.rows : [];
		expect(markdown).toContain(
			`| ${worst.row} | ${worst.truth} | ${Number(worst.predicted.toFixed(4))} | ${Number(worst.error.toFixed(4))} |`
		);
		expect(markdown).toContain('The 4 test rows with the largest absolute error');
		expect(markdown).toContain(
			'### c\n\nNot assessed: Fairness measures here need a binary target; this is a regression task.'
		);
		rowStarting(markdown, 'RMSE', '<= 5', score(result.metrics.rmse!));
		expect(`${markdown}${html}`).not.toMatch(/NaN/);
		const card = evaluationModelCard(record(result), context(brief));
		expect(card).toContain('- Task: Regression, target price\n');
		expect(card).not.toContain('## Decision threshold');
		expect(card).not.toMatch(/NaN/);
	});
});
