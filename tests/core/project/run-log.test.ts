import { describe, expect, it } from 'vitest';
import type { MetricValues } from '../../../src/core/evaluate/metric-catalogue';
import type { ModelSpec } from '../../../src/core/models/model';
import {
	comparisonWarning,
	MAX_UNWARNED_COMPARISONS,
	runLogColumns,
	runLogMetrics,
	runLogRows,
	runsToCsv,
	runsToJson,
	sortRuns,
	type LoggedRun
} from '../../../src/core/project/run-log';
import { parseCsv } from '../../../src/core/table/parse-csv';
import { rawRows } from '../../../src/core/table/table';
import { runRecord } from './fixtures';

const BASELINE: ModelSpec = { kind: 'baseline' };
const linear = (l2: number): ModelSpec => ({ kind: 'linear', l2 });

/** A logged run; `extra` overrides any field (train metrics, size, latency, tuning). */
function run(id: string, spec: ModelSpec, val: MetricValues, extra: Partial<LoggedRun> = {}) {
	return { ...runRecord(id, spec, val), ...extra } as LoggedRun;
}

const ids = (runs: readonly LoggedRun[]) => runs.map((r) => r.id);
const label = (spec: ModelSpec) => (spec.kind === 'linear' ? `linear (L2 ${spec.l2})` : spec.kind);

describe('sortRuns', () => {
	const runs = [
		run('r1', BASELINE, { roc_auc: 0.5 }),
		run('r2', linear(1), { roc_auc: 0.8 }),
		run('r3', linear(10), {}),
		run('r4', linear(2), { roc_auc: 0.8 }),
		run('r5', linear(9), { roc_auc: NaN }),
		run('r6', linear(3), { roc_auc: 0.9 })
	];
	const byAuc = { kind: 'val', metric: 'roc_auc' } as const;

	it('keeps ties in log order and puts missing and NaN last, in both directions', () => {
		expect(ids(sortRuns(runs, byAuc, 'ascending'))).toEqual(['r1', 'r2', 'r4', 'r6', 'r3', 'r5']);
		expect(ids(sortRuns(runs, byAuc, 'descending'))).toEqual(['r6', 'r2', 'r4', 'r1', 'r3', 'r5']);
	});

	it('sorts by log order, by label with numbers read as numbers, and by optional fields', () => {
		expect(ids(sortRuns(runs, { kind: 'run' }, 'descending'))).toEqual([
			'r6',
			'r5',
			'r4',
			'r3',
			'r2',
			'r1'
		]);
		expect(ids(sortRuns(runs, { kind: 'model' }, 'ascending', label))).toEqual([
			'r1',
			'r2',
			'r4',
			'r6',
			'r5',
			'r3'
		]);
		const sized = [run('a', BASELINE, {}), run('b', BASELINE, {}, { modelBytes: 10 })];
		expect(ids(sortRuns(sized, { kind: 'size' }, 'descending'))).toEqual(['b', 'a']);
	});

	it('does not change the runs it is given', () => {
		const before = ids(runs);
		sortRuns(runs, byAuc, 'descending');
		expect(ids(runs)).toEqual(before);
	});
});

describe('runLogRows', () => {
	it('shows the primary metric first, its train score, and marks the best non-baseline run', () => {
		const runs = [
			run('r1', BASELINE, { roc_auc: 0.99, accuracy: 0.6 }),
			run('r2', linear(1), { roc_auc: 0.8, accuracy: 0.75 }, { trainMetrics: { roc_auc: 0.97 } }),
			run('r3', linear(2), { roc_auc: 0.7 }, { fitMs: 2500, modelBytes: 2048, latencyUs: 3.14159 })
		];
		const metrics = runLogMetrics(runs, 'accuracy');
		expect(metrics).toEqual(['accuracy', 'roc_auc']);
		expect(runLogColumns(runs, metrics).map((c) => c.label)).toEqual([
			'run',
			'model',
			'Accuracy',
			'ROC-AUC',
			'train Accuracy',
			'fit time',
			'size',
			'latency',
			'backend',
			'seed'
		]);
		const rows = runLogRows(runs, ['roc_auc'], label);
		expect(rows.map((r) => r.best)).toEqual([false, true, false]);
		expect(rows[1].cells).toEqual([
			'r2',
			'linear (L2 1)',
			'0.8000',
			'0.9700',
			'n/a',
			'n/a',
			'n/a',
			'js',
			'42'
		]);
		expect(rows[2].cells.slice(4, 7)).toEqual(['2.5 s', '2.05 kB', '3.14 µs']);
	});

	it('sorts the rows without moving the best mark between tied runs', () => {
		const runs = [
			run('r1', linear(1), { rmse: 3 }),
			run('r2', linear(2), { rmse: 2 }),
			run('r3', linear(3), { rmse: 2 })
		];
		const key = { kind: 'model' } as const;
		const rows = runLogRows(runs, ['rmse'], label, { key, direction: 'descending' });
		expect(rows.map((r) => [r.run.id, r.best])).toEqual([
			['r3', false],
			['r2', true],
			['r1', false]
		]);
	});

	it('leaves out size and latency when no run measured them', () => {
		const runs = [run('r1', linear(1), { rmse: 2 }, { latencyUs: null })];
		const kinds = runLogColumns(runs, ['rmse']).map((c) => c.key.kind);
		expect(kinds).not.toContain('size');
		expect(kinds).not.toContain('latency');
	});

	it('adds a tuning column only when a run comes from a tuning search', () => {
		const plain = [run('r1', linear(1), { rmse: 2 })];
		expect(runLogColumns(plain, ['rmse']).some((c) => c.key.kind === 'tuning')).toBe(false);
		const tuned = [
			...plain,
			run(
				'r2',
				linear(2),
				{ rmse: 1 },
				{
					tuning: { sessionId: 'tune-2026-11-27T08:30:15.123Z', trial: 4 }
				}
			)
		];
		const rows = runLogRows(tuned, ['rmse'], label);
		// Numbered from 1 as the trial table shows it, the search named by when it started.
		expect(rows.map((r) => r.cells.at(-3))).toEqual(['n/a', 'trial 5, search of 2026-11-27 08:30']);
		expect(runLogColumns(tuned, ['rmse'])[2].firstDirection).toBe('ascending');
	});
});

