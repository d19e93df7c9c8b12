import type { ColumnReport } from '../table/infer-kinds';
import type { ColumnSchema } from '../table/schema';

/** True when a column is a feature unless the user says otherwise: neither an identifier nor free text. */
export function isDefaultFeature(report: ColumnReport): boolean {
	return !report.idLike && report.kind !== 'text';
}

/**
 * Returns the model's input columns with their kinds: the user's choice, or by default every
 * column but the target, identifiers and free text. The target is never an input.
 */
export function chooseInputs(
	reports: readonly ColumnReport[],
	target: string | null,
	chosen: readonly string[] | null
): ColumnSchema[] {
	return reports
		.filter((r) => r.name !== target && (chosen ? chosen.includes(r.name) : isDefaultFeature(r)))
		.map(({ name, kind }) => ({ name, kind }));
}
