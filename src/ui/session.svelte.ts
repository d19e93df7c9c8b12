import { outputColumnsOf } from '../core/brief/brief';
import { NO_CHOICES } from '../core/table/dataset';
import { chooseInputs } from '../core/prepare/inputs';
import { defaultRecipe, stepColumns, type Recipe } from '../core/prepare/recipe';
import {
	clearDownstream,
	emptyProject,
	type AuditEntry,
	type Project
} from '../core/project/project';
import { isProjectFileName, projectFileName } from '../core/project/project-file';
import { sameAssignment, type SplitPlan } from '../core/split/split';
import { stageStatuses, type StageName } from '../core/project/stages';
import { checklist } from '../core/project/checklist';
import type { TargetSummary } from '../core/brief/target';
import type { ColumnSchema } from '../core/table/schema';
import type { ProfileResult } from '../core/profile/profile-dataset';
import { CoreError, toErrorValue, type ErrorValue } from '../core/util/core-error';
import type { ProgressEvent } from '../core/util/task';
import type { Client } from '../workers/client';
import type { DataApi, DatasetSummary, TrainApi } from '../workers/protocol';
import type { ProjectStore } from './store';

/** Long work in progress, shown with a progress bar and a cancel button. */
export interface Busy {
	label: string;
	fraction: number | null;
	cancel: () => void;
	/** Work the app started on its own (the profile): it shows its bar but blocks no action. */
	background: boolean;
}

/** What the session needs from outside: the workers, the store, a clock and a way to ask. */
export interface SessionDeps {
	data: Client<DataApi>;
	train: Client<TrainApi>;
	/** Training workers for trials run side by side (tuning); `train` alone when absent. */
	trainers?: Client<TrainApi>[];
	store: ProjectStore;
	now: () => Date;
	confirm: (message: string) => boolean;
}

/** Owns what the app has produced; stage classes and components read it and call its methods. */
export class Session {
	project = $state.raw<Project>(emptyProject());
	dataset = $state.raw<DatasetSummary | null>(null);
	busy = $state.raw<Busy | null>(null);

	/** True while work the user started runs: actions that would start more wait for it. */
	get blocked(): boolean {
		return this.busy !== null && !this.busy.background;
	}
	error = $state.raw<ErrorValue | null>(null);
	notice = $state.raw<string | null>(null);
	ready = $state(false);
	statuses = $derived(stageStatuses(this.project));
	/** The project's deliverables, as guided mode and a teacher's rubric read them. */
	checklist = $derived(checklist(this.project));
	target = $derived<TargetSummary | null>(
		this.dataset?.targets.find((t) => t.name === this.project.brief.target) ?? null
	);
	/** The target column as the data is read now (name and kind), or null without a target. */
	targetColumn = $derived.by<ColumnSchema | null>(() => {
		const report = this.dataset?.reports.find((r) => r.name === this.project.brief.target);
		return report ? { name: report.name, kind: report.kind } : null;
	});
	/** The model's input columns (the user's choice or the default), and the recipe over them. */
	inputs = $derived(
		chooseInputs(
			this.dataset?.reports ?? [],
			outputColumnsOf(this.project.brief),
			this.project.features,
			this.project.recipe.flatMap(stepColumns)
		)
	);
	recipe = $derived<Recipe>({ ...defaultRecipe(this.inputs), steps: this.project.recipe });
	/** The profile of the loaded data, and the dataset summary and target it was made for. */
	profile = $state.raw<{ result: ProfileResult; of: DatasetSummary; target: string | null } | null>(
		null
	);
	/** True when the profile describes the data as it is now read, with the current target. */
	profileCurrent = $derived(
		this.profile !== null &&
			this.profile.of === this.dataset &&
			this.profile.target === this.project.brief.target
	);

