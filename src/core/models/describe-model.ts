import { assertNever } from '../util/assert-never';
import { metricInfo } from '../evaluate/metric-catalogue';
import { describeOneRule } from './baseline/one-rule';
import { describeLinear, type OutputCoefficients } from './linear/describe-linear';
import type { Model } from './model';

/** How many weights or features a summary lists. */
const TOP = 10;

/**
 * What a fitted model learned, in a form the Train stage can show: the weights of a linear
 * model, the rule of a one-rule baseline, the features boosting split on most, a forest's
 * out-of-bag score, a network's layers. Trees have their own drawing (tree-view.ts).
 */
export type ModelSummary =
	| { kind: 'coefficients'; outputs: OutputCoefficients[] }
	| { kind: 'rule'; lines: string[] }
	| { kind: 'importance'; title: string; features: { feature: string; share: number }[] }
	| { kind: 'facts'; facts: string[] }
	| null;

/** Returns the model's summary, or null when there is nothing more to say than its scores. */
export function describeModel(model: Model): ModelSummary {
	switch (model.kind) {
		case 'baseline':
		case 'tree':
			return null;
		case 'rule':
			return { kind: 'rule', lines: describeOneRule(model) };
		case 'linear':
			return { kind: 'coefficients', outputs: describeLinear(model, TOP) };
		case 'boosting': {
			const total = model.gain.reduce((s, g) => s + g, 0);
			const features = model.gain
				.map((gain, j) => ({ feature: model.features[j], share: total > 0 ? gain / total : 0 }))
				.filter((f) => f.share > 0)
				.sort((a, b) => b.share - a.share)
				.slice(0, TOP);
			const rounds = model.trees.length / model.outputs;
			return {
				kind: 'importance',
				title: `The features the ${rounds} rounds split on most, by their share of the loss reduction`,
				features
			};
		}
		case 'forest': {
			const facts = [`${model.trees.length} trees.`];
			if (model.oob)
				facts.push(
					`Out-of-bag ${metricInfo(model.oob.metric).label}: ${model.oob.value.toFixed(4)}, each of ${model.oob.rows} train rows scored by the trees that did not see it (a free estimate of the validation score).`
				);
			return { kind: 'facts', facts };
		}
		case 'neural': {
			const widths = [model.layers[0]?.inputs ?? 0, ...model.layers.map((l) => l.outputs)];
			const weights = model.layers.reduce((s, l) => s + l.weights.length + l.bias.length, 0);
			return {
				kind: 'facts',
				facts: [
					`Layers of ${widths.join(' → ')} units (${model.activation}), ${weights.toLocaleString('en-US')} weights.`,
					`Kept the weights of epoch ${model.epoch}, trained on ${model.backend}.`
				]
			};
		}
		default:
			return assertNever(model, 'model');
	}
}
