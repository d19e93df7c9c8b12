import {
	briefGaps,
	defaultPositiveClass,
	metricWarning,
	outputColumnsOf,
	type Brief
} from '../../../core/brief/brief';
import { checkExtraKpi, checkSensitiveColumn, tidyBrief } from '../../../core/brief/brief-checks';
import { kpiGuidance, type KpiBaseline } from '../../../core/brief/brief-guidance';
import type { TaskKind } from '../../../core/brief/task';
import type { Kpi } from '../../../core/evaluate/verdict';
import type { ColumnKind } from '../../../core/table/table';
import {
	metricInfo,
	metricsForTask,
	type MetricName
} from '../../../core/evaluate/metric-catalogue';
import { clearDownstream } from '../../../core/project/project';
import { sampleOf, type SampleStory } from '../../samples';
import type { Session } from '../../session.svelte';
import { BaselineChecker } from './baseline-checker.svelte';
import { BriefExporter } from './brief-exporter.svelte';
import { CostForm } from './cost-form.svelte';

/** Kinds of column whose groups a fairness check can compare (numbers are binned first). */
const SENSITIVE_KINDS: readonly ColumnKind[] = ['category', 'boolean', 'number'];

/** Column names that usually hold a query id, for a ranking's default query column. */
const QUERY_NAME = /^(q_?id|query(_?id)?|session(_?id)?|search(_?id)?|group(_?id)?)$/i;

/** The Define stage: the brief, the target and its task, the primary metric and the KPIs. */
export class DefineStage {
	readonly session: Session;
	targetIssue = $state<string | null>(null);
	/** Counts refused or declined changes, so the view can redraw controls the user moved. */
	refusals = $state(0);
	brief = $derived.by(() => this.session.project.brief);
	metrics = $derived.by(() => (this.brief.task ? metricsForTask(this.brief.task) : []));
	warning = $derived.by(() => metricWarning(this.brief, this.session.target));
	gaps = $derived.by(() => briefGaps(this.brief));
	/** The KPIs are the contract the test set was judged against: frozen once it has been. */
	kpiLocked = $derived.by(() => this.session.project.evaluation !== null);
	/**
	 * The scores of a baseline that learns (next to) nothing: the better of the majority-class (or
	 * mean) and one-rule baselines, which the KPI guidance holds the KPIs against; null until the
	 * baseline check has answered for the current data and target.
	 */
	kpiBaseline = $derived.by<KpiBaseline | null>(() => this.baselines.kpiBaseline);
	/** Sentences questioning the KPIs: none yet, one the baseline already meets, costs vs metric. */
	guidance = $derived.by(() => kpiGuidance(this.brief, this.kpiBaseline));
	/** Why the last change to an extra KPI was refused; null after one is accepted. */
	kpiProblem = $state<string | null>(null);
	/** Why the last change to the sensitive columns was refused. */
	sensitiveProblem = $state<string | null>(null);
	/** Metrics an extra KPI may use: the task's, the primary metric aside. */
	extraMetrics = $derived.by(() => this.metrics.filter((m) => m !== this.brief.metric));
	/** Columns that may be marked sensitive: category, boolean and number inputs, not identifiers. */
	sensitiveChoices = $derived.by(() =>
		(this.session.dataset?.reports ?? []).filter(
			(r) =>
				r.name !== this.brief.target &&
				(this.brief.sensitiveColumns.includes(r.name) ||
					(!r.idLike && SENSITIVE_KINDS.includes(r.kind)))
		)
	);

	/** The story of the bundled sample that is loaded; null for a file of the user's own. */
	story = $derived.by(() => sampleOf(this.session.project.dataset?.fileName)?.story ?? null);

	/** The cost matrix's inputs (binary tasks). */
	readonly costs: CostForm;
	/** The Markdown download and the printable page. */
	readonly exporter: BriefExporter;
	/** "Is ML the right tool?": the baselines the KPIs are held against. */
	readonly baselines: BaselineChecker;

