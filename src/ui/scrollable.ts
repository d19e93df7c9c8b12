import type { Attachment } from 'svelte/attachments';

/**
 * Makes a scrolling box focusable while its content overflows it, so that a keyboard user can
 * reach it and scroll it with the arrow keys; a box whose content fits stays out of the tab
 * order. Watches the box and its content (a table that widens inside a box of fixed width).
 */
export const scrollable: Attachment<HTMLElement> = (box) => {
	const update = () => {
		const overflows = box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
		if (overflows) box.tabIndex = 0;
		else box.removeAttribute('tabindex');
	};
	const observer = new ResizeObserver(update);
	observer.observe(box);
	for (const child of box.children) observer.observe(child);
	return () => observer.disconnect();
};
