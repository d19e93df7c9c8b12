// The train worker: stateless; fits and evaluates with what each call brings. A neural fit first
// waits for the TF.js backend choice (made once, lazily, so the other families never load TF.js).
import { evaluateTest } from '../core/evaluate/evaluate-test';
import { trainRun } from '../core/train/train-run';
import type { BackendChoice } from '../core/models/neural/backend';
import { serve, type WorkerScope } from './host';
import type { TrainApi } from './protocol';

/** Where the TypeScript families compute: on the CPU, without TF.js. */
const JS_BACKEND = { backend: 'js', backendReason: null };

let choice: Promise<BackendChoice> | null = null;

serve<TrainApi>(self as unknown as WorkerScope, {
	train: async (request, ctx) => {
		if (request.spec.kind !== 'neural') return { ...(await trainRun(request, ctx)), ...JS_BACKEND };
		choice ??= import('./tf-backend').then((m) => m.chooseTfBackend());
		const { backend, reason } = await choice;
		return { ...(await trainRun(request, ctx)), backend, backendReason: reason };
	},
	evaluate: async ({ pipeline, baseline, test, rowIds, target, kpi }) =>
		evaluateTest(pipeline, baseline, test, rowIds, target, kpi)
});
