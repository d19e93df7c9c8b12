import { CoreError, toErrorValue } from '../../src/core/util/core-error';
import type { Client } from '../../src/workers/client';
import { dataHandlers } from '../../src/workers/data-handlers';
import { Transfer } from '../../src/workers/host';
import type { DataApi, TrainApi } from '../../src/workers/protocol';
import type { ProjectStore } from '../../src/ui/store';
import { Session, type SessionDeps } from '../../src/ui/session.svelte';

/**
 * A data client on the data worker's own handlers, called in this thread; `fail(method)` may
 * return an error to throw instead. `calls` lists the methods called, in order.
 */
export function dataClient(fail: (method: string) => CoreError | null = () => null) {
	const handlers = dataHandlers();
	const calls: string[] = [];
	const client: Client<DataApi> = {
		async call(method, args, options = {}) {
			calls.push(method);
			const failure = fail(method);
			if (failure) throw failure;
			const handler = handlers[method] as (a: unknown, c: unknown) => Promise<unknown>;
			try {
				const value = await handler(args, options);
				return (value instanceof Transfer ? value.value : value) as never;
			} catch (error) {
				throw CoreError.fromValue(toErrorValue(error));
			}
		},
		terminate() {}
	};
	return { client, calls };
}

/** A train client that no test expects to be called. */
export const idleTrain: Client<TrainApi> = {
	call: (method) => Promise.reject(new Error(`unexpected call ${method}`)),
	terminate() {}
};

/** A store that keeps nothing. */
export const noStore: ProjectStore = {
	load: async () => null,
	saveProject: async () => {},
	saveFile: async () => {},
	wipe: async () => {}
};

/**
 * A session on the data worker's own handlers (`dataClient`), storing nothing, at a fixed time,
 * saying yes to every question; `deps` replaces any of those.
 */
export function dataSession(data: Client<DataApi>, deps: Partial<SessionDeps> = {}): Session {
	return new Session({
		data,
		train: idleTrain,
		store: noStore,
		now: () => new Date('2024-03-01T12:00:00Z'),
		confirm: () => true,
		...deps
	});
}
