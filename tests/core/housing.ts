// California housing as the app reads it, split by the default plan, with the default linear
// regression trained on its train rows: the shipped model of the monitor, retraining and
// simulation tests. No vitest import.
import { readFileSync } from 'node:fs';
import { chooseInputs } from '../../src/core/prepare/inputs';
import { defaultRecipe } from '../../src/core/prepare/recipe';
import type { Pipeline } from '../../src/core/ship/pipeline';
import { DEFAULT_SPLIT_PLAN, partRows } from '../../src/core/split/split';
import { loadDataset, NO_CHOICES, splitDataset } from '../../src/core/table/dataset';
import { bytesSource } from '../../src/core/table/ingest';
import type { DatasetSchema } from '../../src/core/table/schema';
import { selectRawRows, type RawTable } from '../../src/core/table/table';
import { trainRun, type TrainRequest } from '../../src/core/train/train-run';
import { DATASETS_DIR } from './reference';

export const HOUSING_TARGET = { name: 'median_house_value', kind: 'number' } as const;

/** The housing project's rows, schema and fit, and the pipeline it ships. */
export interface HousingModel {
	train: RawTable;
	val: RawTable;
	schema: DatasetSchema;
	/** The fit but its rows: schema, target, default recipe, linear regression, seed. */
	fit: Omit<TrainRequest, 'train' | 'val'>;
	pipeline: Pipeline;
}

/** Returns California housing's default split and its default linear regression, as the app makes them. */
export async function housingModel(): Promise<HousingModel> {
	const bytes = new Uint8Array(readFileSync(`${DATASETS_DIR}california_housing.csv`));
	const dataset = await loadDataset(bytesSource(bytes), 'california_housing.csv', NO_CHOICES);
	const split = splitDataset(dataset, HOUSING_TARGET, 'regression', [], DEFAULT_SPLIT_PLAN);
	const train = selectRawRows(dataset.raw, partRows(split, 'train'));
	const val = selectRawRows(dataset.raw, partRows(split, 'val'));
	const inputs = chooseInputs(dataset.reports, [HOUSING_TARGET.name], null);
	const schema = { columns: [...inputs, HOUSING_TARGET], missingTokens: dataset.missingTokens };
	const fit = {
		schema,
		target: { name: HOUSING_TARGET.name, task: 'regression' as const },
		recipe: defaultRecipe(inputs),
		spec: { kind: 'linear' as const, l2: 1 },
		seed: DEFAULT_SPLIT_PLAN.seed
	};
	const { pipeline } = await trainRun({ ...fit, train, val });
	return { train, val, schema, fit, pipeline };
}
