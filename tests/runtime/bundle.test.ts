import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILES } from '../../src/core/ship/bundle';
import { predictRaw, predictionCells, type Pipeline } from '../../src/core/ship/pipeline';
import { parseCsv } from '../../src/core/table/parse-csv';
import { rawRows, type RawTable } from '../../src/core/table/table';
import { toCsv } from '../../src/core/table/to-csv';
import { loadReference, type ReferenceData } from '../core/reference';
import { exportBundle } from './export-bundle';

// The exported bundle, run by node outside the app, must predict exactly what the app predicts.

let dir: string;
let data: ReferenceData;
let pipeline: Pipeline;

beforeAll(async () => {
	data = await loadReference('titanic');
	({ dir, pipeline } = await exportBundle(data, { kind: 'linear', l2: 1 }, 'titanic'));
});

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Writes the CSV into the bundle folder and runs `node predict.mjs <file>` there. */
function predict(csv: string, file = 'rows.csv') {
	writeFileSync(join(dir, file), csv);
	const run = spawnSync(process.execPath, [BUNDLE_FILES.predict, file], {
		cwd: dir,
		encoding: 'utf8'
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The app's output for the same CSV text: the same reader, predictRaw and writer. */
async function appOutput(csv: string): Promise<string> {
	const { raw } = await parseCsv({ text: csv, encoding: 'utf-8', bom: false });
	const { header, cells } = predictionCells(predictRaw(pipeline, raw));
	return toCsv(header, cells);
}

function csvOf(raw: RawTable): string {
	return toCsv(
		raw.columns.map((c) => c.name),
		rawRows(raw, 0, raw.rowCount)
	);
}

/** The first `count` test rows as CSV, with `edit` applied to each row's cells by column name. */
function testRows(
	count: number,
	edit: (cells: Map<string, string>, row: number) => void = () => {}
): string {
	const names = data.parts.test.columns.map((c) => c.name);
	const rows = rawRows(data.parts.test, 0, count).map((cells, row) => {
		const byName = new Map(names.map((name, j) => [name, cells[j]]));
		edit(byName, row);
		return [...byName.values()];
	});
	return toCsv(names, rows);
}

describe('bundle predict.mjs', () => {
	it('predicts exactly what the app predicts on the test rows', async () => {
		const csv = csvOf(data.parts.test);
		const { status, stdout, stderr } = predict(csv);
		expect(stderr).toBe('');
		expect(status).toBe(0);
		const { header, cells } = predictionCells(predictRaw(pipeline, data.parts.test));
		expect(stdout).toBe(toCsv(header, cells));
		expect(stdout.split('\n')).toHaveLength(data.rows.test.length + 2);
		expect(stdout.startsWith('prediction,probability_0,probability_1,error\n')).toBe(true);
	});

	it('reads rows from stdin with "-"', async () => {
		const csv = testRows(5);
		const run = spawnSync(process.execPath, [BUNDLE_FILES.predict, '-'], {
			cwd: dir,
			encoding: 'utf8',
			input: csv
		});
		expect(run.status).toBe(0);
		expect(run.stdout).toBe(await appOutput(csv));
	});

	it('exits with 2 and names a required column the CSV lacks', () => {
		const names = data.parts.test.columns.map((c) => c.name);
		const keep = names.map((n, j) => [n, j] as const).filter(([n]) => n !== 'Sex');
		const rows = rawRows(data.parts.test, 0, 3).map((cells) => keep.map(([, j]) => cells[j]));
		const { status, stdout, stderr } = predict(
			toCsv(
				keep.map(([n]) => n),
				rows
			),
			'no-sex.csv'
		);
		expect(status).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toMatch(/^predict\.mjs: .*"Sex"/);
	});

	it('exits with 3 for text in a number column: that row gets an error, the others a prediction', async () => {
		const csv = testRows(3, (cells, row) => {
			if (row === 1) cells.set('Age', 'abc');
		});
		const { status, stdout, stderr } = predict(csv, 'bad-age.csv');
		expect(status).toBe(3);
		expect(stderr).toBe('1 of 3 rows have no prediction; the error column says why.\n');
		expect(stdout).toBe(await appOutput(csv));
		const { raw } = await parseCsv({ text: stdout, encoding: 'utf-8', bom: false });
		const lines = rawRows(raw, 0, 3);
		expect(lines[1]).toEqual(['', '', '', 'column "Age": "abc" is not a number']);
		for (const row of [lines[0], lines[2]]) {
			expect(['0', '1']).toContain(row[0]);
			expect(row[3]).toBe('');
		}
	});

	it('predicts for a category value not seen in training', async () => {
		const csv = testRows(3, (cells) => cells.set('Embarked', 'Z'));
		const { status, stdout } = predict(csv, 'unseen.csv');
		expect(status).toBe(0);
		expect(stdout).toBe(await appOutput(csv));
		const { raw } = await parseCsv({ text: stdout, encoding: 'utf-8', bom: false });
		for (const row of rawRows(raw, 0, 3)) {
			expect(['0', '1']).toContain(row[0]);
			expect(Number(row[1]) + Number(row[2])).toBeCloseTo(1, 12);
		}
	});

	it('refuses to predict with an altered recipe, naming the file (exit code 2)', () => {
		const path = join(dir, BUNDLE_FILES.recipe);
		const original = readFileSync(path, 'utf8');
		try {
			writeFileSync(path, original.replace(/"mean": (-?\d)/, '"mean": 9$1'));
			const { status, stdout, stderr } = predict(testRows(2), 'tampered.csv');
			expect(status).toBe(2);
			expect(stdout).toBe('');
			expect(stderr).toMatch(
				/^predict\.mjs: recipe\.json was altered after the bundle was exported/
			);
		} finally {
			writeFileSync(path, original);
		}
	});
});
