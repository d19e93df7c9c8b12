// Chooses the TF.js backend of the worker that trains networks: the browser's probes for the
// choice in core/models/neural/backend.ts. Made once per worker; `fitNeural` trains on whatever
// backend is set, so the worker awaits this before its first neural fit.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import {
	chooseBackend,
	type BackendChoice,
	type BackendProbes,
	type GpuAdapterProbe,
	type TfBackend
} from '../core/models/neural/backend';
import { parityLoss } from '../core/models/neural/parity';

/** The parts of WebGPU's adapter we read (TypeScript's DOM library has no WebGPU types yet). */
interface GpuAdapterLike {
	info?: {
		vendor?: string;
		architecture?: string;
		device?: string;
		description?: string;
		isFallbackAdapter?: boolean;
	};
	/** Where older browsers put the flag, before it moved to `info`. */
	isFallbackAdapter?: boolean;
}

async function webgpuAdapter(): Promise<GpuAdapterProbe | null> {
	const gpu = (navigator as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
	const adapter = await gpu?.requestAdapter();
	if (!adapter) return null;
	const info = adapter.info ?? {};
	const parts = [info.vendor, info.architecture, info.device, info.description];
	return {
		fallback: Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter),
		description: parts.filter((part) => part).join(' ')
	};
}

async function webglRenderer(): Promise<string | null> {
	// A worker has no document: OffscreenCanvas is how TF.js itself gets WebGL there.
	if (typeof OffscreenCanvas === 'undefined') return null;
	const canvas = new OffscreenCanvas(1, 1);
	const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
	if (!gl) return null;
	const debug = gl.getExtension('WEBGL_debug_renderer_info');
	const renderer = String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
	gl.getExtension('WEBGL_lose_context')?.loseContext();
	return renderer;
}

async function setBackend(backend: TfBackend): Promise<boolean> {
	if (backend === 'webgpu') await import('@tensorflow/tfjs-backend-webgpu');
	if (backend === 'wasm') {
		// Vite serves the binaries under hashed names; without these paths the site would answer
		// index.html for the .wasm and TF.js would quietly fall back to another backend.
		setWasmPaths({
			'tfjs-backend-wasm.wasm': wasmUrl,
			'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
			'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl
		});
		// Threaded WASM hangs in a cross-origin isolated page; one thread is what we measured.
		tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
	}
	return tf.setBackend(backend);
}

const probes: BackendProbes = {
	webgpuAdapter,
	webglRenderer,
	setBackend,
	parityLoss: () => parityLoss(tf)
};

let choice: Promise<BackendChoice> | null = null;

/**
 * Returns the backend this worker trains on and the line that says why, choosing it (and setting
 * it) on the first call; later calls return the same choice.
 */
export function chooseTfBackend(): Promise<BackendChoice> {
	if (!choice) {
		tf.env().set('PROD', true);
		choice = chooseBackend(probes);
	}
	return choice;
}
