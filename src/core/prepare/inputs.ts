import { columnSchema, type ColumnReport } from '../table/infer-kinds';
import type { ColumnSchema } from '../table/schema';

/**
 * True when a column is a feature unless the user says otherwise: not an identifier, not free
 * text, not a date (a model needs its parts), and not constant (a column with one value, or none, carries no information).
 */
export function isDefaultFeature(report: ColumnReport): boolean {
	return !report.idLike && report.kind !== 'text' && report.kind !== 'date' && report.distinct > 1;
}

/**
 * Returns the model's input columns with their kinds: the user's choice, or by default every
 * column but the target, identifiers, free text and constants; plus the columns the recipe's
 * steps read (`required`). The target is never an input.
 */
export function chooseInputs(
	reports: readonly ColumnReport[],
	target: string | null,
	chosen: readonly string[] | null,
	required: readonly string[] = []
): ColumnSchema[] {
	return reports
		.filter(
			(r) =>
				r.name !== target &&
				(required.includes(r.name) || (chosen ? chosen.includes(r.name) : isDefaultFeature(r)))
		)
		.map(columnSchema);
}
