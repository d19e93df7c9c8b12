// The exported feature steps give what the app gives: each case fits a recipe in the app
// (fitRecipe on train rows, applyRecipeFrame on held-out rows) and in Python, twice: the steps
// built from the generated code and fitted there, and the app's fitted steps (from_fitted).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from '../../src/core/prepare/frame';
import { applyRecipeFrame, fitRecipe, type StepFitted } from '../../src/core/prepare/recipe';
import {
	FEATURE_STEP_KINDS,
	fitFeatureStep,
	type FeatureStep
} from '../../src/core/prepare/steps/feature-steps';
import { NO_FIT_CONTEXT } from '../../src/core/prepare/steps/step';
import { featureStepPython } from '../../src/core/ship/python/feature-steps';
import { datasetSchema, loadDataset, NO_CHOICES, type Dataset } from '../../src/core/table/dataset';
import { bytesSource } from '../../src/core/table/ingest';
import { columnSchema } from '../../src/core/table/infer-kinds';
import { typeTable } from '../../src/core/table/schema';
import { findColumn, selectRawRows, type ColumnKind } from '../../src/core/table/table';
import { CoreError } from '../../src/core/util/core-error';
import { DATASETS_DIR } from '../core/reference';
import { CASES, derivedFiles, type FeatureCase } from './feature-cases';
import { runPython } from './python';
import { appCells, type Cell } from './app-cells';

/** The Python side: per case, both paths; then the kinds it knows and the steps it refuses. */
const SCRIPT = `
import json
import numpy as np
import pandas as pd
from shipshape.frame import read_texts, type_columns
from shipshape.recipe import fit_steps, transform_steps
from shipshape.steps import FEATURE_STEPS as STEPS


def column(values):
    if pd.api.types.is_datetime64_any_dtype(values):
        ns = values.to_numpy(dtype="datetime64[ns]").view(np.int64).tolist()
        return "date", [None if m else v // 1_000_000 for v, m in zip(ns, values.isna())]
    if values.dtype == object:
        return "label", values.tolist()
    kind = "number" if values.dtype == np.float64 else str(values.dtype)
    return kind, [None if v != v else v for v in values.to_numpy(np.float64).tolist()]


def frame(X):
    kinds, columns = zip(*[column(X[c]) for c in X.columns]) if len(X.columns) else ((), ())
    return {"names": list(X.columns), "kinds": list(kinds), "columns": list(columns)}


def check_dates(X, dates):
    # Notes whether frame.py read each date column as the app did (epoch ms, or missing).
    for name, ms in dates.items():
        values = np.array([np.iinfo(np.int64).min if v is None else v * 1_000_000 for v in ms])
        read = X[name].to_numpy(dtype="datetime64[ns]").view(np.int64)
        frame_dates.append(bool((read == values).all()))
    return X


payload = json.load(open("payload.json", encoding="utf-8"))
files, out, starts, frame_dates = {}, [], [], []
for case in payload["cases"]:
    key = json.dumps([case["path"], case["read"], case["schema"]])
    if key not in files:
        texts = read_texts(case["path"], **case["read"])
        files[key] = check_dates(type_columns(texts, case["schema"]), case["dates"])
    X = files[key][case["inputs"]]
    scope = {}
    for line in case["imports"]:
        exec(line, scope)
    steps = [eval(code, scope) for code in case["codes"]]
    starts.append(X.iloc[case["train"]])
    train, _ = fit_steps(steps, starts[-1])
    held = X.iloc[case["held"]]
    fitted = [STEPS[f["kind"]].from_fitted(f) for f in case["fitted"]]
    out.append({
        "train": frame(train),
        "held": frame(transform_steps(steps, held)),
        "fitted": frame(transform_steps(fitted, held)),
    })
refused = []
for bad in payload["refused"]:
    scope = {}
    exec(bad["import"], scope)
    try:
        eval(bad["code"], scope).fit(starts[0])
        refused.append(None)
    except (ValueError, TypeError, KeyError) as error:
        refused.append(type(error).__name__)
result = {"cases": out, "kinds": sorted(STEPS), "refused": refused, "frameDates": frame_dates}
print(json.dumps(result, allow_nan=False))
`;

interface PyFrame {
	names: string[];
	kinds: string[];
	columns: Cell[][];
}
interface PyCase {
	train: PyFrame;
	held: PyFrame;
	fitted: PyFrame;
}
/** What a case gives in the app, and what Python is sent to do the same. */
interface AppCase {
	/** The train frame the steps start from. */
	input: Frame;
	train: Frame;
	held: Frame;
	payload: Record<string, unknown>;
}

const SEED = 42;
const datasets = new Map<string, Promise<Dataset>>();

