import { toTargetSpec } from '../../../core/brief/brief';
import type { MetricName } from '../../../core/evaluate/metric-catalogue';
import type { FitEvent, ModelSpec } from '../../../core/models/model';
import { recipeHash } from '../../../core/prepare/recipe';
import type { RunRecord } from '../../../core/project/project';
import { assertNever } from '../../../core/util/assert-never';
import type { Session } from '../../session.svelte';

/** The Train stage: fits the chosen family (and the baseline it must beat) in the train worker. */
export class TrainStage {
	readonly session: Session;
	/** The training loss of the current fit, iteration by iteration. */
	losses = $state.raw<{ iteration: number; loss: number }[]>([]);
	metric = $derived.by<MetricName | null>(() => this.session.project.brief.metric);

	constructor(session: Session) {
		this.session = session;
	}

	/** Trains the baseline when the split has none yet, then the chosen family; logs both as runs. */
	async train(): Promise<void> {
		const { project, dataset, target, inputs, recipe } = this.session;
		const spec = project.choice;
		const targetSpec = target && toTargetSpec(project.brief, target);
		const split = project.split;
		if (!spec || !targetSpec || !split || !dataset) return;
		if (inputs.length === 0) {
			this.session.fail(
				'no-features',
				'No feature column is selected. Choose at least one in Prepare.'
			);
			return;
		}
		const targetKind = dataset.reports.find((r) => r.name === targetSpec.name)!.kind;
		const hash = await recipeHash(recipe);
		const schema = {
			columns: [...inputs, { name: targetSpec.name, kind: targetKind }],
			missingTokens: [...dataset.missingTokens],
			...(dataset.dialect.decimal === ',' ? { decimalComma: true } : {})
		};
		const specs: ModelSpec[] = project.runs.some((r) => r.spec.kind === 'baseline')
			? [spec]
			: [{ kind: 'baseline' }, spec];
		this.losses = [];
		await this.session.run('Training', async (ctx) => {
			const { data, train } = this.session.deps;
			const trainRows = await data.call('rows', { split, part: 'train' }, ctx);
			const valRows = await data.call('rows', { split, part: 'val' }, ctx);
			for (const s of specs) {
				const onEvent = (event: FitEvent) => {
					if (event.kind === 'loss')
						this.losses = [...this.losses, { iteration: event.iteration, loss: event.loss }];
					else ctx.onEvent(event);
				};
				const result = await train.call(
					'train',
					{
						train: trainRows,
						val: valRows,
						schema,
						target: targetSpec,
						recipe,
						spec: s,
						seed: project.seed
					},
					{ signal: ctx.signal, onEvent }
				);
				const current = this.session.project;
				const run: RunRecord = {
					id: `run-${current.runs.length + 1}`,
					createdAt: this.session.deps.now().toISOString(),
					spec: s,
					seed: current.seed,
					dataFingerprint: dataset.fingerprint,
					recipeHash: hash,
					features: result.pipeline.recipe.features.length,
					...result
				};
				this.session.update({
					...current,
					runs: [...current.runs, run],
					audit: this.session.audit(`Trained ${run.id} (${s.kind})`)
				});
			}
		});
	}
}

/** Returns a short label for a model spec. */
export function specLabel(spec: ModelSpec): string {
	switch (spec.kind) {
		case 'baseline':
			return spec.strategy ? `baseline (${spec.strategy.replace('_', ' ')})` : 'baseline';
		case 'rule':
			return `one rule (up to ${spec.maxBins} bins)`;
		case 'linear':
			return `linear (L2 ${spec.l2})`;
		case 'tree':
			return `tree (${spec.criterion}, depth ${spec.maxDepth}, at least ${spec.minSamplesLeaf} rows per leaf)`;
		case 'forest':
			return `random forest (${spec.trees} trees, ${spec.maxDepth === null ? 'full depth' : `depth ${spec.maxDepth}`}, ${spec.maxFeatures} features per split)`;
		case 'neural':
			return `neural net (${spec.hidden.join('-') || 'no hidden layer'}, ${spec.activation}, rate ${spec.learningRate})`;
		case 'boosting':
			return `boosted trees (${spec.iterations} rounds at rate ${spec.learningRate}, ${spec.maxLeaves} leaves)`;
		default:
			return assertNever(spec, 'model spec');
	}
}
