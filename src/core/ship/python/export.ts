import { strToU8, zipSync } from 'fflate';
import type { MetricValues } from '../../evaluate/metric-catalogue';
import { DEFAULT_BOOSTING_SPEC } from '../../models/boosting/boosting';
import type { ModelSpec } from '../../models/model';
import type { RecipeStep } from '../../prepare/recipe';
import type { DatasetSchema } from '../../table/schema';
import type { CsvDialect } from '../../table/parse-csv';
import type { Pipeline } from '../pipeline';
import { daskScript } from './dask-script';
import { exportReadme } from './export-readme';
import { toNotebook, toScript } from './notebook';
import { pipelineCells } from './pipeline-cells';
import { recipeStepsCode } from './recipe-code';

/** The data file the project was made from, as the app read it. */
export interface ExportedData {
	fileName: string;
	fingerprint: string;
	/** Data rows the app read (rows with the wrong number of fields left out). */
	rows: number;
	/** Rows the app left out because their field count was wrong. */
	ragged: number;
	/** Every column of the file, in order, by the name the app gave it. */
	columns: string[];
	dialect: CsvDialect;
}

/** What a Python export is written from: the evaluated run of a project. */
export interface PythonExportInput {
	name: string;
	appVersion: string;
	data: ExportedData;
	/** How the input columns and the target (and a ranking's query column) are typed. */
	schema: DatasetSchema;
	run: { id: string; spec: ModelSpec; specLabel: string; seed: number; recipeHash: string };
	/** The run's pipeline, deciding at the threshold the evaluation chose. */
	pipeline: Pipeline;
	/**
	 * The metrics the app recorded, and for a binary model the thresholds it decided at: the
	 * run's on validation, the one the evaluation chose on test.
	 */
	metrics: {
		validation: MetricValues;
		test: MetricValues | null;
		thresholds: { validation: number; test: number } | null;
	};
	/** The recipe's steps as the user wrote them, when they are the run's; else null. */
	userSteps: RecipeStep[] | null;
	/** One part per row: 0 train, 1 validation, 2 test, -1 left out. */
	split: Int8Array;
	/** The `shipshape` package's modules, by file name (`frame.py`). */
	modules: Record<string, string>;
}

/** Returns what the export says of the data file, from what the app read of it. */
export function exportedData(dataset: {
	fileName: string;
	fingerprint: string;
	rowCount: number;
	ragged: { count: number };
	reports: { name: string }[];
	dialect: CsvDialect;
}): ExportedData {
	return {
		fileName: dataset.fileName,
		fingerprint: dataset.fingerprint,
		rows: dataset.rowCount,
		ragged: dataset.ragged.count,
		columns: dataset.reports.map((r) => r.name),
		dialect: dataset.dialect
	};
}

const PART_NAMES: Record<number, string> = { 0: 'train', 1: 'validation', 2: 'test' };

/** Returns the files of the Python export, by path. */
export function pythonExportFiles(input: PythonExportInput): Record<string, string> {
	const { pipeline, run } = input;
	const steps = recipeStepsCode(pipeline.recipe, run.seed, input.userSteps);
	const cells = pipelineCells({
		name: input.name,
		fileName: input.data.fileName,
		target: pipeline.target,
		spec: run.spec,
		specLabel: run.specLabel,
		seed: run.seed,
		steps,
		modules: input.modules
	});
	const boosting = run.spec.kind === 'boosting' ? run.spec : DEFAULT_BOOSTING_SPEC;
	const project = {
		format: 'shipshape-python-export',
		version: 1,
		name: input.name,
		app: input.appVersion,
		data: input.data,
		schema: input.schema,
		target: pipeline.target,
		features: pipeline.recipe.features,
		run: { id: run.id, spec: run.spec, seed: run.seed, recipeHash: run.recipeHash },
		metrics: input.metrics
	};
	const files: Record<string, string> = {
		'README.md': exportReadme({ ...input, steps }),
		'pipeline.ipynb': toNotebook(cells),
		'pipeline.py': toScript(cells, `${input.name}: the Shipshape project as a Python pipeline.`),
		'requirements.txt': REQUIREMENTS,
		'project.json': JSON.stringify(project, null, 2) + '\n',
		'recipe.json': JSON.stringify(pipeline.recipe, null, 2) + '\n',
		'split.csv': splitCsv(input.split)
	};
	if (pipeline.target.task !== 'ranking')
		files['pipeline_dask.py'] = daskScript(pipeline.target, boosting, run.seed);
	for (const [file, text] of Object.entries(input.modules)) files[`shipshape/${file}`] = text;
	return files;
}

/** Returns the export as one zip, its files under a folder named after the project. */
export function pythonExportZip(input: PythonExportInput): Uint8Array {
	const files = pythonExportFiles(input);
	const folder = `${input.name}-python`;
	return zipSync(
		Object.fromEntries(
			Object.entries(files).map(([path, text]) => [`${folder}/${path}`, strToU8(text)])
		),
		{ level: 6 }
	);
}

function splitCsv(split: Int8Array): string {
	const lines = ['row,part'];
	for (let i = 0; i < split.length; i++) lines.push(`${i},${PART_NAMES[split[i]] ?? 'dropped'}`);
	return lines.join('\n') + '\n';
}

const REQUIREMENTS = `# What the exported code needs; these are the oldest versions it was tested with.
numpy>=1.24
pandas>=1.5
scikit-learn>=1.2
xgboost>=1.7
dask[dataframe]>=2022.12
distributed>=2022.12
# To run the notebook: jupyter nbconvert --to notebook --execute pipeline.ipynb
nbconvert>=6.5
ipykernel>=6
`;
