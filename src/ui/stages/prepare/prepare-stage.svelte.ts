import { isClassification } from '../../../core/brief/task';
import { clearDownstream } from '../../../core/project/project';
import {
	checkPlan,
	splitKindOf,
	type Split,
	type SplitFractions,
	type SplitPlan
} from '../../../core/split/split';
import type { SplitReportResult } from '../../../workers/protocol';
import { withColumnChoice, type ReadChoices } from '../../../core/table/dataset';
import type { InferChoices } from '../../../core/table/infer-kinds';
import type { DateOrder } from '../../../core/table/parse-date';
import type { ColumnKind } from '../../../core/table/table';
import type { Session } from '../../session.svelte';

/** The Prepare stage: column kinds, the chosen features, the recipe and the split. */
export class PrepareStage {
	readonly session: Session;
	canStratify = $derived.by(
		() =>
			this.session.project.brief.task !== null && isClassification(this.session.project.brief.task)
	);

	/** Counts refused kind changes, so the view can redraw the select the user moved. */
	refusals = $state(0);

	constructor(session: Session) {
		this.session = session;
	}

	isFeature(column: string): boolean {
		return this.session.inputs.some((c) => c.name === column);
	}

	setFeature(column: string, on: boolean): void {
		const current = this.session.inputs.map((c) => c.name);
		const features = on ? [...current, column] : current.filter((c) => c !== column);
		const order = this.session.dataset?.reports.map((r) => r.name) ?? [];
		this.session.update({
			...this.session.project,
			features: order.filter((name) => features.includes(name))
		});
	}

	/** Overrides a column's kind; the data worker refuses a kind the values do not fit. */
	setKind(column: string, kind: ColumnKind): Promise<void> {
		return this.chooseColumn(column, { kind }, `Column ${column} set to ${kind}`);
	}

	/** Chooses whether a column's `nn/nn/yyyy` dates are day or month first. */
	setDateOrder(column: string, dateOrder: DateOrder): Promise<void> {
		const how = dateOrder === 'dmy' ? 'day first' : 'month first';
		return this.chooseColumn(column, { dateOrder }, `Dates in ${column} read ${how}`);
	}

	private async chooseColumn(column: string, choice: InferChoices, action: string): Promise<void> {
		const { project: before, deps } = this.session;
		const voids =
			column === before.brief.target && (before.split !== null || before.runs.length > 0);
		const message = `"${column}" is the target: changing how it is read discards the split, the runs and the evaluation, and you choose the target again. Go on?`;
		if (voids && !deps.confirm(message)) {
			this.refusals++;
			return;
		}
		const { data } = deps;
		const result = await this.session.run(`Re-typing ${column}`, (ctx) =>
			data.call('setColumn', { column, choice }, ctx)
		);
		const dataset = this.session.dataset;
		if (!result || !dataset) {
			this.refusals++;
			return;
		}
		const project = this.session.project;
		const reading = withColumnChoice(project.reading, column, choice);
		this.session.dataset = {
			...dataset,
			choices: reading,
			reports: dataset.reports.map((r) => (r.name === column ? result.report : r)),
			targets: dataset.targets.map((t) => (t.name === column ? result.target : t))
		};
		const base =
			column === project.brief.target
				? { ...clearDownstream(project), brief: { ...project.brief, target: null, task: null } }
				: project;
		this.session.update({ ...base, reading, audit: this.session.audit(action) });
	}

	/**
	 * Reads the file again with a new dialect or new missing-value tokens. With a split or runs,
	 * asks first: they were made from the data as read before, so they are discarded.
	 */
	async reread(
		change: Partial<Pick<ReadChoices, 'dialect' | 'missingTokens'>>,
		action: string
	): Promise<void> {
		const { project, deps } = this.session;
		if (project.looks.length > 0) {
			this.refusals++;
			this.session.fail(
				'test-seen',
				'The test set has already been revealed. Reading the data differently now would mean a new split of rows you have seen; start a new project instead.'
			);
			return;
		}
		const hasWork = project.split !== null || project.runs.length > 0;
		if (
			hasWork &&
			!deps.confirm(
				'Reading the file differently discards the split, the runs and the evaluation made from it. Go on?'
			)
		) {
			this.refusals++;
			return;
		}
		const reading: ReadChoices = {
			...project.reading,
			...change,
			dialect: { ...project.reading.dialect, ...change.dialect }
		};
		const { data } = deps;
		const summary = await this.session.run('Reading the file again', (ctx) =>
			change.dialect
				? data.call('reread', { choices: reading }, ctx)
				: data.call('setMissingTokens', { tokens: reading.missingTokens ?? [] }, ctx)
		);
		if (!summary) {
			this.refusals++;
			return;
		}
		// The target stays only if it is still read the same way and still fits the task.
		const before = this.session.dataset?.reports.find((r) => r.name === project.brief.target);
		this.session.dataset = summary;
		const after = summary.reports.find((r) => r.name === project.brief.target);
		const task = project.brief.task;
		const allowed = summary.targets.find((t) => t.name === project.brief.target)?.allowedTasks;
		const target =
			after && before && after.kind === before.kind && (!task || allowed?.includes(task))
				? project.brief.target
				: null;
		const next = hasWork ? clearDownstream(project) : project;
		this.session.update({
			...next,
			reading: summary.choices,
			brief:
				target === project.brief.target ? next.brief : { ...next.brief, target: null, task: null },
			audit: this.session.audit(action)
		});
	}

