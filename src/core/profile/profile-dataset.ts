import { datasetSchema, type Dataset } from '../table/dataset';
import { typeTable } from '../table/schema';
import type { TaskContext } from '../util/task';
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
	const profile = await profileTable(
		table,
		dataset.raw,
		{
			target: known ? target : null,
			ignoreForDuplicates: dataset.reports.filter((r) => r.idLike).map((r) => r.name)
		},
		ctx
	);
	const findings = dataFindings({
		profile,
		table,
		reports: dataset.reports,
		ragged: dataset.ragged,
		questions: dataset.questions
	});
	return { profile, findings, missingness: missingnessMap(table) };
}
