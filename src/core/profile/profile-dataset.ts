import { datasetSchema, type Dataset } from '../table/dataset';
import { typeTable } from '../table/schema';
import { findColumn, NUMBER_CELL } from '../table/table';
import type { TaskContext } from '../util/task';
import { findDuplicates } from './duplicates';
import { dataFindings, type Finding } from './findings';
import { missingnessMap, type MissingnessMap } from './missingness';
import { profileTable, type DatasetProfile } from './profile';

/** A dataset's profile and its data-quality findings, as the Prepare stage shows them. */
export interface ProfileResult {
	profile: DatasetProfile;
	findings: Finding[];
	missingness: MissingnessMap;
}

/**
 * Returns the profile of a loaded dataset, typed as its reports say, with the findings. The
 * identifier columns are left out of the second duplicate check, to catch a record entered twice
 * under two identifiers. A target the dataset lacks is ignored.
 */
export async function profileDataset(
	dataset: Dataset,
	target: string | null,
	ctx: TaskContext = {}
): Promise<ProfileResult> {
	const { table } = typeTable(dataset.raw, datasetSchema(dataset));
	const known = target !== null && dataset.reports.some((r) => r.name === target);
	const identifiers = identifierColumns(dataset);
	const profile = await profileTable(
		table,
		dataset.raw,
		{
			target: known ? target : null,
			// Ignoring every column would compare empty rows.
			ignoreForDuplicates: identifiers.length < table.columns.length ? identifiers : []
		},
		ctx
	);
	const findings = dataFindings({
		profile,
		table,
		identifiers,
		reports: dataset.reports,
		ragged: dataset.ragged,
		questions: dataset.questions
	});
	return { profile, findings, missingness: missingnessMap(table) };
}

/** A column this close to unique may be an identifier repeated by copied rows. */
const NEAR_UNIQUE = 0.9;

/**
 * Returns the columns that identify rows: unique in every row, or unique once exact copies of
 * rows are set aside (a copied row copies its identifier too, so one duplicate would otherwise
 * hide the identifier). Text, categories and integers only: unique decimals are measurements.
 */
export function identifierColumns(dataset: Dataset): string[] {
	const rows = dataset.raw.rowCount;
	const ids = dataset.reports.filter((r) => r.idLike).map((r) => r.name);
	const candidates = dataset.reports.filter(
		(r) =>
			!r.idLike &&
			r.missing === 0 &&
			r.distinct < rows &&
			r.distinct >= NEAR_UNIQUE * rows &&
			(r.kind === 'text' ||
				r.kind === 'category' ||
				(r.kind === 'number' && integers(dataset, r.name)))
	);
	if (candidates.length === 0) return ids;
	const copies = findDuplicates(dataset.raw).duplicateRows;
	for (const report of candidates) if (report.distinct === rows - copies) ids.push(report.name);
	return dataset.reports.map((r) => r.name).filter((name) => ids.includes(name));
}

function integers(dataset: Dataset, name: string): boolean {
	const column = findColumn(dataset.raw.columns, name);
	return (
		column?.numbers?.every((v, i) => column.codes[i] !== NUMBER_CELL || Number.isInteger(v)) ?? true
	);
}
