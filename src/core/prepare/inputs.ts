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
 * steps read (`required`). The `outputs` (the target, and a ranking's query column) are never
 * inputs.
 */
export function chooseInputs(
	reports: readonly ColumnReport[],
	outputs: readonly string[],
	chosen: readonly string[] | null,
	required: readonly string[] = []
): ColumnSchema[] {
	return reports
		.filter(
			(r) =>
				!outputs.includes(r.name) &&
				(required.includes(r.name) || (chosen ? chosen.includes(r.name) : isDefaultFeature(r)))
		)
		.map(columnSchema);
}
