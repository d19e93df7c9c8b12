import { judge } from '../../../src/core/evaluate/verdict';
import type { MetricValues } from '../../../src/core/evaluate/metric-catalogue';
import type { ModelSpec } from '../../../src/core/models/model';
import type { EvaluationRecord, RunRecord } from '../../../src/core/project/project';

/** Returns a logged run of a family with the given validation metrics (its pipeline is a stub). */
export function runRecord(id: string, spec: ModelSpec, valMetrics: MetricValues): RunRecord {
	return {
		id,
		createdAt: '2024-03-01T12:00:00.000Z',
		spec,
		seed: 42,
		backend: 'js',
		dataFingerprint: 'f'.repeat(64),
		recipeHash: 'r'.repeat(64),
		features: 0,
		trainMetrics: valMetrics,
		valMetrics,
		info: { iterations: 1, converged: true, loss: null },
		fitMs: null,
		pipeline: {
			schema: { columns: [], missingTokens: [] },
			recipe: { inputs: [], steps: [], features: [] },
			model: { kind: 'baseline', task: 'regression', mean: 0 },
			target: { name: 'y', task: 'regression' }
		}
	};
}

/** Returns the record of a test evaluation of run `runId` against a baseline run. */
export function evaluationRecord(runId: string): EvaluationRecord {
	const scores = {
		metrics: { roc_auc: 0.9 },
		baselineMetrics: { roc_auc: 0.5 },
		intervals: { roc_auc: { low: 0.85, high: 0.94 } },
		difference: { low: 0.35, high: 0.44 },
		resamples: 1000
	};
	const kpis = [{ metric: 'roc_auc' as const, threshold: 0.7 }];
	const errors = { errorMeasure: 'error_rate' as const, overall: 0.1, columns: [], skipped: [] };
	return {
		runId,
		baselineRunId: 'r0',
		revealedAt: '2024-03-01T13:00:00.000Z',
		result: {
			...scores,
			verdict: judge({ kpis, ...scores, baseline: scores.baselineMetrics }),
			threshold: null,
			costCurve: null,
			confusion: null,
			queries: null,
			classes: null,
			curves: {},
			slices: {
				metric: 'roc_auc',
				overall: 0.9,
				overallError: 0.1,
				errorMeasure: 'error_rate',
				slices: [],
				skipped: []
			},
			worstSlices: [],
			fairness: [],
			worst: { kind: 'classes', rows: [] },
			errorsByFeature: errors,
			importance: { metric: 'roc_auc', baseline: 0.9, columns: [] },
			warnings: [],
			rows: 0,
			predictions: { header: [], cells: [] }
		}
	};
}
