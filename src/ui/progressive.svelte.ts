import { inFrame } from './frames';

/**
 * A count that grows by `perFrame` at each turn in the frame queue (frames.ts) up to `total()`,
 * restarting when the total changes: a long list rendered as `items.slice(0, count.shown)` is
 * built a few items at a time, within each frame's budget, so no single frame blocks the page. The first items come in the next frame, not in the update that made the list (which
 * may already be building much else). Call from a component's script (it uses `$effect`).
 */
export function progressive(total: () => number, perFrame: number): { readonly shown: number } {
	let shown = $state(0);
	const target = $derived(total());
	$effect(() => {
		const end = target;
		// A local count: reading `shown` here would make the effect restart at every step.
		let count = 0;
		shown = 0;
		let cancel = () => {};
		const step = () => {
			count = Math.min(end, count + perFrame);
			shown = count;
			if (count < end) cancel = inFrame(step);
		};
		if (count < end) cancel = inFrame(step);
		return () => cancel();
	});
	return {
		get shown() {
			return shown;
		}
	};
}
