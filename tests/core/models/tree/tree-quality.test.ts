import { describe, expect, it } from 'vitest';
import { evaluateTest } from '../../../../src/core/evaluate/evaluate-test';
import { trainRun } from '../../../../src/core/train/train-run';
import { loadReference, referenceRequest } from '../../reference';

describe('decision tree on titanic', () => {
	it('scores a test ROC-AUC above 0.80', async () => {
		const data = await loadReference('titanic');
		const spec = { kind: 'tree', criterion: 'gini', maxDepth: 6, minSamplesLeaf: 20 } as const;
		const tree = await trainRun(referenceRequest(data, spec));
		const baseline = await trainRun(referenceRequest(data, { kind: 'baseline' }));
		const target = data.schema.columns.find((c) => c.name === data.target.name)!;
		const evaluation = evaluateTest(
			tree.pipeline,
			baseline.pipeline,
			data.parts.test,
			data.rows.test,
			target,
			{ metric: 'roc_auc', threshold: 0.8 }
		);
		const auc = evaluation.metrics.roc_auc!;
		console.log(`decision tree titanic test ROC-AUC: ${auc.toFixed(4)}`);
		expect(auc).toBeGreaterThan(0.8);
	});
});
