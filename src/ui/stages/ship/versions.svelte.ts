import { judgedPipeline } from '../../../core/evaluate/evaluation-record';
import {
	addCandidate,
	decide,
	registryDocument,
	rollBack,
	type ModelVersion,
	type Registry
} from '../../../core/registry/versions';
import { download } from '../../download';
import type { Session } from '../../session.svelte';
import { fitSetup, specLabel } from '../train/train-stage.svelte';

/** What `Versions` reads of the Ship stage (`ShipStage` derives it from the project). */
export interface ShippedVersions {
	readonly registry: Registry;
	readonly live: ModelVersion | null;
	/** The live version when it descends from the project's current look at the test set. */
	readonly current: ModelVersion | null;
	readonly testLook: string | null;
	readonly candidate: ModelVersion | null;
}

/**
 * The model's versions in the Ship stage: retrains the live version on a labelled batch into a
 * candidate (train rows plus most of the batch, in the workers), compares both on the fixed
 * evaluation set, and records the user's approval or rejection, roll-backs and the export. The
 * registry lives in the project, so IndexedDB keeps it across reloads.
 */
export class Versions {
	readonly session: Session;
	/** The Ship stage's view of the registry: its versions, the live one and the current one. */
	readonly stage: ShippedVersions;

	constructor(session: Session, stage: ShippedVersions) {
		this.session = session;
		this.stage = stage;
	}

	get registry(): Registry {
		return this.stage.registry;
	}

	private save(registry: Registry, action: string): void {
		this.session.update({
			...this.session.project,
			versions: registry,
			audit: this.session.audit(action)
		});
	}

	/** Runs a registry change; a refused one (a `CoreError`) is shown, and nothing changes. */
	private change(make: (registry: Registry, at: string) => Registry, action: string): boolean {
		try {
			this.save(make(this.registry, this.session.deps.now().toISOString()), action);
			return true;
		} catch (error) {
			this.session.error = {
				kind: 'core-error',
				code: 'registry',
				message: error instanceof Error ? error.message : String(error)
			};
			return false;
		}
	}

	/**
	 * Retrains the live version's model (same family, settings, recipe and seed) on the train rows
	 * plus the labelled batch's rows but those held out, and adds it as a candidate compared with
	 * the live version on the validation rows and the held-out rows.
	 */
	async retrain(batch: { file: Blob; name: string }): Promise<void> {
		const live = this.stage.current;
		const evaluation = this.session.project.evaluation;
		const target = this.session.targetColumn;
		if (!live || !evaluation || !target) return;
		const setup = await fitSetup(this.session);
		if (!setup) return;
		// The same recipe and inputs, or the candidate would read other columns than the live one.
		const liveRecipe =
			live.retrain?.recipeHash ??
			this.session.project.runs.find((r) => r.id === live.runId)?.recipeHash;
		if (setup.recipeHash !== liveRecipe) {
			this.session.fail(
				'recipe-changed',
				`The recipe or the model's inputs changed since version ${live.number} was trained, so a retrained model would not read the same columns. Put them back as they were to retrain it, or train and evaluate a new model.`
			);
			return;
		}
		const seed = this.session.project.seed;
		const { data, train } = this.session.deps;
		const made = await this.session.run(`Retraining on ${batch.name}`, async (ctx) => {
			const rows = await data.call(
				'retrainData',
				{
					file: batch.file,
					fileName: batch.name,
					split: setup.split,
					schema: setup.base.schema,
					target,
					seed
				},
				ctx
			);
			const request = { ...setup.base, train: rows.train, val: rows.val, spec: live.spec, seed };
			const outcome = await train.call('train', request, { signal: ctx.signal });
			// The same decision threshold as the live model, so the two differ only by training.
			const candidate = judgedPipeline(outcome.pipeline, evaluation);
			const judged = await data.call(
				'judgeCandidate',
				{
					live: live.pipeline,
					candidate,
					parts: rows.evaluation,
					train: rows.train,
					target
				},
				ctx
			);
			return { rows, outcome, candidate, judged };
		});
		if (!made) return;
		const { rows, outcome, candidate, judged } = made;
		const added = rows.rows.added.length;
		this.change(
			(registry, at) =>
				addCandidate(registry, {
					reason: `Retrained ${specLabel(live.spec)} on ${batch.name}: ${added} labelled rows added to ${setup.split.counts.train} train rows`,
					runId: null,
					testLook: live.testLook,
					spec: live.spec,
					pipeline: candidate,
					valMetrics: outcome.valMetrics,
					createdAt: at,
					retrain: {
						from: live.number,
						fileName: batch.name,
						added,
						heldOut: rows.rows.heldOut.length,
						unlabelled: rows.rows.unlabelled,
						trainRows: rows.train.rowCount,
						recipeHash: setup.recipeHash,
						seed,
						backend: outcome.backend
					},
					comparison: judged.comparison,
					reference: judged.reference
				}),
			`Retrained version ${live.number} on ${batch.name} into a candidate`
		);
	}

	/** Approves or rejects the candidate `number` with the user's note; false when refused. */
	decide(number: number, approved: boolean, note: string): boolean {
		return this.change(
			(registry, at) => decide(registry, number, approved, note, at),
			`Version ${number} ${approved ? 'approved' : 'rejected'}: ${note.trim()}`
		);
	}

	/** Makes the retired version `number` live again. */
	rollBack(number: number): boolean {
		const from = this.stage.live?.number;
		const testLook = this.stage.testLook ?? '';
		return this.change(
			(registry, at) => rollBack(registry, number, at, testLook),
			`Rolled back from version ${from} to version ${number}`
		);
	}

	/** Downloads the registry as JSON: every version, its scores, decision and history. */
	export(): void {
		const { dataset, brief } = this.session.project;
		const name = `${dataset?.fileName.replace(/\.csv$/i, '') ?? 'model'}-${brief.target ?? ''}`;
		const text = registryDocument(this.registry, name, this.session.deps.now().toISOString());
		download(`${name}-versions.json`, text, 'application/json');
	}
}
