/// <reference types="svelte" />
/// <reference types="vite/client" />

declare module 'virtual:bundle-runtime' {
	/** The source of the bundle's predict.mjs, built from src/core at build time. */
	const source: string;
	export default source;
}
