// The train worker: stateless; fits and evaluates with what each call brings.
import { evaluateTest } from '../core/evaluate/evaluate-test';
import { trainRun } from '../core/train/train-run';
import { serve, type WorkerScope } from './host';
import type { TrainApi } from './protocol';

serve<TrainApi>(self as unknown as WorkerScope, {
	train: (request, ctx) => trainRun(request, ctx),
	evaluate: async ({ pipeline, baseline, test, rowIds, target, kpi }) =>
		evaluateTest(pipeline, baseline, test, rowIds, target, kpi)
});
