import type { MetricValues } from './metric-catalogue';

/**
 * Ranking metrics over queries: each row is a document with a relevance, a model score and the
 * query it belongs to. Scores are compared within a query only.
 */

/** A ranking metric averaged over queries, with the value of each query. */
export interface RankingScore {
	/** The mean over the queries whose value is defined (not NaN); NaN when none is. */
	value: number;
	/** The query ids, in the order first met in the rows. */
	queries: Int32Array;
	/** The metric for each query of `queries`, NaN where it is undefined. */
	perQuery: Float64Array;
}

/** The row indices of each query, queries in the order first met. */
export function groupByQuery(queries: Int32Array): { ids: Int32Array; rows: number[][] } {
	const byId = new Map<number, number[]>();
	queries.forEach((id, row) => {
		const rows = byId.get(id);
		if (rows) rows.push(row);
		else byId.set(id, [row]);
	});
	return { ids: Int32Array.from(byId.keys()), rows: [...byId.values()] };
}

/** Scores every query with `score` and averages the defined values. */
function scoreQueries(queries: Int32Array, score: (rows: number[]) => number): RankingScore {
	const { ids, rows } = groupByQuery(queries);
	const perQuery = Float64Array.from(rows, score);
	const defined = perQuery.filter((v) => !Number.isNaN(v));
	const value = defined.length === 0 ? NaN : defined.reduce((a, b) => a + b, 0) / defined.length;
	return { value, queries: ids, perQuery };
}

/** The log2 discount of a 0-based position, 0 from position k on. */
function discount(position: number, k: number): number {
	return position < k ? 1 / Math.log2(position + 2) : 0;
}

/** DCG@k of one query's rows, each run of tied scores given its mean gain (McSherry & Najork). */
function tieAveragedDcg(
	rows: number[],
	relevance: ArrayLike<number>,
	scores: ArrayLike<number>,
	k: number
): number {
	const order = [...rows].sort((a, b) => scores[b] - scores[a]);
	let dcg = 0;
	for (let start = 0; start < order.length;) {
		let end = start;
		while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
		let gain = 0;
		let discounts = 0;
		for (let i = start; i <= end; i++) {
			gain += relevance[order[i]];
			discounts += discount(i, k);
		}
		dcg += (gain / (end - start + 1)) * discounts;
		start = end + 1;
	}
	return dcg;
}

function queryNdcg(
	rows: number[],
	relevance: ArrayLike<number>,
	scores: ArrayLike<number>,
	k: number
): number {
	if (rows.length < 2 || Number.isNaN(k) || rows.some((r) => relevance[r] < 0)) return NaN;
	const ideal = rows
		.map((r) => relevance[r])
		.sort((a, b) => b - a)
		.reduce((a, gain, i) => a + gain * discount(i, k), 0);
	if (ideal === 0) return 0;
	return tieAveragedDcg(rows, relevance, scores, k) / ideal;
}

/** A cut-off usable by both metrics: a whole number >= 1 (Infinity for no cut-off), else NaN. */
function cutoff(k: number): number {
	return k >= 1 ? Math.floor(k) : NaN;
}

/**
 * Returns NDCG@k per query and its mean, as scikit-learn's `ndcg_score(..., k, ignore_ties=False)`:
 * gain = relevance, discount 1 / log2(position + 2) for the top k positions, tied scores sharing
 * their mean gain, divided by the DCG of the ideal order. A query whose relevance is all 0 scores
 * 0 and counts in the mean, as in scikit-learn. A query with a single document (which
 * scikit-learn refuses, since one document has no ranking) or a negative relevance (which
 * scikit-learn deprecates) is NaN and left out of the mean. k < 1 gives NaN everywhere.
 */
export function ndcgAtK(
	relevance: ArrayLike<number>,
	scores: ArrayLike<number>,
	queries: Int32Array,
	k: number
): RankingScore {
	const top = cutoff(k);
	return scoreQueries(queries, (rows) => queryNdcg(rows, relevance, scores, top));
}

