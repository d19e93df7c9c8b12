import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import {
	chooseBackend,
	type BackendProbes,
	type GpuAdapterProbe,
	type TfBackend
} from '../../../../src/core/models/neural/backend';
import { parityLoss } from '../../../../src/core/models/neural/parity';

const SWIFTSHADER =
	'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const HARDWARE = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)';

interface Fake {
	adapter?: GpuAdapterProbe | null;
	renderer?: string | null;
	/** Backends whose setBackend returns false. */
	failing?: TfBackend[];
	/** Parity loss per backend (cpu's is 0.5). */
	losses?: Partial<Record<TfBackend, number>>;
}

/** Fake probes over a pretend platform; `calls` records what was asked, in order. */
function setup(fake: Fake = {}) {
	const calls: string[] = [];
	let current: TfBackend | null = null;
	const probes: BackendProbes = {
		webgpuAdapter: async () => (calls.push('adapter'), fake.adapter ?? null),
		webglRenderer: async () => (calls.push('renderer'), fake.renderer ?? null),
		setBackend: async (backend) => {
			calls.push(`set ${backend}`);
			if (fake.failing?.includes(backend)) return false;
			current = backend;
			return true;
		},
		parityLoss: async () => {
			calls.push(`parity ${current}`);
			return fake.losses?.[current!] ?? 0.5;
		}
	};
	return { probes, calls };
}

describe('chooseBackend', () => {
	it('takes WASM when there is no GPU, and says why', async () => {
		const { probes, calls } = setup({ renderer: SWIFTSHADER });
		const choice = await chooseBackend(probes);
		expect(choice.backend).toBe('wasm');
		expect(choice.reason).toBe(
			'WebGPU: no adapter; WebGL: renderer is SwiftShader (software); WASM: ok'
		);
		expect(choice.tried.map((t) => [t.backend, t.ok])).toEqual([
			['webgpu', false],
			['webgl', false],
			['wasm', true]
		]);
		expect(calls).toEqual([
			'adapter',
			'renderer',
			'set cpu',
			'parity cpu',
			'set wasm',
			'parity wasm'
		]);
	});

	it('takes a hardware WebGPU adapter that trains like the cpu', async () => {
		const adapter = { fallback: false, description: 'nvidia ampere' };
		const { probes, calls } = setup({ adapter, losses: { webgpu: 0.5004 } });
		const choice = await chooseBackend(probes);
		expect(choice).toEqual({
			backend: 'webgpu',
			reason: 'WebGPU: ok (nvidia ampere)',
			tried: [{ backend: 'webgpu', ok: true, reason: 'ok (nvidia ampere)' }]
		});
		expect(calls.at(-2)).toBe('set webgpu');
	});

	it('refuses a fallback adapter, and a GPU that trains differently', async () => {
		const { probes } = setup({
			adapter: { fallback: true, description: '' },
			renderer: HARDWARE,
			losses: { webgl: 0.51 }
		});
		const choice = await chooseBackend(probes);
		expect(choice.backend).toBe('wasm');
		expect(choice.tried[0].reason).toBe('fallback adapter (software)');
		expect(choice.tried[1].reason).toBe('trains differently (test loss 0.510000, cpu 0.500000)');
	});

	it('takes hardware WebGL when WebGPU is a software adapter', async () => {
		const adapter = { fallback: false, description: 'google swiftshader' };
		const { probes } = setup({ adapter, renderer: HARDWARE });
		const choice = await chooseBackend(probes);
		expect(choice.backend).toBe('webgl');
		expect(choice.reason).toBe(`WebGPU: fallback adapter (SwiftShader); WebGL: ok (${HARDWARE})`);
	});

	it('falls back to the cpu when WASM does not start or fails its parity', async () => {
		const failing = setup({ renderer: 'llvmpipe (LLVM 15.0.6, 256 bits)', failing: ['wasm'] });
		const first = await chooseBackend(failing.probes);
		expect(first.backend).toBe('cpu');
		expect(first.reason).toBe(
			'WebGPU: no adapter; WebGL: renderer is llvmpipe (software); WASM: did not start; CPU: ok'
		);
		expect(failing.calls.at(-1)).toBe('set cpu');
		const wrong = setup({ losses: { wasm: Number.NaN } });
		const second = await chooseBackend(wrong.probes);
		expect(second.backend).toBe('cpu');
		expect(second.tried[2].reason).toBe('trains differently (test loss NaN, cpu 0.500000)');
	});

	it('reports a probe that throws, and goes on', async () => {
		const { probes } = setup();
		probes.webgpuAdapter = async () => {
			throw new Error('GPU process crashed');
		};
		const choice = await chooseBackend(probes);
		expect(choice.backend).toBe('wasm');
		expect(choice.tried[0].reason).toBe('failed (GPU process crashed)');
	});
});

describe('parityLoss', () => {
	it('agrees between the cpu and WASM backends, and leaves no tensors', async () => {
		tf.env().set('PROD', true);
		expect(await tf.setBackend('cpu')).toBe(true);
		const before = tf.memory().numTensors;
		const cpu = await parityLoss(tf);
		expect(tf.memory().numTensors).toBe(before);
		expect(await tf.setBackend('wasm')).toBe(true);
		const wasm = await parityLoss(tf);
		expect(Math.abs(wasm - cpu)).toBeLessThan(1e-3);
		// A log-loss near log 2: one epoch of a fresh network.
		expect(cpu).toBeGreaterThan(0.5);
		expect(cpu).toBeLessThan(1);
	});

	it('lets chooseBackend pick WASM in Node', async () => {
		const choice = await chooseBackend({
			webgpuAdapter: async () => null,
			webglRenderer: async () => null,
			setBackend: (backend) => tf.setBackend(backend),
			parityLoss: () => parityLoss(tf)
		});
		expect(choice.reason).toBe('WebGPU: no adapter; WebGL: not available; WASM: ok');
		expect(tf.getBackend()).toBe('wasm');
	});
});
