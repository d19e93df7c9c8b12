import { kpisOf } from '../../../core/brief/brief';
import {
	ABOVE_MEDIAN,
	type Injection,
	type SimulationPlan,
	type SimulationResult
} from '../../../core/monitor/simulate';
import type { ReferenceStats } from '../../../core/monitor/reference-stats';
import type { Pipeline } from '../../../core/ship/pipeline';
import type { Session } from '../../session.svelte';

/** The kinds of drift the user can inject, as the form names them. */
export const DRIFT_KINDS: {
	kind: Injection['kind'];
	label: string;
	column: 'number' | 'category' | null;
}[] = [
	{ kind: 'shift', label: 'Covariate shift (a number column moves)', column: 'number' },
	{ kind: 'scale', label: 'Unit change (a number column is multiplied)', column: 'number' },
	{ kind: 'new-category', label: 'New category (a label never seen)', column: 'category' },
	{ kind: 'label-shift', label: 'Label shift (more rows of one outcome)', column: null }
];

/** The drift form: what the next injection will be. */
export interface DriftForm {
	kind: Injection['kind'];
	column: string;
	/** Standard deviations (shift), factor (unit change) or share (new category, label shift). */
	amount: number;
	label: string;
	group: string;
}

/** Returns the injection the form describes. */
export function injectionOf(form: DriftForm): Injection {
	switch (form.kind) {
		case 'shift':
			return { kind: 'shift', column: form.column, sds: form.amount };
		case 'scale':
			return { kind: 'scale', column: form.column, factor: form.amount };
		case 'new-category':
			return { kind: 'new-category', column: form.column, label: form.label, share: form.amount };
		case 'label-shift':
			return { kind: 'label-shift', group: form.group, share: form.amount };
	}
}

/** Returns an injection in words. */
export function describeInjection(injection: Injection): string {
	switch (injection.kind) {
		case 'shift':
			return `${injection.column} shifted by ${injection.sds} standard deviation(s)`;
		case 'scale':
			return `${injection.column} multiplied by ${injection.factor} (a unit change)`;
		case 'new-category':
			return `${injection.column}: "${injection.label}" in ${injection.share * 100}% of rows`;
		case 'label-shift':
			return `${injection.group}: ${injection.share * 100}% of the traffic (label shift)`;
	}
}

/** The default amount of each kind: visible drift, not a subtle one. */
const DEFAULT_AMOUNT: Record<Injection['kind'], number> = {
	shift: 1,
	scale: 100,
	'new-category': 0.3,
	'label-shift': 0.8
};

/**
 * "Simulate production" in the Ship stage: replays the validation rows as batches of traffic
 * with the drift the user injects from an onset batch on, checks each in the data worker as the
 * monitor would, and keeps the result (not saved: it is a lesson, run again at will).
 */
export class Simulation {
	readonly session: Session;
	private readonly pipeline: () => Pipeline | null;
	private readonly reference: () => ReferenceStats | null;
	batches = $state(8);
	rowsPerBatch = $state(1000);
	onset = $state(4);
	injections = $state.raw<Injection[]>([]);
	form = $state<DriftForm>({ kind: 'scale', column: '', amount: 100, label: 'NEW', group: '' });
	result = $state.raw<SimulationResult | null>(null);

	/** The model's input columns the form's kind can drift. */
	columns = $derived.by(() => {
		const wanted = DRIFT_KINDS.find((k) => k.kind === this.form.kind)?.column;
		return (this.pipeline()?.schema.columns ?? []).filter((c) => c.kind === wanted);
	});
	/** The groups a label shift can favour: the classes, or the upper half of a number target. */
	groups = $derived.by(() => {
		const target = this.pipeline()?.target;
		if (!target) return [];
		return target.task === 'binary' || target.task === 'multiclass'
			? target.classes
			: [ABOVE_MEDIAN];
	});

	constructor(
		session: Session,
		pipeline: () => Pipeline | null,
		reference: () => ReferenceStats | null
	) {
		this.session = session;
		this.pipeline = pipeline;
		this.reference = reference;
		this.setKind('scale');
	}

	/** Switches the form to another kind of drift, with its default amount and a fitting column. */
	setKind(kind: Injection['kind']): void {
		this.form.kind = kind;
		this.form.amount = DEFAULT_AMOUNT[kind];
		this.form.column = this.columns[0]?.name ?? '';
		this.form.group = this.groups[0] ?? '';
	}

	addInjection(): void {
		const form = { ...this.form };
		if (form.kind !== 'label-shift' && !form.column) form.column = this.columns[0]?.name ?? '';
		if (form.kind === 'label-shift' && !form.group) form.group = this.groups[0] ?? '';
		const injection = injectionOf(form);
		// One label shift at a time: a new one replaces the last.
		const kept =
			injection.kind === 'label-shift'
				? this.injections.filter((i) => i.kind !== 'label-shift')
				: this.injections;
		this.injections = [...kept, injection];
	}

	removeInjection(index: number): void {
		this.injections = this.injections.filter((_, i) => i !== index);
	}

	async run(): Promise<void> {
		const pipeline = this.pipeline();
		const { project, targetColumn: target } = this.session;
		if (!pipeline || !project.split || !target) return;
		const plan: SimulationPlan = {
			batches: this.batches,
			rowsPerBatch: this.rowsPerBatch,
			onset: this.onset,
			injections: this.injections,
			seed: project.seed
		};
		const request = {
			split: project.split,
			pipeline,
			reference: this.reference(),
			target,
			plan,
			options: project.driftOptions ?? {},
			kpis: kpisOf(project.brief)
		};
		const result = await this.session.run('Simulating production', (ctx) =>
			this.session.deps.data.call('simulate', request, ctx)
		);
		if (result) this.result = result;
	}
}