	readonly deps: SessionDeps;
	private profileTried: { of: DatasetSummary; target: string | null } | null = null;
	private saving: Promise<void> = Promise.resolve();
	/** The restore of the saved project while it runs; null once it is done. */
	private restoring: Promise<void> | null = null;
	private wiped = false;
	/**
	 * Goes up each time the project is replaced by another (a file loaded, a project file opened),
	 * so the stage on screen is built afresh rather than keep the old project's drafts.
	 */
	generation = $state(0);
	/** Changes not yet written to this browser's storage (shown, so a reload is not too soon). */
	unsaved = $state(0);

	constructor(deps: SessionDeps) {
		this.deps = deps;
	}

	/**
	 * Brings back the saved project, re-reading its file in the data worker. A file dropped while
	 * this runs waits for it (see `loadFile`), so the restored project cannot overwrite newer work.
	 */
	restore(): Promise<void> {
		const restoring = this.restoreSaved().finally(() => {
			if (this.restoring === restoring) this.restoring = null;
		});
		this.restoring = restoring;
		return restoring;
	}

	private async restoreSaved(): Promise<void> {
		try {
			const stored = await this.deps.store.load();
			if (!stored) return;
			const { project, file } = stored;
			if (project.dataset && !file) {
				const message = `Your saved project (${project.dataset.fileName}) could not be restored: its file is missing from this browser's storage. Load the file again to start a new project.`;
				this.fail('file-missing', message);
				return;
			}
			if (project.dataset && file) {
				const { fileName, fingerprint } = project.dataset;
				const summary = await this.run(`Restoring ${fileName}`, (ctx) =>
					this.deps.data.call('ingest', { file, fileName, choices: project.reading }, ctx)
				);
				if (!summary) return;
				if (summary.fingerprint !== fingerprint) {
					// A save cut short (a full disk, a closed tab) left another project's file.
					const message = `Your saved project (${fileName}) could not be restored: the file stored with it is another one. Open its project file, or load the data again to start a new project.`;
					this.fail('file-mismatch', message);
					return;
				}
				this.dataset = summary;
			}
			this.project = await this.remakeSplit(project);
		} catch (error) {
			this.error = toErrorValue(error);
		} finally {
			this.ready = true;
		}
	}

	/** Returns the arguments of the data worker's `split` for a plan, or null without a target. */
	splitRequest(project: Project, plan: SplitPlan) {
		const { brief } = project;
		const report = this.dataset?.reports.find((r) => r.name === brief.target);
		const summary = this.dataset?.targets.find((t) => t.name === brief.target);
		if (!brief.target || !brief.task || !report || !summary) return null;
		const classes = summary.classes?.map((c) => c.label) ?? [];
		const target = { name: brief.target, kind: report.kind };
		return { target, task: brief.task, classes, plan, query: brief.queryColumn };
	}

	/**
	 * Makes the restored project's split again in the data worker, which hands out rows only by
	 * part of a split it made. Splits are seeded, so it is the same one; if it is not (the file
	 * or the reading changed), the split and what was made of it are dropped, with a notice.
	 */
	private async remakeSplit(project: Project): Promise<Project> {
		const stored = project.split;
		const request = stored && this.splitRequest(project, stored.plan);
		if (!stored || !request) return project;
		const split = await this.run('Restoring the split', (ctx) =>
			this.deps.data.call('split', request, ctx)
		);
		if (split && sameAssignment(split.assignment, stored.assignment)) return project;
		this.notice =
			'The saved split could not be made again from the file as it is read now, so it was dropped with the runs made on it. Make the split again in Prepare.';
		return clearDownstream(project);
	}

	/**
	 * Replaces the project with `next` and saves it. Saves run one after another; a save whose
	 * project was replaced before its turn is skipped, since the newer one's save follows it (a
	 * burst of tuning trials writes the project, pipelines and all, once, not once per trial).
	 */
	update(next: Project): void {
		this.project = next;
		// After a wipe nothing may be written again: the page is about to reload empty.
		if (this.wiped) return;
		this.unsaved++;
		this.saving = this.saving
			.then(() => (next === this.project ? this.deps.store.saveProject(next) : undefined))
			.catch((error: unknown) => {
				this.error = {
					kind: 'core-error',
					code: 'not-saved',
					message: `Your project could not be saved in this browser: ${toErrorValue(error).message}`
				};
			})
			.finally(() => this.unsaved--);
	}