function queryAveragePrecision(
	rows: number[],
	relevance: ArrayLike<number>,
	scores: ArrayLike<number>,
	k: number
): number {
	if (rows.length < 2 || Number.isNaN(k)) return NaN;
	const relevant = rows.filter((r) => relevance[r] > 0).length;
	// Every order scores the same when no row or every row is relevant: nothing to judge.
	if (relevant === 0 || relevant === rows.length) return NaN;
	const order = [...rows].sort((a, b) => scores[b] - scores[a]);
	let hits = 0;
	let seen = 0;
	let sum = 0;
	for (let start = 0; start < Math.min(k, order.length);) {
		let end = start;
		while (end + 1 < order.length && scores[order[end + 1]] === scores[order[start]]) end++;
		let gained = 0;
		for (let i = start; i <= end; i++) if (relevance[order[i]] > 0) gained++;
		// A run of tied scores is one step; the share of it above the cut-off counts its share of hits.
		const included = Math.min(end + 1, k) - start;
		const expected = (gained * included) / (end - start + 1);
		hits += expected;
		seen += included;
		sum += expected * (hits / seen);
		start = end + 1;
	}
	return sum / Math.min(k, relevant);
}

/**
 * Returns MAP@k: per query, with relevance > 0 meaning relevant and the rows ordered by score
 * (highest first), AP@k = the sum over each step of the ranking within the top k of the hits it
 * adds times the precision at its end, divided by min(k, number of relevant rows); then the mean
 * over queries. A step is one row, or a run of tied scores (a run cut by k counts the share of
 * its hits that fits), so without k this is scikit-learn's `average_precision_score`, and
 * constant scores score the share of relevant rows. A query whose rows are all relevant or all
 * irrelevant is NaN and left out of the mean, since every order scores the same there (as
 * REFERENCE.md's map_rel>=1 does); so is a single-document query, and k < 1 gives NaN everywhere.
 */
export function mapAtK(
	relevance: ArrayLike<number>,
	scores: ArrayLike<number>,
	queries: Int32Array,
	k: number
): RankingScore {
	const top = cutoff(k);
	return scoreQueries(queries, (rows) => queryAveragePrecision(rows, relevance, scores, top));
}

/** One query's scores on the test rows. */
export interface QueryScore {
	/** The query's value in the query column. */
	query: string;
	rows: number;
	/** Rows with a relevance above 0. */
	relevant: number;
	ndcgAt10: number;
	mapAt10: number;
}

/**
 * Returns each query's NDCG@10 and MAP@10, worst NDCG first (undefined ones, single-row queries,
 * last); `labels[code]` names the query of code `code`.
 */
export function queryScores(
	relevance: Float64Array,
	scores: Float64Array,
	queries: Int32Array,
	labels: readonly string[]
): QueryScore[] {
	const ndcg = ndcgAtK(relevance, scores, queries, 10);
	const map = mapAtK(relevance, scores, queries, 10);
	// The same grouping as the metrics', so the i-th group is the i-th query of both.
	const { ids, rows } = groupByQuery(queries);
	const list = Array.from(ids, (q, i) => ({
		query: labels[q] ?? String(q),
		rows: rows[i].length,
		relevant: rows[i].filter((r) => relevance[r] > 0).length,
		ndcgAt10: ndcg.perQuery[i],
		mapAt10: map.perQuery[i]
	}));
	const key = (s: QueryScore) => (Number.isNaN(s.ndcgAt10) ? Infinity : s.ndcgAt10);
	return list.sort((a, b) => key(a) - key(b));
}

/**
 * Returns the ranking metrics of predicted relevance scores, per query averaged over queries
 * (NDCG@10, NDCG@5, MAP@10, MAP), and the RMSE of the scores as relevance predictions: the loss
 * the pointwise model minimised.
 */
export function rankingMetrics(
	relevance: Float64Array,
	scores: Float64Array,
	queries: Int32Array
): MetricValues {
	let squares = 0;
	for (let i = 0; i < relevance.length; i++) squares += (relevance[i] - scores[i]) ** 2;
	return {
		ndcg_at_10: ndcgAtK(relevance, scores, queries, 10).value,
		ndcg_at_5: ndcgAtK(relevance, scores, queries, 5).value,
		map_at_10: mapAtK(relevance, scores, queries, 10).value,
		map: mapAtK(relevance, scores, queries, Infinity).value,
		rmse: Math.sqrt(squares / relevance.length)
	};
}
