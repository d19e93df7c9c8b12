import { describe, expect, it } from 'vitest';
import { holdoutRows } from '../../../src/core/brief/baseline-check';
import { briefMarkdown } from '../../../src/core/brief/brief-export';
import {
	briefGaps,
	EMPTY_BRIEF,
	outputColumnsOf,
	toTargetSpec
} from '../../../src/core/brief/brief';
import { tidyBrief } from '../../../src/core/brief/brief-checks';
import { summarizeTarget } from '../../../src/core/brief/target';
import { scoreTest } from '../../../src/core/evaluate/test-scores';
import { encodeTargetOf, scorePrediction, type TargetSpec } from '../../../src/core/ship/pipeline';
import { DEFAULT_SPLIT_PLAN, DROPPED, type SplitPlan } from '../../../src/core/split/split';
import { loadDataset, NO_CHOICES, splitDataset } from '../../../src/core/table/dataset';
import { bytesSource } from '../../../src/core/table/ingest';
import { createRng } from '../../../src/core/util/rng';
import { categories, expectCoreError, numbers } from '../helpers';

const RANKING: TargetSpec = { name: 'rel', task: 'ranking', query: 'q' };

describe('the ranking brief', () => {
	const brief = { ...EMPTY_BRIEF, target: 'rel', task: 'ranking' as const, metric: null };

	it('needs a query column, which becomes part of the target spec and never an input', () => {
		expect(briefGaps(brief)).toContain('choose the query column');
		const summary = summarizeTarget(numbers('rel', [0, 1, 2, 0, 3]));
		expect(toTargetSpec(brief, summary)).toBeNull();
		const complete = { ...brief, queryColumn: 'q' };
		expect(briefGaps(complete)).not.toContain('choose the query column');
		expect(toTargetSpec(complete, summary)).toEqual(RANKING);
		expect(outputColumnsOf(complete)).toEqual(['rel', 'q']);
	});

	it('drops the query column outside a ranking task, or when it is the target', () => {
		expect(tidyBrief({ ...brief, queryColumn: 'q' }).queryColumn).toBe('q');
		expect(tidyBrief({ ...brief, task: 'regression', queryColumn: 'q' }).queryColumn).toBeNull();
		expect(tidyBrief({ ...brief, queryColumn: 'rel' }).queryColumn).toBeNull();
		expect(outputColumnsOf({ ...brief, task: 'regression', queryColumn: 'q' })).toEqual(['rel']);
	});
});

describe('encodeTargetOf for ranking', () => {
	it('codes each row by its query and refuses a row without one', async () => {
		const table = {
			rowCount: 4,
			columns: [numbers('rel', [1, 0, 2, 1]), categories('q', ['a', 'b', 'a', 'b'])]
		};
		const truth = encodeTargetOf(RANKING, table);
		expect(truth).toEqual({
			kind: 'values',
			y: Float64Array.from([1, 0, 2, 1]),
			queries: Int32Array.from([0, 1, 0, 1])
		});
		const missing = {
			...table,
			columns: [table.columns[0], categories('q', ['a', null, 'a', 'b'])]
		};
		await expectCoreError(() => encodeTargetOf(RANKING, missing), 'missing-query', /Row 2/);
	});

	it('scores NDCG, MAP and RMSE per query, not over the pooled rows', () => {
		// Query a is ranked perfectly, query b upside down.
		const truth = {
			kind: 'values' as const,
			y: Float64Array.from([2, 0, 0, 1]),
			queries: Int32Array.from([0, 0, 1, 1])
		};
		const prediction = { kind: 'values' as const, values: Float64Array.from([2, 0, 1, 0]) };
		const metrics = scorePrediction(RANKING, truth, prediction);
		const upsideDown = 1 / Math.log2(3);
		expect(metrics.ndcg_at_10).toBeCloseTo((1 + upsideDown) / 2, 12);
		expect(metrics.map).toBeCloseTo((1 + 0.5) / 2, 12);
		expect(metrics.rmse).toBeCloseTo(Math.sqrt(2 / 4), 12);
	});
});

