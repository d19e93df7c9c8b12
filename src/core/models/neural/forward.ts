import { exp } from '../../util/exp';
import type { FeatureMatrix } from '../../prepare/recipe';
import type { DenseLayer, NeuralSpec } from './mlp';

/** tanh from the engine-independent exp (Math.tanh, like Math.exp, is not fixed to the bit). */
export function tanh(z: number): number {
	const e = exp(-2 * Math.abs(z));
	const t = (1 - e) / (1 + e);
	return z < 0 ? -t : t;
}

/**
 * Returns the raw outputs (rows x last layer's outputs, row-major) of dense layers with the hidden
 * activation between them, in float64: the same in every JavaScript engine, and within float32
 * rounding of TF.js's own forward pass.
 */
export function forwardNetwork(
	layers: readonly DenseLayer[],
	activation: NeuralSpec['activation'],
	x: FeatureMatrix
): Float64Array {
	const { rows, width } = x;
	const outputs = layers.at(-1)?.outputs ?? width;
	const out = new Float64Array(rows * outputs);
	const widest = Math.max(width, ...layers.map((l) => l.outputs));
	let input = new Float64Array(widest);
	let next = new Float64Array(widest);
	// One row at a time through every layer, so the work space stays two rows wide.
	for (let i = 0; i < rows; i++) {
		input.set(x.values.subarray(i * width, (i + 1) * width));
		layers.forEach((layer, l) => {
			const { inputs, outputs: units, weights, bias } = layer;
			for (let j = 0; j < units; j++) next[j] = bias[j];
			for (let a = 0; a < inputs; a++) {
				const v = input[a];
				if (v === 0) continue;
				const row = a * units;
				for (let j = 0; j < units; j++) next[j] += v * weights[row + j];
			}
			if (l < layers.length - 1)
				for (let j = 0; j < units; j++)
					next[j] = activation === 'relu' ? Math.max(0, next[j]) : tanh(next[j]);
			[input, next] = [next, input];
		});
		out.set(input.subarray(0, outputs), i * outputs);
	}
	return out;
}
