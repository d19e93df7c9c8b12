import { kpiOf } from '../../../core/brief/brief';
import { isBetter } from '../../../core/evaluate/metric-catalogue';
import { bestRun } from '../../../core/project/project';
import { toCsv } from '../../../core/table/to-csv';
import { download } from '../../download';
import type { Session } from '../../session.svelte';

/** The Evaluate stage: one deliberate, recorded look at the test set. */
export class EvaluateStage {
	readonly session: Session;
	chosenId = $state<string | null>(null);
	candidates = $derived.by(() =>
		this.session.project.runs.filter((r) => r.spec.kind !== 'baseline')
	);
	best = $derived.by(() => {
		const metric = this.session.project.brief.metric;
		return metric
			? bestRun(this.session.project.runs, metric, (a, b) => isBetter(metric, a, b))
			: null;
	});
	selected = $derived.by(() => this.candidates.find((r) => r.id === this.chosenId) ?? this.best);
	evaluation = $derived.by(() => this.session.project.evaluation);
	reveals = $derived.by(
		() =>
			this.session.project.audit.filter((a) => a.action.startsWith('Revealed the test set')).length
	);

	constructor(session: Session) {
		this.session = session;
	}

	/** Records the reveal, then scores the selected run and the baseline on the test rows. */
	async reveal(): Promise<void> {
		const { project, dataset } = this.session;
		const run = this.selected;
		const baseline = project.runs.find((r) => r.spec.kind === 'baseline');
		const kpi = kpiOf(project.brief);
		const target = dataset?.reports.find((r) => r.name === project.brief.target);
		if (!run || !baseline || !kpi || !project.split || !target) return;
		const again =
			this.reveals > 0
				? ' This is not the first look: every look at the test set makes it less honest.'
				: '';
		if (
			!this.session.deps.confirm(
				`Reveal the test set for ${run.id}? This is recorded, and the test score is final.${again}`
			)
		)
			return;
		const revealedAt = this.session.deps.now().toISOString();
		this.session.update({
			...project,
			audit: this.session.audit(`Revealed the test set to judge ${run.id}`)
		});
		const split = project.split;
		const result = await this.session.run('Evaluating on the test set', async (ctx) => {
			const { data, train } = this.session.deps;
			const { test, rowIds } = await data.call('revealTest', { split, revealedAt }, ctx);
			const request = {
				pipeline: run.pipeline,
				baseline: baseline.pipeline,
				test,
				rowIds,
				target: { name: target.name, kind: target.kind },
				kpi
			};
			return train.call('evaluate', request, ctx);
		});
		if (!result) return;
		const current = this.session.project;
		const audit = this.session.audit(
			`${result.verdict.pass ? 'Passed' : 'Failed'}: ${result.verdict.summary}`
		);
		this.session.update({
			...current,
			evaluation: { runId: run.id, baselineRunId: baseline.id, revealedAt, result },
			audit
		});
	}

	downloadPredictions(): void {
		const evaluation = this.evaluation;
		if (!evaluation) return;
		const { header, cells } = evaluation.result.predictions;
		download(`test-predictions-${evaluation.runId}.csv`, toCsv(header, cells), 'text/csv');
	}
}
