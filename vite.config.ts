import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { buildRuntime } from './runtime/build-runtime.ts';

const RUNTIME_MODULE = 'virtual:bundle-runtime';

/**
 * Serves `virtual:bundle-runtime`: the sources of the bundle's programs, built from src/core:
 * `predictSource` (predict.mjs) and `serverSource` (server.mjs).
 */
function bundleRuntime(): Plugin {
	return {
		name: 'shipshape-bundle-runtime',
		resolveId: (id) => (id === RUNTIME_MODULE ? `\0${RUNTIME_MODULE}` : undefined),
		async load(id) {
			if (id !== `\0${RUNTIME_MODULE}`) return undefined;
			const predict = await buildRuntime('predict');
			const server = await buildRuntime('server');
			return `export const predictSource = ${JSON.stringify(predict)};\nexport const serverSource = ${JSON.stringify(server)};\n`;
		}
	};
}

export default defineConfig({
	// A relative base lets the built site work from any sub-path (or a file server).
	base: './',
	plugins: [svelte(), bundleRuntime()],
	worker: {
		format: 'es',
		rolldownOptions: { output: { comments: { legal: false } } }
	},
	build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		include: [
			'tests/core/**/*.test.ts',
			'tests/runtime/**/*.test.ts',
			'tests/ui/**/*.test.ts',
			'tests/workers/**/*.test.ts'
		],
		testTimeout: 60_000
	}
});
