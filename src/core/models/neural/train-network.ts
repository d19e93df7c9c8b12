import type * as Tf from '@tensorflow/tfjs';
import { CoreError } from '../../util/core-error';
import { createRng, shuffleInPlace, type Rng } from '../../util/rng';
import { createPacer, throwIfCancelled, type TaskContext } from '../../util/task';
import type { FeatureMatrix } from '../../prepare/recipe';
import type { FitEvent } from '../model';
import type { DenseLayer, NeuralSpec } from './mlp';

/** The TF.js module, passed in: the core loads it only to train, so the bundle never does. */
export type TfModule = typeof Tf;

/**
 * How the outputs are scored: log-loss of a sigmoid (one output), log-loss of a softmax (one
 * output per class), or half the squared error (scikit-learn's squared loss).
 */
export type NetworkLoss = 'logistic' | 'softmax' | 'squared';

/** What a network learns from: `y` holds `outputs` targets per row (0/1, one-hot, or values). */
export interface NetworkData {
	loss: NetworkLoss;
	outputs: number;
	x: FeatureMatrix;
	y: Float32Array;
	validation: { x: FeatureMatrix; y: Float32Array } | null;
}

/** A trained network, with the epoch whose weights it keeps. */
export interface TrainedNetwork {
	layers: DenseLayer[];
	/** Epochs run. */
	epochs: number;
	/** The epoch whose weights are kept (the last one unless early stopping kept a better one). */
	bestEpoch: number;
	/** The training objective in the kept epoch. */
	loss: number;
	stoppedEarly: boolean;
}

/** An epoch improves only when the watched loss falls by more than this (scikit-learn's tol). */
const MIN_IMPROVEMENT = 1e-4;
/** Validation rows go through the network in chunks of this many, to bound memory. */
const EVAL_CHUNK_ROWS = 8192;
/** Adam's epsilon, fixed so that every backend runs the same update (TF.js's float32 default). */
const ADAM_EPSILON = 1e-7;
// Offsets of the seeds of the shuffling and dropout streams from the initialisation seed.
const SHUFFLE_STREAM = 0x5bd1e995;
const DROPOUT_STREAM = 0x27d4eb2f;

/**
 * Returns Glorot-uniform initial layers, as scikit-learn's MLP draws them: weights and biases
 * uniform in +-sqrt(6 / (fan in + fan out)), rounded to float32 so every backend starts alike.
 */
export function initialLayers(sizes: readonly number[], rng: Rng): DenseLayer[] {
	const layers: DenseLayer[] = [];
	for (let l = 0; l + 1 < sizes.length; l++) {
		const [inputs, outputs] = [sizes[l], sizes[l + 1]];
		const bound = Math.sqrt(6 / (inputs + outputs));
		const draw = (count: number) =>
			Array.from(Float32Array.from({ length: count }, () => (2 * rng.next() - 1) * bound));
		layers.push({ inputs, outputs, weights: draw(inputs * outputs), bias: draw(outputs) });
	}
	return layers;
}

/** The raw outputs (before sigmoid or softmax) of the network for a batch. */
function forward(
	tf: TfModule,
	params: readonly Tf.Tensor[],
	x: Tf.Tensor2D,
	activation: NeuralSpec['activation'],
	masks: readonly Tf.Tensor2D[] | null
): Tf.Tensor2D {
	let h = x;
	const layers = params.length / 2;
	for (let l = 0; ; l++) {
		const z: Tf.Tensor2D = tf.add(tf.matMul(h, params[2 * l] as Tf.Tensor2D), params[2 * l + 1]);
		if (l === layers - 1) return z;
		h = activation === 'relu' ? tf.relu(z) : tf.tanh(z);
		if (masks) h = tf.mul(h, masks[l]);
	}
}

/** The mean loss of raw outputs `z` against targets `y` (both rows x outputs). */
function meanLoss(tf: TfModule, loss: NetworkLoss, z: Tf.Tensor2D, y: Tf.Tensor2D): Tf.Scalar {
	switch (loss) {
		case 'logistic':
			// log(1 + e^z) - y z, written so that e^z never overflows.
			return tf.mean(tf.sub(tf.add(tf.relu(z), tf.log1p(tf.exp(tf.neg(tf.abs(z))))), tf.mul(z, y)));
		case 'softmax':
			return tf.mean(tf.sub(tf.logSumExp(z, 1), tf.sum(tf.mul(z, y), 1)));
		case 'squared':
			return tf.mul(0.5, tf.mean(tf.square(tf.sub(z, y))));
	}
}

