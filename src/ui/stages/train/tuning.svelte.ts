import type { FitEvent } from '../../../core/models/model';
import { createRng } from '../../../core/util/rng';
import { CoreError, isCancelled, toErrorValue } from '../../../core/util/core-error';
import {
	partFolds,
	type CrossValidation,
	type DevelopmentFolds
} from '../../../core/tune/cross-validate';
import type { TrainRequest } from '../../../core/train/train-run';
import { throwIfCancelled, type ProgressEvent } from '../../../core/util/task';
import type { TrainOutcome } from '../../../workers/protocol';
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
import { runRecord, type FitSetup, type TrainStage } from './train-stage.svelte';

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
	/** What the current trials were scored on: 'validation', or 'k-fold cross-validation'. */
	scoredBy = $state('validation');

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

	/** Returns the search's specs, or null after telling the user why there are none. */
	private specs(base: TunableSpec): TunableSpec[] | null {
		const { session } = this.stage;
		try {
			if (this.method === 'grid') return gridSpecs(base, this.space, this.chosenKeys);
			// Seeded by the project's seed and the runs logged so far: the same log gives the same
			// draw, and a second search draws new settings instead of repeating the first.
			const rng = createRng(session.project.seed + session.project.runs.length);
			return randomSpecs(base, this.space, this.count, rng, this.chosenKeys);
		} catch (error) {
			if (!(error instanceof CoreError)) throw error;
			session.fail(error.code, error.message);
			return null;
		}
	}

	/** Runs the search; every finished trial is logged as a run, even when it is cancelled. */
	async start(): Promise<void> {
		const { session } = this.stage;
		const base = this.base;
		const specs = base && this.specs(base);
		const setup = specs && (await this.stage.setup());
		if (!base || !specs || !setup) return;
		const sessionId = `tune-${session.deps.now().toISOString()}`;
		const useFolds = this.crossValidate && this.folds > 1;
		this.sessionId = sessionId;
		this.scoredBy = useFolds ? `${this.folds}-fold cross-validation` : 'validation';
		this.trials = queueTrials(specs);
		await session.run('Tuning', async (ctx) => {
			try {
				const { data } = session.deps;
				const { split } = setup;
				const request = {
					...setup.base,
					train: await data.call('rows', { split, part: 'train' }, ctx),
					val: await data.call('rows', { split, part: 'val' }, ctx),
					seed: session.project.seed
				};
				const folds: DevelopmentFolds | null = useFolds
					? { train: partFolds(split, 'train'), val: partFolds(split, 'val') }
					: null;
				await this.runTrials(setup, sessionId, request, folds, ctx);
			} finally {
				// A search that stopped (cancelled, or failed before a trial ran) leaves no trial
				// waiting: what did not finish is marked cancelled, and what finished is kept.
				this.patch((t) =>
					t.status === 'queued' || t.status === 'running' ? { ...t, status: 'cancelled' } : t
				);
			}
			const finished = this.trials.filter((t) => t.status === 'done').length;
			session.update({
				...session.project,
				audit: session.audit(
					`Tuned ${base.kind}: ${finished} of ${specs.length} trials, scored on ${this.scoredBy}`
				)
			});
		});
	}

	/** Runs the queued trials on the train workers, two at a time, logging each as it finishes. */
	private async runTrials(
		setup: FitSetup,
		sessionId: string,
		request: Omit<TrainRequest, 'spec'>,
		folds: DevelopmentFolds | null,
		ctx: { signal: AbortSignal; onEvent: (event: ProgressEvent) => void }
	): Promise<void> {
		const { session } = this.stage;
		const trainers = session.deps.trainers ?? [session.deps.train];
		// Each trial's curve so far, by trial id: copied into the trials at each refresh.
		const curves: CurvePoint[][] = [];
		const flush = () => this.patch((t) => (curves[t.id] ? { ...t, curve: [...curves[t.id]] } : t));
		const timer = setInterval(flush, CURVE_REFRESH_MS);
		let done = 0;
		try {
			await runOnPool(
				trainers,
				this.trials,
				async (client, trial) => {
					this.patch((t) => (t.id === trial.id ? { ...t, status: 'running' } : t));
					const points: CurvePoint[] = (curves[trial.id] = []);
					const onEvent = (event: FitEvent) => {
						if (event.kind === 'loss') {
							const { iteration, loss, validation } = event;
							points.push({ iteration, loss, validation });
						}
					};
					try {
						const args = { request: { ...request, spec: trial.spec }, folds };
						const outcome = await client.call('trial', args, { signal: ctx.signal, onEvent });
						// A result that crossed the cancel on its way back counts as cancelled: the
						// search has ended, and its count of finished trials is final.
						throwIfCancelled(ctx.signal);
						this.finish(setup, sessionId, request.seed, trial, outcome, points);
					} catch (error) {
						const status = isCancelled(error) ? 'cancelled' : 'failed';
						const failed = status === 'failed' ? { error: toErrorValue(error) } : {};
						this.patch((t) => (t.id === trial.id ? { ...t, status, ...failed } : t));
					}
					const fraction = ++done / this.trials.length;
					ctx.onEvent({ kind: 'progress', phase: 'Trials', fraction });
				},
				ctx.signal
			);
		} finally {
			clearInterval(timer);
		}
	}

	/** Logs a finished trial as a run and marks it done with its scores. */
	private finish(
		setup: FitSetup,
		sessionId: string,
		seed: number,
		trial: Trial,
		outcome: TrainOutcome & { cv: CrossValidation | null },
		curve: CurvePoint[]
	): void {
		const { session } = this.stage;
		const { cv, ...fit } = outcome;
		const current = session.project;
		const extra = {
			tuning: { sessionId, trial: trial.id },
			...(cv
				? { cv: { folds: cv.foldMetrics.length, mean: cv.meanMetrics, sd: cv.sdMetrics } }
				: {})
		};
		const at = session.deps.now().toISOString();
		const run = runRecord(current, setup, trial.spec, seed, fit, at, extra);
		session.update({ ...current, runs: [...current.runs, run] });
		const scores = cv ? { metrics: cv.meanMetrics, sd: cv.sdMetrics } : { metrics: fit.valMetrics };
		this.patch((t) =>
			t.id === trial.id
				? { ...t, status: 'done', ...scores, curve, fitMs: fit.fitMs ?? undefined }
				: t
		);
	}

	private patch(change: (trial: Trial) => Trial): void {
		this.trials = this.trials.map(change);
	}
}
