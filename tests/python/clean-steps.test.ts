// The exported cleaning and encoding steps give what the app gives: each case fits a recipe in
// the app (fitRecipe on train rows, applyRecipeFrame on held-out rows) and in Python, twice: the
// steps built from the generated code and fitted there, and the app's fitted steps (from_fitted).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeTarget } from '../../src/core/brief/target';
import type { Frame } from '../../src/core/prepare/frame';
import { applyRecipeFrame, fitRecipe, type StepFitted } from '../../src/core/prepare/recipe';
import {
	applyCleanStep,
	isCleanStep,
	type CleanStep
} from '../../src/core/prepare/steps/clean-steps';
import { fitTargetOf, type FitTarget } from '../../src/core/prepare/steps/step';
import { cleanStepPython } from '../../src/core/ship/python/clean-steps';
import { datasetSchema, loadDataset, NO_CHOICES, type Dataset } from '../../src/core/table/dataset';
import { bytesSource } from '../../src/core/table/ingest';
import { typeTable } from '../../src/core/table/schema';
import { cellText, findColumn, selectRawRows, type ColumnKind } from '../../src/core/table/table';
import { createRng, shuffleInPlace } from '../../src/core/util/rng';
import { DATASETS_DIR } from '../core/reference';
import { runPython } from './python';
import { appCells, type Cell } from './app-cells';

/** One recipe of cleaning steps on a dataset, fitted on some rows and applied to the others. */
interface CleanCase {
	name: string;
	file: string;
	/** Input columns, space-separated, each with `:kind` where it overrides the app's kind. */
	inputs: string;
	target: string;
	task: 'classes' | 'values';
	steps: CleanStep[];
	seed: number;
	/** Reads only the file's first rows. */
	rows?: number;
	/** True for a held-out row; by default every fourth row. */
	held?: (row: number, cell: (name: string) => string) => boolean;
}

// Ties, an all-missing column, JavaScript's spaces (U+3000, NBSP; not U+001C), labels beyond
// U+FFFF (UTF-16 order differs from code points), a number given as hex text; the last three rows
// are held out, with labels unseen in train.
const EDGE_CSV = [
	'lab,num,none,ws,astral,n2,y',
	'b,3,,Foo ,😀,1,yes',
	'a,1,,foo,ｆ,,no',
	'b,3,,FOO\u3000,a,2,yes',
	'a,1,,\u00a0bar,😀,,no',
	',,,\u001cbar,ｆ,3,yes',
	'c,2,,Bar ,,4,no',
	'a,,,BAR,a,,yes',
	'b,,,\u001cBAR,😀,5,no',
	'd,,,BAZ,😁,,yes',
	',5,,Foo,ｇ,6,no',
	'a,3,,Qux,,7,yes'
].join('\n');

