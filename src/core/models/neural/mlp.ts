import { CoreError } from '../../util/core-error';
import { exp } from '../../util/exp';
import { throwIfCancelled, type TaskContext } from '../../util/task';
import type { FeatureMatrix } from '../../prepare/recipe';
import {
	checkFeatureCount,
	type FitEvent,
	type FitInfo,
	type Prediction,
	type TrainData,
	checkTrainRows
} from '../model';
import { sigmoid } from '../linear/logistic';
import { forwardNetwork } from './forward';
import { trainNetwork, type NetworkData } from './train-network';

/**
 * A multilayer perceptron trained with TF.js: dense hidden layers with ReLU or tanh and optional
 * dropout, a sigmoid (two classes), softmax (more) or linear (numbers) output, log-loss or half the
 * squared error plus an L2 penalty, minimised by Adam over shuffled mini-batches. The defaults
 * are scikit-learn's MLPClassifier ones (one hidden layer of 64, Adam at 0.001, batches of 200,
 * alpha 1e-4), with early stopping on the validation loss.
 */
export interface NeuralSpec {
	kind: 'neural';
	/** Units per hidden layer, input side first. */
	hidden: number[];
	activation: 'relu' | 'tanh';
	/** Share of hidden units dropped in each training step, in [0, 1). */
	dropout: number;
	learningRate: number;
	batchSize: number;
	/** Most passes over the train rows. */
	epochs: number;
	/** Stop when the validation loss has not improved for this many epochs; 0 = never. */
	patience: number;
	/** L2 penalty on the weights (scikit-learn's alpha). */
	l2: number;
}

/** The spec the Choose stage starts from. */
export const DEFAULT_NEURAL_SPEC: NeuralSpec = {
	kind: 'neural',
	hidden: [64],
	activation: 'relu',
	dropout: 0,
	learningRate: 0.001,
	batchSize: 200,
	epochs: 300,
	patience: 10,
	l2: 1e-4
};

/** One dense layer: `outputs = inputs x weights + bias`, weights row-major (inputs x outputs). */
export interface DenseLayer {
	inputs: number;
	outputs: number;
	weights: number[];
	bias: number[];
}

interface NeuralBase {
	kind: 'neural';
	features: string[];
	activation: NeuralSpec['activation'];
	/** Hidden layers then the output layer; float32 values, as TF.js trained them. */
	layers: DenseLayer[];
	/** The TF.js backend that trained it (backends round differently in the last bits). */
	backend: string;
	/** The epoch whose weights these are. */
	epoch: number;
}

/** A fitted network: plain JSON; predicting needs no TF.js. */
export type NeuralModel =
	| (NeuralBase & { task: 'binary' | 'multiclass'; classes: string[]; target: null })
	| (NeuralBase & {
			task: 'regression';
			classes: null;
			/** The network predicts the target standardised by these (scikit-learn's MLP recipe). */
			target: { mean: number; sd: number };
	  });

const MAX_UNITS = 4096;
const MAX_HIDDEN_LAYERS = 8;

function checkSpec(spec: NeuralSpec): void {
	const whole = (value: number, min: number, what: string) => {
		if (!(Number.isInteger(value) && value >= min))
			throw new CoreError(
				'bad-spec',
				`${what} must be a whole number, ${min} or more; got ${value}.`
			);
	};
	if (!Array.isArray(spec.hidden) || spec.hidden.length > MAX_HIDDEN_LAYERS)
		throw new CoreError(
			'bad-spec',
			`The network may have at most ${MAX_HIDDEN_LAYERS} hidden layers.`
		);
	for (const units of spec.hidden) {
		whole(units, 1, 'The units of a hidden layer');
		if (units > MAX_UNITS)
			throw new CoreError(
				'bad-spec',
				`A hidden layer may have at most ${MAX_UNITS} units; got ${units}.`
			);
	}
	if (spec.activation !== 'relu' && spec.activation !== 'tanh')
		throw new CoreError(
			'bad-spec',
			`The activation must be relu or tanh; got ${String(spec.activation)}.`
		);
	if (!(spec.dropout >= 0 && spec.dropout < 1))
		throw new CoreError(
			'bad-spec',
			`The dropout must be at least 0 and below 1; got ${spec.dropout}.`
		);
	if (!(spec.learningRate > 0 && Number.isFinite(spec.learningRate)))
		throw new CoreError('bad-spec', `The learning rate must be above 0; got ${spec.learningRate}.`);
	whole(spec.batchSize, 1, 'The batch size');
	whole(spec.epochs, 1, 'The number of epochs');
	whole(spec.patience, 0, 'The early-stopping patience');
	if (!(spec.l2 >= 0 && Number.isFinite(spec.l2)))
		throw new CoreError('bad-spec', `The L2 penalty must be zero or more; got ${spec.l2}.`);
}