	/**
	 * Deletes everything this browser stores for the app, after the saves under way; nothing is
	 * saved after it. The caller reloads the page, which starts empty.
	 */
	async wipe(): Promise<void> {
		this.wiped = true;
		await this.flushed();
		try {
			await this.deps.store.wipe();
		} catch (error) {
			// Nothing was deleted: saving goes on, and the user hears why.
			this.wiped = false;
			this.update(this.project);
			const why = error instanceof Error ? error.message : String(error);
			this.fail('not-wiped', `Nothing was deleted: ${why}`);
			throw error;
		}
	}

	/** Resolves once every change so far is saved. */
	flushed(): Promise<void> {
		return this.saving;
	}

	/** Returns the audit trail with an entry stamped with the current time. */
	audit(action: string): AuditEntry[] {
		return [...this.project.audit, this.stamp(action)];
	}

	private stamp(action: string): AuditEntry {
		return { at: this.deps.now().toISOString(), action };
	}

	/** Stores the file the data worker now holds; the data is in use whether or not it is kept. */
	private async keepFile(file: Blob, fileName: string): Promise<void> {
		if (this.wiped) return;
		try {
			await this.deps.store.saveFile(file);
		} catch (error) {
			this.fail(
				'not-saved',
				`${fileName} is loaded, but this browser refused to store it (${toErrorValue(error).message}): save a project file to keep your work, as a reload will not bring it back.`
			);
		}
	}

	/** Turns guided mode on or off; it is kept with the project (an assignment can turn it on). */
	setGuided(on: boolean): void {
		this.update({ ...this.project, guided: on });
	}

	goTo(stage: StageName): void {
		if (stage !== this.project.stage) this.update({ ...this.project, stage });
	}

	/** True when the project holds work that loading another file would replace. */
	get hasWork(): boolean {
		return (
			this.project.dataset !== null &&
			(this.project.brief.target !== null || this.project.runs.length > 0)
		);
	}

	/** True when there is no work to lose, or the user agrees to replace it with what `action` loads. */
	private mayReplace(action: string): boolean {
		return (
			!this.hasWork ||
			this.deps.confirm(
				`${action}? The current project (${this.project.dataset?.fileName}) will be replaced.`
			)
		);
	}

	/**
	 * Loads a CSV file as a new project. The current project is replaced only if the user agrees
	 * and the file loads; a bad file or a cancel leaves everything as it was.
	 */
	async loadFile(file: Blob, fileName: string): Promise<void> {
		// A drop that beats the restore of the saved project is handled after it, as a replacement.
		if (this.restoring) await this.restoring;
		if (!this.mayReplace(`Load ${fileName} as a new project`)) return;
		const summary = await this.run(`Reading ${fileName}`, (ctx) =>
			this.deps.data.call('ingest', { file, fileName, choices: NO_CHOICES }, ctx)
		);
		if (!summary) return;
		this.dataset = summary;
		await this.keepFile(file, fileName);
		const project = emptyProject();
		const dataset = { fileName, bytes: summary.bytes, fingerprint: summary.fingerprint };
		// The user may have moved to Prepare while the file loaded: a new project keeps that view
		// (the later stages wait for a target and a split).
		const stage = this.project.stage === 'prepare' ? 'prepare' : project.stage;
		this.update({
			...project,
			stage,
			dataset,
			audit: [
				this.stamp(
					`Loaded ${fileName} (${summary.rowCount} rows, fingerprint ${summary.fingerprint.slice(0, 12)}…)`
				)
			]
		});
		this.notice = null;
		this.generation++;
	}

