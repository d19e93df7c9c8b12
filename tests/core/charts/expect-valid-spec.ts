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

/**
 * Compiles a width-fitting Vega-Lite spec, asserting it compiles with no error and no warning, and
 * that the chart still fits its width; returns the Vega spec.
 */
export function expectValidSpec(spec: TopLevelSpec): Spec {
	const messages: string[] = [];
	const compiled = compile(spec, { logger: recordingLogger(messages) }).spec;
	expect(messages).toEqual([]);
	expect(compiled.autosize).toEqual({ type: 'fit-x', contains: 'padding' });
	return compiled;
}
