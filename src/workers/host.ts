import { toErrorValue } from '../core/util/core-error';
import type { TaskContext } from '../core/util/task';
import type { Method, Request, Response } from './protocol';

/** The part of a dedicated worker's global scope the host uses. */
export interface WorkerScope {
	onmessage: ((event: MessageEvent<Request>) => void) | null;
	postMessage(message: Response, transfer: Transferable[]): void;
}

/** A result with the buffers to transfer (not copy) back; only for arrays the worker gives up. */
export class Transfer<T> {
	constructor(
		readonly value: T,
		readonly buffers: Transferable[]
	) {}
}

type Api = Record<string, Method<unknown, unknown, unknown>>;

/** The functions that implement an API, each given the call's cancellation, progress and clock. */
export type Handlers<A extends Api> = {
	[M in keyof A]: (
		args: A[M]['args'],
		ctx: TaskContext<A[M]['event']>
	) => Promise<A[M]['result'] | Transfer<A[M]['result']>>;
};

/** Answers the UI's calls on `scope` with `handlers`; registers `onmessage` before any await. */
export function serve<A extends Api>(scope: WorkerScope, handlers: Handlers<A>): void {
	const running = new Map<number, AbortController>();
	const post = (message: Response, transfer: Transferable[] = []) =>
		scope.postMessage(message, transfer);
	scope.onmessage = async ({ data: request }) => {
		if (request.kind === 'abort') {
			running.get(request.id)?.abort();
			return;
		}
		const { id, method } = request;
		const controller = new AbortController();
		running.set(id, controller);
		try {
			const handler = handlers[method as keyof A];
			if (!handler) throw new Error(`Unknown method ${method}`);
			const output = await handler(request.args as A[keyof A]['args'], {
				signal: controller.signal,
				now: () => performance.now(),
				onEvent: (event) => post({ kind: 'event', id, event })
			});
			if (output instanceof Transfer)
				post({ kind: 'result', id, result: output.value }, output.buffers);
			else post({ kind: 'result', id, result: output });
		} catch (error) {
			post({ kind: 'error', id, error: toErrorValue(error) });
		} finally {
			running.delete(id);
		}
	};
}
