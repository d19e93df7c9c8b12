import { estimatorPython } from './model-code';
import type { PythonExportInput } from './export';
import type { RecipeStepCode } from './recipe-code';

const EQUIVALENT_WORDS: Record<RecipeStepCode['equivalent'], string> = {
	'scikit-learn': 'scikit-learn',
	pandas: 'pandas',
	none: '**none**: an own class, shown in the notebook'
};

/** Returns the export's README: what is inside, which script to use when, and what differs. */
export function exportReadme(input: PythonExportInput & { steps: RecipeStepCode[] }): string {
	const { pipeline, run, steps, data } = input;
	const task = pipeline.target.task;
	const estimator = estimatorPython(run.spec, task, run.seed);
	const warnings = [
		...steps
			.filter((s) => s.equivalent === 'none')
			.map(
				(s) =>
					`Step ${s.name} (${s.description}) has no faithful pandas or scikit-learn equivalent. ${s.warning ?? ''} The notebook shows its class.`
			),
		...estimator.notes.map((note) => `Model: ${note}`),
		...(data.ragged > 0
			? [
					`The app left out ${data.ragged} rows of \`${data.fileName}\` whose number of fields was wrong; pandas may read them, and then the row count check stops the pipeline.`
				]
			: []),
		...(steps.some((s) => s.name.endsWith('target-encode'))
			? [
					'pipeline_dask.py refuses this recipe: it target-encodes, and the app encodes each train row out of fold, which the fitted recipe cannot reproduce on the cluster (applied to the train rows it would leak their target). Use pipeline.py, or another encoding.'
				]
			: []),
		...(steps.some((s) => s.name.endsWith('drop-duplicates'))
			? [
					'pipeline_dask.py applies the fitted recipe, which keeps every row: the repeated train rows the app dropped are kept there.'
				]
			: []),
		...(run.spec.kind !== 'boosting' && task !== 'ranking'
			? [
					`pipeline_dask.py trains boosted trees with their default settings: the project's model is ${run.specLabel}, which xgboost.dask does not train.`
				]
			: []),
		...(task === 'ranking' ? ['There is no pipeline_dask.py for a ranking project.'] : [])
	];
	const recipeRows = steps.map(
		(s) =>
			`| ${s.name} | ${s.description.replaceAll('|', '\\|')} | ${s.finishing ? 'added by the app' : 'yours'} | ${EQUIVALENT_WORDS[s.equivalent]} |`
	);
	return `# ${input.name}: the Shipshape project in Python

Exported by Shipshape ${input.appVersion} from run ${run.id}, the run the test set judged (${run.specLabel}, seed ${run.seed}) on
\`${data.fileName}\` (${data.rows} rows, SHA-256 \`${data.fingerprint}\`). The data file is not in this
folder: put \`${data.fileName}\` beside these files, or give its path.

## Which one to run

| file | when |
| --- | --- |
| \`pipeline.ipynb\` | to read and change the pipeline step by step, on one machine: \`jupyter nbconvert --to notebook --execute pipeline.ipynb\`, or open it in Jupyter |
| \`pipeline.py\` | the same code as a script, for a scheduled job or CI: \`python3 pipeline.py [data.csv] [--out folder]\` |
| \`pipeline_dask.py\` | when the data no longer fits one machine's memory, or comes as many files: \`python3 pipeline_dask.py --data 'part-*.csv' [--workers 4]\`, or \`--scheduler tcp://host:8786\` for a running cluster |

The notebook and \`pipeline.py\` refit the recipe and the model on the train rows of \`split.csv\`,
then print every metric beside the one Shipshape recorded (validation, and test), with the
difference, and write \`metrics.json\`. Expect the baseline to match exactly, linear models to
within about 1e-6, and trees, forests, boosting and nets to within their randomness (about 0.01
ROC-AUC, 2 % RMSE): the libraries draw other random numbers.

\`pipeline_dask.py\` does not refit the recipe: it applies \`recipe.json\`, the parameters the app
learned on the train rows, to each partition. It trains the boosted trees with \`xgboost.dask\` and
writes \`model_dask.json\` and \`metrics_dask.json\`. With \`--split\` (the default) the files must
hold the project's rows in order (several files are read in name order, \`part-2\` before
\`part-10\`); with \`--test-data\` every labelled row of \`--data\` trains, without early stopping,
and the test files are scored. Each file is one partition; \`--blocksize 64MB\` cuts them finer,
for files with no line break inside a quoted cell. On a cluster of your own (\`--scheduler\`) the
script sends the \`shipshape\` package to the workers. Parquet files need \`pyarrow\`.

Install: \`pip install -r requirements.txt\`, or on Debian \`apt-get install python3-sklearn
python3-pandas python3-dask python3-distributed python3-xgboost jupyter-nbconvert python3-ipykernel\`.

## Files

| file | what it is |
| --- | --- |
| \`project.json\` | the data file's dialect and columns, the schema, the target, the features, the run and the metrics Shipshape recorded |
| \`split.csv\` | each row's part: train, validation, test, or dropped (no target) |
| \`recipe.json\` | the recipe as the app fitted it (the bundle's recipe.json) |
| \`shipshape/\` | the code the three share: reading the CSV as the app does, one scikit-learn transformer per recipe step, the metrics |
| \`requirements.txt\` | the packages, with the versions it was tested with |

## The recipe

| step | what it does | whose | equivalent |
| --- | --- | --- | --- |
${recipeRows.join('\n')}

## The model

\`\`\`python
model = ${estimator.code}
\`\`\`

${warnings.length > 0 ? `## Warnings\n\n${warnings.map((w) => `- ${w}`).join('\n')}\n` : '## Warnings\n\nNone: every step and hyperparameter has an exact equivalent.\n'}`;
}
