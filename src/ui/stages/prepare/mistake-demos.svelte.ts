import { SvelteMap } from 'svelte/reactivity';
import { toTargetSpec } from '../../../core/brief/brief';
import { metricsForTask } from '../../../core/evaluate/metric-catalogue';
import type { LeakFinding } from '../../../core/prepare/leakage/leakage';
import { mistakeLesson } from '../../../core/prepare/mistakes/mistake-lesson';
import type { DemoScore } from '../../../core/prepare/mistakes/quick-score';
import type {
	Mistake,
	MistakeDemo,
	MistakeDemoRequest
} from '../../../core/prepare/mistakes/mistake-demo';
import { splitKindOf, type Split } from '../../../core/split/split';
import { isCancelled, toErrorValue, type ErrorValue } from '../../../core/util/core-error';
import type { Session } from '../../session.svelte';
import type { LeakageLint } from './leakage-lint.svelte';
import type { PrepareStage } from './prepare-stage.svelte';

/** What a demonstration gave: its scores and lesson, or why it could not run. */
export type DemoOutcome =
	{ kind: 'done'; demo: MistakeDemo; lesson: string[] } | { kind: 'failed'; error: ErrorValue };

/** One side of a demonstration's comparison: what it is ("without", "random split"), its score. */
export interface DemoSide {
	label: string;
	score: DemoScore;
}

/** What a demonstration was run for: it is shown while the data, split and request are the same. */
interface DemoKey {
	dataset: unknown;
	split: Split;
	request: string;
}

/** Returns the key a mistake's demonstration is kept under. */
export function mistakeId(mistake: Mistake): string {
	return mistake.kind === 'leaky-column'
		? `leaky-column:${JSON.stringify(mistake.columns)}`
		: `random-split:${mistake.column}`;
}

/**
 * The classic mistakes shown on the user's data, in Prepare: a leaky column's effect on
 * validation (on each finding the user could drop), and a random split of a time series (in the
 * split panel). Each runs in the data worker on the split's train and validation rows.
 */
export class MistakeDemos {
	readonly session: Session;
	private readonly stage: PrepareStage;
	private readonly lint: LeakageLint;
	private readonly outcomes = new SvelteMap<string, { of: DemoKey; outcome: DemoOutcome }>();

	constructor(session: Session, stage: PrepareStage, lint: LeakageLint) {
		this.session = session;
		this.stage = stage;
		this.lint = lint;
	}

	/**
	 * The date column a random split ignores the order of, when the split plan is not by time:
	 * the first date column that is not the target (the one the lint checks); null otherwise.
	 */
	timeColumn = $derived.by<string | null>(() => {
		const { project, dataset } = this.session;
		const { target, task } = project.brief;
		if (!dataset || task === 'ranking' || splitKindOf(project.splitPlan) === 'time') return null;
		return dataset.reports.find((r) => r.kind === 'date' && r.name !== target)?.name ?? null;
	});

	/** The columns a finding's demonstration is about: those its fix would drop; null without one. */
	leakColumns(finding: LeakFinding): string[] | null {
		return finding.fix?.kind === 'drop-columns' ? finding.fix.columns : null;
	}

	/** The request for a mistake as the project stands, or why the demonstration cannot run. */
	private request(mistake: Mistake): { request: MistakeDemoRequest; split: Split } | string {
		const { project, target } = this.session;
		const { brief, split } = project;
		if (!brief.target || !brief.task || !target) return 'Choose a target in Define first.';
		const spec = toTargetSpec(brief, target);
		if (!spec)
			return 'Finish the target in Define first (the positive class, or the query column).';
		if (!split)
			return 'Make the split first: the demonstration trains on its train rows and scores on its validation rows, never on the test rows.';
		const metric =
			brief.metric && metricsForTask(brief.task).includes(brief.metric)
				? brief.metric
				: metricsForTask(brief.task)[0];
		const out = this.lint.leftOut;
		const inputs = this.session.inputs.map((c) => c.name).filter((name) => !out.includes(name));
		const suspects = (this.lint.shown ?? [])
			.filter((f) => !this.lint.handled(f))
			.flatMap((f) => this.leakColumns(f) ?? []);
		const request = { mistake, target: spec, metric, inputs, suspects, seed: project.seed };
		return { request, split };
	}

	/** Why a mistake's demonstration cannot run as the project stands, or null when it can. */
	blocker(mistake: Mistake): string | null {
		const asked = this.request(mistake);
		return typeof asked === 'string' ? asked : null;
	}

	/** The demonstration's outcome, while it still describes the project as it stands. */
	shown(mistake: Mistake): DemoOutcome | null {
		const kept = this.outcomes.get(mistakeId(mistake));
		const asked = this.request(mistake);
		if (!kept || typeof asked === 'string') return null;
		const key = this.key(asked.request, asked.split);
		const same =
			kept.of.dataset === key.dataset &&
			kept.of.split === key.split &&
			kept.of.request === key.request;
		return same ? kept.outcome : null;
	}

	private key(request: MistakeDemoRequest, split: Split): DemoKey {
		return { dataset: this.session.dataset, split, request: JSON.stringify(request) };
	}

	/** Runs a mistake's demonstration in the data worker, with progress and cancel. */
	async run(mistake: Mistake, label: string): Promise<void> {
		const asked = this.request(mistake);
		if (typeof asked === 'string') return;
		const { request, split } = asked;
		const key = this.key(request, split);
		const { data } = this.session.deps;
		const outcome = await this.session.run(label, async (ctx): Promise<DemoOutcome> => {
			try {
				const demo = await data.call('mistakeDemo', { ...request, split }, ctx);
				return { kind: 'done', demo, lesson: mistakeLesson(demo) };
			} catch (error) {
				// A demonstration that cannot run says why beside its button, not as an app error.
				if (isCancelled(error)) throw error;
				return { kind: 'failed', error: toErrorValue(error) };
			}
		});
		if (!outcome) return;
		this.outcomes.set(mistakeId(mistake), { of: key, outcome });
	}

	/** Splits again by time on `column`: the fix the random-split demonstration argues for. */
	splitByTime(column: string): Promise<void> {
		return this.stage.resplit(
			{ kind: 'time', column },
			`a random split of a time series (ordered by ${column})`
		);
	}

	/** Applies a leak finding's own one-click fix. */
	fixLeak(finding: LeakFinding): Promise<void> {
		return this.lint.fix(finding);
	}
}
