import { describe, expect, it } from 'vitest';
import { mapAtK, ndcgAtK } from '../../../src/core/evaluate/ranking-metrics';
import { averagePrecision } from '../../../src/core/evaluate/metrics';
import { createRng } from '../../../src/core/util/rng';
import { expectClose } from '../helpers';

const LOG2_3 = Math.log2(3);

/**
 * Four queries with their rows interleaved: query 7 has tied scores, query 2 none, query 5 a single
 * document and query 9 no relevant document.
 *   query 7: relevance 3 2 0 1, scores 0.5 0.5 0.1 0.5
 *   query 2: relevance 0 1 2 0 3, scores 0.9 0.3 0.8 0.1 0.7
 *   query 5: relevance 2, score 0.4
 *   query 9: relevance 0 0 0, scores 0.1 0.2 0.3
 */
function fixture() {
	const rows: [number, number, number][] = [
		[7, 3, 0.5],
		[2, 0, 0.9],
		[7, 2, 0.5],
		[5, 2, 0.4],
		[2, 1, 0.3],
		[9, 0, 0.1],
		[7, 0, 0.1],
		[2, 2, 0.8],
		[9, 0, 0.2],
		[2, 0, 0.1],
		[7, 1, 0.5],
		[9, 0, 0.3],
		[2, 3, 0.7]
	];
	return {
		queries: Int32Array.from(rows, (r) => r[0]),
		relevance: Float64Array.from(rows, (r) => r[1]),
		scores: Float64Array.from(rows, (r) => r[2])
	};
}

describe('ndcgAtK', () => {
	const { queries, relevance, scores } = fixture();

	it('lists queries in the order first met, with a value each', () => {
		const ndcg = ndcgAtK(relevance, scores, queries, 2);
		expect(Array.from(ndcg.queries)).toEqual([7, 2, 5, 9]);
		expect(ndcg.perQuery.length).toBe(4);
	});

	it('averages the gain of tied scores over their positions', () => {
		// Query 7 at k = 2: the three tied rows (mean gain 2) fill positions 1-3, discounts
		// 1, 1/log2(3), 0 (cut off). DCG = 2 (1 + 1/log2 3); ideal = 3 + 2/log2 3.
		const ndcg = ndcgAtK(relevance, scores, queries, 2);
		expectClose(ndcg.perQuery[0], (2 * (1 + 1 / LOG2_3)) / (3 + 2 / LOG2_3), 1e-15);
		// Query 2 at k = 2: ranked gains 0, 2; ideal 3, 2.
		expectClose(ndcg.perQuery[1], 2 / LOG2_3 / (3 + 2 / LOG2_3), 1e-15);
	});

	it('gives NaN for a single document and 0 for no relevant document', () => {
		const ndcg = ndcgAtK(relevance, scores, queries, 2);
		expect(ndcg.perQuery[2]).toBeNaN();
		expect(ndcg.perQuery[3]).toBe(0);
		// The mean leaves out the single-document query only.
		expectClose(ndcg.value, (ndcg.perQuery[0] + ndcg.perQuery[1] + 0) / 3, 1e-15);
	});

	it('matches scikit-learn 1.2.1 ndcg_score query by query', () => {
		// [ndcg_score([rel], [score], k=k) for each query]; np.mean over queries 7, 2, 9.
		const golden: [number, number[], number][] = [
			[1, [0.6666666666666666, 0.0, 0.0], 0.2222222222222222],
			[2, [0.7653606369886218, 0.2960819109658652, 0.0], 0.3538141826514957],
			[3, [0.894999002123018, 0.5799960084920718, 0.0], 0.49166500353836323],
			[Infinity, [0.894999002123018, 0.6704389452119323, 0.0], 0.52181264911165]
		];
		for (const [k, perQuery, mean] of golden) {
			const ndcg = ndcgAtK(relevance, scores, queries, k);
			expectClose(
				[0, 1, 3].map((q) => ndcg.perQuery[q]),
				perQuery,
				1e-12
			);
			expectClose(ndcg.value, mean, 1e-12);
		}
	});

	it('matches scikit-learn 1.2.1 on a batch of equal-sized queries', () => {
		// ndcg_score([[3,2,0,1],[0,0,0,0],[1,0,2,0]],
		//            [[0.5,0.5,0.1,0.5],[0.1,0.2,0.3,0.4],[0.2,0.9,0.9,0.1]], k=3)
		const ndcg = ndcgAtK(
			[3, 2, 0, 1, 0, 0, 0, 0, 1, 0, 2, 0],
			[0.5, 0.5, 0.1, 0.5, 0.1, 0.2, 0.3, 0.4, 0.2, 0.9, 0.9, 0.1],
			Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]),
			3
		);
		expectClose(ndcg.value, 0.5683173729216836, 1e-12);
	});

	it('is NaN, not a throw, for no rows, a bad k or a negative relevance', () => {
		const empty = ndcgAtK([], [], new Int32Array(0), 3);
		expect(empty.value).toBeNaN();
		expect(empty.perQuery.length).toBe(0);
		expect(ndcgAtK(relevance, scores, queries, 0).value).toBeNaN();
		expect(ndcgAtK([1, -1], [0.2, 0.1], Int32Array.from([0, 0]), 2).value).toBeNaN();
	});

	it('scores constant scores as the average over orders, without NaN', () => {
		// Relevance 1, 0 tied: mean gain 1/2 over discounts 1 and 1/log2(3); ideal 1.
		const ndcg = ndcgAtK([1, 0], [0.3, 0.3], Int32Array.from([0, 0]), 2);
		expectClose(ndcg.value, (1 + 1 / LOG2_3) / 2, 1e-15);
	});
});

