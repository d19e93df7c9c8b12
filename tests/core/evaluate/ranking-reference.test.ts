import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateTest } from '../../../src/core/evaluate/evaluate-test';
import type { MetricName } from '../../../src/core/evaluate/metric-catalogue';
import type { ModelSpec } from '../../../src/core/models/model';
import { chooseInputs } from '../../../src/core/prepare/inputs';
import { defaultRecipe } from '../../../src/core/prepare/recipe';
import { outputColumns, type TargetSpec } from '../../../src/core/ship/pipeline';
import { bytesSource, ingestCsv } from '../../../src/core/table/ingest';
import { toSchema } from '../../../src/core/table/schema';
import { trainRun } from '../../../src/core/train/train-run';
import { DATASETS_DIR } from '../reference';

// REFERENCE.md's rank_lambdarank_sample rows: scikit-learn 1.2.1 pointwise regressors fitted on
// rank_train.csv and scored per query on rank_test.csv (the given split), `qid` dropped. Our MAP
// (relevance above 0 is relevant, no cut-off) is its map_rel>=1.
const REFERENCE_ROWS: Record<'linear' | 'baseline', Partial<Record<MetricName, number>>> = {
	linear: { ndcg_at_5: 0.701, ndcg_at_10: 0.7483, map: 0.7741, rmse: 0.7903 },
	baseline: { ndcg_at_5: 0.5601, ndcg_at_10: 0.6529, map: 0.6657, rmse: 0.95 }
};

async function read(file: string) {
	return ingestCsv(bytesSource(new Uint8Array(readFileSync(DATASETS_DIR + file))));
}

describe('ranking metrics on rank_lambdarank_sample', () => {
	it("equal REFERENCE.md's for the linear model and the mean baseline", async () => {
		const train = await read('rank_train.csv');
		const test = await read('rank_test.csv');
		const target: TargetSpec = { name: 'relevance', task: 'ranking', query: 'qid' };
		const inputs = chooseInputs(train.reports, outputColumns(target), null);
		expect(inputs.map((c) => c.name)).not.toContain('qid');
		const relevance = { name: 'relevance', kind: 'number' as const };
		const query = { name: 'qid', kind: 'category' as const };
		const schema = toSchema([...inputs, relevance, query], train.missingTokens);
		const fit = async (spec: ModelSpec) =>
			(
				await trainRun({
					train: train.raw,
					val: train.raw,
					schema,
					target,
					recipe: defaultRecipe(inputs),
					spec,
					seed: 42
				})
			).pipeline;
		const linear = await fit({ kind: 'linear', l2: 1 });
		const baseline = await fit({ kind: 'baseline' });
		const result = await evaluateTest({
			pipeline: linear,
			baseline,
			test: test.raw,
			rowIds: Int32Array.from({ length: test.raw.rowCount }, (_, i) => i),
			validation: null,
			target: relevance,
			kpis: [{ metric: 'ndcg_at_10', threshold: 0.7 }],
			thresholdRule: { kind: 'default' },
			sensitive: [],
			seed: 42
		});
		for (const [side, values] of [
			['linear', result.metrics],
			['baseline', result.baselineMetrics]
		] as const)
			for (const [metric, reference] of Object.entries(REFERENCE_ROWS[side])) {
				const ours = values[metric as MetricName]!;
				expect(Math.abs(ours - reference), `${side} ${metric}: ${ours}`).toBeLessThanOrEqual(
					5e-5 + 1e-6
				);
			}
		// Per query: 50 test queries, each named by its qid, worst NDCG@10 first.
		expect(result.queries).toHaveLength(50);
		const ndcg = result.queries!.map((q) => q.ndcgAt10);
		expect(ndcg).toEqual([...ndcg].sort((a, b) => a - b));
		const mean = ndcg.reduce((a, b) => a + b, 0) / ndcg.length;
		expect(mean).toBeCloseTo(result.metrics.ndcg_at_10!, 12);
		// The bootstrap resamples whole queries: its interval holds the estimate.
		const interval = result.intervals.ndcg_at_10!;
		expect(interval.low).toBeLessThan(result.metrics.ndcg_at_10!);
		expect(interval.high).toBeGreaterThan(result.metrics.ndcg_at_10!);
		expect(result.verdict.checks[0].kpi.metric).toBe('ndcg_at_10');
		expect(result.verdict.beatsBaseline).toBe(true);
	}, 60_000);
});
