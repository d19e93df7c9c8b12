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
function groupByQuery(queries: Int32Array): { ids: Int32Array; rows: number[][] } {
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
	if (relevant === 0) return 0;
	// Array.prototype.sort is stable, so tied scores keep their row order.
	const order = [...rows].sort((a, b) => scores[b] - scores[a]);
	let hits = 0;
	let sum = 0;
	for (let i = 0; i < Math.min(k, order.length); i++) {
		if (relevance[order[i]] > 0) sum += ++hits / (i + 1);
	}
	return sum / Math.min(k, relevant);
}

/**
 * Returns MAP@k: per query, with relevance > 0 meaning relevant and the rows ordered by score
 * (highest first), AP@k = the sum over the relevant positions i <= k of precision@i, divided by
 * min(k, number of relevant rows); then the mean over queries. Tied scores keep their row order
 * (a stable sort), so constant scores score the given order: shuffle rows whose order means
 * something. Without k this equals scikit-learn's `average_precision_score` for untied scores.
 * As in `ndcgAtK`, a query with no relevant row scores 0, a single-document query is NaN and left
 * out of the mean, and k < 1 gives NaN everywhere.
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
