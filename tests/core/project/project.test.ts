import { describe, expect, it } from 'vitest';
import { kpisOf } from '../../../src/core/brief/brief';
import { isBetter } from '../../../src/core/evaluate/metric-catalogue';
import {
	bestRun,
	clearDownstream,
	emptyProject,
	parseProject,
	PROJECT_VERSION,
	type Project
} from '../../../src/core/project/project';
import { DEFAULT_SPLIT_PLAN, splitRows } from '../../../src/core/split/split';
import { evaluationRecord, runRecord } from './fixtures';

const linear = (l2: number) => ({ kind: 'linear' as const, l2 });

describe('bestRun', () => {
	const higher = (a: number, b: number) => isBetter('roc_auc', a, b);
	const lower = (a: number, b: number) => isBetter('rmse', a, b);

	it('returns the run with the best value on a higher-is-better metric', () => {
		const runs = [
			runRecord('r1', linear(1), { roc_auc: 0.7 }),
			runRecord('r2', linear(0.1), { roc_auc: 0.9 }),
			runRecord('r3', linear(10), { roc_auc: 0.8 })
		];
		expect(bestRun(runs, 'roc_auc', higher)?.id).toBe('r2');
	});

	it('returns the run with the lowest value on a lower-is-better metric', () => {
		const runs = [
			runRecord('r1', linear(1), { rmse: 3 }),
			runRecord('r2', linear(0.1), { rmse: 1.5 }),
			runRecord('r3', linear(10), { rmse: 2 })
		];
		expect(bestRun(runs, 'rmse', lower)?.id).toBe('r2');
	});

	it('keeps the earlier run on a tie', () => {
		const runs = [
			runRecord('r1', linear(1), { roc_auc: 0.8 }),
			runRecord('r2', linear(2), { roc_auc: 0.8 })
		];
		expect(bestRun(runs, 'roc_auc', higher)?.id).toBe('r1');
	});

	it('ignores the baseline, missing values and values that are not finite', () => {
		const runs = [
			runRecord('r0', { kind: 'baseline' }, { roc_auc: 0.99 }),
			runRecord('r1', linear(1), { roc_auc: NaN }),
			runRecord('r2', linear(2), { roc_auc: Infinity }),
			runRecord('r3', linear(3), { accuracy: 1 }),
			runRecord('r4', linear(4), { roc_auc: 0.6 })
		];
		expect(bestRun(runs, 'roc_auc', higher)?.id).toBe('r4');
		expect(bestRun(runs.slice(0, 4), 'roc_auc', higher)).toBeNull();
		expect(bestRun([], 'roc_auc', higher)).toBeNull();
	});
});

describe('clearDownstream', () => {
	it('drops the split, runs, evaluation and shipping, and keeps the rest', () => {
		const project: Project = {
			...emptyProject(),
			dataset: { fileName: 'a.csv', bytes: 10, fingerprint: 'f' },
			features: ['x'],
			split: splitRows(4, DEFAULT_SPLIT_PLAN, new Int32Array(4)),
			choice: linear(1),
			runs: [runRecord('r1', linear(1), { roc_auc: 0.8 })],
			evaluation: evaluationRecord('r1'),
			audit: [{ at: '2024-03-01T12:00:00.000Z', action: 'Loaded a.csv' }],
			looks: [{ at: '2024-03-01T13:00:00.000Z', runId: 'r1', reason: null }],
			shippedAt: '2024-03-01T14:00:00.000Z'
		};
		const cleared = clearDownstream(project);
		// A new target or split does not make seen test rows unseen: the looks stay.
		expect(cleared.looks).toEqual(project.looks);
		expect(cleared).toEqual({
			...project,
			split: null,
			runs: [],
			evaluation: null,
			shippedAt: null
		});
		expect(project.runs).toHaveLength(1);
		expect(project.split).not.toBeNull();
	});
});

