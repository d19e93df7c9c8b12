/** The TF.js backends the app can train on, fastest first on real hardware. */
export type TfBackend = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

/** What was found about one backend while choosing. */
export interface BackendTrial {
	backend: TfBackend;
	ok: boolean;
	reason: string;
}

/** The backend to train on, why (one line to show the user), and what was tried on the way. */
export interface BackendChoice {
	backend: TfBackend;
	reason: string;
	tried: BackendTrial[];
}

/** What a WebGPU adapter says about itself. */
export interface GpuAdapterProbe {
	/** True for a software (fallback) adapter. */
	fallback: boolean;
	/** Vendor, architecture and device, as far as the browser tells. */
	description: string;
}

/** What the platform can tell and do, injected so that the choice is testable without a browser. */
export interface BackendProbes {
	/** The WebGPU adapter, or null when there is none (or no WebGPU at all). */
	webgpuAdapter(): Promise<GpuAdapterProbe | null>;
	/** The WebGL renderer's name (unmasked where allowed), or null without WebGL. */
	webglRenderer(): Promise<string | null>;
	/** TF.js's `setBackend`: false when the backend failed to start. */
	setBackend(backend: TfBackend): Promise<boolean>;
	/** `parityLoss` on the backend set last. */
	parityLoss(): Promise<number>;
}

/** How far a backend's parity loss may be from the cpu backend's. */
export const PARITY_TOLERANCE = 1e-3;

const LABELS: Record<TfBackend, string> = {
	webgpu: 'WebGPU',
	webgl: 'WebGL',
	wasm: 'WASM',
	cpu: 'CPU'
};

/** Renderer names of software rasterisers, and how to name them to the user. */
const SOFTWARE_RENDERERS: readonly [RegExp, string][] = [
	[/swiftshader/i, 'SwiftShader'],
	[/llvmpipe/i, 'llvmpipe'],
	[/softpipe/i, 'softpipe'],
	[/basic render/i, 'Microsoft Basic Render Driver'],
	[/software/i, 'a software renderer']
];

function softwareName(renderer: string): string | null {
	return SOFTWARE_RENDERERS.find(([pattern]) => pattern.test(renderer))?.[1] ?? null;
}

/** Returns why the platform rules the backend out before trying it, or null; `detail` names the GPU. */
async function hardwareProblem(
	backend: TfBackend,
	probes: BackendProbes
): Promise<{ problem: string | null; detail: string }> {
	switch (backend) {
		case 'webgpu': {
			const adapter = await probes.webgpuAdapter();
			if (!adapter) return { problem: 'no adapter', detail: '' };
			const software = softwareName(adapter.description);
			if (adapter.fallback || software)
				return { problem: `fallback adapter (${software ?? 'software'})`, detail: '' };
			return { problem: null, detail: adapter.description };
		}
		case 'webgl': {
			const renderer = await probes.webglRenderer();
			if (renderer === null) return { problem: 'not available', detail: '' };
			const software = softwareName(renderer);
			if (software) return { problem: `renderer is ${software} (software)`, detail: '' };
			return { problem: null, detail: renderer };
		}
		case 'wasm':
		case 'cpu':
			return { problem: null, detail: '' };
	}
}

const format = (loss: number) => (Number.isFinite(loss) ? loss.toFixed(6) : String(loss));

/** Tries one backend: returns the trial, leaving it set when it passed. */
async function tryBackend(
	backend: TfBackend,
	probes: BackendProbes,
	cpuLoss: () => Promise<number>
): Promise<BackendTrial> {
	const fail = (reason: string): BackendTrial => ({ backend, ok: false, reason });
	try {
		const { problem, detail } = await hardwareProblem(backend, probes);
		if (problem) return fail(problem);
		const reference = await cpuLoss();
		if (!(await probes.setBackend(backend))) return fail('did not start');
		const loss = await probes.parityLoss();
		if (!(Math.abs(loss - reference) <= PARITY_TOLERANCE))
			return fail(`trains differently (test loss ${format(loss)}, cpu ${format(reference)})`);
		return { backend, ok: true, reason: detail ? `ok (${detail})` : 'ok' };
	} catch (error) {
		return fail(`failed (${error instanceof Error ? error.message : String(error)})`);
	}
}

/**
 * Returns the backend to train on, and leaves it set: WebGPU when a hardware (non-fallback)
 * adapter exists, WebGL when its renderer is hardware, else WASM; each only when it starts and
 * one epoch of the parity network lands within 1e-3 of the cpu backend's loss. CPU otherwise.
 */
export async function chooseBackend(probes: BackendProbes): Promise<BackendChoice> {
	let reference: Promise<number> | null = null;
	// The cpu reference is measured once, and only when some backend gets as far as its parity.
	const cpuLoss = () =>
		(reference ??= probes
			.setBackend('cpu')
			.then((ok) => (ok ? probes.parityLoss() : Promise.reject(new Error('cpu did not start')))));
	const tried: BackendTrial[] = [];
	for (const backend of ['webgpu', 'webgl', 'wasm'] as const) {
		const trial = await tryBackend(backend, probes, cpuLoss);
		tried.push(trial);
		if (trial.ok) return { backend, reason: describe(tried), tried };
	}
	const ok = await probes.setBackend('cpu');
	tried.push({ backend: 'cpu', ok, reason: ok ? 'ok' : 'did not start' });
	return { backend: 'cpu', reason: describe(tried), tried };
}

function describe(tried: readonly BackendTrial[]): string {
	return tried.map((t) => `${LABELS[t.backend]}: ${t.reason}`).join('; ');
}
