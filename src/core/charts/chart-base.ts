// What every chart spec shares: the Vega-Lite schema, the fit of a chart to its container, and
// a palette that readers with a colour-vision deficiency can tell apart.

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * The Okabe-Ito palette (Okabe and Ito, "Color Universal Design", 2008): eight colours that stay
 * distinct under protanopia, deuteranopia and tritanopia. Black is moved last, after the seven
 * hues, so that a chart of a few classes gets colours first.
 */
export const OKABE_ITO = [
	'#0072b2', // blue
	'#e69f00', // orange
	'#009e73', // bluish green
	'#cc79a7', // reddish purple
	'#56b4e9', // sky blue
	'#d55e00', // vermillion
	'#f0e442', // yellow
	'#000000'
] as const;

/** The colour of marks that are a reference to read the data against (a diagonal, a zero line). */
export const REFERENCE_GREY = '#888';

/** The colour of the one mark a chart points out (a chosen threshold), apart from its data. */
export const HIGHLIGHT = OKABE_ITO[5];

/**
 * Charts fit their container's width. Marks carry no ARIA labels of their own: each chart is a
 * labelled figure with a table or text alternative (`VegaChart.svelte` hides the picture from
 * assistive technology), and a label per mark made the missingness map's SVG 150 KB for the
 * page to parse. Categories are coloured from `OKABE_ITO`.
 */
export const FIT_WIDTH = {
	width: 'container' as const,
	autosize: { type: 'fit-x' as const, contains: 'padding' as const },
	config: { aria: false, range: { category: [...OKABE_ITO] } }
};

/**
 * Returns the data of a layer drawn from `datum` encodings alone (a rule at zero, a diagonal).
 * Without data of its own such a layer reads the top level's, which a layered chart leaves empty,
 * and draws nothing. Its one row has no fields, so a chart's table alternative leaves it out.
 */
export function referenceData(): { values: Record<string, never>[] } {
	return { values: [{}] };
}
