// The Python export, run for real: the notebook executed by `jupyter nbconvert`, pipeline.py by
// python3, and pipeline_dask.py on a two-worker LocalCluster, each against the app's own figures.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricName } from '../../src/core/evaluate/metric-catalogue';
import { DEFAULT_BOOSTING_SPEC } from '../../src/core/models/boosting/boosting';
import type { ModelSpec } from '../../src/core/models/model';
import { DEFAULT_NEURAL_SPEC } from '../../src/core/models/neural/mlp';
import type { RecipeStep } from '../../src/core/prepare/recipe';
import type { ColumnSchema } from '../../src/core/table/schema';
import { exportCase, type ExportCase } from './export-case';
import { exportEnv, PYTHON } from './python';

/** metrics.json: per part, per metric, the app's figure, Python's and the difference. */
type Compared = Record<
	string,
	Record<string, { Shipshape: number; Python: number; difference: number }>
>;

/** Runs the exported code: the notebook through nbconvert, or pipeline.py; returns metrics.json. */
function execute(project: ExportCase, via: 'notebook' | 'script'): Compared {
	const { folder } = project;
	if (via === 'notebook') {
		execFileSync(
			'jupyter',
			['nbconvert', '--to', 'notebook', '--execute', 'pipeline.ipynb', '--output', 'run.ipynb'],
			{ cwd: folder, env: exportEnv({ SHIPSHAPE_OUT: folder }), stdio: 'pipe', timeout: 300_000 }
		);
		return JSON.parse(readFileSync(join(folder, 'metrics.json'), 'utf8'));
	}
	execFileSync(PYTHON, ['pipeline.py', '--out', 'script-out'], {
		cwd: folder,
		env: exportEnv(),
		stdio: 'pipe',
		timeout: 300_000
	});
	return JSON.parse(readFileSync(join(folder, 'script-out', 'metrics.json'), 'utf8'));
}

/**
 * How close the Python metric must come to the app's (issue 9): exactly for the baseline (to
 * the last bits: numpy sums a mean pairwise, the app in row order), 1e-6 for linear models, and
 * 0.01 ROC-AUC or 2 % RMSE for the other families.
 */
function tolerance(spec: ModelSpec, metric: string, app: number): number | null {
	if (spec.kind === 'baseline') return 1e-12 * Math.max(1, Math.abs(app));
	if (spec.kind === 'linear') return 1e-6;
	if (metric === 'roc_auc') return 0.01;
	if (metric === 'rmse') return 0.02 * app;
	return null;
}

/**
 * Families whose fit draws random numbers, which scikit-learn draws otherwise (bootstrap rows,
 * the order ties between splits are broken in, initial weights): one draw of a single tree on
 * 179 test rows moves ROC-AUC by about 0.01 by itself, so these compare the means of 5 seeds.
 */
const DRAWS: Partial<Record<ModelSpec['kind'], number[]>> = {
	tree: [42, 43, 44, 45, 46],
	forest: [42, 43, 44, 45, 46],
	neural: [42, 43, 44, 45, 46]
};

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Exports and runs the project once per seed of its family, and checks what each run wrote. */
async function checkFamily(
	name: 'titanic' | 'california_housing',
	spec: ModelSpec,
	steps: RecipeStep[],
	extraInputs: ColumnSchema[] = []
) {
	const seeds = DRAWS[spec.kind] ?? [42];
	const headline = name === 'titanic' ? 'roc_auc' : 'rmse';
	const app: number[] = [];
	const python: number[] = [];
	for (const [i, seed] of seeds.entries()) {
		const project = await exportCase(name, spec, steps, { extraInputs, seed });
		// The first seed's notebook runs through nbconvert; the others' pipeline.py, the same cells.
		const test = execute(project, i === 0 ? 'notebook' : 'script').test;
		expect(Object.keys(test).length).toBeGreaterThan(3);
		for (const [metric, row] of Object.entries(test)) {
			expect(row.Shipshape).toBe(project.test[metric as MetricName]);
			const allowed = tolerance(spec, metric, row.Shipshape);
			if (seeds.length === 1 && allowed !== null)
				expect(Math.abs(row.Python - row.Shipshape), `${spec.kind} ${metric}`).toBeLessThanOrEqual(
					allowed
				);
		}
		app.push(test[headline].Shipshape);
		python.push(test[headline].Python);
	}
	// The figures behind the check, for the record (vitest prints them).
	console.info(
		`${name} ${spec.kind} test ${headline}: app ${mean(app)}, Python ${mean(python)} (seeds ${seeds.join(', ')})`
	);
	const allowed = tolerance(spec, headline, mean(app))!;
	expect(
		Math.abs(mean(python) - mean(app)),
		`${spec.kind} ${headline}, seeds ${seeds.join(', ')}: app ${app.join(', ')}; Python ${python.join(', ')}`
	).toBeLessThanOrEqual(allowed);
}

