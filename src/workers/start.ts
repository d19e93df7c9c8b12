// Starting the app's workers (a separate module, so that a worker importing `createClient` does not
// bundle the others).
import { createClient, type Client } from './client';
import type { ChartApi, DataApi, TrainApi } from './protocol';

/** Starts the data worker. */
export function createDataClient(): Client<DataApi> {
	return createClient<DataApi>(
		new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' })
	);
}

/** Starts the train worker. */
export function createTrainClient(): Client<TrainApi> {
	return createClient<TrainApi>(
		new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' })
	);
}

/** Starts the chart worker. */
export function createChartClient(): Client<ChartApi> {
	return createClient<ChartApi>(
		new Worker(new URL('./chart.worker.ts', import.meta.url), { type: 'module' })
	);
}