/** Class indices as 0/1 targets (two classes) or one-hot rows (more). */
function classTargets(y: Int32Array, classes: number): Float32Array {
	if (classes === 2) return Float32Array.from(y);
	const out = new Float32Array(y.length * classes);
	for (let i = 0; i < y.length; i++) out[i * classes + y[i]] = 1;
	return out;
}

function meanAndSd(y: Float64Array): { mean: number; sd: number } {
	let mean = 0;
	for (let i = 0; i < y.length; i++) mean += y[i];
	mean /= y.length;
	let ss = 0;
	for (let i = 0; i < y.length; i++) ss += (y[i] - mean) ** 2;
	const sd = Math.sqrt(ss / y.length);
	return { mean, sd: sd > 0 ? sd : 1 };
}

/** A part's features and its targets as the network reads them; null for no rows. */
function part<Y>(
	rows: { x: FeatureMatrix; y: Y } | undefined,
	targets: (y: Y) => Float32Array
): { x: FeatureMatrix; y: Float32Array } | null {
	return rows && rows.x.rows > 0 ? { x: rows.x, y: targets(rows.y) } : null;
}

/** What the network learns from the task's data, and how the target was standardised. */
function networkData(data: TrainData): {
	net: NetworkData;
	target: { mean: number; sd: number } | null;
} {
	if (data.validation && data.validation.x.width !== data.x.width)
		throw new CoreError(
			'feature-mismatch',
			'The validation rows have other features than the train rows.'
		);
	if (data.task === 'regression') {
		const target = meanAndSd(data.y);
		const scale = (y: Float64Array) => Float32Array.from(y, (v) => (v - target.mean) / target.sd);
		const net: NetworkData = {
			loss: 'squared',
			outputs: 1,
			x: data.x,
			y: scale(data.y),
			validation: part(data.validation, scale)
		};
		return { net, target };
	}
	const k = data.classes.length;
	const targets = (y: Int32Array) => classTargets(y, k);
	const net: NetworkData = {
		loss: k === 2 ? 'logistic' : 'softmax',
		outputs: k === 2 ? 1 : k,
		x: data.x,
		y: targets(data.y),
		validation: part(data.validation, targets)
	};
	return { net, target: null };
}

/**
 * Returns the fitted network, trained with TF.js on its current backend (chosen once per worker,
 * see neural/backend.ts). `iterations` counts epochs; `converged` is true when early stopping
 * ended the training; `loss` is the training objective of the kept epoch. Every random draw comes
 * from `seed`. Throws `cancelled` when the signal aborts.
 */
export async function fitNeural(
	spec: NeuralSpec,
	data: TrainData,
	seed: number,
	ctx: TaskContext<FitEvent> = {}
): Promise<{ model: NeuralModel; info: FitInfo }> {
	checkSpec(spec);
	checkTrainRows(data.x);
	const { net, target } = networkData(data);
	throwIfCancelled(ctx.signal);
	// Loaded here, not at the top: the bundle's predict.mjs imports this module but never trains.
	const tf = await import('@tensorflow/tfjs');
	const trained = await trainNetwork(tf, spec, net, seed, ctx);
	const base: NeuralBase = {
		kind: 'neural',
		features: data.x.features,
		activation: spec.activation,
		layers: trained.layers,
		backend: tf.getBackend(),
		epoch: trained.bestEpoch
	};
	const model: NeuralModel =
		data.task === 'regression'
			? { ...base, task: 'regression', classes: null, target: target! }
			: { ...base, task: data.task, classes: data.classes, target: null };
	const info: FitInfo = {
		iterations: trained.epochs,
		converged: trained.stoppedEarly,
		loss: trained.loss
	};
	return { model, info };
}

/** Returns the model's predictions (class probabilities or values), in plain float64 arithmetic. */
export function predictNeural(model: NeuralModel, x: FeatureMatrix): Prediction {
	checkFeatureCount(model.features, x);
	const z = forwardNetwork(model.layers, model.activation, x);
	const n = x.rows;
	if (model.task === 'regression') {
		const { mean, sd } = model.target;
		return { kind: 'values', values: z.map((v) => v * sd + mean) };
	}
	const k = model.classes.length;
	const proba = new Float64Array(n * k);
	if (k === 2) {
		for (let i = 0; i < n; i++) {
			proba[2 * i + 1] = sigmoid(z[i]);
			proba[2 * i] = 1 - proba[2 * i + 1];
		}
		return { kind: 'classes', classes: model.classes, proba };
	}
	for (let i = 0; i < n; i++) {
		let max = -Infinity;
		for (let c = 0; c < k; c++) max = Math.max(max, z[i * k + c]);
		let sum = 0;
		for (let c = 0; c < k; c++) sum += proba[i * k + c] = exp(z[i * k + c] - max);
		for (let c = 0; c < k; c++) proba[i * k + c] /= sum;
	}
	return { kind: 'classes', classes: model.classes, proba };
}
