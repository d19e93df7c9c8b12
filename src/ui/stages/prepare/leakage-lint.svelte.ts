import type { LeakFinding } from '../../../core/prepare/leakage/leakage';
import type { Split } from '../../../core/split/split';
import type { TaskKind } from '../../../core/brief/task';
import { Latest } from '../../latest.svelte';
import type { Session } from '../../session.svelte';
import type { PrepareStage } from './prepare-stage.svelte';
import type { RecipeEditor } from './recipe-editor.svelte';

/** The checks of the split itself, which leaving a column out does not settle. */
const SPLIT_CHECKS = [
	'cross-split-duplicates',
	'group-overlap',
	'random-split-on-time',
	'time-overlap'
];

/** What the lint was run for: it is current while the target, split and dataset are the same. */
interface LintKey {
	dataset: unknown;
	target: string | null;
	task: string | null;
	split: Split | null;
}

/**
 * The leakage lint in Prepare: run in the data worker on the whole table once there is a target,
 * and again with the split's checks once there is one; each finding's fix is one click.
 */
export class LeakageLint {
	readonly session: Session;
	/** The findings of the lint, run in the data worker. */
	readonly findings = new Latest<LintKey, LeakFinding[]>();
	private readonly stage: PrepareStage;
	private readonly editor: RecipeEditor;

	constructor(session: Session, stage: PrepareStage, editor: RecipeEditor) {
		this.session = session;
		this.stage = stage;
		this.editor = editor;
	}

	private key(): LintKey {
		const { project, dataset } = this.session;
		return {
			dataset,
			target: project.brief.target,
			task: project.brief.task,
			split: project.split
		};
	}

	get current(): boolean {
		const of = this.findings.answer?.of;
		const key = this.key();
		return (
			!!of &&
			of.dataset === key.dataset &&
			of.target === key.target &&
			of.task === key.task &&
			of.split === key.split
		);
	}

	/**
	 * The findings to show: the current ones, or, while the lint runs again for a new split, the
	 * last ones made for this data and target (shown as being checked again). Keeping them in view
	 * keeps the panels below from jumping under the user's pointer.
	 */
	get shown(): LeakFinding[] | null {
		const answer = this.findings.answer;
		const key = this.key();
		if (!answer || answer.of.dataset !== key.dataset) return null;
		return answer.of.target === key.target && answer.of.task === key.task ? answer.value : null;
	}

	/** Columns the model does not read: not inputs, or dropped by a recipe step. */
	get leftOut(): string[] {
		const dropped = this.session.project.recipe.flatMap((s) =>
			s.kind === 'drop-columns' ? s.columns : []
		);
		const read = this.session.inputs.map((c) => c.name).filter((c) => !dropped.includes(c));
		const all = this.session.dataset?.reports.map((r) => r.name) ?? [];
		return all.filter((name) => !read.includes(name));
	}

	/** True when a column finding's columns are all out of the model (a split finding never is). */
	handled(finding: LeakFinding): boolean {
		if (SPLIT_CHECKS.includes(finding.check) || finding.columns.length === 0) return false;
		const out = this.leftOut;
		return finding.columns.every((c) => out.includes(c));
	}

	/** Runs the lint unless it is current; returns the cleanup for an effect. */
	schedule(): () => void {
		const { project, dataset, target } = this.session;
		if (!dataset || !project.brief.target || !project.brief.task || !target || this.current)
			return () => {};
		const key = this.key();
		const id = setTimeout(() => void this.refresh(key), 300);
		return () => clearTimeout(id);
	}

	private refresh(key: LintKey): Promise<void> {
		const report = this.session.dataset?.reports.find((r) => r.name === key.target);
		const target = this.session.target;
		if (!report || !target || !key.task) return Promise.resolve();
		const request = {
			target: { name: report.name, kind: report.kind },
			task: key.task as TaskKind,
			classes: (target.classes ?? []).map((c) => c.label),
			split: key.split
		};
		return this.findings.run(key, (signal) =>
			this.session.deps.data.call('lint', request, { signal })
		);
	}

	/** Applies a finding's one-click fix: a recipe step, or a split of the right kind. */
	async fix(finding: LeakFinding): Promise<void> {
		const fix = finding.fix;
		if (!fix) return;
		switch (fix.kind) {
			case 'drop-columns': {
				const step = { kind: 'drop-columns', columns: fix.columns, reason: finding.title } as const;
				this.editor.add(step, 'the fix of a leakage finding');
				return;
			}
			case 'split':
				await this.stage.resplit({ kind: fix.split, column: fix.column }, finding.title);
				return;
			case 'dedupe-split':
				await this.stage.resplit({ keepDuplicatesTogether: true }, finding.title);
				return;
		}
	}
}
