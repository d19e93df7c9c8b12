import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';

const ENTRY = fileURLToPath(new URL('./predict.ts', import.meta.url));

/**
 * Returns the source of the bundle's predict.mjs: runtime/predict.ts and the src/core modules it
 * imports, bundled into one ES module for Node with no dependencies.
 */
export async function buildRuntime(): Promise<string> {
	const result = await build({
		configFile: false,
		logLevel: 'silent',
		build: {
			ssr: ENTRY,
			write: false,
			minify: false,
			target: 'node18',
			rolldownOptions: { output: { format: 'es', comments: { legal: false } } }
		},
		ssr: { noExternal: true }
	});
	const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
	const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk' && o.isEntry);
	if (!chunk || chunk.type !== 'chunk')
		throw new Error('Building the bundle runtime produced no entry chunk.');
	return `#!/usr/bin/env node\n// Shipshape model bundle runtime, built from src/core.\n${chunk.code}`;
}