function readDataset(path: string): Promise<Dataset> {
	if (!datasets.has(path))
		datasets.set(
			path,
			loadDataset(bytesSource(new Uint8Array(readFileSync(path))), path, NO_CHOICES)
		);
	return datasets.get(path)!;
}

function inputSchema(data: Dataset, input: string | [string, ColumnKind]) {
	if (typeof input !== 'string') return { name: input[0], kind: input[1] };
	return columnSchema(findColumn(data.reports, input)!);
}

/** Fits the case's recipe in the app and keeps the user's steps (finishing is the clean steps'). */
async function runApp(c: FeatureCase, path: string): Promise<AppCase> {
	const data = await readDataset(path);
	const inputs = c.inputs.map((input) => inputSchema(data, input));
	const schema = datasetSchema(data, inputs);
	const isHeld = c.held ?? ((row: number) => row % 4 === 3);
	const rows = Array.from({ length: data.raw.rowCount }, (_, i) => i);
	const heldRows = rows.filter((row) => isHeld(row));
	const trainRows = rows.filter((row) => !isHeld(row));
	const part = (at: number[]) => typeTable(selectRawRows(data.raw, at), schema).table;
	const seen: StepFitted[] = [];
	try {
		fitRecipe({ inputs, steps: c.steps }, part(trainRows), { target: null, seed: SEED }, (s) =>
			seen.push(s)
		);
	} catch (error) {
		// A case may end on a date or an all-missing column, which finishing refuses after the
		// user's steps are fitted.
		if (!(error instanceof CoreError) || seen.length < c.steps.length) throw error;
	}
	const user = seen.slice(0, c.steps.length);
	const fitted = user.map((s) => s.fitted);
	const held = applyRecipeFrame({ inputs, steps: fitted, features: [] }, part(heldRows));
	const code = c.steps.map((step) => featureStepPython(step, SEED));
	const dates = Object.fromEntries(
		inputs
			.filter((input) => input.kind === 'date')
			.map((input) => {
				const typed = typeTable(data.raw, datasetSchema(data, [input])).table.columns[0];
				return [input.name, appCells([typed])[0]];
			})
	);
	const payload = {
		path,
		read: { sep: data.dialect.delimiter, quotechar: data.dialect.quote },
		schema,
		dates,
		inputs: inputs.map((i) => i.name),
		train: trainRows,
		held: heldRows,
		imports: code.flatMap((p) =>
			p.imports.map((i) => `from ${i.module} import ${i.names.join(', ')}`)
		),
		codes: code.map((p) => p.code),
		fitted: JSON.parse(JSON.stringify(fitted))
	};
	return { input: user[0].before, train: user[user.length - 1].after, held, payload };
}

function kindOf(column: Frame[number]): string {
	return column.kind === 'category' || column.kind === 'text' ? 'label' : column.kind;
}

