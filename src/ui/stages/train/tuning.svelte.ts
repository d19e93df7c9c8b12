import type { FitEvent } from '../../../core/models/model';
import { createRng } from '../../../core/util/rng';
import { CoreError, isCancelled, toErrorValue } from '../../../core/util/core-error';
import { partFolds, type DevelopmentFolds } from '../../../core/tune/cross-validate';
import { gridSize, gridSpecs, randomSpecs } from '../../../core/tune/search';
import {
	isTunable,
	spaceForTask,
	TUNING_SPACES,
	type ParamSpace,
	type TunableSpec
} from '../../../core/tune/space';
import { queueTrials, type CurvePoint, type Trial } from '../../../core/tune/trial';
import { runOnPool } from '../../../workers/pool';
import { runRecord, type TrainStage } from './train-stage.svelte';

/** How often the live learning curves redraw while trials run. */
const CURVE_REFRESH_MS = 300;

/**
 * A tuning session of the Train stage: the search the user set up (grid or random over the
 * chosen family's documented space, scored on validation or by k-fold cross-validation), and its
 * trials as they run on the train workers side by side. Each finished trial is logged as a run;
 * cancelling stops the trials still running and keeps those that finished.
 */
export class Tuning {
	readonly stage: TrainStage;
	method = $state<'grid' | 'random'>('grid');
	/** How many specs a random search draws. */
	count = $state(12);
	/** The hyperparameters searched: the space's defaults until the user picks. */
	keys = $state<string[] | null>(null);
	crossValidate = $state(false);
	trials = $state.raw<Trial[]>([]);
	/** The tuning session's id, shared by its runs. */
	sessionId = $state<string | null>(null);

	constructor(stage: TrainStage) {
		this.stage = stage;
	}

	/** The chosen spec when its family can be tuned. */
	base = $derived.by<TunableSpec | null>(() => {
		const choice = this.stage.session.project.choice;
		return choice && isTunable(choice) ? choice : null;
	});

	/** The documented search space of the chosen family for the task. */
	space = $derived.by<readonly ParamSpace[]>(() => {
		const task = this.stage.session.project.brief.task;
		return this.base && task ? spaceForTask(TUNING_SPACES[this.base.kind], task) : [];
	});

	/** The parameters searched: the user's pick, or the space's defaults. */
	chosenKeys = $derived.by<string[]>(
		() => this.keys ?? this.space.filter((p) => p.byDefault).map((p) => p.key)
	);

	/** The split's number of cross-validation folds; 0 when it has none. */
	folds = $derived.by<number>(() => this.stage.session.project.split?.plan.folds ?? 0);

	/** How many trials the search will run. */
	size = $derived.by<number>(() => {
		if (!this.base || this.chosenKeys.length === 0) return 0;
		return this.method === 'grid' ? gridSize(this.space, this.chosenKeys) : this.count;
	});

	toggle(key: string, on: boolean): void {
		const keys = this.chosenKeys.filter((k) => k !== key);
		if (on) keys.push(key);
		this.keys = this.space.map((p) => p.key).filter((k) => keys.includes(k));
	}

	/** Runs the search; every finished trial is logged as a run, even when it is cancelled. */
	async start(): Promise<void> {
		const { session } = this.stage;
		const base = this.base;
		if (!base) return;
		let specs: TunableSpec[];
		try {
			specs =
				this.method === 'grid'
					? gridSpecs(base, this.space, this.chosenKeys)
					: randomSpecs(
							base,
							this.space,
							this.count,
							createRng(session.project.seed),
							this.chosenKeys
						);
		} catch (error) {
			if (!(error instanceof CoreError)) throw error;
			session.fail(error.code, error.message);
			return;
		}
		const setup = await this.stage.setup();
		if (!setup) return;
		const sessionId = `tune-${session.deps.now().toISOString()}`;
		this.sessionId = sessionId;
		this.trials = queueTrials(specs);
		const seed = session.project.seed;
		const useFolds = this.crossValidate && this.folds > 1;
		await session.run('Tuning', async (ctx) => {
			const { data } = session.deps;
			const trainers = session.deps.trainers ?? [session.deps.train];
			const { split } = setup;
			const train = await data.call('rows', { split, part: 'train' }, ctx);
			const val = await data.call('rows', { split, part: 'val' }, ctx);
			const folds: DevelopmentFolds | null = useFolds
				? { train: partFolds(split, 'train'), val: partFolds(split, 'val') }
				: null;
			// Each trial's curve so far, by trial id: copied into the trials at each refresh.
			const curves: CurvePoint[][] = [];
			const flush = () =>
				this.patch((t) => (curves[t.id] ? { ...t, curve: [...curves[t.id]] } : t));
			const timer = setInterval(flush, CURVE_REFRESH_MS);
			let done = 0;
			try {
				await runOnPool(
					trainers,
					this.trials,
					async (client, trial) => {
						this.patch((t) => (t.id === trial.id ? { ...t, status: 'running' } : t));
						const points: CurvePoint[] = [];
						curves[trial.id] = points;
						const onEvent = (event: FitEvent) => {
							if (event.kind === 'loss')
								points.push({
									iteration: event.iteration,
									loss: event.loss,
									validation: event.validation
								});
						};
						const request = { ...setup.base, train, val, spec: trial.spec, seed };
						try {
							const outcome = await client.call(
								'trial',
								{ request, folds },
								{ signal: ctx.signal, onEvent }
							);
							const { cv, ...fit } = outcome;
							const current = session.project;
							const extra = {
								tuning: { sessionId, trial: trial.id },
								...(cv
									? { cv: { folds: cv.foldMetrics.length, mean: cv.meanMetrics, sd: cv.sdMetrics } }
									: {})
							};
							const run = runRecord(
								current,
								setup,
								trial.spec,
								seed,
								fit,
								session.deps.now().toISOString(),
								extra
							);
							session.update({ ...current, runs: [...current.runs, run] });
							this.patch((t) =>
								t.id === trial.id
									? {
											...t,
											status: 'done',
											metrics: cv ? cv.meanMetrics : fit.valMetrics,
											...(cv ? { sd: cv.sdMetrics } : {}),
											curve: points,
											fitMs: fit.fitMs ?? undefined
										}
									: t
							);
						} catch (error) {
							const cancelled = isCancelled(error);
							const value = toErrorValue(error);
							this.patch((t) =>
								t.id === trial.id
									? {
											...t,
											status: cancelled ? 'cancelled' : 'failed',
											...(cancelled ? {} : { error: value })
										}
									: t
							);
						}
						ctx.onEvent({ kind: 'progress', phase: 'Trials', fraction: ++done / specs.length });
					},
					ctx.signal
				);
			} finally {
				clearInterval(timer);
				this.patch((t) =>
					t.status === 'queued' || t.status === 'running' ? { ...t, status: 'cancelled' } : t
				);
			}
			const finished = this.trials.filter((t) => t.status === 'done').length;
			session.update({
				...session.project,
				audit: session.audit(
					`Tuned ${base.kind}: ${finished} of ${specs.length} trials (${this.method}${useFolds ? `, ${this.folds}-fold cross-validation` : ', on validation'})`
				)
			});
		});
	}

	private patch(change: (trial: Trial) => Trial): void {
		this.trials = this.trials.map(change);
	}
}
