// The worst predictions as table rows, and the filter over them.
import type { WorstPredictions } from '../../../../core/evaluate/error-analysis';
import { formatScore } from './format';

/** One worst-predicted row as the table shows it. */
export interface WorstRow {
	row: string;
	truth: string;
	predicted: string;
	/** The task's extra cells: the two probabilities, or the error. */
	details: string[];
}

/** Returns the headings of the extra cells of a worst-predictions table. */
export function worstDetailHeadings(kind: WorstPredictions['kind']): string[] {
	return kind === 'classes'
		? ['probability of the predicted class', 'probability of the true class']
		: ['error (predicted minus true)'];
}

/** Returns the worst predictions as table rows, worst first. */
export function worstRows(worst: WorstPredictions): WorstRow[] {
	if (worst.kind === 'classes')
		return worst.rows.map((r) => ({
			row: String(r.row),
			truth: r.truth,
			predicted: r.predicted,
			details: [formatScore(r.predictedProbability), formatScore(r.truthProbability)]
		}));
	return worst.rows.map((r) => ({
		row: String(r.row),
		truth: formatScore(r.truth),
		predicted: formatScore(r.predicted),
		details: [formatScore(r.error)]
	}));
}

/**
 * Returns the rows whose row, true or predicted text contains `query` (any case, spaces at the
 * ends ignored), and whose true class is `truthClass` unless that is null.
 */
export function filterWorstRows(
	rows: readonly WorstRow[],
	query: string,
	truthClass: string | null
): WorstRow[] {
	const needle = query.trim().toLowerCase();
	return rows.filter(
		(r) =>
			(truthClass === null || r.truth === truthClass) &&
			(needle === '' ||
				[r.row, r.truth, r.predicted].some((text) => text.toLowerCase().includes(needle)))
	);
}

/** Returns the classes to filter by: the target's classes, or the true classes in the rows. */
export function truthClassesOf(
	worst: WorstPredictions,
	classes: readonly string[] | null
): string[] {
	if (worst.kind === 'values') return [];
	if (classes && classes.length > 0) return [...classes];
	return [...new Set(worst.rows.map((r) => r.truth))];
}
