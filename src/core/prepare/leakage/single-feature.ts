import { assertNever } from '../../util/assert-never';
import { findColumn, type Table } from '../../table/table';
import type { FeatureScore, FeatureScores } from './feature-scores';
import { describeFilled } from './filled';
import type { LeakFinding } from './leakage';
import type { LintTarget } from './lint-target';
import { quote, sampleNote, score } from './words';

/** ROC-AUC of one column alone from which it is near certainly a leak, and from which to check. */
export const LEAK_AUC = 0.95;
export const REVIEW_AUC = 0.9;
/** R² of one column alone from which it is near certainly a leak, and from which to check. */
export const LEAK_R2 = 0.95;
export const REVIEW_R2 = 0.9;

const LEAK_EXPLANATION =
	'A real feature almost never predicts the target this well on its own: a column this strong is usually the answer in disguise (a copy, a consequence, or a value recorded after the outcome). The model would lean on it in testing and fail on new rows, where it is not known yet.';
const REVIEW_EXPLANATION =
	'This column alone predicts the target very well. That can be real, but it is also how leaks look: check that its value is known at the moment a prediction is made, and leave it out if it is not.';

/** Returns a finding for each column whose score alone reaches the review level. */
export function singleFeatureFindings(
	table: Table,
	target: LintTarget,
	features: FeatureScores
): LeakFinding[] {
	return features.scores.flatMap((s): LeakFinding[] => {
		const [leak, review] = s.measure === 'auc' ? [LEAK_AUC, REVIEW_AUC] : [LEAK_R2, REVIEW_R2];
		if (s.score < review) return [];
		const severity = s.score >= leak ? 'leak' : 'review';
		const note = sampleNote(features.rowsUsed, features.rowsWithTarget, features.sampled);
		return [
			{
				check: 'single-feature',
				severity,
				title: `${quote(s.column)} alone predicts ${quote(target.name)}`,
				explanation: severity === 'leak' ? LEAK_EXPLANATION : REVIEW_EXPLANATION,
				evidence: `${scoreEvidence(table, target, s)}${note}.`,
				columns: [s.column],
				fix: { kind: 'drop-columns', columns: [s.column] }
			}
		];
	});
}

function measureText(s: FeatureScore, target: LintTarget): string {
	if (s.measure === 'r2')
		return `R² ${score(s.score)} (1 is a perfect fit, 0 no better than the average)`;
	const name =
		target.kind === 'classes' && target.classes.length > 2
			? 'average one-vs-rest ROC-AUC'
			: 'ROC-AUC';
	return `${name} ${score(s.score)} (1 is perfect, 0.5 a coin toss)`;
}

/** Returns how the column was read and what it scored, in words. */
export function scoreEvidence(table: Table, target: LintTarget, s: FeatureScore): string {
	const column = quote(s.column);
	const measure = measureText(s, target);
	switch (s.via) {
		case 'value':
			return target.kind === 'values'
				? `A straight line through the values of ${column} fits ${quote(target.name)} with ${measure}`
				: `Ranking the rows by ${column} alone separates the classes of ${quote(target.name)} with ${measure}`;
		case 'levels': {
			const learned =
				target.kind === 'values' ? `average ${quote(target.name)}` : 'share of each class';
			return `Scoring each row by the ${learned} among the rows with the same value of ${column} (learned on the other half of the rows, numbers cut into 20 ranges) gives ${measure}`;
		}
		case 'missingness': {
			const filled = describeFilled(findColumn(table.columns, s.column)!, target);
			return `Whether ${column} is filled in predicts ${quote(target.name)} with ${measure}: ${filled}`;
		}
		default:
			return assertNever(s.via, 'reading');
	}
}
