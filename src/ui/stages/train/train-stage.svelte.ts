import { scoringColumns } from '../../../core/ship/pipeline';
import { toTargetSpec } from '../../../core/brief/brief';
import type { MetricName } from '../../../core/evaluate/metric-catalogue';
import type { FitEvent, ModelSpec } from '../../../core/models/model';
import { recipeHash } from '../../../core/prepare/recipe';
import type { Project, RunRecord } from '../../../core/project/project';
import type { Split } from '../../../core/split/split';
import type { TrainRequest } from '../../../core/train/train-run';
import type { TrainOutcome } from '../../../workers/protocol';
import { assertNever } from '../../../core/util/assert-never';
import type { Session } from '../../session.svelte';

/**
 * What every fit of the current project shares: the request but its rows (fetched when the fit
 * starts), spec and seed; the split the rows come from; and the identity of data and recipe.
 */
export interface FitSetup {
	base: Omit<TrainRequest, 'train' | 'val' | 'spec' | 'seed'>;
	split: Split;
	fingerprint: string;
	recipeHash: string;
}

/** A fit's outcome as a logged run: the record every fit (trained, re-run or tuned) leaves. */
export function runRecord(
	project: Project,
	setup: FitSetup,
	spec: ModelSpec,
	seed: number,
	outcome: TrainOutcome,
	createdAt: string,
	extra: Pick<RunRecord, 'tuning' | 'cv'> = {}
): RunRecord {
	return {
		id: `run-${project.runs.length + 1}`,
		createdAt,
		spec,
		seed,
		dataFingerprint: setup.fingerprint,
		recipeHash: setup.recipeHash,
		features: outcome.pipeline.recipe.features.length,
		...outcome,
		...extra
	};
}

/**
 * Returns what every fit needs from the project (the target, schema, recipe and split), or
 * null after telling the user what is missing.
 */
export async function fitSetup(session: Session): Promise<FitSetup | null> {
	const { project, dataset, target, inputs, recipe } = session;
	const targetSpec = target && toTargetSpec(project.brief, target);
	const split = project.split;
	if (!targetSpec || !split || !dataset) return null;
	if (inputs.length === 0) {
		session.fail('no-features', 'No feature column is selected. Choose at least one in Prepare.');
		return null;
	}
	const targetKind = dataset.reports.find((r) => r.name === targetSpec.name)!.kind;
	const schema = {
		columns: [
			...inputs,
			{ name: targetSpec.name, kind: targetKind },
			...scoringColumns(targetSpec)
		],
		missingTokens: [...dataset.missingTokens],
		...(dataset.dialect.decimal === ',' ? { decimalComma: true } : {})
	};
	return {
		base: { schema, target: targetSpec, recipe },
		split,
		fingerprint: dataset.fingerprint,
		recipeHash: await recipeHash(recipe)
	};
}

/** The Train stage: fits the chosen family (and the baseline it must beat) in the train worker. */
export class TrainStage {
	readonly session: Session;
	/** The training loss of the current fit, iteration by iteration. */
	losses = $state.raw<{ iteration: number; loss: number }[]>([]);
	/** What the last re-run showed: whether it reproduced the run's validation scores. */
	rerunNote = $state.raw<string | null>(null);
	metric = $derived.by<MetricName | null>(() => this.session.project.brief.metric);

	constructor(session: Session) {
		this.session = session;
	}

	/** What every fit needs from the project, or null after saying what is missing (`fitSetup`). */
	setup(): Promise<FitSetup | null> {
		return fitSetup(this.session);
	}

	/** Trains the baseline when the split has none yet, then the chosen family; logs both as runs. */
	async train(): Promise<void> {
		const spec = this.session.project.choice;
		if (!spec) return;
		const specs: ModelSpec[] = this.session.project.runs.some((r) => r.spec.kind === 'baseline')
			? [spec]
			: [{ kind: 'baseline' }, spec];
		await this.fit(specs, this.session.project.seed);
	}

	/**
	 * Fits a logged run's spec again with its seed, and says whether the validation scores came
	 * out the same to the bit (they do on the same data, recipe and backend).
	 */
	async rerun(run: RunRecord): Promise<void> {
		this.rerunNote = null;
		const again = await this.fit([run.spec], run.seed);
		if (!again) return;
		const same = JSON.stringify(again.valMetrics) === JSON.stringify(run.valMetrics);
		const changed = [
			again.recipeHash !== run.recipeHash && 'the recipe',
			again.dataFingerprint !== run.dataFingerprint && 'the data',
			again.backend !== run.backend && `the backend (${run.backend} then, ${again.backend} now)`
		].filter(Boolean);
		this.rerunNote = same
			? `${again.id} re-ran ${run.id} and reproduced its validation scores exactly.`
			: `${again.id} re-ran ${run.id}, and its validation scores differ` +
				(changed.length > 0 ? `: ${changed.join(' and ')} changed since.` : '.');
	}

	/** Fits each spec in turn with the seed and logs it; returns the last run, or null. */
	private async fit(specs: ModelSpec[], seed: number): Promise<RunRecord | null> {
		const setup = await this.setup();
		if (!setup) return null;
		this.losses = [];
		let last: RunRecord | null = null;
		await this.session.run('Training', async (ctx) => {
			const { data, train } = this.session.deps;
			const { split } = setup;
			const trainRows = await data.call('rows', { split, part: 'train' }, ctx);
			const valRows = await data.call('rows', { split, part: 'val' }, ctx);
			for (const spec of specs) {
				const onEvent = (event: FitEvent) => {
					if (event.kind === 'loss')
						this.losses = [...this.losses, { iteration: event.iteration, loss: event.loss }];
					else ctx.onEvent(event);
				};
				const request = { ...setup.base, train: trainRows, val: valRows, spec, seed };
				const outcome = await train.call('train', request, { signal: ctx.signal, onEvent });
				const current = this.session.project;
				const createdAt = this.session.deps.now().toISOString();
				last = runRecord(current, setup, spec, seed, outcome, createdAt);
				this.session.update({
					...current,
					runs: [...current.runs, last],
					audit: this.session.audit(`Trained ${last.id} (${spec.kind})`)
				});
			}
		});
		return last;
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
			return spec.l1 ? `linear (L1 ${spec.l1}, L2 ${spec.l2})` : `linear (L2 ${spec.l2})`;
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
