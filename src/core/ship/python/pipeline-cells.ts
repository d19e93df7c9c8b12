import { isClassification } from '../../brief/task';
import type { ModelSpec } from '../../models/model';
import type { TargetSpec } from '../pipeline';
import { estimatorPython } from './model-code';
import { code, markdown, type Cell } from './notebook';
import { pyString } from './python-step';
import { importLines, ownClassCell, recipeExpression, type RecipeStepCode } from './recipe-code';

/** What the notebook and pipeline.py are written from. */
export interface PipelineCellsInput {
	name: string;
	fileName: string;
	target: TargetSpec;
	spec: ModelSpec;
	specLabel: string;
	seed: number;
	steps: RecipeStepCode[];
	/** The package's module texts by file name, to show the classes that have no equivalent. */
	modules: Record<string, string>;
}

/** Returns the cells of the exported pipeline: read, split, recipe, model, metrics, comparison. */
export function pipelineCells(input: PipelineCellsInput): Cell[] {
	const { target, steps } = input;
	const estimator = estimatorPython(input.spec, target.task, input.seed);
	const own = steps.filter((s) => s.equivalent === 'none' && s.className);
	const shown = new Set(own.map((s) => s.className!));
	const imports = importLines([...steps.flatMap((s) => s.imports), ...estimator.imports], shown);
	return [
		...openingCells(input),
		code([...SHARED_IMPORTS, ...imports].join('\n')),
		markdown('## The data, read as the app read it, and the split'),
		code(READ_DATA),
		...ownClassCells(own, input.modules),
		markdown(
			'## The recipe\n\nEach step is fitted on the train rows only, after the steps before it, as in the app.'
		),
		code(recipeExpression(steps)),
		markdown('## The model'),
		code(
			[
				...estimator.notes.map((note) => `# ${note}`),
				`model = ${estimator.code}`,
				'',
				'# Fitted on the train rows; the families that stop early watch the validation rows, as in the app.',
				'X_train, y_train = recipe.fit_resample(frame[rows["train"]], y[rows["train"]])',
				'X_val = recipe.transform(frame[rows["validation"]])',
				'fit_model(model, X_train, encoded(y_train), X_val, encoded(y[rows["validation"]]))'
			].join('\n')
		),
		markdown('## The metrics, beside the ones Shipshape recorded'),
		code(scoreCode(target))
	];
}

/** The title, and where the data comes from: the notebook's environment, or the script's arguments. */
function openingCells(input: PipelineCellsInput): Cell[] {
	const file = pyString(input.fileName);
	return [
		markdown(
			[
				`# ${input.name}: the Shipshape project in Python`,
				'',
				`This is the project as Shipshape ran it: the data file \`${input.fileName}\`, read as the app read it;`,
				'the same rows in train, validation and test (`split.csv`); the recipe as a scikit-learn `Pipeline`,',
				`fitted on the train rows; the same model family (${input.specLabel}) with the same hyperparameters and seed`,
				`(${input.seed}); and the same metrics, printed beside the ones Shipshape recorded.`
			].join('\n')
		),
		code(
			[
				'import os',
				'from pathlib import Path',
				'',
				"# The folder of this notebook, and the data file: $SHIPSHAPE_DATA, else the project's file beside it.",
				'HERE = Path.cwd()',
				`DATA = Path(os.environ.get("SHIPSHAPE_DATA", HERE / ${file}))`,
				'OUT = Path(os.environ.get("SHIPSHAPE_OUT", HERE))'
			].join('\n'),
			'notebook'
		),
		code(
			[
				'import argparse',
				'from pathlib import Path',
				'',
				'HERE = Path(__file__).resolve().parent',
				'parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])',
				`parser.add_argument("data", nargs="?", default=HERE / ${file}, type=Path, help="the CSV file")`,
				'parser.add_argument("--out", default=HERE, type=Path, help="where metrics.json is written")',
				'args = parser.parse_args()',
				'DATA, OUT = args.data, args.out'
			].join('\n'),
			'script'
		)
	];
}

const SHARED_IMPORTS = [
	'import json',
	'',
	'import numpy as np',
	'import pandas as pd',
	'',
	'from shipshape.metrics import score',
	'from shipshape.models import fit_model, predict_model',
	'from shipshape.project import (',
	'    compare,',
	'    json_safe,',
	'    load_project,',
	'    read_data,',
	'    read_split,',
	'    target_of,',
	')',
	'from shipshape.recipe import Features, Recipe'
];

const READ_DATA = [
	'project = load_project(HERE)',
	'frame = read_data(DATA, project)',
	'part = read_split(HERE / "split.csv")',
	'y = target_of(frame, project)',
	'',
	'',
	'def encoded(target):',
	'    """The target as the model learns it: class indices in the app\'s order, or numbers."""',
	'    return np.asarray(target.codes if hasattr(target, "codes") else target)',
	'',
	'',
	'rows = {name: part == code for name, code in (("train", 0), ("validation", 1), ("test", 2))}',
	'print({name: int(mask.sum()) for name, mask in rows.items()})'
].join('\n');

/** The steps no library does faithfully: why, then each class written out, runnable. */
function ownClassCells(own: readonly RecipeStepCode[], modules: Record<string, string>): Cell[] {
	if (own.length === 0) return [];
	const classes = own.filter((s, i) => own.findIndex((t) => t.className === s.className) === i);
	return [
		markdown(
			[
				'## Steps with no faithful pandas or scikit-learn equivalent',
				'',
				'These steps are written out here, as small classes that do exactly what the app does:',
				'',
				...own.map((s) => `- **${s.name}** (${s.description}): ${s.warning ?? ''}`)
			].join('\n')
		),
		// A class no module holds is imported as its step says.
		...classes.map((step) =>
			code(ownClassCell(modules, step.className!) ?? importLines(step.imports).join('\n'))
		)
	];
}

function scoreCode(target: TargetSpec): string {
	const classify = isClassification(target.task);
	const extra =
		target.task === 'binary'
			? `, classes=project["target"]["classes"], positive=project["target"]["positive"], threshold=project["metrics"]["thresholds"][name]`
			: target.task === 'multiclass'
				? ', classes=project["target"]["classes"]'
				: target.task === 'ranking'
					? ', queries=pd.factorize(frame[project["target"]["query"]][mask])[0]'
					: '';
	return [
		'def scored(name, mask):',
		'    """The app\'s metrics of the model on some rows (a binary model decides at the threshold',
		'    the app scored them at: validation at the run\'s, test at the one the evaluation chose)."""',
		'    X = recipe.transform(frame[mask])',
		`    prediction = predict_model(model, X${classify ? ', n_classes=len(project["target"]["classes"])' : ''})`,
		'    truth = encoded(y[mask])',
		`    return score(project["target"]["task"], truth, prediction${extra})`,
		'',
		'results = {}',
		'for name in ("validation", "test"):',
		'    recorded = project["metrics"][name]',
		'    if not recorded or not rows[name].any():',
		'        continue',
		'    table = compare(recorded, scored(name, rows[name]))',
		'    print(f"{name}:\\n{table.to_string(float_format=lambda v: f\'{v:.6f}\')}\\n")',
		'    results[name] = table.to_dict(orient="index")',
		'',
		'OUT.mkdir(parents=True, exist_ok=True)',
		'text = json.dumps(json_safe(results), indent=2, allow_nan=False)',
		'(OUT / "metrics.json").write_text(text + "\\n")'
	].join('\n');
}