describe('runsToCsv', () => {
	it('writes one row per run, and a spec with commas and quotes reads back as the same JSON', async () => {
		const spec = { kind: 'linear', l2: 0.5, note: 'say "hi", then =1+1' } as unknown as ModelSpec;
		const runs = [
			run(
				'r1',
				spec,
				{ roc_auc: 0.8 },
				{ trainMetrics: { roc_auc: 0.9, log_loss: 0.3 }, fitMs: 12, latencyUs: null }
			),
			run(
				'r2',
				BASELINE,
				{ roc_auc: 0.5, accuracy: 0.6 },
				{ modelBytes: 300, latencyUs: 1.5, tuning: { sessionId: 's1', trial: 2 } }
			)
		];
		const text = runsToCsv(runs);
		const { raw } = await parseCsv({ text, encoding: 'utf-8', bom: false });
		expect(raw.columns.map((c) => c.name)).toEqual([
			'id',
			'createdAt',
			'family',
			'spec',
			'seed',
			'backend',
			'dataFingerprint',
			'recipeHash',
			'features',
			'roc_auc',
			'accuracy',
			'train_roc_auc',
			'train_log_loss',
			'train_accuracy',
			'fitMs',
			'modelBytes',
			'latencyUs',
			'tuningSession',
			'tuningTrial'
		]);
		const [first, second] = rawRows(raw, 0, raw.rowCount);
		expect(raw.rowCount).toBe(2);
		expect(JSON.parse(first[3])).toEqual(spec);
		expect(first.slice(9, 15)).toEqual(['0.8', '', '0.9', '0.3', '', '12']);
		expect(first.slice(14)).toEqual(['12', '', '', '', '']);
		expect(second.slice(14)).toEqual(['', '300', '1.5', 's1', '2']);
	});
});

describe('runsToJson', () => {
	it('keeps every field but the pipeline', () => {
		const runs = [run('r1', linear(1), { rmse: 2 }, { latencyUs: 4 })];
		const parsed = JSON.parse(runsToJson(runs)) as Record<string, unknown>[];
		expect(parsed).toHaveLength(1);
		expect(parsed[0]).not.toHaveProperty('pipeline');
		expect(parsed[0]).toMatchObject({ id: 'r1', spec: { kind: 'linear', l2: 1 }, latencyUs: 4 });
		expect(runs[0].pipeline).toBeDefined();
	});
});

describe('comparisonWarning', () => {
	/** A baseline and `count` linear runs, the i-th scoring 0.7 + i / 100 ROC-AUC. */
	const many = (count: number) => [
		run('r0', BASELINE, { roc_auc: 0.5 }),
		...Array.from({ length: count }, (_, i) =>
			run(`r${i + 1}`, linear(i), { roc_auc: 0.7 + i / 100 })
		)
	];

	it(`stays quiet up to ${MAX_UNWARNED_COMPARISONS} models, baselines not counted`, () => {
		expect(comparisonWarning(many(MAX_UNWARNED_COMPARISONS), 'roc_auc')).toBeNull();
		expect(comparisonWarning([], 'roc_auc')).toBeNull();
	});

	it('warns past the threshold, with the spread of the best five and what to do', () => {
		const warning = comparisonWarning(many(MAX_UNWARNED_COMPARISONS + 1), 'roc_auc')!;
		expect(warning.comparisons).toBe(11);
		expect(warning.top).toBe(5);
		expect(warning.spread).toBeCloseTo(0.04, 12);
		expect(warning.message).toContain('11 models');
		expect(warning.message).toContain('within 0.0400 ROC-AUC');
		expect(warning.message).toMatch(/cross-validation/);
		expect(warning.message).toMatch(/test set/);
	});

	it('ranks error metrics lowest first, and leaves the spread out without a metric', () => {
		const runs = Array.from({ length: 12 }, (_, i) => run(`r${i}`, linear(i), { rmse: 10 + i }));
		expect(comparisonWarning(runs, 'rmse')!.spread).toBe(4);
		const bare = comparisonWarning(runs, null)!;
		expect(bare.spread).toBeNull();
		expect(bare.message).not.toContain('within');
	});

	it('counts only the runs on the data of the latest run', () => {
		const old = many(8).map((r) => ({ ...r, dataFingerprint: 'old' }));
		const recent = many(8).map((r) => ({ ...r, id: `n${r.id}` }));
		expect(comparisonWarning([...old, ...recent], 'roc_auc')).toBeNull();
	});
});
