import { describe, expect, it } from 'vitest';
import { EMPTY_BRIEF, type Brief } from '../../../src/core/brief/brief';
import { briefDocument, type BriefContext } from '../../../src/core/brief/brief-document';
import { briefHtml, briefMarkdown } from '../../../src/core/brief/brief-export';
import { escapeHtml } from '../../../src/core/util/printable';

const CONTEXT: BriefContext = { datasetName: 'churn.csv', date: '2024-03-01' };

const CHURN: Brief = {
	...EMPTY_BRIEF,
	decision: 'Which customers to call this week',
	users: 'The retention team',
	costs: 'A wasted call vs. a lost customer',
	costMatrix: { falsePositive: 1, falseNegative: 5 },
	target: 'churn',
	task: 'binary',
	positiveClass: 'yes',
	metric: 'roc_auc',
	kpiThreshold: 0.8,
	extraKpis: [
		{ metric: 'recall', threshold: 0.6 },
		{ metric: 'log_loss', threshold: 0.45 }
	],
	sensitiveColumns: ['sex', 'age'],
	interpretable: true,
	latencyBudgetUs: 2000,
	modelBytesBudget: 5e6
};

describe('briefMarkdown', () => {
	const markdown = briefMarkdown(CHURN, CONTEXT);

	it('gives the dataset, the date and the words of the brief', () => {
		expect(markdown.startsWith('# Problem brief\n\nDataset: churn.csv · 2024-03-01\n')).toBe(true);
		expect(markdown).toContain('## Decision\n\nWhich customers to call this week');
		expect(markdown).toContain('## Users\n\nThe retention team');
		expect(markdown).toContain('A wasted call vs. a lost customer');
		expect(markdown).not.toContain('Not finished');
	});

	it('gives the cost matrix with what each mistake means for the positive class', () => {
		expect(markdown).toContain(
			'| False positive | the model predicts "yes" for a row that is not "yes" (a false alarm) | 1 |'
		);
		expect(markdown).toContain(
			'| False negative | the model misses a row that is "yes" (a miss) | 5 |'
		);
	});

	it('gives the target, the task, the positive class and every KPI with its direction', () => {
		expect(markdown).toContain('| Target | churn |');
		expect(markdown).toContain('| Task | Binary classification |');
		expect(markdown).toContain('| Positive class | yes |');
		expect(markdown).toContain('| Primary | ROC-AUC | >= 0.8 |');
		expect(markdown).toContain('| Extra | Recall | >= 0.6 |');
		expect(markdown).toContain('| Extra | Log loss | <= 0.45 |');
	});

	it('gives the constraints, the sensitive columns and the baseline plan', () => {
		expect(markdown).toContain('- Interpretable model: required');
		expect(markdown).toContain('- Latency budget per row: 2 ms');
		expect(markdown).toContain('- Model size budget: 5 MB');
		expect(markdown).toContain('## Sensitive columns (checked for fairness)\n\n- sex\n- age');
		expect(markdown).toMatch(/- Majority class: .*most frequent class/);
		expect(markdown).toMatch(/- One rule \(Holte's OneR\): .*at most 6 bins/);
	});

	it('lists what an unfinished brief lacks, and says what is not written', () => {
		const empty = briefMarkdown(EMPTY_BRIEF, { datasetName: null, date: '2024-03-01' });
		expect(empty).toContain(
			'> **Not finished: choose the target column, choose the task, choose the primary metric, set the KPI threshold.**'
		);
		expect(empty).toContain('## Decision\n\n_Not written yet._');
		expect(empty).toContain('_No KPI yet: Evaluate has nothing to judge against._');
		expect(empty).toContain('_None chosen: fairness will not be checked by any column._');
		expect(empty).toContain('- Latency budget per row: none');
		expect(empty).toContain('Dataset: none loaded');
		const noThreshold = briefMarkdown({ ...CHURN, kpiThreshold: null }, CONTEXT);
		expect(noThreshold).toContain('> **Not finished: set the KPI threshold.**');
		expect(noThreshold).toContain('Primary metric: ROC-AUC.');
	});

	it('keeps pipes and line breaks in user text from breaking a table row', () => {
		const piped = briefMarkdown(
			{ ...CHURN, target: 'a|b', positiveClass: 'x\\|y', sensitiveColumns: ['two\nlines'] },
			CONTEXT
		);
		expect(piped).toContain('| Target | a\\|b |');
		expect(piped).toContain('| Positive class | x\\\\\\|y |');
		expect(piped).toContain('- two lines');
	});

	it('gives the cost matrix only for a binary task, and the guidance notes when given', () => {
		const regression: Brief = { ...CHURN, task: 'regression', metric: 'rmse', extraKpis: [] };
		expect(briefMarkdown(regression, CONTEXT)).not.toContain('False positive');
		expect(briefMarkdown(regression, CONTEXT)).toContain("- Mean: predicts the train rows' mean");
		const noted = briefMarkdown(CHURN, { ...CONTEXT, notes: ['Raise the KPI.'] });
		expect(noted).toContain('## Guidance\n\n- Raise the KPI.');
		expect(markdown).not.toContain('## Guidance');
	});
});

describe('briefHtml', () => {
	it('is a standalone page with print rules and no external requests or scripts', () => {
		const html = briefHtml(CHURN, CONTEXT);
		expect(html.startsWith('<!doctype html>')).toBe(true);
		expect(html).toContain('@media print');
		expect(html).toContain('@page');
		expect(html).toContain("default-src 'none'");
		expect(html).not.toMatch(/<script|<link|src=|href=|url\(|@import/i);
		expect(html).toContain('<h2>KPIs (judged on the test set)</h2>');
		expect(html).toContain('<td>Recall</td><td>&#62;= 0.6</td>');
		expect(html).toContain('<title>Problem brief: churn.csv</title>');
	});

	it('escapes every piece of user text', () => {
		const attack = '<script>alert("x")</script>';
		const html = briefHtml(
			{
				...CHURN,
				decision: attack,
				users: attack,
				costs: attack,
				target: attack,
				positiveClass: attack,
				sensitiveColumns: [attack]
			},
			{ datasetName: attack, date: '2024-03-01', notes: [attack] }
		);
		expect(html).not.toContain('<script');
		expect(html).not.toContain('"x"');
		expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
	});

	it('lists the gaps of an unfinished brief', () => {
		const html = briefHtml({ ...CHURN, positiveClass: null }, CONTEXT);
		expect(html).toContain('<p class="banner">Not finished: choose the positive class.</p>');
		expect(briefHtml(CHURN, CONTEXT)).not.toContain('class="banner"');
	});
});

describe('escapeHtml', () => {
	it('escapes the five characters HTML gives meaning to', () => {
		expect(escapeHtml(`&<>"'`)).toBe('&#38;&#60;&#62;&#34;&#39;');
		expect(escapeHtml('plain text')).toBe('plain text');
	});
});

describe('briefDocument', () => {
	it('orders the sections as a reader meets them', () => {
		expect(briefDocument(CHURN, CONTEXT).sections.map((s) => s.title)).toEqual([
			'Decision',
			'Users',
			'Cost of mistakes',
			'Target and task',
			'KPIs (judged on the test set)',
			'Constraints',
			'Sensitive columns (checked for fairness)',
			'Baseline plan'
		]);
	});
});
