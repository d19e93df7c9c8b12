import { briefGaps } from '../brief/brief';
import { assertNever } from '../util/assert-never';
import type { Project } from './project';

/** The six stages of an ML project, in order. */
export const STAGES = ['define', 'prepare', 'choose', 'train', 'evaluate', 'ship'] as const;
export type StageName = (typeof STAGES)[number];

export const STAGE_LABELS: Record<StageName, string> = {
	define: 'Define',
	prepare: 'Prepare',
	choose: 'Choose',
	train: 'Train',
	evaluate: 'Evaluate',
	ship: 'Ship'
};

/** Where a stage stands: done, ready to work on, or blocked by an earlier stage. */
export interface StageStatus {
	stage: StageName;
	state: 'done' | 'todo' | 'blocked';
	/** What is left to do, or why the stage is blocked. */
	note: string;
	/** Whether its page can be shown: Prepare shows the data as soon as it is loaded. */
	open: boolean;
}

function todoNote(project: Project, stage: StageName): string | null {
	switch (stage) {
		case 'define': {
			if (!project.dataset) return 'Load a dataset.';
			const gaps = briefGaps(project.brief);
			return gaps.length > 0 ? `To do: ${gaps.join(', ')}.` : null;
		}
		case 'prepare':
			return project.split ? null : 'Make the train / validation / test split.';
		case 'choose':
			return project.choice ? null : 'Choose a model family.';
		case 'train':
			return project.runs.some((r) => r.spec.kind === project.choice?.kind)
				? null
				: 'Train the chosen model.';
		case 'evaluate':
			return project.evaluation ? null : 'Reveal the test set and judge the model.';
		case 'ship':
			return project.shippedAt ? null : 'Download the model bundle.';
		default:
			return assertNever(stage, 'stage');
	}
}

/** Returns each stage's status: a stage is blocked until the one before it is done. */
export function stageStatuses(project: Project): StageStatus[] {
	let blocker: StageName | null = null;
	return STAGES.map((stage): StageStatus => {
		if (blocker) {
			const open = stage === 'prepare' && project.dataset !== null;
			return { stage, state: 'blocked', note: `Finish ${STAGE_LABELS[blocker]} first.`, open };
		}
		const note = todoNote(project, stage);
		if (note === null) return { stage, state: 'done', note: 'Done.', open: true };
		blocker = stage;
		return { stage, state: 'todo', note, open: true };
	});
}