	constructor(session: Session) {
		this.session = session;
		this.baselines = new BaselineChecker(session);
		this.costs = new CostForm(session);
		this.exporter = new BriefExporter(session, () => this.kpiBaseline);
	}

	/** Sets a constraint of the brief; a budget that is not a positive number means none. */
	setConstraint(
		field: 'interpretable' | 'latencyBudgetUs' | 'modelBytesBudget',
		value: boolean | number | null
	): void {
		const clean = typeof value === 'number' && !(value > 0) ? null : value;
		this.session.update({ ...this.session.project, brief: { ...this.brief, [field]: clean } });
	}

	/** Sets one of the brief's free-text answers. */
	setText(field: 'decision' | 'users' | 'costs', value: string): void {
		this.session.update({ ...this.session.project, brief: { ...this.brief, [field]: value } });
	}

	/** Sets the target and the defaults it implies; refuses a column that cannot be a target. */
	setTarget(name: string): void {
		const summary = this.session.dataset?.targets.find((t) => t.name === name);
		if (!summary) return;
		if (summary.problem) {
			this.targetIssue = summary.problem;
			this.refusals++;
			return;
		}
		this.targetIssue = null;
		this.changeTargetOrTask({
			...this.brief,
			target: name,
			task: summary.suggestedTask,
			positiveClass: defaultPositiveClass(summary)
		});
	}

	setTask(task: TaskKind): void {
		if (!this.session.target?.allowedTasks.includes(task)) {
			this.refusals++;
			return;
		}
		const queryColumn = task === 'ranking' ? this.defaultQueryColumn() : null;
		this.changeTargetOrTask({ ...this.brief, task, queryColumn });
	}

	/** The columns that can name a ranking's queries: any but the target. */
	get queryCandidates(): string[] {
		const names = this.session.dataset?.reports.map((r) => r.name) ?? [];
		return names.filter((name) => name !== this.brief.target);
	}

	/** A column named like a query id (qid, query_id, session…), else none: the user picks. */
	private defaultQueryColumn(): string | null {
		return this.queryCandidates.find((name) => QUERY_NAME.test(name)) ?? null;
	}

	/** Sets a ranking's query column: the split groups by it, so this voids the split and runs. */
	setQueryColumn(name: string): void {
		if (this.brief.task !== 'ranking' || !this.queryCandidates.includes(name)) {
			this.refusals++;
			return;
		}
		// The task is the same, so its metric and KPIs stay; the split and runs go.
		this.changeTargetOrTask({ ...this.brief, queryColumn: name }, true);
	}

	/**
	 * Sets the positive class. The costs are per mistake about the positive class, so they swap
	 * with it: what was a missed positive is now a false alarm.
	 */
	setPositiveClass(label: string): void {
		const { costMatrix, positiveClass } = this.brief;
		const swapped =
			costMatrix && positiveClass !== null && label !== positiveClass
				? { falsePositive: costMatrix.falseNegative, falseNegative: costMatrix.falsePositive }
				: costMatrix;
		this.session.update({
			...this.session.project,
			brief: { ...this.brief, positiveClass: label, costMatrix: swapped }
		});
	}

	/** Sets the primary metric; an extra KPI on it becomes the primary KPI, threshold and all. */
	setMetric(metric: MetricName): void {
		if (this.kpiLocked) return;
		const extra = this.brief.extraKpis.find((k) => k.metric === metric);
		const threshold = extra ? extra.threshold : metricInfo(metric).suggestedKpi;
		// tidyBrief drops the extra KPI, which would now repeat the primary one.
		this.setBrief(tidyBrief({ ...this.brief, metric, kpiThreshold: threshold }));
	}

	setKpi(threshold: number | null): void {
		if (this.kpiLocked) return;
		const value = threshold !== null && Number.isFinite(threshold) ? threshold : null;
		this.session.update({ ...this.session.project, brief: { ...this.brief, kpiThreshold: value } });
	}

