import { toErrorValue, type ErrorValue } from '../core/util/core-error';

/**
 * The answer to the latest of a series of background calls (a preview, a lint): a newer call
 * aborts the one before, and only the newest answer or error is kept, with what it was for.
 */
export class Latest<Key, Value> {
	answer = $state.raw<{ value: Value; of: Key } | null>(null);
	error = $state.raw<ErrorValue | null>(null);
	running = $state(false);
	private controller: AbortController | null = null;

	/** Runs `call` for `key`, aborting the call before; its answer replaces the one kept. */
	async run(key: Key, call: (signal: AbortSignal) => Promise<Value>): Promise<void> {
		this.controller?.abort();
		const controller = new AbortController();
		this.controller = controller;
		this.running = true;
		try {
			const value = await call(controller.signal);
			// An answer that crossed its abort on the way is older than the call that aborted it.
			if (controller.signal.aborted) return;
			this.answer = { value, of: key };
			this.error = null;
		} catch (error) {
			if (!controller.signal.aborted) this.error = toErrorValue(error);
		} finally {
			if (this.controller === controller) this.running = false;
		}
	}
}
