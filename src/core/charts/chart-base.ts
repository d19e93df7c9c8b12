// What every chart spec shares: the Vega-Lite schema, and the fit of a chart to its container.

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * Charts fit their container's width. Marks carry no ARIA labels of their own: each chart is a
 * labelled figure with a table or text alternative, and a label per mark made the missingness
 * map's SVG 150 KB for the page to parse.
 */
export const FIT_WIDTH = {
	width: 'container',
	autosize: { type: 'fit-x', contains: 'padding' },
	config: { aria: false }
} as const;