const TITANIC_STEPS: RecipeStep[] = [
	{ kind: 'impute', column: 'Age', strategy: 'median', indicator: true },
	{ kind: 'clip', column: 'Fare', method: 'iqr', k: 3 },
	{ kind: 'transform', column: 'Fare', fn: 'sqrt' },
	{ kind: 'rare-levels', column: 'Embarked', minCount: 100 },
	{ kind: 'bin', column: 'Parch', method: 'width', bins: 3 },
	{ kind: 'hash-tokens', column: 'Name', buckets: 16 }
];
const TITANIC_EXTRA: ColumnSchema[] = [{ name: 'Name', kind: 'text' }];

const HOUSING_STEPS: RecipeStep[] = [
	{ kind: 'impute', column: 'total_bedrooms', strategy: 'mean' },
	{
		kind: 'derive',
		op: 'ratio',
		left: 'total_rooms',
		right: 'households',
		name: 'rooms_per_household'
	},
	{ kind: 'transform', column: 'population', fn: 'log' },
	{ kind: 'clip', column: 'median_income', method: 'percentiles', lower: 0.01, upper: 0.99 },
	{ kind: 'one-hot', column: 'ocean_proximity' }
];

const FAMILIES: ModelSpec[] = [
	{ kind: 'baseline' },
	{ kind: 'linear', l2: 1 },
	{ kind: 'tree', criterion: 'gini', maxDepth: 8, minSamplesLeaf: 5 },
	{
		kind: 'forest',
		trees: 30,
		maxDepth: null,
		minSamplesLeaf: 1,
		maxFeatures: 'sqrt',
		criterion: 'gini'
	},
	DEFAULT_BOOSTING_SPEC
];

describe('the exported notebook, executed', () => {
	for (const spec of [...FAMILIES, DEFAULT_NEURAL_SPEC])
		it(`titanic, ${spec.kind}: its test metrics match the app's`, async () => {
			await checkFamily('titanic', spec, TITANIC_STEPS, TITANIC_EXTRA);
		}, 600_000);

	for (const spec of FAMILIES) {
		const family = spec.kind === 'tree' ? { ...spec, criterion: 'squared_error' as const } : spec;
		it(`california_housing, ${spec.kind}: its test metrics match the app's`, async () => {
			await checkFamily('california_housing', family, HOUSING_STEPS);
		}, 600_000);
	}

	it('shows the classes of the steps with no library equivalent, and the README warns', async () => {
		const project = await exportCase('titanic', { kind: 'baseline' }, TITANIC_STEPS, {
			extraInputs: TITANIC_EXTRA
		});
		const notebook = JSON.parse(project.files['pipeline.ipynb']);
		const sources = notebook.cells.map((cell: { source: string[] }) => cell.source.join(''));
		expect(sources.some((text: string) => text.includes('class HashTokens('))).toBe(true);
		expect(project.files['pipeline.py']).toContain('class HashTokens(');
		expect(project.files['README.md']).toMatch(/Step 6 hash-tokens \(Name[^)]*\) has no faithful/);
	});
});

describe('pipeline.py', () => {
	it("scores validation at the run's threshold and test at the one the evaluation chose", async () => {
		const spec: ModelSpec = { kind: 'linear', l2: 1 };
		const project = await exportCase('titanic', spec, TITANIC_STEPS, {
			extraInputs: TITANIC_EXTRA,
			thresholdRule: { kind: 'cost', falsePositive: 1, falseNegative: 5 }
		});
		const { thresholds } = JSON.parse(project.files['project.json']).metrics;
		expect(thresholds.validation).toBe(0.5);
		expect(thresholds.test).toBeLessThan(0.5);
		const compared = execute(project, 'script');
		for (const part of ['validation', 'test'])
			for (const [metric, row] of Object.entries(compared[part]))
				expect(Math.abs(row.difference), `${part} ${metric}`).toBeLessThanOrEqual(1e-6);
	}, 300_000);

	it('takes the data file as an argument and prints the metrics side by side', async () => {
		const spec: ModelSpec = { kind: 'linear', l2: 1 };
		const project = await exportCase('titanic', spec, TITANIC_STEPS, {
			extraInputs: TITANIC_EXTRA
		});
		const out = join(project.folder, 'argument-out');
		const printed = execFileSync(
			PYTHON,
			[join(project.folder, 'pipeline.py'), join(project.folder, 'titanic.csv'), '--out', out],
			{ cwd: tmpdir(), env: exportEnv(), encoding: 'utf8', timeout: 120_000 }
		);
		expect(printed).toMatch(/roc_auc\s+0\.\d{6}\s+0\.\d{6}/);
		const compared: Compared = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8'));
		for (const [metric, row] of Object.entries(compared.test)) {
			expect(row.Shipshape).toBe(project.test[metric as MetricName]);
			expect(Math.abs(row.Python - row.Shipshape), metric).toBeLessThanOrEqual(1e-6);
		}
	}, 300_000);
});

