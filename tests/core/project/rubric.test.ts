import { describe, expect, it } from 'vitest';
import { emptyProject, type Project, type RunRecord } from '../../../src/core/project/project';
import { gradeProject, type Criterion } from '../../../src/core/project/rubric';
import type { Split } from '../../../src/core/split/split';
import { evaluationRecord, runRecord } from './fixtures';

/** A run whose recipe reads `inputs` and applies `steps`. */
function runReading(inputs: string[], steps: unknown[] = []): RunRecord {
	const run = runRecord('run-2', { kind: 'linear' } as never, { roc_auc: 0.8 });
	const recipe = {
		...run.pipeline.recipe,
		inputs: inputs.map((name) => ({ name, kind: 'number' as const })),
		steps
	};
	return { ...run, pipeline: { ...run.pipeline, recipe } } as RunRecord;
}

function judged(run: RunRecord, extra: Partial<Project> = {}): Project {
	return {
		...emptyProject(),
		runs: [runRecord('run-1', { kind: 'baseline' }, { roc_auc: 0.5 }), run],
		evaluation: evaluationRecord('run-2'),
		...extra
	};
}

const one = (criterion: Criterion, project: Project) =>
	gradeProject([{ criterion, points: 2 }], project).items[0];

describe('gradeProject', () => {
	it('adds up the points of the criteria met', () => {
		const project = judged(runReading(['age']), {
			looks: [{ at: '2024-03-01T13:00:00.000Z', runId: 'run-2', reason: null }]
		});
		const grade = gradeProject(
			[
				{ criterion: { kind: 'test-once' }, points: 2 },
				{ criterion: { kind: 'kpi-met' }, points: 3 },
				{ criterion: { kind: 'bundle' }, points: 1 }
			],
			project
		);
		expect(grade.items.map((i) => [i.label, i.met])).toEqual([
			['The test set is revealed once', true],
			['The model meets every KPI on the test set', true],
			['The model bundle is exported', false]
		]);
		expect([grade.earned, grade.possible]).toEqual([5, 6]);
	});

	it('counts a leak removed when the judged model does not read the column, or drops it', () => {
		const leak: Criterion = { kind: 'leak-removed', column: 'y_code' };
		expect(one(leak, judged(runReading(['age', 'y_code'])))).toMatchObject({
			met: false,
			evidence: 'The judged model (run-2) reads y_code.',
			label: 'The leaky column y_code is not a model input'
		});
		expect(one(leak, judged(runReading(['age'])))).toMatchObject({ met: true });
		const dropped = runReading(['age', 'y_code'], [{ kind: 'drop-columns', columns: ['y_code'] }]);
		expect(one(leak, judged(dropped)).met).toBe(true);
		expect(one(leak, { ...judged(runReading(['age'])), evaluation: null })).toMatchObject({
			met: false,
			evidence: 'No model has been judged on the test set yet.'
		});
	});

	it('checks the split is by time on the named column', () => {
		const byTime: Criterion = { kind: 'split-by-time', column: 'dteday' };
		const split = (plan: object) => ({ plan }) as unknown as Split;
		const base = judged(runReading(['age']));
		expect(one(byTime, base)).toMatchObject({ met: false, evidence: 'No split has been made.' });
		expect(one(byTime, { ...base, split: split({ kind: 'time', column: 'dteday' }) }).met).toBe(
			true
		);
		expect(one(byTime, { ...base, split: split({ stratify: false }) })).toMatchObject({
			met: false,
			evidence: 'The split is random.'
		});
	});

	it('checks fairness by a column only when it is sensitive and the evaluation reports it', () => {
		const fair: Criterion = { kind: 'fairness-checked', column: 'sex' };
		const base = judged(runReading(['age']));
		expect(one(fair, base).evidence).toBe('sex is not marked sensitive in the brief.');
		const marked = { ...base, brief: { ...base.brief, sensitiveColumns: ['sex'] } };
		expect(one(fair, marked).evidence).toBe('No evaluation reports fairness by sex yet.');
		const withReport = (report: object) =>
			({
				...marked,
				evaluation: {
					...marked.evaluation!,
					result: { ...marked.evaluation!.result, fairness: [report] }
				}
			}) as Project;
		expect(one(fair, withReport({ kind: 'binary', column: 'sex', groups: [] })).met).toBe(true);
		expect(
			one(fair, withReport({ kind: 'unsupported', column: 'sex', reason: 'Binary tasks only.' }))
		).toMatchObject({ met: false, evidence: 'Binary tasks only.' });
	});
});

describe('gradeProject, against the teacher', () => {
	const assignment = {
		title: 'Week 3',
		instructions: '',
		createdAt: '2024-03-01T10:00:00.000Z',
		planted: null,
		rubric: [],
		kpis: [{ metric: 'roc_auc' as const, threshold: 0.95 }]
	};

	it('holds the test scores to the assignment’s KPIs, not to an easy one the student set', () => {
		// The student's own KPI (0.7) is met by 0.9; the assignment asks 0.95.
		const project = { ...judged(runReading(['age'])), assignment };
		expect(one({ kind: 'kpi-met' }, project)).toMatchObject({
			met: false,
			evidence: "On test, against the assignment's KPIs: ROC-AUC 0.9 (asked: ≥ 0.95)."
		});
		const easier = {
			...project,
			assignment: { ...assignment, kpis: [{ ...assignment.kpis[0], threshold: 0.85 }] }
		};
		expect(one({ kind: 'kpi-met' }, easier).met).toBe(true);
		const none = { ...project, assignment: { ...assignment, kpis: [] } };
		expect(one({ kind: 'kpi-met' }, none).evidence).toMatch(/^Against the student's own KPIs: /);
	});

	it('counts a leak as read when a step derives from it before it is dropped', () => {
		const leak: Criterion = { kind: 'leak-removed', column: 'y_code' };
		const derived = runReading(
			['age', 'y_code'],
			[
				{ kind: 'log', column: 'y_code' },
				{ kind: 'drop-columns', columns: ['y_code'] }
			]
		);
		expect(one(leak, judged(derived)).met).toBe(false);
	});

	it('names the split it found, and says when a criterion is beyond this version', () => {
		const byTime: Criterion = { kind: 'split-by-time', column: 'dteday' };
		const base = judged(runReading(['age']));
		const stratified = { ...base, split: { plan: { stratify: true } } as unknown as Split };
		expect(one(byTime, stratified).evidence).toBe('The split is stratified.');
		const grouped = {
			...base,
			split: { plan: { kind: 'group', column: 'id' } } as unknown as Split
		};
		expect(one(byTime, grouped).evidence).toBe('The split is group on id.');
		expect(one({ kind: 'telepathy' } as unknown as Criterion, base)).toMatchObject({
			met: false,
			evidence: 'This version of Shipshape cannot check this criterion.'
		});
	});
});
