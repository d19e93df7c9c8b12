import { pearson } from '../../profile/relations';
import { columnLength, isMissingAt, type Column, type Table } from '../../table/table';
import type { LeakFinding } from './leakage';
import {
	classFlagSets,
	scoredRows,
	selectTarget,
	usedLevels,
	type LintTarget
} from './lint-target';
import { averageRanks, classValueAuc } from './value-scores';
import { quote, score } from './words';

/** ROC-AUC of an identifier's order from which it is said to run with the classes. */
export const ID_ORDER_AUC = 0.6;
/** |Spearman ρ| of an identifier's order from which it is said to run with a number target. */
export const ID_ORDER_RHO = 0.3;

const EXPLANATION =
	'An identifier names a row; it says nothing about it. A model can memorise identifiers, or the order in which rows were numbered, and look accurate in testing, then fail on new rows whose identifiers it has never seen.';

/** Returns a review finding for each identifier column (named in `ids`, or unique in every row). */
export function identifierFindings(
	table: Table,
	target: LintTarget,
	ids: ReadonlySet<string>
): LeakFinding[] {
	return table.columns
		.filter((c) => c.name !== target.name && (ids.has(c.name) || uniqueLabels(c)))
		.map((column) => ({
			check: 'identifier',
			severity: 'review',
			title: `${quote(column.name)} is an identifier`,
			explanation: EXPLANATION,
			evidence: `${quote(column.name)} has ${distinctCount(column)} different values in ${table.rowCount} rows: it names rows rather than describing them. ${orderEvidence(column, target)}`,
			columns: [column.name],
			fix: { kind: 'drop-columns', columns: [column.name] }
		}));
}

function orderEvidence(column: Column, target: LintTarget): string {
	const order = idOrder(column);
	if (!order) return '';
	const { rows } = scoredRows(target);
	const values = new Float64Array(rows.length);
	for (let k = 0; k < rows.length; k++) values[k] = order.values[rows[k]];
	const y = selectTarget(target, rows);
	const what = order.what;
	if (y.kind === 'classes') {
		const auc = classValueAuc(values, classFlagSets(y.y, y.classes.length));
		if (auc === null) return '';
		return auc >= ID_ORDER_AUC
			? `${what} separates the classes of ${quote(y.name)} with ROC-AUC ${score(auc)}: the rows were numbered in an order tied to the outcome (by date, or sorted), which a model could learn.`
			: `${what} says little about ${quote(y.name)} (ROC-AUC ${score(auc)}), but it cannot help on new rows either.`;
	}
	const rho = pearson(averageRanks(values), averageRanks(y.y)).value;
	if (rho === null) return '';
	return Math.abs(rho) >= ID_ORDER_RHO
		? `${what} runs with ${quote(y.name)} (Spearman ρ ${score(rho)}): the rows were numbered in an order tied to the outcome (by date, or sorted), which a model could learn.`
		: `${what} says little about ${quote(y.name)} (Spearman ρ ${score(rho)}), but it cannot help on new rows either.`;
}

/**
 * Returns an order of the identifier's values and its name: numbers and dates as they are; labels
 * by the digits they contain (`C100231` reads 100231), or alphabetically when some hold no digit.
 */
function idOrder(column: Column): { values: Float64Array; what: string } | null {
	switch (column.kind) {
		case 'number':
		case 'date':
			return { values: column.values, what: 'Ordering the rows by its values' };
		case 'boolean':
			return null;
		default: {
			const digits = column.levels.map((level) => (level.match(/\d+/g) ?? []).join(''));
			const byDigits = digits.every((d) => d !== '');
			const alphabetical = [...column.levels.keys()].sort((a, b) =>
				column.levels[a] < column.levels[b] ? -1 : column.levels[a] > column.levels[b] ? 1 : 0
			);
			const rank = new Float64Array(column.levels.length);
			alphabetical.forEach((level, r) => (rank[level] = r));
			const levelValue = byDigits ? digits.map(Number) : rank;
			const values = new Float64Array(column.codes.length);
			for (let i = 0; i < values.length; i++)
				values[i] = column.codes[i] < 0 ? NaN : levelValue[column.codes[i]];
			return {
				values,
				what: byDigits
					? 'Ordering the rows by the numbers in it'
					: 'Ordering the rows alphabetically by it'
			};
		}
	}
}

/** True for a text or category column with a different value in every row, none missing. */
function uniqueLabels(column: Column): boolean {
	if (column.kind !== 'text' && column.kind !== 'category') return false;
	const n = column.codes.length;
	return (
		n > 1 && usedLevels(column.codes, column.levels.length) === n && !column.codes.includes(-1)
	);
}

function distinctCount(column: Column): number {
	if (column.kind === 'text' || column.kind === 'category')
		return usedLevels(column.codes, column.levels.length);
	const seen = new Set<number>();
	for (let i = 0; i < columnLength(column); i++)
		if (!isMissingAt(column, i)) seen.add(column.values[i]);
	return seen.size;
}
