import { tick } from 'svelte';
import type { Attachment } from 'svelte/attachments';

/**
 * Returns an attachment for the element that shows the stage: when the stage changes (not when
 * the project first opens) and the focus was lost with the old stage (a "Continue to" button
 * that is gone), the new stage's heading takes it, so that a keyboard or screen reader user goes
 * on from the top of the stage rather than from the start of the page. Focus that is elsewhere
 * (on the stage rail, which stays) is left there. `stage` is null while the project is not open.
 */
export function focusStageHeading(stage: () => string | null): Attachment<HTMLElement> {
	let shown: string | null = null;
	return (container) => {
		const current = stage();
		const changed = shown !== null && current !== null && current !== shown;
		if (current !== null) shown = current;
		if (!changed) return;
		void tick().then(() => {
			const focused = document.activeElement;
			const lost = focused === null || focused === document.body || container.contains(focused);
			const heading = container.querySelector('h2');
			if (!lost || !heading) return;
			// Focusable from script only: a heading is no stop for the Tab key.
			heading.tabIndex = -1;
			heading.focus();
		});
	};
}
