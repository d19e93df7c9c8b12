import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { evaluateTest, type EvaluateInput } from '../../../../../src/core/evaluate/evaluate-test';
import {
	upgradeEvaluation,
	type EvaluationRecord
} from '../../../../../src/core/evaluate/evaluation-record';
import type { MetricName } from '../../../../../src/core/evaluate/metric-catalogue';
import type { ModelSpec } from '../../../../../src/core/models/model';
import { trainRun } from '../../../../../src/core/train/train-run';
import EvaluationResults from '../../../../../src/ui/stages/evaluate/results/EvaluationResults.svelte';
import {
	loadReference,
	referenceEvaluation,
	referenceRequest,
	type ReferenceName
} from '../../../../core/reference';

type Task = 'binary' | 'multiclass' | 'regression';

/** Evaluates a linear model on a reference dataset and renders the results on the server. */
async function setup(
	name: ReferenceName,
	task: Task,
	primary: MetricName,
	extra: (input: EvaluateInput, column: (n: string) => EvaluateInput['target']) => EvaluateInput
) {
	const data = await loadReference(name);
	const fitted = async (spec: ModelSpec) => (await trainRun(referenceRequest(data, spec))).pipeline;
	const column = (n: string) => data.schema.columns.find((c) => c.name === n)!;
	const input = referenceEvaluation(
		data,
		await fitted({ kind: 'linear', l2: 1 }),
		await fitted({ kind: 'baseline' }),
		[{ metric: primary, threshold: 0.5 }]
	);
	const result = await evaluateTest(extra(input, column));
	const record: EvaluationRecord = {
		runId: 'run-1',
		baselineRunId: 'run-0',
		revealedAt: '2024-03-01T12:00:00.000Z',
		result
	};
	const { body } = render(EvaluationResults, {
		props: { record, task, primary, runLabel: 'run-1' }
	});
	return { body, result };
}

/** Returns the test ids of the page's sections, in order. */
function sectionIds(body: string): string[] {
	return [...body.matchAll(/<section[^>]*data-testid="([^"]+)"/g)].map((m) => m[1]);
}

describe('EvaluationResults', () => {
	it('renders every section of a binary evaluation in order, without NaN', async () => {
		const { body } = await setup('german_credit', 'binary', 'roc_auc', (input, column) => ({
			...input,
			thresholdRule: { kind: 'cost', falsePositive: 1, falseNegative: 5 },
			sensitive: [column('personal_status_sex')]
		}));
		expect(sectionIds(body)).toEqual([
			'verdict',
			'test-scores',
			'threshold',
			'confusion',
			'curves',
			'slices',
			'fairness',
			'errors',
			'importance'
		]);
		expect(body).not.toContain('NaN');
		expect(body).toContain('1000 bootstrap resamples');
		expect(body).toContain('Demographic parity difference');
		expect(body).toContain('Fairlearn');
		expect(body).toContain('Filter worst predictions');
	});

	it('renders a multiclass evaluation with a confusion matrix, no curves and unsupported fairness', async () => {
		const { body } = await setup('penguins', 'multiclass', 'f1_macro', (input, column) => ({
			...input,
			sensitive: [column('island')]
		}));
		expect(sectionIds(body)).toEqual([
			'verdict',
			'test-scores',
			'confusion',
			'slices',
			'fairness',
			'errors',
			'importance'
		]);
		expect(body).not.toContain('NaN');
		expect(body).toContain('more than two classes');
		expect(body).toContain('>True class</label>');
	});

	it('renders a regression evaluation with residuals and no threshold or confusion', async () => {
		const { body } = await setup('california_housing', 'regression', 'rmse', (input) => input);
		expect(sectionIds(body)).toEqual([
			'verdict',
			'test-scores',
			'curves',
			'slices',
			'fairness',
			'errors',
			'importance'
		]);
		expect(body).not.toContain('NaN');
		expect(body).toContain('No sensitive column was chosen in Define');
	});

	it('renders a record saved by an earlier version, saying what was not computed', () => {
		const old = {
			runId: 'run-1',
			baselineRunId: 'run-0',
			revealedAt: '2024-03-01T12:00:00.000Z',
			result: {
				metrics: { roc_auc: 0.8 },
				baselineMetrics: { roc_auc: 0.5 },
				verdict: {
					pass: true,
					kpiMet: true,
					beatsBaseline: true,
					value: 0.8,
					baselineValue: 0.5,
					summary: 'ROC-AUC on test is 0.8000.'
				},
				confusion: [
					[3, 1],
					[0, 4]
				]
			}
		} as unknown as EvaluationRecord;
		const { body } = render(EvaluationResults, {
			props: {
				record: upgradeEvaluation(old),
				task: 'binary',
				primary: 'roc_auc',
				runLabel: 'run-1'
			}
		});
		expect(sectionIds(body)).toContain('curves');
		expect(body).toContain('earlier version');
		expect(body).toContain('Not computed for this evaluation.');
		expect(body).not.toContain('NaN');
	});
});