/** Dates and labels must be equal; numbers within 1e-9 of each other, relatively. */
function sameCell(a: Cell, b: Cell, kind: string): boolean {
	if (a === b) return true;
	if (kind !== 'number' || typeof a !== 'number' || typeof b !== 'number') return false;
	return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** Returns how Python's frame differs from the app's, column by column (empty when they agree). */
function frameDifferences(actual: PyFrame, expected: Frame): string[] {
	const names = expected.map((c) => c.name);
	const kinds = expected.map(kindOf);
	if (JSON.stringify(actual.names) !== JSON.stringify(names))
		return [`columns ${JSON.stringify(actual.names)}, not ${JSON.stringify(names)}`];
	if (JSON.stringify(actual.kinds) !== JSON.stringify(kinds))
		return [`kinds ${JSON.stringify(actual.kinds)}, not ${JSON.stringify(kinds)}`];
	const want = appCells(expected);
	return names.flatMap((name, j) => {
		const got = actual.columns[j];
		if (got.length !== want[j].length)
			return [`${name}: ${got.length} rows, not ${want[j].length}`];
		const bad = want[j].flatMap((cell, i) => (sameCell(got[i], cell, kinds[j]) ? [] : [i]));
		if (bad.length === 0) return [];
		const i = bad[0];
		return [
			`${name}: ${bad.length} cells differ; row ${i}: ${JSON.stringify(got[i])}, not ${JSON.stringify(want[j][i])}`
		];
	});
}

/** Steps the app refuses to fit on a case's train frame; Python must refuse them too. */
const REFUSED: FeatureStep[] = [
	{ kind: 'parse-date', column: 'Time', format: '%Y-%Q' },
	{ kind: 'parse-date', column: 'Time', format: '%z' },
	{ kind: 'time-zone', column: 'When', zone: 'Mars/Olympus_Mons' },
	{ kind: 'time-zone', column: 'Time', zone: 'Europe/Rome' },
	{ kind: 'date-parts', column: 'When', parts: [] },
	{ kind: 'units', column: 'T', unit: 'kg', bare: '°C' },
	{ kind: 'units', column: 'Time', unit: 'h', bare: 'missing' },
	{ kind: 'clip', column: 'CO_GT', method: 'percentiles', lower: 0.9, upper: 0.1 },
	{ kind: 'clip', column: 'Time', method: 'iqr' },
	{ kind: 'transform', column: 'CO_GT', fn: 'exp' as 'log' },
	{ kind: 'scale', column: 'CO_GT', method: 'z' as 'robust' },
	{ kind: 'derive', op: 'ratio', left: 'CO_GT', right: 'Nope' },
	{ kind: 'derive', op: 'difference', left: 'CO_GT', right: 'T', name: 'When' },
	{ kind: 'bin', column: 'CO_GT', method: 'quantile', bins: 1 },
	{ kind: 'hash-tokens', column: 'Time', buckets: 0 },
	{ kind: 'hash-tokens', column: 'CO_GT' }
];

describe('exported feature steps', () => {
	const app: AppCase[] = [];
	let python: {
		cases: PyCase[];
		kinds: string[];
		refused: (string | null)[];
		frameDates: boolean[];
	};
	let refusedInApp: boolean[];

	beforeAll(async () => {
		const dir = mkdtempSync(join(tmpdir(), 'shipshape-feature-'));
		const derived = derivedFiles(dir);
		const pathOf = (file: string) => derived[file] ?? DATASETS_DIR + file;
		for (const c of CASES) app.push(await runApp(c, pathOf(c.file)));
		// The refused steps run on the first case's train frame (air quality with its times).
		refusedInApp = REFUSED.map((step) => {
			try {
				fitFeatureStep(step, app[0].input, NO_FIT_CONTEXT);
				return false;
			} catch (error) {
				return error instanceof CoreError;
			}
		});
		const refused = REFUSED.map((step) => {
			const { code, imports } = featureStepPython(step, SEED);
			return { code, import: `from ${imports[0].module} import ${imports[0].names[0]}` };
		});
		const payload = { cases: app.map((a) => a.payload), refused };
		writeFileSync(join(dir, 'payload.json'), JSON.stringify(payload));
		python = JSON.parse(runPython(SCRIPT, { cwd: dir }));
	}, 120_000);

	describe.each(CASES.map((c, i) => [c.name, i] as const))('%s', (_name, i) => {
		it('fits in Python to the same train frame', () => {
			expect(frameDifferences(python.cases[i].train, app[i].train)).toEqual([]);
		});

		it('applies the steps fitted in Python to held-out rows as the app does', () => {
			expect(frameDifferences(python.cases[i].held, app[i].held)).toEqual([]);
		});

		it("applies the app's fitted steps (from_fitted) to held-out rows as the app does", () => {
			expect(frameDifferences(python.cases[i].fitted, app[i].held)).toEqual([]);
		});
	});

	it('frame.py reads every date cell as the app does', () => {
		expect(python.frameDates.length).toBeGreaterThan(0);
		expect(python.frameDates.every(Boolean)).toBe(true);
	});

	it('writes the unfitted class with the fields given, and warns where no library is faithful', () => {
		const clip = featureStepPython({ kind: 'clip', column: 'Age "years"', method: 'iqr' }, SEED);
		expect(clip).toEqual({
			code: 'Clip(column="Age \\"years\\"", method="iqr")',
			imports: [{ module: 'shipshape.steps_feature', names: ['Clip'] }],
			equivalent: 'pandas'
		});
		const equivalents = Object.fromEntries(
			CASES.flatMap((c) => c.steps).map((step) => {
				const { equivalent, warning } = featureStepPython(step, SEED);
				expect(warning !== undefined).toBe(equivalent === 'none');
				return [step.kind, equivalent];
			})
		);
		expect(equivalents).toEqual({
			'parse-date': 'none',
			'time-zone': 'none',
			'date-parts': 'pandas',
			units: 'none',
			clip: 'pandas',
			transform: 'pandas',
			standardize: 'scikit-learn',
			scale: 'scikit-learn',
			derive: 'pandas',
			bin: 'none',
			'hash-tokens': 'none'
		});
	});

	it('has a Python class for every feature step kind', () => {
		expect(python.kinds).toEqual([...FEATURE_STEP_KINDS].sort());
	});

	it('refuses in Python the steps the app refuses', () => {
		expect(refusedInApp).toEqual(REFUSED.map(() => true));
		expect(python.refused.map((r) => r !== null)).toEqual(REFUSED.map(() => true));
	});
});
