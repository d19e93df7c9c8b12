import { kpisOf, toTargetSpec } from '../../../core/brief/brief';
import type { BaselineCheck, BaselineScore } from '../../../core/brief/baseline-check';
import type { KpiBaseline } from '../../../core/brief/brief-guidance';
import { isBetter, meetsThreshold, type MetricName } from '../../../core/evaluate/metric-catalogue';
import type { TargetSpec } from '../../../core/ship/pipeline';
import type { Split } from '../../../core/split/split';
import { Latest } from '../../latest.svelte';
import type { Session } from '../../session.svelte';

/** How long the brief must stay still before the check runs (a target picked, a class changed). */
const CHECK_DELAY_MS = 300;

/** What a check was run for: it answers the brief while the data, target and split are the same. */
interface CheckKey {
	dataset: unknown;
	/** The target spec as JSON: its name, task, classes and positive class. */
	target: string;
	split: Split | null;
	seed: number;
}

/** One metric of the check: the KPI on it (if any) and each baseline's score against it. */
export interface CheckRow {
	metric: MetricName;
	threshold: number | null;
	baseline: number | null;
	rule: number | null;
	baselineMeets: boolean;
	ruleMeets: boolean;
}

const scoreOf = (score: BaselineScore | null, metric: MetricName): number | null => {
	const value = score?.metrics[metric];
	return value !== undefined && Number.isFinite(value) ? value : null;
};

/**
 * "Is ML the right tool?": the majority-class (or mean) and one-rule baselines, scored in the data
 * worker as soon as the target is set, again when the split changes, and held against the KPIs.
 */
export class BaselineChecker {
	readonly session: Session;
	readonly check = new Latest<CheckKey, BaselineCheck>();
	/** The key last asked for, so a failed check is not retried until something changes. */
	private asked: CheckKey | null = null;

	constructor(session: Session) {
		this.session = session;
	}

	/** The target spec of the brief, or null until target, task (and positive class) are set. */
	spec = $derived.by<TargetSpec | null>(() => {
		const target = this.session.target;
		return target && !target.problem ? toTargetSpec(this.session.project.brief, target) : null;
	});

	private key(spec: TargetSpec): CheckKey {
		const { project, dataset } = this.session;
		return { dataset, target: JSON.stringify(spec), split: project.split, seed: project.seed };
	}

	private same(a: CheckKey | null | undefined, b: CheckKey): boolean {
		return (
			!!a &&
			a.dataset === b.dataset &&
			a.target === b.target &&
			a.split === b.split &&
			a.seed === b.seed
		);
	}

	/** The check to show: for this data and target (it may be one split behind while it reruns). */
	shown = $derived.by<BaselineCheck | null>(() => {
		const answer = this.check.answer;
		if (!answer || !this.spec) return null;
		const key = this.key(this.spec);
		return answer.of.dataset === key.dataset && answer.of.target === key.target
			? answer.value
			: null;
	});

	/** True when the shown check was made on the split (or hold-out) the project has now. */
	current = $derived.by(() => !!this.spec && this.same(this.check.answer?.of, this.key(this.spec)));

	/** The primary metric, then every other KPI's metric, each with its KPI threshold. */
	rows = $derived.by<CheckRow[]>(() => {
		const check = this.shown;
		const { brief } = this.session.project;
		if (!check) return [];
		const kpis = kpisOf(brief);
		const others = kpis.map((k) => k.metric).filter((m) => m !== brief.metric);
		const metrics = brief.metric ? [brief.metric, ...others] : others;
		return metrics.map((metric) => {
			const threshold = kpis.find((k) => k.metric === metric)?.threshold ?? null;
			const baseline = scoreOf(check.baseline, metric);
			const rule = scoreOf(check.rule, metric);
			const meets = (v: number | null) =>
				v !== null && threshold !== null && meetsThreshold(metric, v, threshold);
			return {
				metric,
				threshold,
				baseline,
				rule,
				baselineMeets: meets(baseline),
				ruleMeets: meets(rule)
			};
		});
	});

	/** Each baseline that meets a KPI, with the metrics of the KPIs it meets. */
	meeting = $derived.by(() => {
		const check = this.shown;
		if (!check) return [];
		const met = (pick: (row: CheckRow) => boolean) =>
			this.rows.filter(pick).map((row) => row.metric);
		return [
			{ label: check.baseline.label, rule: false, metrics: met((r) => r.baselineMeets) },
			{ label: check.rule?.label ?? '', rule: true, metrics: met((r) => r.ruleMeets) }
		].filter((m) => m.metrics.length > 0);
	});

	/** The better of the two baselines by the primary metric, for the KPI guidance and the export. */
	kpiBaseline = $derived.by<KpiBaseline | null>(() => {
		const check = this.shown;
		if (!check) return null;
		const metric = this.session.project.brief.metric;
		const rule = check.rule;
		if (!metric || !rule) return check.baseline;
		const ruleScore = scoreOf(rule, metric);
		const baseScore = scoreOf(check.baseline, metric);
		if (ruleScore === null) return check.baseline;
		return baseScore === null || isBetter(metric, ruleScore, baseScore) ? rule : check.baseline;
	});

	/**
	 * Runs the check after a short pause unless this data, target and split were already asked
	 * for (a failure is not retried until one changes); returns the cleanup for an effect.
	 */
	schedule(): () => void {
		const spec = this.spec;
		if (!this.session.dataset || !spec) return () => {};
		const key = this.key(spec);
		if (this.same(this.asked, key)) return () => {};
		const id = setTimeout(() => void this.refresh(key, spec), CHECK_DELAY_MS);
		return () => clearTimeout(id);
	}

	/** Runs the check again now, after a failure. */
	retry(): Promise<void> {
		const spec = this.spec;
		return spec ? this.refresh(this.key(spec), spec) : Promise.resolve();
	}

	private refresh(key: CheckKey, spec: TargetSpec): Promise<void> {
		const report = this.session.dataset?.reports.find((r) => r.name === spec.name);
		if (!report) return Promise.resolve();
		this.asked = key;
		const request = {
			target: { name: report.name, kind: report.kind },
			spec,
			split: key.split,
			seed: key.seed
		};
		return this.check.run(key, (signal) =>
			this.session.deps.data.call('baselineCheck', request, { signal })
		);
	}
}
