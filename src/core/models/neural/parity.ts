import { createRng } from '../../util/rng';
import { trainNetwork, type NetworkData, type TfModule } from './train-network';
import type { NeuralSpec } from './mlp';

const PARITY_ROWS = 256;
const PARITY_WIDTH = 8;
const PARITY_SEED = 20261127;
const PARITY_SPEC: NeuralSpec = {
	kind: 'neural',
	hidden: [16],
	activation: 'relu',
	dropout: 0,
	learningRate: 0.01,
	batchSize: 32,
	epochs: 1,
	patience: 0,
	l2: 1e-4
};

/** A fixed synthetic batch: uniform features in [-1, 1), y = 1 when a fixed linear score is positive. */
function parityData(): NetworkData {
	const rng = createRng(PARITY_SEED);
	const values = Float64Array.from(
		{ length: PARITY_ROWS * PARITY_WIDTH },
		() => 2 * rng.next() - 1
	);
	const y = new Float32Array(PARITY_ROWS);
	for (let i = 0; i < PARITY_ROWS; i++) {
		let score = 0;
		for (let j = 0; j < PARITY_WIDTH; j++)
			score += values[i * PARITY_WIDTH + j] * (j % 3 === 0 ? 1 : -0.5);
		y[i] = score > 0 ? 1 : 0;
	}
	const features = Array.from({ length: PARITY_WIDTH }, (_, j) => `x${j}`);
	return {
		loss: 'logistic',
		outputs: 1,
		x: { rows: PARITY_ROWS, width: PARITY_WIDTH, values, features },
		y,
		validation: null
	};
}

/**
 * Returns the training loss of one epoch of a small fixed seeded network on a fixed seeded batch,
 * on TF.js's current backend: compared with the `cpu` backend's, it tells whether a backend
 * trains correctly (a GPU with half-precision textures, or a broken driver, lands far away).
 */
export async function parityLoss(tf: TfModule): Promise<number> {
	const trained = await trainNetwork(tf, PARITY_SPEC, parityData(), PARITY_SEED);
	return trained.loss;
}