/** Inverted dropout masks for one batch: 0 with probability `rate`, else 1 / (1 - rate). */
function dropoutMasks(
	tf: TfModule,
	hidden: readonly number[],
	rows: number,
	rate: number,
	rng: Rng
): Tf.Tensor2D[] {
	const keep = 1 / (1 - rate);
	return hidden.map((units) => {
		const mask = new Float32Array(rows * units);
		for (let i = 0; i < mask.length; i++) mask[i] = rng.next() < rate ? 0 : keep;
		return tf.tensor2d(mask, [rows, units]);
	});
}

/** The summed loss of the network over a part's rows (validation), chunk by chunk. */
async function totalLoss(
	tf: TfModule,
	params: readonly Tf.Tensor[],
	spec: NeuralSpec,
	loss: NetworkLoss,
	x: Tf.Tensor2D,
	y: Tf.Tensor2D
): Promise<number> {
	const rows = x.shape[0];
	let sum = 0;
	for (let start = 0; start < rows; start += EVAL_CHUNK_ROWS) {
		const size = Math.min(EVAL_CHUNK_ROWS, rows - start);
		const chunk = tf.tidy(() => {
			const xc = tf.slice(x, [start, 0], [size, -1]);
			const yc = tf.slice(y, [start, 0], [size, -1]);
			return tf.mul(meanLoss(tf, loss, forward(tf, params, xc, spec.activation, null), yc), size);
		});
		sum += (await chunk.data())[0];
		chunk.dispose();
	}
	return sum;
}

/** Returns the layers' current weights as plain numbers. */
async function readLayers(params: readonly Tf.Tensor[]): Promise<DenseLayer[]> {
	const layers: DenseLayer[] = [];
	for (let l = 0; l < params.length; l += 2) {
		const [inputs, outputs] = params[l].shape;
		const weights = Array.from(await params[l].data());
		layers.push({ inputs, outputs, weights, bias: Array.from(await params[l + 1].data()) });
	}
	return layers;
}

/** Everything one training run holds on the backend, disposed together. */
interface Run {
	tf: TfModule;
	spec: NeuralSpec;
	loss: NetworkLoss;
	params: Tf.Variable[];
	optimizer: Tf.Optimizer;
	x: Tf.Tensor2D;
	y: Tf.Tensor2D;
	validation: { x: Tf.Tensor2D; y: Tf.Tensor2D } | null;
	/** Row order of the current epoch. */
	order: Int32Array;
	shuffleRng: Rng;
	dropoutRng: Rng;
}

function startRun(tf: TfModule, spec: NeuralSpec, data: NetworkData, seed: number): Run {
	const { x, outputs } = data;
	const sizes = [x.width, ...spec.hidden, outputs];
	// tidy disposes the initial tensors; the variables made from them outlive it.
	const params = tf.tidy(() =>
		initialLayers(sizes, createRng(seed)).flatMap((l) => [
			tf.variable(tf.tensor2d(l.weights, [l.inputs, l.outputs])),
			tf.variable(tf.tensor2d(l.bias, [1, l.outputs]))
		])
	);
	const matrix = (m: FeatureMatrix) => tf.tensor2d(Float32Array.from(m.values), [m.rows, m.width]);
	const v = data.validation;
	return {
		tf,
		spec,
		loss: data.loss,
		params,
		optimizer: tf.train.adam(spec.learningRate, 0.9, 0.999, ADAM_EPSILON),
		x: matrix(x),
		y: tf.tensor2d(data.y, [x.rows, outputs]),
		validation: v && { x: matrix(v.x), y: tf.tensor2d(v.y, [v.x.rows, outputs]) },
		order: Int32Array.from({ length: x.rows }, (_, i) => i),
		shuffleRng: createRng((seed + SHUFFLE_STREAM) >>> 0),
		dropoutRng: createRng((seed + DROPOUT_STREAM) >>> 0)
	};
}

function endRun(run: Run): void {
	run.optimizer.dispose();
	for (const t of [...run.params, run.x, run.y]) t.dispose();
	run.validation?.x.dispose();
	run.validation?.y.dispose();
}

