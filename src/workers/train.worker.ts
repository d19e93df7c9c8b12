// The train worker: stateless; fits and evaluates with what each call brings. A neural fit first
// waits for the TF.js backend choice (made once, lazily, so the other families never load TF.js).
import { evaluateTest } from '../core/evaluate/evaluate-test';
import type { FitEvent } from '../core/models/model';
import { trainRun, type TrainRequest } from '../core/train/train-run';
import { crossValidate, fixedBudget } from '../core/tune/cross-validate';
import type { TaskContext } from '../core/util/task';
import { serve, type WorkerScope } from './host';
import type { TrainApi } from './protocol';

/** Fits one run, on the TF.js backend chosen for this worker when the family needs TF.js. */
async function train(request: TrainRequest, ctx: TaskContext<FitEvent>) {
	if (request.spec.kind !== 'neural')
		return { ...(await trainRun(request, ctx)), backend: 'js', backendReason: null };
	// The module (TF.js and its WASM) loads on the first neural fit; it makes its choice once.
	const { backend, reason } = await (await import('./tf-backend')).chooseTfBackend();
	return { ...(await trainRun(request, ctx)), backend, backendReason: reason };
}

serve<TrainApi>(self as unknown as WorkerScope, {
	train,
	// A tuning trial: the run on train (scored on validation), then, with folds, its
	// cross-validation over the train and validation rows, at the budget that run kept.
	trial: async ({ request, folds }, ctx) => {
		const result = await train(request, ctx);
		if (!folds) return { ...result, cv: null };
		const { signal, now } = ctx;
		const onEvent = (event: FitEvent) => event.kind === 'progress' && ctx.onEvent?.(event);
		const spec = fixedBudget(request.spec, result.pipeline.model);
		const cv = await crossValidate({ ...request, spec }, folds, { signal, now, onEvent });
		return { ...result, cv };
	},
	evaluate: async (request, ctx) => evaluateTest(request, ctx)
});
