import { kpisOf } from '../../../core/brief/brief';
import { resolveDriftOptions, type DriftOptions } from '../../../core/monitor/drift-options';
import type { MonitorReport } from '../../../core/monitor/monitor-batch';
import { CoreError } from '../../../core/util/core-error';
import type { Session } from '../../session.svelte';
import type { Pipeline } from '../../../core/ship/pipeline';
import type { ReferenceStats } from '../../../core/monitor/reference-stats';

/** What the file chooser offers for a batch: a CSV, or the server's JSONL prediction log. */
export const BATCH_ACCEPT =
	'.csv,.tsv,.txt,.jsonl,.ndjson,text/csv,text/plain,application/x-ndjson';

/** The thresholds a user edits: one for the p-value tests, one for the distances, and two more. */
export interface ThresholdForm {
	pValue: number;
	distance: number;
	datasetShare: number;
	/** The least missing-rate change that alerts, as a share (0.05 = 5 points). */
	missingChange: number;
}

/** Returns the form's values for saved options (the defaults for what was never edited). */
export function thresholdForm(options: DriftOptions | undefined): ThresholdForm {
	const resolved = resolveDriftOptions(options);
	return {
		pValue: resolved.thresholds.ks,
		distance: resolved.thresholds.wasserstein,
		datasetShare: resolved.datasetDriftShare,
		missingChange: resolved.missingRate.minChange
	};
}

/** Returns the drift options of the form: the p-value for K-S, Z and chi-square, the distance for both distances. */
export function toDriftOptions(form: ThresholdForm): DriftOptions {
	const { pValue, distance } = form;
	return {
		thresholds: {
			ks: pValue,
			z: pValue,
			chisquare: pValue,
			wasserstein: distance,
			jensenshannon: distance
		},
		datasetDriftShare: form.datasetShare,
		missingRate: { minChange: form.missingChange }
	};
}

/** Each field's words and allowed range, checked before the options are resolved. */
const FIELDS: readonly [keyof ThresholdForm, string, (v: number) => boolean, string][] = [
	['pValue', 'The p-value threshold', (v) => v > 0 && v < 1, 'between 0 and 1'],
	['distance', 'The distance threshold', (v) => v > 0, 'above 0'],
	['datasetShare', 'The dataset drift share', (v) => v > 0 && v <= 1, 'above 0 and at most 1'],
	['missingChange', 'The missing-rate change', (v) => v >= 0 && v <= 1, 'between 0 and 1']
];

/** Returns why the form's thresholds cannot be used, in a sentence; null when they can. */
export function thresholdProblem(form: ThresholdForm): string | null {
	for (const [key, label, ok, range] of FIELDS) {
		const value: unknown = form[key];
		if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} needs a number.`;
		if (!ok(value)) return `${label} must be ${range}, not ${value}.`;
	}
	try {
		resolveDriftOptions(toDriftOptions(form));
		return null;
	} catch (error) {
		return error instanceof CoreError ? error.message : String(error);
	}
}

/**
 * The Monitor part of the Ship stage: checks a batch file (a CSV or the server's prediction log)
 * against the train rows in the data worker, with the thresholds the user set (kept in the
 * project), and keeps which columns to chart.
 */
export class Monitor {
	readonly session: Session;
	/** The shipped pipeline (the Ship stage's), read when a check starts. */
	private readonly pipeline: () => Pipeline | null;
	/** The live version's reference statistics; null for the split's train rows. */
	private readonly reference: () => ReferenceStats | null;
	/** The batch last chosen, kept to check it again with new thresholds. */
	batch = $state.raw<{ file: Blob; name: string } | null>(null);
	report = $state.raw<MonitorReport | null>(null);
	form = $state<ThresholdForm>(thresholdForm(undefined));
	/** Columns the user asked to chart besides the drifted ones. */
	picked = $state.raw<readonly string[]>([]);
	/** Why the thresholds cannot be used, in a sentence; null when they can. */
	formProblem = $derived(thresholdProblem(this.form));
	/** The report's columns to chart: the flagged ones and those the user picked. */
	charted = $derived(
		this.report?.drift.columns.filter((c) => c.drifted || this.picked.includes(c.name)) ?? []
	);

	constructor(
		session: Session,
		pipeline: () => Pipeline | null,
		reference: () => ReferenceStats | null = () => null
	) {
		this.session = session;
		this.pipeline = pipeline;
		this.reference = reference;
		this.form = thresholdForm(session.project.driftOptions);
	}

	/** Checks a new batch file; the previous report goes, whatever the outcome. */
	async load(file: Blob, name: string): Promise<void> {
		this.batch = { file, name };
		this.report = null;
		this.picked = [];
		await this.check();
	}

	/** Keeps the edited thresholds in the project and checks the batch again with them. */
	async applyThresholds(): Promise<void> {
		if (this.formProblem) return;
		this.session.update({ ...this.session.project, driftOptions: toDriftOptions(this.form) });
		await this.check();
	}

	/** Shows or hides a column's chart. */
	togglePicked(name: string, on: boolean): void {
		this.picked = on ? [...this.picked, name] : this.picked.filter((n) => n !== name);
	}

	private async check(): Promise<void> {
		const { project, targetColumn: target } = this.session;
		const batch = this.batch;
		const pipeline = this.pipeline();
		if (!batch || !pipeline || !project.split || !target) return;
		const request = {
			file: batch.file,
			fileName: batch.name,
			split: project.split,
			pipeline,
			reference: this.reference(),
			target,
			options: project.driftOptions ?? {},
			kpis: kpisOf(project.brief),
			// A retrained version never met the test set: no test score to quote beside its own.
			testMetrics: this.reference() ? {} : (project.evaluation?.result.metrics ?? {})
		};
		const result = await this.session.run(`Checking ${batch.name}`, (ctx) =>
			this.session.deps.data.call('monitor', request, ctx)
		);
		if (!result || this.batch !== batch) return;
		this.report = result;
		this.session.update({
			...this.session.project,
			monitored: { at: this.session.deps.now().toISOString(), batch: batch.name },
			audit: this.session.audit(`Checked ${batch.name} for drift`)
		});
	}
}
