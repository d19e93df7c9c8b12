import { describe, expect, it } from 'vitest';
import { evaluateTest } from '../../src/core/evaluate/evaluate-test';
import { trainRun } from '../../src/core/train/train-run';
import { expectClose } from './helpers';
import {
	loadReference,
	REFERENCE,
	referenceEvaluation,
	referenceRequest,
	type ReferenceName
} from './reference';

// Logistic regression on the reference splits must score what scikit-learn scores there
// (REFERENCE.md, the `linear` row: LogisticRegression with C = 1, the same default recipe).
const AUC_TOLERANCE = 0.01;

describe.each(['titanic', 'adult'] as ReferenceName[])('quality on %s', (name) => {
	it('logistic regression matches the scikit-learn test ROC-AUC; the baseline scores 0.5', async () => {
		const data = await loadReference(name);
		const linear = await trainRun(referenceRequest(data, { kind: 'linear', l2: 1 }));
		const baseline = await trainRun(referenceRequest(data, { kind: 'baseline' }));
		expect(linear.info.converged).toBe(true);
		const evaluation = await evaluateTest(
			referenceEvaluation(data, linear.pipeline, baseline.pipeline, [
				{ metric: 'roc_auc', threshold: 0.8 }
			])
		);
		expectClose(evaluation.metrics.roc_auc!, REFERENCE[name].scores.linear, AUC_TOLERANCE);
		expect(evaluation.baselineMetrics.roc_auc).toBe(0.5);
		expect(evaluation.verdict.pass).toBe(true);
	});
});

describe('reference inputs', () => {
	it('drops the identifiers and free text of titanic, as the reference does', async () => {
		const data = await loadReference('titanic');
		expect(data.inputs.map((c) => c.name).sort()).toEqual(
			['Age', 'Embarked', 'Fare', 'Parch', 'Pclass', 'Sex', 'SibSp'].sort()
		);
		expect([data.rows.train.length, data.rows.val.length, data.rows.test.length]).toEqual([
			534, 178, 179
		]);
	});
});