	setSeed(seed: number): void {
		if (Number.isInteger(seed)) this.session.update({ ...this.session.project, seed });
	}

	/** Changes the plan of the next split (kind, column, shares). */
	setSplitPlan(change: Partial<SplitPlan>): void {
		const project = this.session.project;
		const splitPlan = { ...project.splitPlan, ...change };
		if (change.kind) {
			splitPlan.stratify = change.kind === 'stratified';
			// A time column is no group column: a new kind starts without one, unless given.
			const kept = change.kind === splitKindOf(project.splitPlan) || change.column !== undefined;
			if (change.kind === 'random' || change.kind === 'stratified' || !kept)
				delete splitPlan.column;
		}
		this.session.update({ ...project, splitPlan });
	}

	/** Sets one part's share; the train share takes up the difference when it can. */
	setShare(part: keyof SplitFractions, share: number): void {
		if (!Number.isFinite(share)) return;
		const fractions = { ...this.session.project.splitPlan.fractions, [part]: share };
		if (part !== 'train') fractions.train = round(1 - fractions.val - fractions.test);
		this.setSplitPlan({ fractions });
	}

	/** Why the plan cannot be split as it is, or null. */
	planProblem = $derived.by(() => {
		const { splitPlan: plan, brief } = this.session.project;
		const kind = splitKindOf(plan);
		const query = brief.task === 'ranking' ? brief.queryColumn : null;
		if (query && (kind !== 'group' || plan.column !== query))
			return `A ranking keeps each query's rows together: choose the group split on the query column "${query}".`;
		if ((kind === 'time' || kind === 'group') && !plan.column)
			return `Choose the ${kind} column of the split.`;
		try {
			checkPlan(plan);
			return null;
		} catch (error) {
			return error instanceof Error ? error.message : String(error);
		}
	});

	/** The report of the current split (class balance, time range per part) from the data worker. */
	report = $state.raw<{ value: SplitReportResult; of: Split } | null>(null);

	/** Fetches the current split's report unless it is current; returns the cleanup for an effect. */
	scheduleReport(): () => void {
		const { project, target } = this.session;
		const split = project.split;
		const report = this.session.dataset?.reports.find((r) => r.name === project.brief.target);
		if (!split || !report || this.report?.of === split) return () => {};
		const controller = new AbortController();
		const classes =
			project.brief.task && isClassification(project.brief.task)
				? (target?.classes ?? []).map((c) => c.label)
				: null;
		this.session.deps.data
			.call(
				'splitReport',
				{ split, target: { name: report.name, kind: report.kind }, classes },
				{
					signal: controller.signal
				}
			)
			.then((value) => (this.report = { value, of: split }))
			.catch(() => {
				// A report that fails leaves the counts table, which the split itself gave.
			});
		return () => controller.abort();
	}

	/** Changes the plan and splits again: the one-click fix of a leakage finding. */
	async resplit(change: Partial<SplitPlan>, why: string): Promise<void> {
		this.setSplitPlan(change);
		await this.makeSplit(why);
	}

	/** Splits the rows as the plan says, with the project's seed, and locks the test part. */
	async makeSplit(why?: string): Promise<void> {
		const { project } = this.session;
		const plan = { ...project.splitPlan, seed: project.seed };
		const request = this.session.splitRequest(project, plan);
		if (!request) return;
		if (project.looks.length > 0) {
			this.session.fail(
				'test-seen',
				'The test set has already been revealed. A new split would mix rows you have seen into training; start a new project to split again.'
			);
			return;
		}
		if (
			project.runs.length > 0 &&
			!this.session.deps.confirm('A new split discards the runs trained on the current one. Go on?')
		)
			return;
		const { data } = this.session.deps;
		const split = await this.session.run('Splitting', (ctx) => data.call('split', request, ctx));
		if (!split) return;
		const how = `${splitKindOf(plan)}${plan.column ? ` on ${plan.column}` : ''}, seed ${plan.seed}`;
		const audit = this.session.audit(
			`Split ${split.counts.train}/${split.counts.val}/${split.counts.test} (${how})${why ? ` to fix: ${why}` : ''}; test set locked`
		);
		this.session.update({ ...clearDownstream(this.session.project), split, audit });
	}
}

/** Rounds a share to 1e-6, so 1 - 0.2 - 0.1 reads 0.7. */
function round(share: number): number {
	return Math.round(share * 1e6) / 1e6;
}