const CASES: CleanCase[] = [
	{
		name: 'titanic: impute strategies, target rate without smoothing, ordinal order, one-hot',
		file: 'titanic.csv',
		inputs: 'Pclass:category Name Sex Age SibSp Parch Ticket Fare Cabin Embarked',
		target: 'Survived',
		task: 'classes',
		seed: 42,
		steps: [
			{ kind: 'drop-columns', columns: ['Name', 'Ticket', 'Nope'], reason: 'identifiers' },
			{ kind: 'impute', column: 'Age', strategy: 'median', indicator: true },
			{ kind: 'impute', column: 'Fare', strategy: 'mean' },
			{ kind: 'impute', column: 'Embarked', strategy: 'most-frequent', indicator: true },
			{ kind: 'target-encode', column: 'Cabin', smoothing: 0, folds: 4 },
			{ kind: 'ordinal', column: 'Pclass', order: ['3', '2', '1'] },
			{ kind: 'one-hot', column: 'Sex' }
		]
	},
	{
		name: 'titanic: repeated rows, rare labels joining a kept one, learned order, constants',
		file: 'titanic.csv',
		inputs: 'Pclass Sex Age SibSp Parch Fare Cabin Embarked',
		target: 'Survived',
		task: 'classes',
		seed: 7,
		steps: [
			{ kind: 'drop-duplicates' },
			{ kind: 'rare-levels', column: 'Cabin', minCount: 3, minShare: 0.005, other: 'C23 C25 C27' },
			{ kind: 'ordinal', column: 'Embarked' },
			{ kind: 'impute', column: 'Age', strategy: 'constant', value: 30, indicator: true },
			{ kind: 'impute', column: 'Fare', strategy: 'most-frequent' },
			{ kind: 'impute', column: 'Sex', strategy: 'median' }
		]
	},
	{
		name: 'penguins: multiclass target encoding, smoothing 0, clean labels, number constants',
		file: 'penguins.csv',
		inputs: 'island bill_length_mm bill_depth_mm flipper_length_mm body_mass_g sex year:category',
		target: 'species',
		task: 'classes',
		seed: 3,
		steps: [
			{ kind: 'clean-labels', column: 'sex', trim: true, caseFold: 'upper', merge: [] },
			{ kind: 'target-encode', column: 'island', smoothing: 2, folds: 3 },
			{ kind: 'target-encode', column: 'sex', smoothing: 0 },
			{ kind: 'impute', column: 'bill_length_mm', strategy: 'constant', value: '40.5' },
			{ kind: 'impute', column: 'flipper_length_mm', strategy: 'mean', indicator: true },
			{ kind: 'impute', column: 'body_mass_g', strategy: 'most-frequent', indicator: true },
			{ kind: 'ordinal', column: 'year', order: ['2009', '2008'] }
		]
	},
	{
		name: 'penguins: regression target encoding, default rare share, labels imputed by median',
		file: 'penguins.csv',
		inputs: 'species island bill_length_mm sex',
		target: 'body_mass_g',
		task: 'values',
		seed: 11,
		steps: [
			{ kind: 'impute', column: 'sex', strategy: 'median', indicator: true },
			{ kind: 'target-encode', column: 'species' },
			{ kind: 'rare-levels', column: 'island', minShare: 0.2 },
			{ kind: 'target-encode', column: 'island', smoothing: 0, folds: 2 }
		]
	},
	{
		name: 'california: a label unseen in train, one-hot encoded as all zeros',
		file: 'california_housing.csv',
		inputs: 'longitude total_rooms total_bedrooms median_income ocean_proximity',
		target: 'median_house_value',
		task: 'values',
		seed: 2024,
		held: (row, cell) => row % 4 === 3 || cell('ocean_proximity') === 'ISLAND',
		steps: [
			{ kind: 'impute', column: 'total_bedrooms', strategy: 'median', indicator: true },
			{ kind: 'one-hot', column: 'ocean_proximity' }
		]
	},
	{
		name: 'california: an unseen label made the other label, then target-encoded',
		file: 'california_housing.csv',
		inputs: 'median_income ocean_proximity',
		target: 'median_house_value',
		task: 'values',
		seed: 5,
		held: (row, cell) => row % 4 === 3 || cell('ocean_proximity') === 'ISLAND',
		steps: [
			{ kind: 'rare-levels', column: 'ocean_proximity', minCount: 1, other: 'ELSEWHERE' },
			{ kind: 'target-encode', column: 'ocean_proximity', smoothing: 20, folds: 5 }
		]
	},
	{
		name: 'adult: trimmed and merged labels, rare countries, target rate, partial order',
		file: 'adult_train.csv',
		rows: 6000,
		inputs: 'age workclass education occupation native-country race hours-per-week',
		target: 'Y',
		task: 'classes',
		seed: 99,
		steps: [
			{
				kind: 'clean-labels',
				column: 'workclass',
				trim: true,
				caseFold: 'lower',
				merge: [['SELF-EMP-INC', 'Self-emp-not-inc']]
			},
			{ kind: 'rare-levels', column: 'native-country', minCount: 30, minShare: 0.002 },
			{ kind: 'target-encode', column: 'occupation' },
			{ kind: 'impute', column: 'workclass', strategy: 'most-frequent', indicator: true },
			{
				kind: 'ordinal',
				column: 'education',
				order: ['HS-grad', 'Some-college', 'Bachelors', 'Masters', 'Doctorate']
			},
			{ kind: 'drop-duplicates' }
		]
	},
	{
		name: 'adult with ids: repeated rows once the id is dropped, one-hot of unseen countries',
		file: 'dirty/adult_duplicates_ids.csv',
		inputs: 'person_id age workclass education sex native-country capital-gain',
		target: 'Y',
		task: 'classes',
		seed: 1,
		steps: [
			{ kind: 'drop-columns', columns: ['person_id'] },
			{ kind: 'drop-duplicates' },
			{ kind: 'one-hot', column: 'native-country' }
		]
	},
	{
		name: 'german credit: an order missing a label, merges in another spelling, many folds',
		file: 'german_credit.csv',
		inputs:
			'checking_status duration_months purpose savings_status personal_status_sex credit_amount',
		target: 'credit_risk',
		task: 'classes',
		seed: 123,
		steps: [
			{ kind: 'ordinal', column: 'checking_status', order: ['A14', 'A11', 'A12'] },
			{ kind: 'target-encode', column: 'purpose', smoothing: 0, folds: 10 },
			{ kind: 'rare-levels', column: 'savings_status', minShare: 0.1, other: 'rare' },
			{
				kind: 'clean-labels',
				column: 'personal_status_sex',
				trim: false,
				caseFold: 'lower',
				merge: [
					['A91', 'a92'],
					['a94', 'A93']
				]
			}
		]
	},
	{
		name: 'titanic with padded labels and missing-value tokens: clean labels before one-hot',
		file: 'dirty/titanic_na_tokens_whitespace.csv',
		inputs: 'Sex Embarked Age Pclass',
		target: 'Survived',
		task: 'classes',
		seed: 8,
		steps: [
			{ kind: 'clean-labels', column: 'Sex', trim: true, caseFold: 'none', merge: [] },
			{ kind: 'clean-labels', column: 'Embarked', trim: false, caseFold: 'upper', merge: [] }
		]
	},
	{
		name: 'edge cases: ties, all missing, JavaScript spaces, UTF-16 order, hex text',
		file: 'EDGE',
		inputs: 'lab num none:number ws:category astral:category n2',
		target: 'y',
		task: 'classes',
		seed: 0,
		held: (row) => row >= 8,
		steps: [
			{ kind: 'impute', column: 'lab', strategy: 'most-frequent', indicator: true },
			{ kind: 'impute', column: 'num', strategy: 'most-frequent' },
			{ kind: 'impute', column: 'none', strategy: 'median', indicator: true },
			{
				kind: 'clean-labels',
				column: 'ws',
				trim: true,
				caseFold: 'lower',
				merge: [['BAR', 'foo']]
			},
			{ kind: 'ordinal', column: 'ws' },
			{ kind: 'impute', column: 'astral', strategy: 'constant', value: 7 },
			{ kind: 'one-hot', column: 'astral' },
			{ kind: 'impute', column: 'n2', strategy: 'constant', value: ' 0x10 ', indicator: true }
		]
	}
];