describe('parseProject', () => {
	it('returns a saved project as it was', () => {
		const project: Project = { ...emptyProject(), stage: 'prepare', seed: 7, features: ['a'] };
		expect(parseProject(structuredClone(project))).toEqual(project);
	});

	it('rejects values that are not projects of this version', () => {
		const valid = emptyProject();
		for (const value of [
			null,
			undefined,
			'project',
			42,
			[],
			{},
			{ ...valid, version: PROJECT_VERSION + 1 },
			{ ...valid, version: String(PROJECT_VERSION) },
			{ ...valid, runs: 'none' },
			{ ...valid, runs: undefined },
			{ ...valid, brief: 'none' },
			{ ...valid, brief: null },
			{ ...valid, dataset: 'x' },
			{ ...valid, split: 5 },
			{ ...valid, evaluation: [] },
			{ ...valid, stage: 'deploy' },
			{ ...valid, audit: 'none' }
		]) {
			expect(parseProject(value)).toBeNull();
		}
	});

	it('keeps the monitor’s drift thresholds, and drops saved ones that are no longer valid', () => {
		const driftOptions = { thresholds: { ks: 0.01, wasserstein: 0.2 }, datasetDriftShare: 0.3 };
		const saved = { ...emptyProject(), driftOptions };
		expect(parseProject(structuredClone(saved))).toEqual(saved);
		for (const bad of [{ datasetDriftShare: 2 }, { thresholds: { ks: 'low' } }, 'strict', [0.1]])
			expect(parseProject({ ...emptyProject(), driftOptions: bad })).toEqual(emptyProject());
	});

	it('fills fields an older save lacks with the defaults', () => {
		const parsed = parseProject({
			version: PROJECT_VERSION,
			runs: [],
			brief: emptyProject().brief
		});
		expect(parsed).toEqual(emptyProject());
	});

	it('gives a brief saved before cost matrices, extra KPIs and sensitive columns their defaults', () => {
		const older = {
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
		};
		const parsed = parseProject({ ...emptyProject(), brief: older });
		expect(parsed?.brief).toEqual({
			...older,
			costMatrix: null,
			queryColumn: null,
			extraKpis: [],
			sensitiveColumns: []
		});
		expect(kpisOf(parsed!.brief)).toEqual([{ metric: 'roc_auc', threshold: 0.8 }]);
	});

	it('keeps the cost matrix, extra KPIs and sensitive columns of a saved brief', () => {
		const project: Project = {
			...emptyProject(),
			brief: {
				...emptyProject().brief,
				target: 'churn',
				task: 'binary',
				positiveClass: 'yes',
				metric: 'roc_auc',
				kpiThreshold: 0.8,
				costMatrix: { falsePositive: 1, falseNegative: 5 },
				extraKpis: [{ metric: 'recall', threshold: 0.6 }],
				sensitiveColumns: ['sex']
			}
		};
		expect(parseProject(structuredClone(project))).toEqual(project);
	});

	it('drops unusable values of the new brief fields instead of refusing the project', () => {
		const parsed = parseProject({
			...emptyProject(),
			brief: {
				...emptyProject().brief,
				task: 'regression',
				costMatrix: { falsePositive: -1, falseNegative: 'a lot' },
				extraKpis: 'recall >= 0.6',
				sensitiveColumns: [42]
			}
		});
		expect(parsed?.brief).toMatchObject({ costMatrix: null, extraKpis: [], sensitiveColumns: [] });
	});

	it('reads the kind overrides of an earlier save as column choices, and keeps reading choices', () => {
		const older: Record<string, unknown> = {
			...emptyProject(),
			kindOverrides: [['grade', 'text']]
		};
		delete older.reading;
		const migrated = parseProject(older);
		expect(migrated).not.toHaveProperty('kindOverrides');
		expect(migrated?.reading).toEqual({
			dialect: {},
			missingTokens: null,
			columns: [['grade', { kind: 'text' }]]
		});
		const reading: Project['reading'] = {
			dialect: { delimiter: ';' },
			missingTokens: ['-'],
			columns: [['when', { kind: 'date', dateOrder: 'mdy' }]]
		};
		const saved: Project = { ...emptyProject(), reading };
		expect(parseProject(structuredClone(saved))).toEqual(saved);
		expect(parseProject({ ...emptyProject(), reading: 'none' })).toBeNull();
	});
});

describe('parseProject and the looks at the test set', () => {
	const saved = (extra: Partial<Project>) =>
		JSON.parse(JSON.stringify({ ...emptyProject(), ...extra })) as Record<string, unknown>;

	it('keeps the looks a project saved', () => {
		const looks = [
			{ at: '2024-03-01T13:00:00.000Z', runId: 'r1', reason: null },
			{ at: '2024-03-02T09:00:00.000Z', runId: 'r2', reason: 'the costs changed' }
		];
		expect(parseProject(saved({ looks }))?.looks).toEqual(looks);
	});

	it("reads an earlier version's looks from its audit trail, and gives them to its evaluation", () => {
		const value = saved({
			evaluation: evaluationRecord('r2'),
			audit: [
				{ at: '2024-03-01T12:00:00.000Z', action: 'Loaded a.csv' },
				{ at: '2024-03-01T13:00:00.000Z', action: 'Revealed the test set to judge r1' },
				{ at: '2024-03-01T13:00:01.000Z', action: 'Passed: ROC-AUC on test is 0.9' },
				{ at: '2024-03-02T09:00:00.000Z', action: 'Revealed the test set to judge r2' }
			]
		});
		delete value.looks;
		delete (value.evaluation as Record<string, unknown>).looks;
		const project = parseProject(value)!;
		expect(project.looks).toEqual([
			{ at: '2024-03-01T13:00:00.000Z', runId: 'r1', reason: null },
			{
				at: '2024-03-02T09:00:00.000Z',
				runId: 'r2',
				reason: 'not recorded: an earlier version of Shipshape asked no reason'
			}
		]);
		expect(project.evaluation?.looks).toEqual(project.looks);
	});

	it('starts with no looks', () => {
		const value = saved({});
		delete value.looks;
		expect(parseProject(value)?.looks).toEqual([]);
	});
});
