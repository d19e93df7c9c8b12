import { describe, expect, it } from 'vitest';
import { evaluateTest } from '../../../src/core/evaluate/evaluate-test';
import type { MetricName, MetricValues } from '../../../src/core/evaluate/metric-catalogue';
import type { ModelSpec } from '../../../src/core/models/model';
import { trainRun } from '../../../src/core/train/train-run';
import {
	loadReference,
	referenceEvaluation,
	referenceRequest,
	type ReferenceName
} from '../reference';

// Every test metric of REFERENCE.md's `linear` and `baseline` rows (scikit-learn 1.2.1 on the
// same split and preprocessing: LogisticRegression(C = 1) or Ridge(alpha = 1), and DummyClassifier
// 'prior' or the mean), as the Evaluate stage computes them. REFERENCE.md prints 4 decimals
// (whole numbers for large errors); our linear models agree with scikit-learn's to about 1e-6.
const REFERENCE_ROWS: Partial<Record<ReferenceName, Record<'linear' | 'baseline', MetricValues>>> =
	{
		titanic: {
			linear: {
				accuracy: 0.7989,
				balanced_accuracy: 0.7796,
				precision: 0.7619,
				recall: 0.6957,
				f1: 0.7273,
				roc_auc: 0.8344,
				log_loss: 0.4728
			},
			baseline: {
				accuracy: 0.6145,
				balanced_accuracy: 0.5,
				precision: 0,
				recall: 0,
				f1: 0,
				roc_auc: 0.5,
				log_loss: 0.6667
			}
		},
		german_credit: {
			linear: {
				accuracy: 0.72,
				balanced_accuracy: 0.6476,
				precision: 0.5385,
				recall: 0.4667,
				f1: 0.5,
				roc_auc: 0.7592,
				log_loss: 0.5435
			},
			baseline: {
				accuracy: 0.7,
				balanced_accuracy: 0.5,
				precision: 0,
				recall: 0,
				f1: 0,
				roc_auc: 0.5,
				log_loss: 0.6109
			}
		},
		penguins: {
			linear: {
				accuracy: 1,
				balanced_accuracy: 1,
				precision_macro: 1,
				recall_macro: 1,
				f1_macro: 1,
				roc_auc_ovr: 1,
				log_loss: 0.0382
			},
			baseline: { accuracy: 0.4348, balanced_accuracy: 0.3333 }
		},
		california_housing: {
			linear: { mae: 50737, rmse: 70092, r2: 0.6251, mape: 0.293 },
			baseline: { mae: 90530, rmse: 114481, r2: -0.0001, mape: 0.6273 }
		},
		bike_day: {
			linear: { mae: 1085, rmse: 1306, r2: 0.5159, mape: 1.4583 },
			baseline: { rmse: 3091 }
		}
	};

/** Within REFERENCE.md's rounding: half a unit of its last printed digit, plus a hair. */
function tolerance(reference: number): number {
	return Math.abs(reference) >= 100 ? 0.5 + 1e-6 * Math.abs(reference) : 5e-5 + 1e-6;
}

describe.each(Object.keys(REFERENCE_ROWS) as ReferenceName[])('test metrics on %s', (name) => {
	it("equal REFERENCE.md's for the linear model and the baseline, metric by metric", async () => {
		const data = await loadReference(name);
		const fit = async (spec: ModelSpec) => (await trainRun(referenceRequest(data, spec))).pipeline;
		const linear = await fit({ kind: 'linear', l2: 1 });
		const baseline = await fit({ kind: 'baseline' });
		const kpi = {
			metric: data.target.task === 'regression' ? 'rmse' : 'accuracy',
			threshold: 0
		} as const;
		const result = await evaluateTest(referenceEvaluation(data, linear, baseline, [kpi]));
		const rows = REFERENCE_ROWS[name]!;
		for (const [side, values] of [
			['linear', result.metrics],
			['baseline', result.baselineMetrics]
		] as const)
			for (const [metric, reference] of Object.entries(rows[side]) as [MetricName, number][]) {
				const ours = values[metric]!;
				expect(
					Math.abs(ours - reference),
					`${side} ${metric}: ${ours} vs ${reference}`
				).toBeLessThanOrEqual(tolerance(reference));
			}
	});
});
