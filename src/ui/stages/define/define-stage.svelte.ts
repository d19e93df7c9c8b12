import {
	briefGaps,
	defaultPositiveClass,
	metricWarning,
	type Brief
} from '../../../core/brief/brief';
import type { TaskKind } from '../../../core/brief/task';
import {
	metricInfo,
	metricsForTask,
	type MetricName
} from '../../../core/evaluate/metric-catalogue';
import { clearDownstream } from '../../../core/project/project';
import type { Session } from '../../session.svelte';

/** The Define stage: the brief, the target and its task, the primary metric and the KPI. */
export class DefineStage {
	readonly session: Session;
	targetIssue = $state<string | null>(null);
	/** Counts refused or declined changes, so the view can redraw controls the user moved. */
	refusals = $state(0);
	brief = $derived.by(() => this.session.project.brief);
	metrics = $derived.by(() => (this.brief.task ? metricsForTask(this.brief.task) : []));
	warning = $derived.by(() => metricWarning(this.brief, this.session.target));
	gaps = $derived.by(() => briefGaps(this.brief));
	/** The KPI is the contract the test set was judged against: frozen once it has been. */
	kpiLocked = $derived.by(() => this.session.project.evaluation !== null);

	constructor(session: Session) {
		this.session = session;
	}

	/** Sets a constraint of the brief; a budget that is not a positive number means none. */
	setConstraint(
		field: 'interpretable' | 'latencyBudgetUs' | 'modelBytesBudget',
		value: boolean | number | null
	): void {
		const clean = typeof value === 'number' && !(value > 0) ? null : value;
		this.session.update({ ...this.session.project, brief: { ...this.brief, [field]: clean } });
	}

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
		if (this.session.target?.allowedTasks.includes(task))
			this.changeTargetOrTask({ ...this.brief, task });
		else this.refusals++;
	}

	setPositiveClass(label: string): void {
		this.session.update({
			...this.session.project,
			brief: { ...this.brief, positiveClass: label }
		});
	}

	setMetric(metric: MetricName): void {
		if (this.kpiLocked) return;
		const threshold = metricInfo(metric).suggestedKpi;
		this.session.update({
			...this.session.project,
			brief: { ...this.brief, metric, kpiThreshold: threshold }
		});
	}

	setKpi(threshold: number | null): void {
		if (this.kpiLocked) return;
		const value = threshold !== null && Number.isFinite(threshold) ? threshold : null;
		this.session.update({ ...this.session.project, brief: { ...this.brief, kpiThreshold: value } });
	}

	/** Changing what is predicted voids the split and the runs: ask first when there are some. */
	private changeTargetOrTask(next: Brief): void {
		const { project } = this.session;
		const hasResults = project.split !== null || project.runs.length > 0;
		if (
			hasResults &&
			!this.session.deps.confirm(
				'Changing the target or the task discards the split, the runs and the evaluation. Go on?'
			)
		) {
			this.refusals++;
			return;
		}
		const metric = next.task ? metricsForTask(next.task)[0] : null;
		const brief: Brief = {
			...next,
			positiveClass: next.task === 'binary' ? next.positiveClass : null,
			metric,
			kpiThreshold: metric ? metricInfo(metric).suggestedKpi : null
		};
		const features = project.features?.filter((f) => f !== next.target) ?? null;
		const audit = this.session.audit(`Target set to ${brief.target} (${brief.task})`);
		this.session.update({ ...clearDownstream(project), brief, features, audit });
	}
}

/** Returns the plain-language name of a task. */
export function taskLabel(task: TaskKind): string {
	return {
		binary: 'Binary classification',
		multiclass: 'Multiclass classification',
		regression: 'Regression'
	}[task];
}
