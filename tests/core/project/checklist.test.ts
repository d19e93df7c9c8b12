import { describe, expect, it } from 'vitest';
import { checklist, type ChecklistId } from '../../../src/core/project/checklist';
import { emptyProject, type Project } from '../../../src/core/project/project';
import type { Split } from '../../../src/core/split/split';
import { evaluationRecord, runRecord } from './fixtures';

const stateOf = (project: Project) =>
	Object.fromEntries(checklist(project).map((item) => [item.id, item.state])) as Record<
		ChecklistId,
		string
	>;
const item = (project: Project, id: ChecklistId) => checklist(project).find((i) => i.id === id)!;

const LOOK = { at: '2024-03-01T12:05:00.000Z', runId: 'run-2', reason: null };

/** A project whose brief is complete, split, with a baseline and a linear run on ROC-AUC. */
function worked(linearAuc: number): Project {
	const base = emptyProject();
	return {
		...base,
		dataset: { fileName: 'x.csv', bytes: 10, fingerprint: 'f' },
		brief: {
			...base.brief,
			decision: 'Who to call first',
			target: 'y',
			task: 'binary',
			positiveClass: 'yes',
			metric: 'roc_auc',
			kpiThreshold: 0.7
		},
		split: { counts: { train: 6, val: 2, test: 2 } } as Split,
		runs: [
			runRecord('run-1', { kind: 'baseline' }, { roc_auc: 0.5 }),
			runRecord('run-2', { kind: 'linear' } as never, { roc_auc: linearAuc })
		]
	};
}

describe('checklist', () => {
	it('lists every deliverable as to do on an empty project, in stage order', () => {
		const items = checklist(emptyProject());
		expect(items.map((i) => [i.id, i.stage, i.state])).toEqual([
			['brief', 'define', 'todo'],
			['split', 'prepare', 'todo'],
			['baseline-beaten', 'train', 'todo'],
			['test-once', 'evaluate', 'todo'],
			['slices', 'evaluate', 'todo'],
			['bundle', 'ship', 'todo'],
			['monitor', 'ship', 'todo']
		]);
	});

	it('wants the decision written, not only the target and KPI', () => {
		const project = worked(0.8);
		expect(item(project, 'brief').state).toBe('done');
		const silent = { ...project, brief: { ...project.brief, decision: '  ' } };
		expect(item(silent, 'brief')).toMatchObject({
			state: 'todo',
			detail: 'To do: say what decision the model supports.'
		});
	});

	it('counts the baseline beaten only when a run beats it on validation, in the metric’s direction', () => {
		expect(item(worked(0.8), 'baseline-beaten')).toMatchObject({
			state: 'done',
			detail: 'run-2 beats the baseline on validation ROC-AUC.'
		});
		expect(item(worked(0.5), 'baseline-beaten').state).toBe('todo');
		expect(item(worked(0.4), 'baseline-beaten').state).toBe('todo');
		// Lower is better for RMSE: 900 beats a baseline of 1,000.
		const regression = {
			...worked(0),
			brief: { ...worked(0).brief, task: 'regression' as const, metric: 'rmse' as const },
			runs: [
				runRecord('run-1', { kind: 'baseline' }, { rmse: 1000 }),
				runRecord('run-2', { kind: 'linear' } as never, { rmse: 900 })
			]
		};
		expect(item(regression, 'baseline-beaten').state).toBe('done');
		regression.runs[1] = runRecord('run-2', { kind: 'linear' } as never, { rmse: 1100 });
		expect(item(regression, 'baseline-beaten').state).toBe('todo');
	});

	it('marks a second look at the test set as broken', () => {
		const once = { ...worked(0.8), looks: [LOOK], evaluation: evaluationRecord('run-2') };
		expect(item(once, 'test-once').state).toBe('done');
		const twice = { ...once, looks: [LOOK, { ...LOOK, reason: 'changed the threshold rule' }] };
		expect(item(twice, 'test-once')).toMatchObject({
			state: 'broken',
			detail: 'Looked at 2 times: every look after the first is recorded and flagged in the report.'
		});
	});

	it('counts a slices review only for the evaluation it was written on', () => {
		const evaluation = evaluationRecord('run-2');
		const review = {
			at: '2024-03-01T12:10:00.000Z',
			runId: 'run-2',
			lookAt: evaluation.revealedAt,
			note: 'Third class is the weakest slice.'
		};
		const project = { ...worked(0.8), looks: [LOOK], evaluation, slicesReview: review };
		expect(item(project, 'slices')).toMatchObject({
			state: 'done',
			detail: 'Reviewed: “Third class is the weakest slice.”'
		});
		const later = { ...project, evaluation: { ...evaluation, runId: 'run-3' } };
		expect(item(later, 'slices').state).toBe('todo');
		// Another look at the same run shows its slices anew: they need a review of their own.
		const again = {
			at: '2024-03-01T14:00:00.000Z',
			runId: 'run-2',
			reason: 'a new threshold rule'
		};
		const looks = [{ at: evaluation.revealedAt, runId: 'run-2', reason: null }, again];
		const relooked = { ...project, evaluation: { ...evaluation, looks } };
		expect(item(relooked, 'slices').state).toBe('todo');
		const reviewedAgain = { ...relooked, slicesReview: { ...review, lookAt: again.at } };
		expect(item(reviewedAgain, 'slices').state).toBe('done');
		expect(item({ ...project, evaluation: null }, 'slices').state).toBe('todo');
	});

	it('ticks the bundle and the monitor off from what Ship recorded', () => {
		const shipped = {
			...worked(0.8),
			shippedAt: '2024-03-01T13:00:00.000Z',
			monitored: { at: '2024-03-02T09:00:00.000Z', batch: 'march.csv' }
		};
		expect(stateOf(shipped)).toMatchObject({ bundle: 'done', monitor: 'done' });
		expect(item(shipped, 'monitor').detail).toBe('A batch was checked for drift (march.csv).');
	});
});