	/** Adds an extra KPI, or replaces the one at `index`; returns false, saying why, if refused. */
	setExtraKpi(kpi: Kpi, index: number | null = null): boolean {
		if (this.kpiLocked) return false;
		this.kpiProblem = checkExtraKpi(this.brief, kpi, index);
		if (this.kpiProblem) {
			this.refusals++;
			return false;
		}
		const extraKpis =
			index === null
				? [...this.brief.extraKpis, kpi]
				: this.brief.extraKpis.map((k, i) => (i === index ? kpi : k));
		this.setBrief({ ...this.brief, extraKpis });
		return true;
	}

	removeExtraKpi(index: number): void {
		if (this.kpiLocked) return;
		this.kpiProblem = null;
		this.setBrief({ ...this.brief, extraKpis: this.brief.extraKpis.filter((_, i) => i !== index) });
	}

	/** Marks a column sensitive (to check fairness by) or unmarks it. */
	setSensitive(name: string, sensitive: boolean): void {
		const { sensitiveColumns } = this.brief;
		if (!sensitive) {
			this.sensitiveProblem = null;
			this.setBrief({
				...this.brief,
				sensitiveColumns: sensitiveColumns.filter((c) => c !== name)
			});
			return;
		}
		const columns = this.session.dataset?.reports.map((r) => r.name) ?? [];
		this.sensitiveProblem = checkSensitiveColumn(this.brief, name, columns);
		if (this.sensitiveProblem) this.refusals++;
		else this.setBrief({ ...this.brief, sensitiveColumns: [...sensitiveColumns, name] });
	}

	/**
	 * Fills the brief from a sample's story: the target first (with the defaults it implies, and
	 * the question when it would discard results), then the story's words, metric and KPI.
	 */
	useStory(story: SampleStory): void {
		if (this.kpiLocked) return;
		const { target, sensitiveColumns = [], costMatrix = null, ...rest } = story.brief;
		const columns = this.session.dataset?.reports.map((r) => r.name) ?? [];
		if (!target || !columns.includes(target)) {
			this.targetIssue = `This file has no column "${target}": the story was written for the bundled sample of the same name.`;
			return;
		}
		if (target !== this.brief.target) this.setTarget(target);
		// Refused (not a usable target, or the user kept the results): the brief stays as it was.
		if (this.brief.target !== target) return;
		const sensitive = sensitiveColumns.filter((c) => columns.includes(c));
		this.setBrief(
			tidyBrief({ ...this.brief, ...rest, costMatrix, sensitiveColumns: sensitive, extraKpis: [] })
		);
	}

	/** Saves a changed brief. */
	setBrief(brief: Brief): void {
		this.session.update({ ...this.session.project, brief });
	}

	/** Changing what is predicted voids the split and the runs: ask first when there are some. */
	private changeTargetOrTask(next: Brief, keepKpis = false): void {
		const { project } = this.session;
		const hasResults = project.split !== null || project.runs.length > 0;
		if (
			hasResults &&
			!this.session.deps.confirm(
				`Changing the ${keepKpis ? 'query column' : 'target or the task'} discards the split, the runs and the evaluation. Go on?`
			)
		) {
			this.refusals++;
			return;
		}
		const metric = next.task ? metricsForTask(next.task)[0] : null;
		// The KPIs start again from the new task's defaults; tidyBrief drops what no longer fits.
		const brief = tidyBrief(
			keepKpis
				? next
				: {
						...next,
						positiveClass: next.task === 'binary' ? next.positiveClass : null,
						metric,
						kpiThreshold: metric ? metricInfo(metric).suggestedKpi : null,
						extraKpis: []
					}
		);
		const outputs = outputColumnsOf(brief);
		const features = project.features?.filter((f) => !outputs.includes(f)) ?? null;
		const query = brief.queryColumn;
		const audit = this.session.audit(
			`Target set to ${brief.target} (${brief.task}${query ? `, queries in ${query}` : ''})`
		);
		// A ranking keeps each query's rows in one part: its split groups by the query column.
		const splitPlan = query
			? { ...project.splitPlan, kind: 'group' as const, column: query }
			: project.splitPlan;
		this.session.update({ ...clearDownstream(project), brief, features, splitPlan, audit });
	}
}
