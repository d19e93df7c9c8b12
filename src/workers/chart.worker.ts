// The chart worker: compiles Vega-Lite specs and renders them to SVG text with Vega's headless
// renderer, so that neither Vega's code nor its layout work runs on the page's main thread.
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { serve, type WorkerScope } from './host';
import type { ChartApi } from './protocol';

serve<ChartApi>(self as unknown as WorkerScope, {
	async render({ spec, width }) {
		const sized = (
			'width' in spec && spec.width === 'container' ? { ...spec, width } : spec
		) as TopLevelSpec;
		const view = new View(parse(compile(sized).spec), { renderer: 'none' });
		try {
			return await view.toSVG();
		} finally {
			view.finalize();
		}
	}
});