describe('the test bootstrap of a ranking', () => {
	it('resamples whole queries: queries that all score the same give a point interval', async () => {
		// Six queries, each ranked perfectly: every resample of whole queries scores NDCG 1, whereas
		// resampled rows would break queries apart (and drop some to one row).
		const n = 6;
		const y = Float64Array.from({ length: n * 3 }, (_, i) => i % 3);
		const queries = Int32Array.from({ length: n * 3 }, (_, i) => Math.floor(i / 3));
		const truth = { kind: 'values' as const, y, queries };
		const model = { target: RANKING, prediction: { kind: 'values' as const, values: y } };
		const baseline = {
			target: RANKING,
			prediction: { kind: 'values' as const, values: new Float64Array(n * 3) }
		};
		const scores = await scoreTest(truth, model, baseline, 'ndcg_at_10', createRng(1));
		expect(scores.intervals.ndcg_at_10).toEqual({ low: 1, high: 1 });
		expect(scores.difference!.low).toBe(scores.difference!.high);
		expect(scores.difference!.low).toBeGreaterThan(0);
	});
});

describe('splitDataset for ranking', () => {
	const csv =
		'q,rel,x\n' +
		Array.from(
			{ length: 40 },
			(_, i) => `${i % 10 === 9 ? '' : Math.floor(i / 4)},${i % 3},${i}`
		).join('\n') +
		'\n';
	const load = () => loadDataset(bytesSource(new TextEncoder().encode(csv)), 'r.csv', NO_CHOICES);
	const target = { name: 'rel', kind: 'number' } as const;
	const plan = (extra: Partial<SplitPlan>): SplitPlan => ({ ...DEFAULT_SPLIT_PLAN, ...extra });

	it('keeps every query in one part and drops rows without a query', async () => {
		const dataset = await load();
		const split = splitDataset(
			dataset,
			target,
			'ranking',
			[],
			plan({ kind: 'group', column: 'q' }),
			'q'
		);
		const partOfQuery = new Map<number, number>();
		for (let row = 0; row < 40; row++) {
			if (row % 10 === 9) {
				expect(split.assignment[row]).toBe(DROPPED);
				continue;
			}
			const query = Math.floor(row / 4);
			const part = partOfQuery.get(query) ?? split.assignment[row];
			expect(split.assignment[row]).toBe(part);
			partOfQuery.set(query, part);
		}
		expect(split.counts.dropped).toBe(4);
		expect(new Set(partOfQuery.values()).size).toBeGreaterThan(1);
	});

	it('refuses a split that is not by group on the query column, and a missing query column', async () => {
		const dataset = await load();
		for (const bad of [plan({ kind: 'random' }), plan({ kind: 'group', column: 'x' })])
			await expectCoreError(
				() => splitDataset(dataset, target, 'ranking', [], bad, 'q'),
				'ranking-split',
				/query column "q"/
			);
		await expectCoreError(
			() => splitDataset(dataset, target, 'ranking', [], plan({ kind: 'group', column: 'q' })),
			'missing-query'
		);
	});
});

describe('the exported ranking brief', () => {
	it('names the query column, and says when it is missing', () => {
		const brief = { ...EMPTY_BRIEF, target: 'rel', task: 'ranking' as const, queryColumn: 'qid' };
		const context = { datasetName: 'rank_train.csv', date: '2026-11-27' };
		expect(briefMarkdown(brief, context)).toMatch(/\| Query column \| qid \|/);
		expect(briefMarkdown({ ...brief, queryColumn: null }, context)).toContain(
			'choose the query column'
		);
	});
});

describe('the hold-out of "Is ML the right tool?" for a ranking', () => {
	it('holds out a quarter of the queries whole', () => {
		const groups = Int32Array.from({ length: 40 }, (_, row) => Math.floor(row / 5));
		const rows = Int32Array.from({ length: 40 }, (_, row) => row);
		const { train, scored } = holdoutRows(rows, 7, 0.25, groups);
		const heldQueries = new Set(Array.from(scored, (row) => groups[row]));
		expect(heldQueries.size).toBe(2);
		expect(scored).toHaveLength(10);
		expect(train).toHaveLength(30);
		for (const row of train) expect(heldQueries.has(groups[row])).toBe(false);
		expect(() => holdoutRows(rows, 7, 0.25, new Int32Array(40))).toThrow(/at least 2 queries/);
	});
});