/** The Python side: each case by both paths, then the seeded generator's draws and shuffles. */
const SCRIPT = `
import json
import numpy as np
import pandas as pd
from shipshape.frame import read_texts, type_columns
from shipshape.recipe import fit_steps, transform_steps
from shipshape.rng import create_rng, shuffle_in_place
from shipshape.steps import CLEAN_STEPS as STEPS


def cells(column):
    if column.dtype == object:
        return column.tolist()
    return [None if v != v else v for v in column.to_numpy(np.float64).tolist()]


def frame(X):
    return {"names": list(X.columns), "columns": [cells(X[c]) for c in X.columns]}


def target(y):
    if isinstance(y, pd.Categorical):
        return y.codes.tolist()
    return [None if v != v else v for v in np.asarray(y).tolist()]


payload = json.load(open("payload.json", encoding="utf-8"))
files, out = {}, []
for case in payload["cases"]:
    key = json.dumps([case["path"], case["read"], case["schema"]])
    if key not in files:
        texts = read_texts(case["path"], **case["read"])
        files[key] = type_columns(texts, case["schema"])
    X = files[key][case["inputs"]]
    y = case["y"]
    if "classes" in y:
        y = pd.Categorical.from_codes(y["codes"], categories=y["classes"])
    else:
        y = np.array([np.nan if v is None else v for v in y["values"]], dtype=np.float64)
    scope = {}
    for line in case["imports"]:
        exec(line, scope)
    steps = [eval(code, scope) for code in case["codes"]]
    train, kept = fit_steps(steps, X.iloc[case["train"]], y)
    held = X.iloc[case["held"]]
    fitted = [STEPS[f["kind"]].from_fitted(f) for f in case["fitted"]]
    out.append({
        "train": frame(train),
        "target": target(kept),
        "held": frame(transform_steps(steps, held)),
        "fitted": frame(transform_steps(fitted, held)),
    })
draws = []
for seed in payload["seeds"]:
    rng = create_rng(seed)
    draws.append([rng.next() for _ in range(20)] + [rng.int(n) for n in (2, 10, 1000, 2**31, 7)])
shuffles = [shuffle_in_place(list(range(n)), create_rng(seed)) for seed, n in payload["shuffles"]]
print(json.dumps({"cases": out, "draws": draws, "shuffles": shuffles}))
`;

