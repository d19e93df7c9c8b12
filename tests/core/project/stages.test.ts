import { describe, expect, it } from 'vitest';
import { EMPTY_BRIEF } from '../../../src/core/brief/brief';
import { emptyProject, type Project } from '../../../src/core/project/project';
import {
	STAGES,
	stageStatuses,
	type StageName,
	type StageStatus
} from '../../../src/core/project/stages';
import { DEFAULT_SPLIT_PLAN, splitRows } from '../../../src/core/split/split';
import { evaluationRecord, runRecord } from './fixtures';

const LOADED: Project = {
	...emptyProject(),
	dataset: { fileName: 'churn.csv', bytes: 120, fingerprint: 'f'.repeat(64) }
};
const DEFINED: Project = {
	...LOADED,
	brief: {
		...EMPTY_BRIEF,
		decision: 'Who to call',
		users: 'Retention team',
		costs: 'A call vs. a customer',
		target: 'churn',
		task: 'binary',
		positiveClass: 'yes',
		metric: 'roc_auc',
		kpiThreshold: 0.8,
		interpretable: false,
		latencyBudgetUs: null,
		modelBytesBudget: null
	}
};
const SPLIT: Project = {
	...DEFINED,
	split: splitRows(10, DEFAULT_SPLIT_PLAN, new Int32Array(10))
};
const CHOSEN: Project = { ...SPLIT, choice: { kind: 'linear', l2: 1 } };
const TRAINED: Project = {
	...CHOSEN,
	runs: [
		runRecord('r0', { kind: 'baseline' }, { roc_auc: 0.5 }),
		runRecord('r1', { kind: 'linear', l2: 1 }, { roc_auc: 0.9 })
	]
};
const EVALUATED: Project = { ...TRAINED, evaluation: evaluationRecord('r1') };
const SHIPPED: Project = { ...EVALUATED, shippedAt: '2024-03-01T14:00:00.000Z' };

/** Returns the statuses as [stage, state, note, open] rows, for readable expectations. */
function rows(project: Project): [string, StageStatus['state'], string, boolean][] {
	return stageStatuses(project).map((s) => [s.stage, s.state, s.note, s.open]);
}

describe('stageStatuses', () => {
	it('asks for a dataset first and blocks everything else', () => {
		expect(rows(emptyProject())).toEqual([
			['define', 'todo', 'Load a dataset.', true],
			['prepare', 'blocked', 'Finish Define first.', false],
			['choose', 'blocked', 'Finish Define first.', false],
			['train', 'blocked', 'Finish Define first.', false],
			['evaluate', 'blocked', 'Finish Define first.', false],
			['ship', 'blocked', 'Finish Define first.', false]
		]);
	});

	it('lists the gaps of the brief and opens Prepare once a dataset is loaded', () => {
		expect(rows(LOADED)).toEqual([
			[
				'define',
				'todo',
				'To do: choose the target column, choose the task, choose the primary metric, set the KPI threshold.',
				true
			],
			['prepare', 'blocked', 'Finish Define first.', true],
			['choose', 'blocked', 'Finish Define first.', false],
			['train', 'blocked', 'Finish Define first.', false],
			['evaluate', 'blocked', 'Finish Define first.', false],
			['ship', 'blocked', 'Finish Define first.', false]
		]);
	});

	it('moves the first unfinished stage along as the project progresses', () => {
		const steps: [Project, StageName, string, string][] = [
			[DEFINED, 'prepare', 'Make the train / validation / test split.', 'Prepare'],
			[SPLIT, 'choose', 'Choose a model family.', 'Choose'],
			[CHOSEN, 'train', 'Train the chosen model.', 'Train'],
			[TRAINED, 'evaluate', 'Reveal the test set and judge the model.', 'Evaluate'],
			[EVALUATED, 'ship', 'Download the model bundle.', 'Ship']
		];
		for (const [project, current, note, label] of steps) {
			const statuses = stageStatuses(project);
			const at = STAGES.indexOf(current);
			statuses.forEach((status, i) => {
				if (i < at)
					expect(status).toEqual({ stage: STAGES[i], state: 'done', note: 'Done.', open: true });
				if (i === at) expect(status).toEqual({ stage: current, state: 'todo', note, open: true });
				if (i > at) {
					expect(status.state).toBe('blocked');
					expect(status.note).toBe(`Finish ${label} first.`);
					expect(status.open).toBe(false);
				}
			});
		}
	});

	it('marks every stage done once the bundle is downloaded', () => {
		expect(stageStatuses(SHIPPED).every((s) => s.state === 'done' && s.open)).toBe(true);
	});

	it('counts only runs of the chosen family as training it', () => {
		const baselineOnly: Project = { ...CHOSEN, runs: [TRAINED.runs[0]] };
		expect(stageStatuses(baselineOnly)[3]).toMatchObject({ stage: 'train', state: 'todo' });
		const otherChoice: Project = { ...TRAINED, choice: { kind: 'baseline' } };
		expect(stageStatuses(otherChoice)[3]).toMatchObject({ stage: 'train', state: 'done' });
	});

	it('blocks the later stages again when the brief loses its target', () => {
		const reopened: Project = { ...SHIPPED, brief: { ...SHIPPED.brief, target: null } };
		expect(rows(reopened).slice(0, 3)).toEqual([
			['define', 'todo', 'To do: choose the target column.', true],
			['prepare', 'blocked', 'Finish Define first.', true],
			['choose', 'blocked', 'Finish Define first.', false]
		]);
	});
});
