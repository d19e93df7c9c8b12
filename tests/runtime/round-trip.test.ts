import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODEL_FAMILIES } from '../../src/core/models/registry';
import type { ModelSpec } from '../../src/core/models/model';
import { BUNDLE_FILES } from '../../src/core/ship/bundle';
import { predictRaw, predictionCells } from '../../src/core/ship/pipeline';
import { rawRows } from '../../src/core/table/table';
import { toCsv } from '../../src/core/table/to-csv';
import { loadReference, type ReferenceName } from '../core/reference';
import { buildRuntimes, exportBundle, type Runtimes } from './export-bundle';

// Every model family, on a binary, a multiclass and a regression dataset: the bundle run by node
// (predict.mjs, outside the app) writes exactly the app's predictions for the test rows, byte for
// byte. The network too: both sides run the same float64 forward pass of its weights.

/** The families' default specs; the network with fewer epochs (what is checked is the copy). */
const SPECS: ModelSpec[] = MODEL_FAMILIES.map((f) =>
	f.defaultSpec.kind === 'neural' ? { ...f.defaultSpec, epochs: 15 } : f.defaultSpec
);
const DATASETS: ReferenceName[] = ['titanic', 'penguins', 'bike_day'];

let runtimes: Runtimes;
const dirs: string[] = [];

beforeAll(async () => {
	runtimes = await buildRuntimes();
}, 120_000);

afterAll(() => {
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.each(DATASETS)('the bundle of every family on %s', (name) => {
	it.each(SPECS.map((spec) => [spec.kind, spec] as const))(
		'%s: node predict.mjs writes the app predictions exactly',
		async (_kind, spec) => {
			const data = await loadReference(name);
			const { dir, pipeline, manifest } = await exportBundle(data, spec, name, runtimes);
			dirs.push(dir);
			expect(manifest.model.family).toBe(spec.kind);
			const test = data.parts.test;
			const csv = toCsv(
				test.columns.map((c) => c.name),
				rawRows(test, 0, test.rowCount)
			);
			writeFileSync(join(dir, 'rows.csv'), csv);
			const run = spawnSync(process.execPath, [BUNDLE_FILES.predict, 'rows.csv'], {
				cwd: dir,
				encoding: 'utf8'
			});
			expect(run.stderr).toBe('');
			expect(run.status).toBe(0);
			const { header, cells } = predictionCells(predictRaw(pipeline, test));
			expect(run.stdout).toBe(toCsv(header, cells));
			expect(run.stdout.split('\n')).toHaveLength(test.rowCount + 2);
		},
		120_000
	);
});