const SEEDS = [0, 1, 42, 2 ** 32 - 1, -5, 123456789];
const SHUFFLES: [number, number][] = [
	[42, 100],
	[2 ** 32 - 1, 1000]
];

interface PyFrame {
	names: string[];
	columns: Cell[][];
}
interface PyCase {
	train: PyFrame;
	target: (number | null)[];
	held: PyFrame;
	fitted: PyFrame;
}
/** What a case gives in the app, and what Python is sent to do the same. */
interface AppCase {
	train: Frame;
	target: FitTarget | null;
	held: Frame;
	payload: Record<string, unknown>;
}

async function readDataset(path: string): Promise<Dataset> {
	const bytes = new Uint8Array(readFileSync(path));
	return loadDataset(bytesSource(bytes), path, NO_CHOICES);
}

/** Fits the case's recipe in the app; finishing standardisation (a feature step) is left out. */
async function runApp(c: CleanCase, path: string): Promise<AppCase> {
	const data = await readDataset(path);
	const kindOf = (name: string) => findColumn(data.reports, name)!.kind;
	const inputs = c.inputs.split(' ').map((input) => {
		const [name, kind] = input.split(':');
		return { name, kind: (kind as ColumnKind | undefined) ?? kindOf(name) };
	});
	const targetSchema = { name: c.target, kind: kindOf(c.target) };
	const schema = datasetSchema(data, [...inputs, targetSchema]);
	const isHeld = c.held ?? ((row: number) => row % 4 === 3);
	const rows = Array.from({ length: c.rows ?? data.raw.rowCount }, (_, i) => i);
	const cell = (row: number) => (name: string) =>
		cellText(findColumn(data.raw.columns, name)!, row);
	const heldRows = rows.filter((row) => isHeld(row, cell(row)));
	const trainRows = rows.filter((row) => !isHeld(row, cell(row)));
	const part = (at: number[]) => typeTable(selectRawRows(data.raw, at), schema).table;
	const train = part(trainRows);
	const wholeTarget = typeTable(data.raw, datasetSchema(data, [targetSchema])).table.columns[0];
	const classes =
		c.task === 'classes' ? summarizeTarget(wholeTarget).classes!.map((k) => k.label) : null;
	const target = fitTargetOf(findColumn(train.columns, c.target)!, classes);
	const seen: StepFitted[] = [];
	const fit = fitRecipe({ inputs, steps: c.steps }, train, { target, seed: c.seed }, (s) =>
		seen.push(s)
	);
	// Standardisation only rescales its own column, after its imputation: leaving it out changes nothing else.
	const clean = seen.filter((s) => isCleanStep(s.step));
	let trainFrame = seen[c.steps.length - 1].after;
	for (const s of clean.slice(c.steps.length))
		if (isCleanStep(s.fitted)) trainFrame = applyCleanStep(s.fitted, trainFrame);
	const cleanRecipe = { ...fit.recipe, steps: fit.recipe.steps.filter(isCleanStep) };
	const code = clean.map((s) => cleanStepPython(s.step as CleanStep, c.seed));
	const payload = {
		path,
		read: {
			sep: data.dialect.delimiter,
			quotechar: data.dialect.quote,
			skipinitialspace: data.dialect.skipInitialSpace,
			header: 0,
			// The app's column names (trimmed, an unnamed one named), as the export reads them.
			names: data.raw.columns.map((column) => column.name)
		},
		schema,
		inputs: inputs.map((i) => i.name),
		train: trainRows,
		held: heldRows,
		y: classes ? { classes, codes: Array.from(target.y) } : { values: Array.from(target.y) },
		imports: code.flatMap((p) =>
			p.imports.map((i) => `from ${i.module} import ${i.names.join(', ')}`)
		),
		codes: code.map((p) => p.code),
		fitted: JSON.parse(JSON.stringify(clean.map((s) => s.fitted)))
	};
	const held = applyRecipeFrame(cleanRecipe, part(heldRows));
	return { train: trainFrame, target: fit.target, held, payload };
}

