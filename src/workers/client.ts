import { CoreError } from '../core/util/core-error';
import type { Method, Request, Response } from './protocol';

type Api = Record<string, Method<unknown, unknown, unknown>>;

export interface CallOptions<Event> {
	signal?: AbortSignal;
	onEvent?: (event: Event) => void;
	/** Buffers of the arguments to move to the worker instead of copying. */
	transfer?: Transferable[];
}

/** A typed handle on a worker: components and state classes never see postMessage. */
export interface Client<A extends Api> {
	call<M extends keyof A & string>(
		method: M,
		args: A[M]['args'],
		options?: CallOptions<A[M]['event']>
	): Promise<A[M]['result']>;
	terminate(): void;
}

interface Pending {
	resolve: (value: unknown) => void;
	reject: (error: unknown) => void;
	onEvent?: (event: unknown) => void;
}

/** Returns a client for a worker that runs `serve` with the same API. */
export function createClient<A extends Api>(worker: Worker): Client<A> {
	const pending = new Map<number, Pending>();
	let nextId = 1;
	worker.onmessage = ({ data }: MessageEvent<Response>) => {
		const call = pending.get(data.id);
		if (!call) return;
		if (data.kind === 'event') return call.onEvent?.(data.event);
		pending.delete(data.id);
		if (data.kind === 'result') call.resolve(data.result);
		else call.reject(CoreError.fromValue(data.error));
	};
	worker.onerror = (event) => {
		event.preventDefault();
		const error = new CoreError(
			'worker-crashed',
			`A background worker stopped unexpectedly: ${event.message || 'no details'}. Reload the page; your project is saved.`
		);
		for (const call of pending.values()) call.reject(error);
		pending.clear();
	};
	return {
		call(method, args, options = {}) {
			const id = nextId++;
			return new Promise((resolve, reject) => {
				if (options.signal?.aborted) return reject(new CoreError('cancelled', 'Cancelled.'));
				pending.set(id, {
					resolve: resolve as (value: unknown) => void,
					reject,
					onEvent: options.onEvent as (event: unknown) => void
				});
				options.signal?.addEventListener(
					'abort',
					() => worker.postMessage({ kind: 'abort', id } satisfies Request),
					{ once: true }
				);
				worker.postMessage(
					{ kind: 'call', id, method, args } satisfies Request,
					options.transfer ?? []
				);
			});
		},
		terminate: () => worker.terminate()
	};
}
