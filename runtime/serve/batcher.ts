// Dynamic batching: the POST /predict requests whose bodies finish in one turn of the event loop
// are predicted in one predictRaw call. A single row pays predictRaw's fixed cost (typing and the
// recipe's steps) once per batch instead of once per request, which is what bounds the latency
// of many concurrent small requests; a lone request is predicted at once, as before.
import type { Pipeline } from '../../src/core/ship/pipeline';
import { predictRequests, type RequestPredictions } from './predict-request';
import type { RequestRows } from './request-rows';

interface Waiting {
	rows: RequestRows;
	resolve: (result: RequestPredictions) => void;
	reject: (error: unknown) => void;
}

/** Predicts requests in batches gathered over one event-loop turn. */
export class PredictionBatcher {
	private queue: Waiting[] = [];

	constructor(private readonly pipeline: Pipeline) {}

	/** Returns the request's predictions, made with those of the requests that arrived beside it. */
	predict(rows: RequestRows): Promise<RequestPredictions> {
		return new Promise((resolve, reject) => {
			this.queue.push({ rows, resolve, reject });
			if (this.queue.length === 1) setImmediate(() => this.flush());
		});
	}

	private flush(): void {
		const batch = this.queue;
		this.queue = [];
		try {
			const results = predictRequests(
				this.pipeline,
				batch.map((w) => w.rows)
			);
			batch.forEach((w, i) => w.resolve(results[i]));
		} catch (error) {
			// An unexpected failure stays with the request that causes it.
			if (batch.length === 1) return batch[0].reject(error);
			for (const w of batch) {
				try {
					w.resolve(predictRequests(this.pipeline, [w.rows])[0]);
				} catch (alone) {
					w.reject(alone);
				}
			}
		}
	}
}
