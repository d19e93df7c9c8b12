/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:bundle-runtime' {
	/** The source of the bundle's predict.mjs, built from src/core at build time. */
	export const predictSource: string;
	/** The source of the bundle's server.mjs, built from src/core at build time. */
	export const serverSource: string;
}