/** One Adam step on rows `order[from, from + rows)`; returns `total` plus the batch's summed cost. */
function trainStep(run: Run, from: number, rows: number, total: Tf.Scalar): Tf.Scalar {
	const { tf, spec, params } = run;
	return tf.tidy(() => {
		const index = tf.tensor1d(run.order.slice(from, from + rows), 'int32');
		const xb = tf.gather(run.x, index);
		const yb = tf.gather(run.y, index);
		const masks =
			spec.dropout > 0 ? dropoutMasks(tf, spec.hidden, rows, spec.dropout, run.dropoutRng) : null;
		const weights = params.filter((_, i) => i % 2 === 0);
		const cost = run.optimizer.minimize(
			() => {
				const z = forward(tf, params, xb, spec.activation, masks);
				// scikit-learn's penalty: (l2 / 2) |W|^2 over the batch's rows, biases excluded.
				const squares = tf.addN(weights.map((w) => tf.sum(tf.square(w))));
				const penalty: Tf.Scalar = tf.mul(squares, spec.l2 / (2 * rows));
				return tf.add(meanLoss(tf, run.loss, z, yb), penalty);
			},
			true,
			params
		);
		return tf.add(total, tf.mul(cost!, rows));
	});
}

/** Runs one shuffled pass over the train rows and returns its mean training objective. */
async function trainEpoch(
	run: Run,
	progress: (fraction: number) => Promise<void>
): Promise<number> {
	const { tf } = run;
	const n = run.order.length;
	const batch = Math.min(run.spec.batchSize, n);
	shuffleInPlace(run.order, run.shuffleRng);
	// Summed on the backend and read once per epoch: reading each batch would stall a GPU.
	let total = tf.scalar(0);
	try {
		for (let from = 0; from < n; from += batch) {
			const rows = Math.min(batch, n - from);
			const next = trainStep(run, from, rows, total);
			total.dispose();
			total = next;
			await progress((from + rows) / n);
		}
		return (await total.data())[0] / n;
	} finally {
		total.dispose();
	}
}

/** The epoch whose weights are kept, and when to stop (Keras's EarlyStopping, restoring the best). */
interface Watch {
	bestScore: number;
	bestEpoch: number;
	bestLoss: number;
	/** Copies of the best epoch's parameters, or null while the run's own are the ones to keep. */
	snapshot: Tf.Tensor[] | null;
}

/** Records an epoch's score; returns true when training should stop. */
function watchEpoch(watch: Watch, run: Run, epoch: number, loss: number, score: number): boolean {
	const patience = run.spec.patience;
	if (patience === 0) {
		Object.assign(watch, { bestEpoch: epoch, bestLoss: loss });
		return false;
	}
	if (score < watch.bestScore - MIN_IMPROVEMENT) {
		watch.snapshot?.forEach((t) => t.dispose());
		const snapshot = run.params.map((p) => run.tf.clone(p));
		Object.assign(watch, { bestScore: score, bestEpoch: epoch, bestLoss: loss, snapshot });
		return false;
	}
	return epoch - watch.bestEpoch >= patience;
}

/**
 * Trains a dense network with Adam on TF.js's current backend: seeded initialisation, batches
 * shuffled and dropout drawn by our own seeded generators (so the same seed on the same backend
 * gives bit-identical weights), and early stopping on the validation loss (the training loss
 * without validation rows) that keeps the best epoch's weights. Emits one `loss` event per epoch
 * and yields between batches; throws `cancelled` when the signal aborts. Leaves no tensors behind.
 */
export async function trainNetwork(
	tf: TfModule,
	spec: NeuralSpec,
	data: NetworkData,
	seed: number,
	ctx: TaskContext<FitEvent> = {}
): Promise<TrainedNetwork> {
	const pace = createPacer(ctx);
	const run = startRun(tf, spec, data, seed);
	const watch: Watch = { bestScore: Infinity, bestEpoch: 0, bestLoss: NaN, snapshot: null };
	try {
		let epoch = 1;
		for (; epoch <= spec.epochs; epoch++) {
			const done = epoch - 1;
			const loss = await trainEpoch(run, (f) => pace('Training', (done + f) / spec.epochs));
			if (!Number.isFinite(loss))
				throw new CoreError(
					'diverged',
					`The network's loss became ${loss} in epoch ${epoch}: try a lower learning rate.`
				);
			const v = run.validation;
			const validation = v
				? (await totalLoss(tf, run.params, spec, run.loss, v.x, v.y)) / v.x.shape[0]
				: null;
			const event = validation === null ? {} : { validation };
			ctx.onEvent?.({ kind: 'loss', iteration: epoch, loss, ...event });
			if (watchEpoch(watch, run, epoch, loss, validation ?? loss)) break;
		}
		throwIfCancelled(ctx.signal);
		return {
			layers: await readLayers(watch.snapshot ?? run.params),
			epochs: Math.min(epoch, spec.epochs),
			bestEpoch: watch.bestEpoch,
			loss: watch.bestLoss,
			stoppedEarly: epoch <= spec.epochs
		};
	} finally {
		watch.snapshot?.forEach((t) => t.dispose());
		endRun(run);
	}
}
