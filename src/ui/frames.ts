import { flushSync } from 'svelte';

// One animation-frame queue for every view built over several frames (`Later`, `progressive`):
// each frame runs queued steps, rendering each at once, until a step ends past the budget; the
// rest wait for the next frame. With a requestAnimationFrame each, several views' steps (and
// their rendering) would all land in one frame and add up to a long task.

/** Script time a frame may spend on queued steps before it yields to layout and paint. */
const FRAME_BUDGET_MS = 8;

const queue: (() => void)[] = [];
let requested = false;

function runFrame(): void {
	requested = false;
	const start = performance.now();
	try {
		while (queue.length > 0) {
			queue.shift()!();
			flushSync();
			if (performance.now() - start >= FRAME_BUDGET_MS) break;
		}
	} finally {
		request();
	}
}

function request(): void {
	if (requested || queue.length === 0) return;
	requested = true;
	requestAnimationFrame(runFrame);
}

/** Runs `step` in a coming animation frame, after the steps queued before it; returns a cancel. */
export function inFrame(step: () => void): () => void {
	let cancelled = false;
	queue.push(() => {
		if (!cancelled) step();
	});
	request();
	return () => {
		cancelled = true;
	};
}
