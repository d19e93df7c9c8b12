import { kpiOf, kpisOf } from '../../../core/brief/brief';
import {
	checkLookReason,
	type EvaluationRecord,
	type TestLook
} from '../../../core/evaluate/evaluation-record';
import { isBetter } from '../../../core/evaluate/metric-catalogue';
import { ruleText, type ThresholdRule } from '../../../core/evaluate/threshold';
import {
	evaluationModelCard,
	evaluationReport,
	type ReportContext
} from '../../../core/evaluate/report';
import { bestRun, type RunRecord } from '../../../core/project/project';
import { currentSlicesReview, latestLookAt } from '../../../core/project/checklist';
import type { ColumnSchema } from '../../../core/table/schema';
import { toCsv } from '../../../core/table/to-csv';
import type { ProgressEvent } from '../../../core/util/task';
import { download } from '../../download';
import type { Session } from '../../session.svelte';
import { specLabel } from '../train/train-stage.svelte';

/** How the user asks for the binary threshold to be chosen on validation. */
export type RuleKind = ThresholdRule['kind'];

/** The shortest slices review accepted: a sentence, not a tick. */
export const MIN_REVIEW_LENGTH = 20;

/** The Evaluate stage: one deliberate, recorded look at the test set, and every look after it. */
export class EvaluateStage {
	readonly session: Session;
	chosenId = $state<string | null>(null);
	/** How a binary model's threshold is chosen on validation before the reveal. */
	ruleKind = $state<RuleKind>('default');
	targetPrecision = $state(0.8);
	targetRecall = $state(0.8);
	/** Why the user needs another look (required after the first). */
	reason = $state('');
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
	/** Every look at the test set in this project, kept even when the target or split changed. */
	looks = $derived.by((): TestLook[] => this.session.project.looks);
	binary = $derived.by(() => this.session.project.brief.task === 'binary');
	rule = $derived.by((): ThresholdRule => this.ruleFrom(this.ruleKind));
	/** Why the reveal cannot happen now, or null. */
	blocked = $derived.by(() => this.blockedReason());

	constructor(session: Session) {
		this.session = session;
		// The rule of the last look, so a later look is judged the same way unless the user says.
		const last = session.project.evaluation?.thresholdRule;
		if (last && last.kind !== 'default') {
			this.ruleKind = last.kind;
			if (last.kind === 'precision') this.targetPrecision = last.target;
			if (last.kind === 'recall') this.targetRecall = last.target;
		} else if (!last && session.project.brief.costMatrix && session.project.brief.task === 'binary')
			this.ruleKind = 'cost';
	}

	private ruleFrom(kind: RuleKind): ThresholdRule {
		const costs = this.session.project.brief.costMatrix;
		if (!this.binary) return { kind: 'default' };
		if (kind === 'cost' && costs) return { kind: 'cost', ...costs };
		if (kind === 'precision') return { kind: 'precision', target: this.targetPrecision };
		if (kind === 'recall') return { kind: 'recall', target: this.targetRecall };
		return { kind: 'default' };
	}

	private blockedReason(): string | null {
		const { project } = this.session;
		if (!this.selected) return 'Train a model first: there is nothing to judge.';
		if (!project.runs.some((r) => r.spec.kind === 'baseline'))
			return 'Train the baseline first: the verdict compares the model with it.';
		if (!kpiOf(project.brief))
			return 'Set the KPI in Define first: the test set judges the model against it.';
		if (
			this.rule.kind !== 'default' &&
			'target' in this.rule &&
			!(this.rule.target > 0 && this.rule.target <= 1)
		)
			return 'The target precision or recall must be above 0 and at most 1.';
		return this.looks.length > 0 ? checkLookReason(this.reason) : null;
	}

	/** The user's review of the slices of the current look; null before one is recorded. */
	slicesReview = $derived.by(() => currentSlicesReview(this.session.project));
	/** Why the last review was refused. */
	reviewProblem = $state<string | null>(null);

	/** Records what the user found in the slices: the checklist's and the rubric's "slices checked". */
	reviewSlices(note: string): void {
		const evaluation = this.session.project.evaluation;
		const words = note.trim();
		if (!evaluation) return;
		if (words.length < MIN_REVIEW_LENGTH) {
			this.reviewProblem = `Write what you found in a sentence (at least ${MIN_REVIEW_LENGTH} characters): which slice is weakest, and whether it matters for the decision.`;
			return;
		}
		this.reviewProblem = null;
		const at = this.session.deps.now().toISOString();
		const { runId } = evaluation;
		this.session.update({
			...this.session.project,
			slicesReview: { at, runId, lookAt: latestLookAt(evaluation), note: words },
			audit: this.session.audit(`Reviewed the slices of ${runId}: ${words}`)
		});
	}

