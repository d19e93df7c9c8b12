import { CoreError } from './core-error';

/** Progress of long work, as a fraction in [0, 1] with a short phase label. */
export interface ProgressEvent {
	kind: 'progress';
	phase: string;
	fraction: number;
}

/** What long-running core work receives from its caller: cancellation, progress and a clock. */
export interface TaskContext<E = ProgressEvent> {
	signal?: AbortSignal;
	onEvent?: (event: E) => void;
	/** Milliseconds from an arbitrary origin; only used to pace progress, never in results. */
	now?: () => number;
}

const PACE_INTERVAL_MS = 100;

/** Throws `cancelled` when the signal has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw new CoreError('cancelled', 'Cancelled.');
}

// What the platform offers to yield with. `setTimeout(0)` is the last resort: browsers clamp a
// timer set from a timer to 4 ms, which over a 100 MB read (45 yields) cost 170 ms.
const platform = globalThis as unknown as {
	setImmediate?: (callback: () => void) => unknown;
	MessageChannel?: new () => {
		port1: { onmessage: (() => void) | null };
		port2: { postMessage(message: null): void };
	};
};

function createYield(): () => Promise<void> {
	const immediate = platform.setImmediate;
	if (immediate) return () => new Promise((resolve) => immediate(resolve));
	if (platform.MessageChannel) {
		// A message to ourselves is a task with no clamp, queued behind messages already sent to
		// us, such as a cancel. (Not scheduler.yield: its continuations go before those.)
		const channel = new platform.MessageChannel();
		const waiting: (() => void)[] = [];
		channel.port1.onmessage = () => waiting.shift()?.();
		return () =>
			new Promise((resolve) => {
				waiting.push(resolve);
				channel.port2.postMessage(null);
			});
	}
	return () => new Promise((resolve) => setTimeout(resolve, 0));
}

let yielder: (() => Promise<void>) | null = null;

/** Lets queued messages (such as a cancel) run before long work goes on. */
export function yieldToEventLoop(): Promise<void> {
	yielder ??= createYield();
	return yielder();
}

/**
 * Returns a `tick(phase, fraction)` for long loops: it reports progress and yields to the event
 * loop (at most every 100 ms when the context has a clock), then throws `cancelled` if aborted.
 */
export function createPacer(
	ctx: TaskContext<ProgressEvent>
): (phase: string, fraction: number) => Promise<void> {
	let last = -Infinity;
	return async (phase, fraction) => {
		// Without a clock every tick reports and yields; callers tick at natural boundaries.
		if (ctx.now) {
			const t = ctx.now();
			if (t - last < PACE_INTERVAL_MS && !ctx.signal?.aborted) return;
			last = t;
		}
		ctx.onEvent?.({ kind: 'progress', phase, fraction: Math.min(1, Math.max(0, fraction)) });
		await yieldToEventLoop();
		throwIfCancelled(ctx.signal);
	};
}