function sameCell(a: Cell, b: Cell): boolean {
	if (a === b) return true;
	if (typeof a !== 'number' || typeof b !== 'number') return false;
	return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Returns how Python's cells differ from the app's, column by column (empty when they agree). */
function differences(names: string[], actual: Cell[][], expected: Cell[][], wanted: string[]) {
	if (JSON.stringify(names) !== JSON.stringify(wanted))
		return [`columns ${JSON.stringify(names)}, not ${JSON.stringify(wanted)}`];
	return wanted.flatMap((name, j) => {
		const [got, want] = [actual[j], expected[j]];
		if (got.length !== want.length) return [`${name}: ${got.length} rows, not ${want.length}`];
		const bad = want.flatMap((cell, i) => (sameCell(got[i], cell) ? [] : [i]));
		if (bad.length === 0) return [];
		const i = bad[0];
		return [
			`${name}: ${bad.length} cells differ; row ${i}: ${JSON.stringify(got[i])}, not ${JSON.stringify(want[i])}`
		];
	});
}

function frameDifferences(actual: PyFrame, expected: Frame): string[] {
	const names = expected.map((c) => c.name);
	return differences(actual.names, actual.columns, appCells(expected), names);
}

function targetCells(target: FitTarget | null): Cell[] {
	if (!target) return [];
	return Array.from(target.y as ArrayLike<number>, (v) => (Number.isNaN(v) ? null : v));
}

describe('exported cleaning and encoding steps', () => {
	const app: AppCase[] = [];
	let python: { cases: PyCase[]; draws: number[][]; shuffles: number[][] };

	beforeAll(async () => {
		const dir = mkdtempSync(join(tmpdir(), 'shipshape-clean-'));
		writeFileSync(join(dir, 'edge.csv'), EDGE_CSV);
		const pathOf = (file: string) =>
			file === 'EDGE' ? join(dir, 'edge.csv') : isAbsolute(file) ? file : DATASETS_DIR + file;
		for (const c of CASES) app.push(await runApp(c, pathOf(c.file)));
		const payload = { cases: app.map((a) => a.payload), seeds: SEEDS, shuffles: SHUFFLES };
		writeFileSync(join(dir, 'payload.json'), JSON.stringify(payload));
		python = JSON.parse(runPython(SCRIPT, { cwd: dir }));
	}, 180_000);

	describe.each(CASES.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
		it('fits in Python to the same train frame and target', () => {
			expect(frameDifferences(python.cases[i].train, app[i].train)).toEqual([]);
			const target = targetCells(app[i].target);
			expect(differences(['y'], [python.cases[i].target], [target], ['y'])).toEqual([]);
		});

		it('applies the steps fitted in Python to held-out rows as the app does', () => {
			expect(frameDifferences(python.cases[i].held, app[i].held)).toEqual([]);
		});

		it("applies the app's fitted steps (from_fitted) to held-out rows as the app does", () => {
			expect(frameDifferences(python.cases[i].fitted, app[i].held)).toEqual([]);
		});
	});

	it("draws the app's random numbers and shuffles, bit for bit", () => {
		const draws = SEEDS.map((seed) => {
			const rng = createRng(seed);
			const floats = Array.from({ length: 20 }, () => rng.next());
			return [...floats, ...[2, 10, 1000, 2 ** 31, 7].map((n) => rng.int(n))];
		});
		expect(python.draws).toEqual(draws);
		const shuffles = SHUFFLES.map(([seed, n]) =>
			Array.from(
				shuffleInPlace(
					Int32Array.from({ length: n }, (_, i) => i),
					createRng(seed)
				)
			)
		);
		expect(python.shuffles).toEqual(shuffles);
	});
});

