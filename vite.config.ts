import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
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

/**
 * Builds `sw.js`, the service worker that makes the site work offline after the first visit.
 * Workbox (through vite-plugin-pwa, which supports Vite 8) rather than a hand-written worker: it
 * is well kept and handles what a small worker would have to get right by hand: files without a hash in
 * their name (index.html, the samples) are fetched past the HTTP cache, an error response fails
 * the install instead of being cached, and redirected responses are stored usable. Its precache
 * is one cache whose entries carry each build's revisions (not a cache renamed per build, which
 * would fetch all 6 MB again on every release): a new worker downloads only the entries it
 * lacks and, once active, deletes the old build's.
 */
function offline(): Plugin[] {
	return VitePWA({
		// src/main.ts registers it, in production builds only.
		injectRegister: false,
		// Offline use needs no web app manifest (installing the site as an app is another matter).
		manifest: false,
		workbox: {
			cacheId: 'shipshape',
			// Everything the build emits: the workers' chunks, TF.js's wasm binaries (fetched only
			// when a neural net trains) and the samples included.
			globPatterns: ['**/*'],
			globIgnores: ['**/*.map'],
			// Workbox leaves out bigger files with only a warning, and offline use would then break
			// the first time one is needed.
			maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
			navigateFallback: 'index.html',
			cleanupOutdatedCaches: true,
			// The first visit's page is controlled at once; a later build still waits until the
			// old version's pages are closed (no skipWaiting), because a running page may yet load a
			// lazy chunk that only the old build has.
			clientsClaim: true
		}
	});
}

export default defineConfig({
	// A relative base lets the built site work from any sub-path (or a file server).
	base: './',
	plugins: [svelte(), bundleRuntime(), offline()],
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