	/**
	 * Records the look (in the project's looks and the audit trail, before any test row is read,
	 * so a look that fails still counts), then scores the selected run and the baseline on the
	 * test rows.
	 */
	async reveal(): Promise<void> {
		const { project, dataset } = this.session;
		const run = this.selected;
		const baseline = project.runs.find((r) => r.spec.kind === 'baseline');
		const target = dataset?.reports.find((r) => r.name === project.brief.target);
		if (this.blocked || !run || !baseline || !project.split || !target) return;
		const earlier = project.looks;
		const look: TestLook = {
			at: this.session.deps.now().toISOString(),
			runId: run.id,
			reason: earlier.length > 0 ? this.reason.trim() : null
		};
		if (!this.session.deps.confirm(this.confirmText(run, earlier.length))) return;
		const rule = this.ruleFor(run);
		const action =
			earlier.length > 0
				? `Looked at the test set again (look ${earlier.length + 1}) to judge ${run.id}: ${look.reason}`
				: `Revealed the test set to judge ${run.id}; threshold: ${ruleText(rule).toLowerCase()}`;
		const looks = [...earlier, look];
		this.session.update({ ...project, looks, audit: this.session.audit(action) });
		this.reason = '';
		const result = await this.session.run('Evaluating on the test set', (ctx) =>
			this.evaluate(run, baseline, { name: target.name, kind: target.kind }, rule, look.at, ctx)
		);
		if (!result) return;
		const record: EvaluationRecord = {
			runId: run.id,
			baselineRunId: baseline.id,
			revealedAt: looks[0].at,
			thresholdRule: rule,
			looks,
			result
		};
		const verdict = `${result.verdict.pass ? 'Passed' : 'Failed'}: ${result.verdict.summary}`;
		this.session.update({
			...this.session.project,
			evaluation: record,
			audit: this.session.audit(verdict)
		});
	}

	/**
	 * Returns the rule for a run: the brief's costs are for the brief's positive class, so they
	 * swap when the run was trained with the other class as positive.
	 */
	private ruleFor(run: RunRecord): ThresholdRule {
		const rule = this.rule;
		const target = run.pipeline.target;
		if (rule.kind !== 'cost' || target.task !== 'binary') return rule;
		if (target.positive === this.session.project.brief.positiveClass) return rule;
		return { kind: 'cost', falsePositive: rule.falseNegative, falseNegative: rule.falsePositive };
	}

	private confirmText(run: RunRecord, earlier: number): string {
		if (earlier === 0)
			return `Reveal the test set for ${run.id}? This is recorded, and the test score is final.`;
		return `Look at the test set again, for ${run.id}? Look ${earlier + 1} is recorded with your reason and flagged in the report and the model card: every look makes the test score less honest.`;
	}

	private async evaluate(
		run: RunRecord,
		baseline: RunRecord,
		target: ColumnSchema,
		thresholdRule: ThresholdRule,
		revealedAt: string,
		ctx: { signal: AbortSignal; onEvent: (event: ProgressEvent) => void }
	) {
		const { project, dataset } = this.session;
		const split = project.split!;
		const { data, train } = this.session.deps;
		const validation = await data.call('rows', { split, part: 'val' }, ctx);
		const { test, rowIds } = await data.call('revealTest', { split, revealedAt }, ctx);
		const sensitive = project.brief.sensitiveColumns.flatMap((name) => {
			const report = dataset?.reports.find((r) => r.name === name);
			return report ? [{ name, kind: report.kind }] : [];
		});
		const request = {
			pipeline: run.pipeline,
			baseline: baseline.pipeline,
			test,
			rowIds,
			validation,
			target,
			kpis: kpisOf(project.brief),
			thresholdRule,
			sensitive,
			seed: project.seed
		};
		return train.call('evaluate', request, ctx);
	}

	/** What the report and the model card repeat from the project, as of now. */
	private reportContext(record: EvaluationRecord): ReportContext {
		const { project } = this.session;
		const label = (id: string) => {
			const run = project.runs.find((r) => r.id === id);
			return run ? `${id}: ${specLabel(run.spec)}` : id;
		};
		return {
			brief: project.brief,
			datasetName: project.dataset?.fileName ?? null,
			runLabel: label(record.runId),
			baselineLabel: label(record.baselineRunId),
			date: this.session.deps.now().toISOString(),
			audit: project.audit
		};
	}

	/** Downloads the evaluation report as Markdown or as a printable HTML page. */
	downloadReport(format: 'markdown' | 'html'): void {
		const record = this.evaluation;
		if (!record) return;
		const report = evaluationReport(record, this.reportContext(record));
		const stem = `evaluation-${record.runId}`;
		if (format === 'markdown') download(`${stem}.md`, report.markdown, 'text/markdown');
		else download(`${stem}.html`, report.html, 'text/html');
	}

	/** Downloads the model card of the evaluated model (MODEL_CARD.md), before anything ships. */
	downloadModelCard(): void {
		const record = this.evaluation;
		if (!record) return;
		download(
			'MODEL_CARD.md',
			evaluationModelCard(record, this.reportContext(record)),
			'text/markdown'
		);
	}

	downloadPredictions(): void {
		const evaluation = this.evaluation;
		if (!evaluation) return;
		const { header, cells } = evaluation.result.predictions;
		download(`test-predictions-${evaluation.runId}.csv`, toCsv(header, cells), 'text/csv');
	}
}