describe('cleanStepPython', () => {
	const steps: CleanStep[] = [
		{ kind: 'drop-columns', columns: ['Name'], reason: 'an identifier' },
		{ kind: 'drop-duplicates' },
		{ kind: 'clean-labels', column: 'Sex', trim: true, caseFold: 'lower', merge: [['m', 'male']] },
		{ kind: 'rare-levels', column: 'Cabin', minShare: 0.05 },
		{ kind: 'impute', column: 'Age', strategy: 'median' },
		{ kind: 'ordinal', column: 'Pclass' },
		{ kind: 'target-encode', column: 'Cabin' },
		{ kind: 'one-hot', column: 'Embarked' }
	];

	it('builds each unfitted transformer from the step fields, in snake_case', () => {
		expect(steps.map((step) => cleanStepPython(step, 42).code)).toEqual([
			'DropColumns(columns=["Name"], reason="an identifier")',
			'DropDuplicates()',
			'CleanLabels(column="Sex", trim=True, case_fold="lower", merge=[["m", "male"]])',
			'RareLevels(column="Cabin", min_count=None, min_share=0.05, other="Other")',
			'Impute(column="Age", strategy="median", indicator=False)',
			'Ordinal(column="Pclass", order=None)',
			'TargetEncode(column="Cabin", smoothing=10, folds=5, seed=42)',
			'OneHot(column="Embarked")'
		]);
		const constant = cleanStepPython(
			{ kind: 'impute', column: 'n', strategy: 'constant', value: 'x', indicator: true },
			0
		);
		expect(constant.code).toBe(
			'Impute(column="n", strategy="constant", indicator=True, value="x")'
		);
		expect(constant.imports).toEqual([{ module: 'shipshape.steps_clean', names: ['Impute'] }]);
	});

	it('says which library does what the app does, and warns where none is faithful', () => {
		const python = steps.map((step) => cleanStepPython(step, 0));
		expect(python.map((p) => p.equivalent)).toEqual([
			'pandas',
			'none',
			'pandas',
			'pandas',
			'scikit-learn',
			'scikit-learn',
			'none',
			'scikit-learn'
		]);
		for (const p of python)
			if (p.equivalent === 'none') expect(p.warning).toMatch(/^[A-Z].{40,}\.$/);
			else expect(p.warning).toBeUndefined();
	});
});
