import { expect } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View, type LoggerInterface, type Spec } from 'vega';
import { OKABE_ITO } from '../../../src/core/charts/chart-base';

/** A vega logger that records every message instead of printing it. */
function recordingLogger(messages: string[]): LoggerInterface {
	const logger: LoggerInterface = {
		level: () => logger,
		error: (...args) => (messages.push(`error: ${args.join(' ')}`), logger),
		warn: (...args) => (messages.push(`warn: ${args.join(' ')}`), logger),
		info: () => logger,
		debug: () => logger
	};
	return logger;
}

/**
 * Compiles a width-fitting Vega-Lite spec, asserting it compiles with no error and no warning,
 * that the chart still fits its width and colours categories from the colour-blind-safe palette;
 * returns the Vega spec.
 */
export function expectValidSpec(spec: TopLevelSpec): Spec {
	const messages: string[] = [];
	const compiled = compile(spec, { logger: recordingLogger(messages) }).spec;
	expect(messages).toEqual([]);
	expect(compiled.autosize).toEqual({ type: 'fit-x', contains: 'padding' });
	expect(compiled.config?.range?.category).toEqual([...OKABE_ITO]);
	return compiled;
}

/**
 * Renders a chart 400 px wide as the chart worker does and asserts that every mark drew at least
 * one item: a mark with no rows (a rule with no data of its own) leaves an empty group.
 */
export async function expectEveryMarkDrawn(spec: TopLevelSpec): Promise<void> {
	const view = new View(parse(compile({ ...spec, width: 400 } as TopLevelSpec).spec), {
		renderer: 'none'
	});
	const svg = await view.toSVG();
	view.finalize();
	expect(svg.match(/<g class="mark-\w+ role-mark[^"]*"[^>]*\/>/g) ?? []).toEqual([]);
	expect(svg).toMatch(/role-mark/);
}