	/** Loads the first of the files the user dropped or picked, if any: a project file or a CSV. */
	async loadFirst(files: FileList | null | undefined): Promise<void> {
		const file = files?.[0];
		if (!file) return;
		if (isProjectFileName(file.name)) await this.openProjectFile(file, file.name);
		else await this.loadFile(file, file.name);
	}

	/** Returns the project and its data as one project file, or null (with the error shown). */
	async packProject(): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string } | null> {
		if (!this.project.dataset) return null;
		await this.flushed();
		const project = this.project;
		const bytes = await this.run('Saving the project file', () =>
			this.deps.data.call('packProject', { project, savedAt: this.deps.now().toISOString() })
		);
		return bytes && { bytes, fileName: projectFileName(project) };
	}

	/**
	 * Opens a project file in place of the current project. The file is checked whole before
	 * anything changes; a broken or foreign file, a refusal or a failure leaves the open project
	 * as it was.
	 */
	async openProjectFile(file: Blob, fileName: string): Promise<void> {
		if (this.restoring) await this.restoring;
		const unpacked = await this.run(`Opening ${fileName}`, () =>
			this.deps.data.call('unpackProject', { file, fileName })
		);
		if (!unpacked) return;
		const { project, data } = unpacked;
		if (!this.mayReplace(`Open ${fileName}`)) return;
		const { fileName: dataName } = project.dataset;
		const summary = await this.run(`Reading ${dataName}`, (ctx) =>
			this.deps.data.call(
				'ingest',
				{ file: data, fileName: dataName, choices: project.reading },
				ctx
			)
		);
		if (!summary) return;
		this.dataset = summary;
		await this.keepFile(data, dataName);
		const opened = await this.remakeSplit(project);
		this.update({ ...opened, audit: [...opened.audit, this.stamp(`Opened ${fileName}`)] });
		this.generation++;
	}

	/**
	 * Runs long work with a progress bar and a cancel button; returns its result, or null after
	 * showing the error (or a note, when the user cancelled).
	 */
	async run<T>(
		label: string,
		work: (ctx: { signal: AbortSignal; onEvent: (event: ProgressEvent) => void }) => Promise<T>,
		background = false
	): Promise<T | null> {
		const controller = new AbortController();
		this.error = null;
		const mine: Busy = { label, fraction: null, cancel: () => controller.abort(), background };
		this.busy = mine;
		let current = mine;
		try {
			return await work({
				signal: controller.signal,
				onEvent: (event) => {
					if (event.kind !== 'progress' || this.busy !== current) return;
					current = {
						...current,
						label: `${label}: ${event.phase.toLowerCase()}`,
						fraction: event.fraction
					};
					this.busy = current;
				}
			});
		} catch (error) {
			if (error instanceof CoreError && error.code === 'cancelled')
				this.notice = `${label}: cancelled. Nothing was changed.`;
			else this.error = toErrorValue(error);
			return null;
		} finally {
			// Another run may have started meanwhile: its bar stays.
			if (this.busy === current) this.busy = null;
		}
	}

	/**
	 * Profiles the loaded data in the data worker unless the profile is current. A failed or
	 * cancelled profile is not retried until the data or the target changes, or `again`.
	 */
	async refreshProfile(again = false): Promise<void> {
		const dataset = this.dataset;
		const target = this.project.brief.target;
		if (!dataset || this.busy || this.profileCurrent) return;
		const tried = this.profileTried?.of === dataset && this.profileTried.target === target;
		if (tried && !again) return;
		this.profileTried = { of: dataset, target };
		// In the background: the user may split or move on while it runs (the worker answers both).
		const result = await this.run(
			'Profiling',
			(ctx) => this.deps.data.call('profile', { target }, ctx),
			true
		);
		if (result && this.dataset === dataset) this.profile = { result, of: dataset, target };
	}

	/** Shows a problem the user caused by an action (not by a worker). */
	fail(code: string, message: string): void {
		this.error = { kind: 'core-error', code, message };
	}
}
