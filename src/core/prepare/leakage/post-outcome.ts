import { findColumn, type Column, type Table } from '../../table/table';
import type { FeatureScore, FeatureScores } from './feature-scores';
import { describeFilled, filledByClass } from './filled';
import type { LeakFinding } from './leakage';
import type { LintTarget } from './lint-target';
import { scoreEvidence } from './single-feature';
import { percent, quote, sampleNote } from './words';

/**
 * Words of a column name that suggest a value recorded only after the outcome. Kept short and
 * literal on purpose, since a false alarm teaches the user to ignore the lint: each entry names
 * an event that follows an outcome (a call ends, an account is opened, a patient is discharged).
 * A name is split into lower-case words at separators and camelCase (`dateOpened`: date, opened).
 */
export const OUTCOME_WORDS: readonly string[] = [
	'outcome',
	'opened',
	'closed',
	'paid',
	'refund',
	'refunded',
	'returned',
	'cancelled',
	'canceled',
	'churned',
	'discharge',
	'discharged',
	'deceased',
	'death',
	'died',
	'lifeboat'
];
/** Words that suggest it only as the whole name: `body` (a body number), not `body_mass_g`. */
export const OUTCOME_NAMES: readonly string[] = ['boat', 'body', 'result', 'results'];
/** Words that suggest it as the last word: `duration`, `call_duration`, `days_after`. */
export const OUTCOME_LAST_WORDS: readonly string[] = ['duration', 'after'];
/** Words that say the value is from before (`previous_outcome`): the name then suggests nothing. */
export const EARLIER_WORDS: readonly string[] = [
	'prev',
	'previous',
	'prior',
	'past',
	'last',
	'pre',
	'before'
];

/** Rows (and share of rows) a filled or empty side must have for its purity to count. */
const MIN_SIDE_ROWS = 30;
const MIN_SIDE_SHARE = 0.02;
/** On a pure side, the other classes are at most this fraction of their share overall. */
const PURITY_RATIO = 0.2;
/** R² of "is it filled in" for a number target from which the missingness is worth a check. */
const MISSINGNESS_R2 = 0.5;

const EXPLANATION =
	'A value recorded after the outcome is not there yet when a prediction is made: the model leans on it in testing and fails in use. Check when this column becomes known; if only after the outcome, leave it out.';

/** Returns a review finding for each column whose name or missingness suggests it follows the outcome. */
export function postOutcomeFindings(
	table: Table,
	target: LintTarget,
	features: FeatureScores
): LeakFinding[] {
	const note = sampleNote(features.rowsUsed, features.rowsWithTarget, features.sampled);
	return features.scores.flatMap((s): LeakFinding[] => {
		const column = findColumn(table.columns, s.column)!;
		const word = outcomeWord(s.column);
		const missing = missingnessEvidence(column, target, s);
		if (word === null && missing === null) return [];
		const named = word === null ? '' : `${nameEvidence(s.column, word)} `;
		return [
			{
				check: 'post-outcome',
				severity: 'review',
				title: `${quote(s.column)} may be known only after the outcome`,
				explanation: EXPLANATION,
				evidence: `${named}${missing ?? `${scoreEvidence(table, target, s)}${note}.`}`,
				columns: [s.column],
				fix: { kind: 'drop-columns', columns: [s.column] }
			}
		];
	});
}

function nameEvidence(name: string, word: string): string {
	return nameWords(name).length === 1
		? `A column named ${quote(name)} often holds something known only after the outcome.`
		: `The word ${quote(word)} in ${quote(name)} often names something known only after the outcome.`;
}

/** Returns the lower-case words of a column name: split at separators and at camelCase. */
export function nameWords(name: string): string[] {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((w) => w !== '');
}

/** Returns the word of the name that suggests a post-outcome value, or null. */
export function outcomeWord(name: string): string | null {
	const words = nameWords(name);
	if (words.length === 0 || words.some((w) => EARLIER_WORDS.includes(w))) return null;
	if (words.length === 1 && OUTCOME_NAMES.includes(words[0])) return words[0];
	const last = words[words.length - 1];
	if (OUTCOME_LAST_WORDS.includes(last)) return last;
	return words.find((w) => OUTCOME_WORDS.includes(w)) ?? null;
}

/**
 * Returns the evidence that whether the column is filled in gives the outcome away, or null: a
 * side (filled or empty) of enough rows that is nearly all one class, or for a number target, a
 * large R² of the filled/empty split.
 */
function missingnessEvidence(column: Column, target: LintTarget, s: FeatureScore): string | null {
	if (s.missingness === null) return null;
	if (target.kind === 'values')
		return s.missingness >= MISSINGNESS_R2 ? `${describeFilled(column, target)}.` : null;
	const { filled, totals } = filledByClass(column, target);
	const rows = totals.reduce((a, b) => a + b, 0);
	const empty = totals.map((t, k) => t - filled[k]);
	for (const [side, counts] of [
		['filled in', filled],
		['empty', empty]
	] as const) {
		const n = counts.reduce((a, b) => a + b, 0);
		if (n < MIN_SIDE_ROWS || n < MIN_SIDE_SHARE * rows) continue;
		const k = counts.indexOf(Math.max(...counts));
		const others = 1 - counts[k] / n;
		if (others > PURITY_RATIO * (1 - totals[k] / rows)) continue;
		return `Where ${quote(column.name)} is ${side} (${n} rows), ${percent(counts[k] / n)} have ${quote(target.name)} = ${quote(target.classes[k])}, against ${percent(totals[k] / rows)} of all rows: a value recorded only for one outcome looks like this.`;
	}
	return null;
}
