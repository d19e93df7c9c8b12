// The deliverables of an ML project, one or two per stage, read off the project: what a guided
// learner ticks off and what a teacher's rubric checks.
import { briefGaps } from '../brief/brief';
import { metricInfo } from '../evaluate/metric-catalogue';
import type { Project } from './project';
import type { StageName } from './stages';

export type ChecklistId =
	'brief' | 'split' | 'baseline-beaten' | 'test-once' | 'slices' | 'bundle' | 'monitor';

/** One deliverable: done, still to do, or broken (done in a way that cannot be undone). */
export interface ChecklistItem {
	id: ChecklistId;
	stage: StageName;
	label: string;
	state: 'done' | 'todo' | 'broken';
	/** What was done, what is left, or what went wrong, in a sentence. */
	detail: string;
}

/** The review of the test slices the user wrote, for the look at the test set it was written on. */
export interface SlicesReview {
	at: string;
	/** The run judged, and when the look whose slices were reviewed was taken. */
	runId: string;
	lookAt: string;
	note: string;
}

/** Returns when the current evaluation's latest look at the test set was taken. */
export function latestLookAt(evaluation: NonNullable<Project['evaluation']>): string {
	return evaluation.looks?.at(-1)?.at ?? evaluation.revealedAt;
}

/** Returns the slices review of the current look at the test set, or null: a later look needs its own. */
export function currentSlicesReview(project: Project): SlicesReview | null {
	const { slicesReview: review, evaluation } = project;
	return review &&
		evaluation &&
		review.runId === evaluation.runId &&
		review.lookAt === latestLookAt(evaluation)
		? review
		: null;
}

/** Returns the project's checklist, in the order of the stages. */
export function checklist(project: Project): ChecklistItem[] {
	return [
		briefItem(project),
		splitItem(project),
		baselineItem(project),
		testOnceItem(project),
		slicesItem(project),
		{
			id: 'bundle',
			stage: 'ship',
			label: 'Model bundle exported',
			...(project.shippedAt
				? { state: 'done', detail: 'The bundle was downloaded.' }
				: { state: 'todo', detail: 'Download the model bundle in Ship.' })
		},
		{
			id: 'monitor',
			stage: 'ship',
			label: 'Monitoring set up',
			...(project.monitored
				? { state: 'done', detail: `A batch was checked for drift (${project.monitored.batch}).` }
				: { state: 'todo', detail: 'Check a batch of new rows for drift in Ship.' })
		}
	];
}

function briefItem(project: Project): ChecklistItem {
	const gaps = briefGaps(project.brief);
	if (!project.brief.decision.trim()) gaps.unshift('say what decision the model supports');
	const base = { id: 'brief', stage: 'define', label: 'Brief written' } as const;
	return gaps.length === 0
		? { ...base, state: 'done', detail: 'Decision, target, metric and KPI are set.' }
		: { ...base, state: 'todo', detail: `To do: ${gaps.join(', ')}.` };
}

function splitItem(project: Project): ChecklistItem {
	const base = { id: 'split', stage: 'prepare', label: 'Clean dataset, split' } as const;
	if (!project.split)
		return {
			...base,
			state: 'todo',
			detail: 'Check the data, prepare it and make the split in Prepare.'
		};
	const steps = project.recipe.length;
	return {
		...base,
		state: 'done',
		detail: `${steps} preparation step${steps === 1 ? '' : 's'}; the test rows are locked.`
	};
}

function baselineItem(project: Project): ChecklistItem {
	const base = { id: 'baseline-beaten', stage: 'train', label: 'Baseline beaten' } as const;
	const metric = project.brief.metric;
	const baseline = project.runs.find((r) => r.spec.kind === 'baseline');
	const floor = metric ? baseline?.valMetrics[metric] : undefined;
	if (!metric || floor === undefined)
		return { ...base, state: 'todo', detail: 'Train a model: its baseline is trained with it.' };
	const { higherIsBetter, label } = metricInfo(metric);
	const beats = (value: number | undefined) =>
		value !== undefined && (higherIsBetter ? value > floor : value < floor);
	const winner = project.runs.find(
		(r) => r.spec.kind !== 'baseline' && beats(r.valMetrics[metric])
	);
	return winner
		? {
				...base,
				state: 'done',
				detail: `${winner.id} beats the baseline on validation ${label}.`
			}
		: {
				...base,
				state: 'todo',
				detail: `No run beats the baseline's validation ${label} yet.`
			};
}

function testOnceItem(project: Project): ChecklistItem {
	const base = { id: 'test-once', stage: 'evaluate', label: 'Test set revealed once' } as const;
	const looks = project.looks.length;
	if (looks === 0)
		return { ...base, state: 'todo', detail: 'Reveal the test set in Evaluate, once.' };
	if (looks === 1) return { ...base, state: 'done', detail: 'Revealed once.' };
	return {
		...base,
		state: 'broken',
		detail: `Looked at ${looks} times: every look after the first is recorded and flagged in the report.`
	};
}

function slicesItem(project: Project): ChecklistItem {
	const base = { id: 'slices', stage: 'evaluate', label: 'Slices checked' } as const;
	const review = currentSlicesReview(project);
	if (review) return { ...base, state: 'done', detail: `Reviewed: “${review.note}”` };
	const evaluation = project.evaluation;
	return {
		...base,
		state: 'todo',
		detail: evaluation
			? 'Read the weakest slices in Evaluate and write down what you found.'
			: 'After the test reveal, read the weakest slices and write down what you found.'
	};
}
