// The only platform globals the core may use: web standards present alike in browsers, Web Workers
// and Node. Checked by tsconfig.core.json, which has no DOM lib; the app and Node configs get the
// full definitions from their own libs instead.

declare class TextDecoder {
	constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
	decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

declare class TextEncoder {
	encode(input?: string): Uint8Array<ArrayBuffer>;
}

declare function setTimeout(callback: () => void, ms?: number): unknown;

interface AbortSignal {
	readonly aborted: boolean;
	addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

declare class AbortController {
	readonly signal: AbortSignal;
	abort(): void;
}

declare const crypto: {
	subtle: { digest(algorithm: 'SHA-256', data: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> };
};
