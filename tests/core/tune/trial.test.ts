import { describe, expect, it } from 'vitest';
import { DEFAULT_TREE_SPEC } from '../../../src/core/models/tree/decision-tree';
import { DEFAULT_FOREST_SPEC } from '../../../src/core/models/forest/random-forest';
import { gridSpecs } from '../../../src/core/tune/search';
import { TUNING_SPACES } from '../../../src/core/tune/space';
import { bestTrial, queueTrials, trialsToRows, type Trial } from '../../../src/core/tune/trial';

function setup(): Trial[] {
	const trials = queueTrials(gridSpecs(DEFAULT_TREE_SPEC, TUNING_SPACES.tree, ['maxDepth']));
	trials[0] = { ...trials[0], status: 'done', metrics: { roc_auc: 0.8, log_loss: 0.5 }, fitMs: 12 };
	trials[1] = {
		...trials[1],
		status: 'done',
		metrics: { roc_auc: 0.85, log_loss: 0.45 },
		sd: { roc_auc: 0.02, log_loss: 0.01 },
		fitMs: 20
	};
	trials[2] = { ...trials[2], status: 'done', metrics: { roc_auc: 0.85, log_loss: 0.4 } };
	trials[3] = {
		...trials[3],
		status: 'failed',
		metrics: { roc_auc: 0.99, log_loss: 0.1 },
		error: { kind: 'core-error', code: 'cancelled', message: 'Cancelled.' }
	};
	return trials;
}

describe('trials', () => {
	it('queues one numbered trial per spec', () => {
		const trials = queueTrials(gridSpecs(DEFAULT_TREE_SPEC), 10);
		expect(trials).toHaveLength(12);
		expect(trials.map((t) => t.id).slice(0, 3)).toEqual([10, 11, 12]);
		expect(trials.every((t) => t.status === 'queued')).toBe(true);
	});

	it("picks the best finished trial in the metric's direction, the earliest on a tie", () => {
		const trials = setup();
		expect(bestTrial(trials, 'roc_auc')?.id).toBe(1);
		expect(bestTrial(trials, 'log_loss')?.id).toBe(2);
		expect(bestTrial(trials, 'rmse')).toBeNull();
		expect(bestTrial([], 'roc_auc')).toBeNull();
	});

	it('survives a JSON round trip', () => {
		const trials = setup();
		trials[1].curve = [{ iteration: 1, loss: 0.6, validation: 0.65 }];
		expect(JSON.parse(JSON.stringify(trials))).toEqual(trials);
		const forest = queueTrials(gridSpecs(DEFAULT_FOREST_SPEC));
		expect(JSON.parse(JSON.stringify(forest))).toEqual(forest);
	});

	it('lays trials out as a table: parameters as forms show them, metrics with their spread', () => {
		const trials = setup();
		const params = TUNING_SPACES.tree.filter((p) => p.key === 'maxDepth');
		const table = trialsToRows(trials, params, ['roc_auc']);
		expect(table.columns.map((c) => c.label)).toEqual([
			'Maximum depth',
			'ROC-AUC',
			'ROC-AUC SD',
			'Fit time (ms)'
		]);
		expect(table.rows.map((r) => r.cells)).toEqual([
			['2', 0.8, null, 12],
			['4', 0.85, 0.02, 20],
			['8', 0.85, null, null],
			['16', 0.99, null, null]
		]);
		expect(table.rows.map((r) => r.best)).toEqual([false, true, false, false]);
		expect(table.rows[3].status).toBe('failed');
		const forest = trialsToRows(
			queueTrials(gridSpecs(DEFAULT_FOREST_SPEC)),
			TUNING_SPACES.forest.slice(0, 1),
			[]
		);
		expect(forest.rows.slice(0, 1).map((r) => r.cells)).toEqual([['No limit', null]]);
	});
});
