import { kpisOf } from '../core/brief/brief';
import { submissionReport } from '../core/project/assignment';
import { PROJECT_FILE_EXTENSION } from '../core/project/project-file';
import {
	criterionLabel,
	gradeProject,
	type Assignment,
	type Criterion,
	type RubricItem
} from '../core/project/rubric';
import type { Session } from './session.svelte';

/** One line of the rubric form: a criterion the teacher may include, and its points. */
export interface RubricChoice {
	criterion: Criterion;
	label: string;
	on: boolean;
	points: number;
}

/** Criteria that need no column, and whether a new assignment includes them by default. */
const PLAIN: [Criterion['kind'], boolean][] = [
	['brief', true],
	['baseline-beaten', true],
	['test-once', true],
	['kpi-met', true],
	['slices', true],
	['bundle', false],
	['monitor', false]
];

/** Returns a file-name-safe form of a title or a name. */
function slug(text: string): string {
	return text
		.trim()
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/**
 * The classroom: a teacher makes an assignment from the loaded data (a brief or not, a planted
 * leak or not, a rubric); a student sees the rubric graded live and hands in a submission file;
 * a teacher opening that file sees the grade it was handed in with and the grade now.
 */
export class Classroom {
	readonly session: Session;
	title = $state('');
	instructions = $state('');
	givesBrief = $state(true);
	plant = $state(false);
	plantColumn = $state('');
	/** The teacher's edits to the rubric, by criterion label; the defaults fill the rest. */
	private edits = $state<Record<string, { on: boolean; points: number }>>({});
	student = $state('');
	problem = $state<string | null>(null);

	assignment = $derived.by(() => this.session.project.assignment ?? null);
	submission = $derived.by(() => this.session.project.submission ?? null);
	/** The rubric graded on the project as it is now. */
	grade = $derived.by(() =>
		this.assignment ? gradeProject(this.assignment.rubric, this.session.project) : null
	);
	/** The planted column's default name: the target's name with a suffix a leak often has. */
	defaultPlant = $derived.by(() => `${this.session.project.brief.target ?? 'target'}_code`);
	choices = $derived.by((): RubricChoice[] => {
		const { brief } = this.session.project;
		const dates = (this.session.dataset?.reports ?? []).filter((r) => r.kind === 'date');
		const offered: [Criterion, boolean][] = [
			...PLAIN.map(([kind, on]): [Criterion, boolean] => [{ kind } as Criterion, on]),
			...(this.plant
				? [
						[
							{ kind: 'leak-removed', column: this.plantColumn.trim() || this.defaultPlant },
							true
						] as [Criterion, boolean]
					]
				: []),
			...dates.map((d): [Criterion, boolean] => [{ kind: 'split-by-time', column: d.name }, false]),
			...brief.sensitiveColumns.map((c): [Criterion, boolean] => [
				{ kind: 'fairness-checked', column: c },
				brief.task === 'binary'
			])
		];
		return offered.map(([criterion, on]) => {
			const label = criterionLabel(criterion);
			const edit = this.edits[label] as { on: boolean; points: number } | undefined;
			return { criterion, label, on: edit?.on ?? on, points: edit?.points ?? 1 };
		});
	});

	constructor(session: Session) {
		this.session = session;
	}

	/** Includes or leaves out a criterion, or changes its points. */
	setChoice(choice: RubricChoice, change: Partial<{ on: boolean; points: number }>): void {
		this.edits = {
			...this.edits,
			[choice.label]: { on: choice.on, points: choice.points, ...change }
		};
	}

	/** Downloads the assignment made from the loaded data; says why when it cannot. */
	async makeAssignment(): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string } | null> {
		const { project, targetColumn } = this.session;
		const title = this.title.trim();
		const rubric: RubricItem[] = this.choices
			.filter((c) => c.on)
			.map(({ criterion, points }) => ({ criterion, points: Math.max(0, points) }));
		this.problem = !project.dataset
			? 'Load the data the class will work on first.'
			: !title
				? 'Give the assignment a title.'
				: rubric.length === 0
					? 'Choose at least one rubric criterion.'
					: this.plant && !targetColumn
						? 'Choose the target in Define first: the planted column copies it.'
						: null;
		if (this.problem) return null;
		const column = this.plantColumn.trim() || this.defaultPlant;
		const assignment: Assignment = {
			title,
			instructions: this.instructions.trim(),
			createdAt: this.session.deps.now().toISOString(),
			rubric,
			planted: this.plant ? column : null,
			kpis: kpisOf(project.brief)
		};
		const request = {
			teacher: project,
			assignment,
			givesBrief: this.givesBrief,
			plant: this.plant && targetColumn ? { target: targetColumn, column } : null,
			savedAt: assignment.createdAt
		};
		const bytes = await this.session.run('Making the assignment file', () =>
			this.session.deps.data.call('packAssignment', request)
		);
		return bytes && { bytes, fileName: `${slug(title) || 'assignment'}${PROJECT_FILE_EXTENSION}` };
	}

	/** Packs the project as the student's submission, graded now, with a report for the teacher. */
	async handIn(): Promise<{ bytes: Uint8Array<ArrayBuffer>; fileName: string } | null> {
		const { assignment } = this;
		const student = this.student.trim();
		this.problem = !assignment
			? 'This project answers no assignment.'
			: !student
				? 'Write your name, so your teacher knows whose work it is.'
				: null;
		if (!assignment || this.problem) return null;
		await this.session.flushed();
		const submittedAt = this.session.deps.now().toISOString();
		const audit = this.session.audit(`Handed in by ${student}`);
		const project = { ...this.session.project, audit };
		const submission = { student, submittedAt, grade: gradeProject(assignment.rubric, project) };
		const handed = { ...project, submission };
		const bytes = await this.session.run('Packing the submission', () =>
			this.session.deps.data.call('packProject', {
				project: handed,
				savedAt: submittedAt,
				extra: { 'report.md': submissionReport(handed, submission) }
			})
		);
		if (!bytes) return null;
		// Recorded once the file exists: a failed hand-in leaves no trace that says otherwise.
		this.session.update({
			...this.session.project,
			audit: [...this.session.project.audit, audit.at(-1)!]
		});
		const name = `${slug(assignment.title) || 'assignment'}-${slug(student) || 'student'}`;
		return { bytes, fileName: `${name}${PROJECT_FILE_EXTENSION}` };
	}
}
