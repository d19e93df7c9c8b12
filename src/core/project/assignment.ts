// A teacher's assignment as the project a student starts from, and a student's submission report.
import { EMPTY_BRIEF } from '../brief/brief';
import type { ColumnSchema } from '../table/schema';
import type { RawTable } from '../table/table';
import { checklist } from './checklist';
import { plantLeak } from './plant';
import { fingerprintOfBytes, packProject } from './project-file';
import { emptyProject, type Project } from './project';
import type { Assignment, Grade, Submission } from './rubric';

/**
 * Returns the project a student opens: the assignment's data (as `dataset` and `reading`), the
 * teacher's brief or a blank one, guided mode on, and nothing else of the teacher's work.
 */
export function assignmentProject(
	teacher: Project,
	assignment: Assignment,
	options: { givesBrief: boolean; dataset: NonNullable<Project['dataset']>; planted: boolean }
): Project {
	return {
		...emptyProject(),
		dataset: options.dataset,
		// A planted file is written afresh as plain comma-separated text: the dialect is sniffed anew.
		reading: options.planted ? { ...teacher.reading, dialect: {} } : teacher.reading,
		brief: options.givesBrief ? teacher.brief : { ...EMPTY_BRIEF },
		guided: true,
		assignment,
		audit: [{ at: assignment.createdAt, action: `Assignment "${assignment.title}" started` }]
	};
}

/** Returns the Markdown report a submission carries for the teacher to read. */
export function submissionReport(project: Project, submission: Submission): string {
	const { assignment, evaluation } = project;
	const lines = [
		`# ${assignment?.title ?? 'Project'}: submission by ${submission.student}`,
		'',
		`Submitted ${submission.submittedAt}. Data: ${project.dataset?.fileName ?? 'none'}.`,
		'',
		...gradeLines(submission.grade),
		'',
		'## Checklist',
		'',
		...checklist(project).map(
			(item) => `- [${item.state === 'done' ? 'x' : ' '}] ${item.label}: ${item.detail}`
		),
		'',
		'## Verdict on the test set',
		'',
		evaluation ? evaluation.result.verdict.summary : 'No model was judged on the test set.',
		'',
		'## Audit trail',
		'',
		...project.audit.map((entry) => `- ${entry.at}: ${entry.action}`),
		''
	];
	return lines.join('\n');
}

function gradeLines(grade: Grade): string[] {
	const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
	return [
		`## Rubric: ${grade.earned} of ${grade.possible} points`,
		'',
		'| criterion | met | points | evidence |',
		'|---|---|---|---|',
		...grade.items.map(
			(item) =>
				`| ${cell(item.label)} | ${item.met ? 'yes' : 'no'} | ${item.met ? item.points : 0} / ${item.points} | ${cell(item.evidence)} |`
		)
	];
}

/** What a teacher's assignment file is made from. */
export interface AssignmentRequest {
	teacher: Project;
	assignment: Assignment;
	givesBrief: boolean;
	/** Plant a leak: a noisy copy of the target, under this column name. */
	plant: { target: ColumnSchema; column: string } | null;
	savedAt: string;
}

/**
 * Returns the assignment as a project file: the data (rewritten with the planted column when
 * asked, seeded by the teacher's project seed) and the project a student starts from.
 */
export async function packAssignment(
	request: AssignmentRequest,
	raw: RawTable,
	original: Uint8Array,
	fileName: string
): Promise<Uint8Array<ArrayBuffer>> {
	const { teacher, assignment, givesBrief, plant, savedAt } = request;
	const data = plant
		? new TextEncoder().encode(plantLeak(raw, plant.target, plant.column, teacher.seed))
		: original;
	const dataset = { fileName, bytes: data.length, fingerprint: await fingerprintOfBytes(data) };
	const project = assignmentProject(teacher, assignment, {
		givesBrief,
		dataset,
		planted: plant !== null
	});
	return packProject(project, data, savedAt);
}
