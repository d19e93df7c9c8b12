import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

/** The bundle's runtime programs: predict.mjs (batch CSV) and server.mjs (HTTP JSON API). */
export type RuntimeEntry = 'predict' | 'server';

const ENTRIES: Record<RuntimeEntry, string> = {
	predict: fileURLToPath(new URL('./predict.ts', import.meta.url)),
	server: fileURLToPath(new URL('./server.ts', import.meta.url))
};

/**
 * Returns the source of one of the bundle's programs (predict.mjs by default, or server.mjs): its
 * runtime/ entry and the src/core modules it imports, bundled into one ES module for Node with no
 * dependencies.
 */
export async function buildRuntime(entry: RuntimeEntry = 'predict'): Promise<string> {
	const result = await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			ssr: ENTRIES[entry],
			write: false,
			minify: false,
			target: 'node20',
			rolldownOptions: { output: { format: 'es', comments: { legal: false } } }
		},
		ssr: { noExternal: true }
	});
	const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
	const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.isEntry);
	if (!chunk || chunk.type !== 'chunk')
		throw new Error(`Building the bundle runtime (${entry}) produced no entry chunk.`);
	return `#!/usr/bin/env node\n// Shipshape model bundle runtime, built from src/core.\n${chunk.code}`;
}
