import { expect } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { LoggerInterface, Spec } from 'vega';

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

// Vega-Lite warns about a fit-y it was never asked for whenever a bar chart fits its width to the
// container with a step height; the compiled chart still fits its width, which the tests check.
const STEP_HEIGHT_WARNING = 'warn: Dropping "fit-y" because spec has discrete height.';

/**
 * Compiles a width-fitting Vega-Lite spec, asserting it compiles with no error and no warning but
 * Vega-Lite's step-height note, and that the chart still fits its width; returns the Vega spec.
 */
export function expectValidSpec(spec: TopLevelSpec): Spec {
	const messages: string[] = [];
	const compiled = compile(spec, { logger: recordingLogger(messages) }).spec;
	expect(messages).toEqual([STEP_HEIGHT_WARNING]);
	expect(compiled.autosize).toEqual({ type: 'fit-x', contains: 'padding' });
	return compiled;
}
