import { describe, expect, it } from 'vitest';
import { evaluateTest } from '../../../../src/core/evaluate/evaluate-test';
import { trainRun } from '../../../../src/core/train/train-run';
import { loadReference, referenceEvaluation, referenceRequest } from '../../reference';

describe('decision tree on titanic', () => {
	it('scores a test ROC-AUC above 0.80', async () => {
		const data = await loadReference('titanic');
		const spec = { kind: 'tree', criterion: 'gini', maxDepth: 6, minSamplesLeaf: 20 } as const;
		const tree = await trainRun(referenceRequest(data, spec));
		const baseline = await trainRun(referenceRequest(data, { kind: 'baseline' }));
		const evaluation = await evaluateTest(
			referenceEvaluation(data, tree.pipeline, baseline.pipeline, [
				{ metric: 'roc_auc', threshold: 0.8 }
			])
		);
		const auc = evaluation.metrics.roc_auc!;
		console.log(`decision tree titanic test ROC-AUC: ${auc.toFixed(4)}`);
		expect(auc).toBeGreaterThan(0.8);
	});
});
