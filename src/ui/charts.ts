import type { TopLevelSpec } from 'vega-lite';
import type { Client } from '../workers/client';
import { createChartClient } from '../workers/start';
import type { ChartApi } from '../workers/protocol';

let client: Client<ChartApi> | null = null;

/** Returns the SVG text of a chart `width` px wide, drawn in the chart worker (started on first use). */
export function renderChart(spec: TopLevelSpec, width: number): Promise<string> {
	client ??= createChartClient();
	return client.call('render', { spec, width });
}

/**
 * Text that may write an event or link attribute (`onload=`, `href=`, `xlink:href=`). Every
 * attribute of the parsed SVG appears in its text after a space or a prefix, so SVG text without a
 * match has none, and the attribute walk (half the insertion time of a large chart) is skipped.
 */
const RISKY_ATTRIBUTE = /[\s:](on[\w.-]*|href|src)\s*=/i;

const DROPPED_ELEMENTS =
	'script, style, foreignObject, iframe, object, embed, a, animate, set, animateMotion, animateTransform';

/**
 * Returns the SVG element of a chart's SVG text, without scripts, styles, foreign content,
 * animations, links, event attributes or references to other documents (in any namespace). Vega escapes the data's text, and this keeps a label
 * such as `<img onerror=...>` inert even if it did not.
 */
export function svgElement(text: string): Element {
	const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
	const root = parsed.documentElement;
	if (root.nodeName !== 'svg' || parsed.querySelector('parsererror'))
		throw new Error('the chart worker returned something that is not SVG');
	for (const element of root.querySelectorAll(DROPPED_ELEMENTS)) element.remove();
	if (!RISKY_ATTRIBUTE.test(text)) return document.importNode(root, true);
	for (const element of [root, ...root.querySelectorAll('*')]) {
		for (const attribute of [...element.attributes]) {
			const name = attribute.localName.toLowerCase();
			const isLink = name === 'href' || name === 'src';
			if (name.startsWith('on') || (isLink && !attribute.value.startsWith('#')))
				element.removeAttributeNode(attribute);
		}
	}
	return document.importNode(root, true);
}