describe('mapAtK', () => {
	const { queries, relevance, scores } = fixture();

	it('averages precision at each relevant position over min(k, relevant)', () => {
		// Query 2 ranked: 0, 2, 3, 1, 0 -> relevant at positions 2, 3, 4 (precision 1/2, 2/3, 3/4).
		const at = (k: number) => mapAtK(relevance, scores, queries, k).perQuery[1];
		expect(at(1)).toBe(0);
		expectClose(at(2), 1 / 2 / 2, 1e-15);
		expectClose(at(3), (1 / 2 + 2 / 3) / 3, 1e-15);
		expectClose(at(Infinity), (1 / 2 + 2 / 3 + 3 / 4) / 3, 1e-15);
	});

	it('matches scikit-learn 1.2.1 average precision without a cut-off or ties', () => {
		// average_precision_score([0, 1, 1, 0, 1], [0.9, 0.3, 0.8, 0.1, 0.7])
		expectClose(
			mapAtK(relevance, scores, queries, Infinity).perQuery[1],
			0.6388888888888888,
			1e-12
		);
	});

	it('treats a run of tied scores as one step, as scikit-learn does', () => {
		const rows = Int32Array.from([0, 0]);
		// One step holding both rows: recall 1 at precision 1/2, whatever the row order.
		expect(mapAtK([0, 1], [0.5, 0.5], rows, 2).value).toBe(0.5);
		expect(mapAtK([1, 0], [0.5, 0.5], rows, 2).value).toBe(0.5);
		// Cut inside the run: 1 of its 2 rows fits, with half a hit at precision 1/2, over min(1, 1).
		expect(mapAtK([1, 0], [0.5, 0.5], rows, 1).value).toBe(0.25);
		// Query 7: its tied rows 3, 2, 1 are all relevant and fill the top 3.
		expect(mapAtK(relevance, scores, queries, 3).perQuery[0]).toBe(1);
		// Query 7 in full: average_precision_score([1, 1, 0, 1], [0.5, 0.5, 0.1, 0.5]) = 1.
		expect(mapAtK(relevance, scores, queries, Infinity).perQuery[0]).toBe(1);
	});

	it('equals average precision of the 0/1 truth without a cut-off, ties included', () => {
		const rng = createRng(3);
		for (let trial = 0; trial < 20; trial++) {
			const n = 2 + rng.int(12);
			const relevance = Float64Array.from({ length: n }, () => rng.int(3));
			const scores = Float64Array.from({ length: n }, () => rng.int(4) / 4);
			if (!relevance.some((r) => r > 0) || relevance.every((r) => r > 0)) continue;
			const map = mapAtK(relevance, scores, new Int32Array(n), Infinity).value;
			const expected = averagePrecision(
				scores,
				Array.from(relevance, (r) => r > 0)
			);
			expectClose(map, expected, 1e-12);
		}
	});

	it('scores constant scores as the share of relevant rows', () => {
		const relevance = [2, 0, 1, 0, 0];
		expectClose(
			mapAtK(relevance, [1, 1, 1, 1, 1], new Int32Array(5), Infinity).value,
			2 / 5,
			1e-15
		);
	});

	it('gives NaN, left out of the mean, for a single document and for no relevant or only relevant rows', () => {
		const map = mapAtK(relevance, scores, queries, 3);
		expect(map.perQuery[2]).toBeNaN();
		expect(map.perQuery[3]).toBeNaN();
		expectClose(map.value, (1 + (1 / 2 + 2 / 3) / 3) / 2, 1e-15);
		// Every row relevant: every order scores 1, so the query judges nothing.
		expect(mapAtK([1, 2, 3], [0.1, 0.3, 0.2], new Int32Array(3), 2).value).toBeNaN();
	});

	it('is NaN, not a throw, for no rows or a bad k', () => {
		expect(mapAtK([], [], new Int32Array(0), 3).value).toBeNaN();
		expect(mapAtK(relevance, scores, queries, -1).value).toBeNaN();
	});
});