describe('pipeline_dask.py', () => {
	// One project for both runs: the app's boosted trees on adult, its rows cut into 4 files.
	let adult: Promise<ExportCase> | null = null;
	const adultProject = () =>
		(adult ??= exportCase('adult', DEFAULT_BOOSTING_SPEC, []).then((project) => {
			const lines = readFileSync(join(project.folder, 'adult_train.csv'), 'utf8')
				.trimEnd()
				.split('\n');
			const [header, ...rows] = lines;
			const size = Math.ceil(rows.length / 4);
			for (let k = 0; k < 4; k++)
				writeFileSync(
					join(project.folder, `part-${k}.csv`),
					[header, ...rows.slice(k * size, (k + 1) * size)].join('\n') + '\n'
				);
			return project;
		}));

	/** Runs the Dask script with these arguments; returns the metrics_dask.json it wrote. */
	function runDask(project: ExportCase, args: string[], out: string) {
		execFileSync(PYTHON, ['pipeline_dask.py', '--out', out, ...args], {
			cwd: project.folder,
			env: exportEnv(),
			stdio: 'pipe',
			timeout: 300_000
		});
		return JSON.parse(readFileSync(join(project.folder, out, 'metrics_dask.json'), 'utf8'));
	}

	it("trains xgboost.dask on a 2-worker LocalCluster over adult's rows in 4 files, within 0.01 ROC-AUC of the app", async () => {
		const project = await adultProject();
		// 4 files cut into partitions of 256 KB: about 16 partitions.
		const files = ['--data', 'part-*.csv', '--blocksize', '256KB'];
		const result = runDask(project, [...files, '--workers', '2'], 'local');
		expect(result.rows.test).toBe(project.data.rows.test.length);
		expect(result.rows.train).toBe(project.data.rows.train.length);
		expect(Math.abs(result.test.roc_auc - project.test.roc_auc!)).toBeLessThanOrEqual(0.01);
		expect(readFileSync(join(project.folder, 'local', 'model_dask.json'), 'utf8')).toContain(
			'"learner"'
		);
	}, 300_000);

	it('refuses a recipe that target-encodes, whose train rows the app encodes out of fold', async () => {
		const project = await exportCase('titanic', DEFAULT_BOOSTING_SPEC, [
			{ kind: 'target-encode', column: 'Embarked' }
		]);
		expect(project.files['README.md']).toContain('pipeline_dask.py refuses this recipe');
		let message = '';
		try {
			runDask(project, [], 'refused');
		} catch (error) {
			message = String((error as { stderr?: Buffer }).stderr ?? '');
		}
		expect(message).toContain('The recipe target-encodes "Embarked"');
	}, 300_000);

	it('runs on a cluster named by its scheduler address, whose workers lack the package', async () => {
		const project = await adultProject();
		// A cluster started elsewhere: its workers cannot import shipshape until the script sends it.
		const cluster = spawn(
			PYTHON,
			[
				'-c',
				'from dask.distributed import LocalCluster\n' +
					'import sys, time\n' +
					'cluster = LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None)\n' +
					'print(cluster.scheduler_address, flush=True)\n' +
					'sys.stdin.read()\n'
			],
			{ cwd: tmpdir(), env: exportEnv(), stdio: ['pipe', 'pipe', 'inherit'] }
		);
		try {
			const address = await new Promise<string>((resolve, reject) => {
				cluster.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
				cluster.once('exit', (code) => reject(new Error(`The cluster exited (${code}).`)));
			});
			expect(address).toMatch(/^tcp:\/\//);
			// The project's own file by default, cut into partitions of 1 MB.
			const result = runDask(project, ['--blocksize', '1MB', '--scheduler', address], 'remote');
			expect(result.rows.test).toBe(project.data.rows.test.length);
			expect(Math.abs(result.test.roc_auc - project.test.roc_auc!)).toBeLessThanOrEqual(0.01);
		} finally {
			cluster.stdin.end();
			cluster.kill();
		}
	}, 300_000);
});
