import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emptyProject, type Project } from '../../../src/core/project/project';
import {
	isProjectFileName,
	packProject,
	projectFileName,
	unpackProject
} from '../../../src/core/project/project-file';
import { createBlockHasher, fingerprintOf } from '../../../src/core/util/hash';
import { runRecord } from './fixtures';

const CSV = strToU8('a,b,y\n1,x,yes\n2,y,no\n3,x,yes\n');

async function fingerprint(bytes: Uint8Array): Promise<string> {
	const hasher = createBlockHasher();
	await hasher.update(bytes);
	return fingerprintOf(await hasher.finish());
}

async function projectOf(data: Uint8Array): Promise<Project> {
	return {
		...emptyProject(),
		stage: 'prepare',
		dataset: { fileName: 'tiny.csv', bytes: data.length, fingerprint: await fingerprint(data) },
		brief: { ...emptyProject().brief, decision: 'Which rows say yes?', target: 'y' },
		audit: [{ at: '2026-11-27T12:00:00.000Z', action: 'Loaded tiny.csv' }]
	};
}

const SAVED_AT = '2026-11-27T13:00:00.000Z';

/** A zip with the manifest `manifest` (an object, or raw text) and the given other entries. */
function zipWith(manifest: unknown, entries: Record<string, Uint8Array> = {}): Uint8Array {
	const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
	return zipSync({ 'shipshape-project.json': strToU8(text), ...entries });
}

describe('project files', () => {
	it('round-trips the project and its data, byte for byte', async () => {
		const project = await projectOf(CSV);
		const file = packProject(project, CSV, SAVED_AT);
		const opened = await unpackProject(file, 'tiny.shipshape');
		expect(opened.project).toEqual(project);
		expect(opened.data).toEqual(CSV);
		expect(opened.savedAt).toBe(SAVED_AT);
	});

	it('keeps what JSON alone would not: typed arrays, NaN and the infinities', async () => {
		const project = await projectOf(CSV);
		const exotic = {
			...project,
			split: {
				assignment: Int8Array.from([0, 1, 2, -1]),
				weights: Float64Array.from([0.1, NaN, -Infinity, Infinity, -0.5]),
				codes: Uint16Array.from([65535]),
				plan: {},
				counts: { train: 1, val: 1, test: 1 }
			},
			runs: [runRecord('run-1', { kind: 'baseline' }, { rmse: NaN, r2: -Infinity })]
		} as unknown as Project;
		const opened = await unpackProject(packProject(exotic, CSV, SAVED_AT), 'x.shipshape');
		expect(opened.project).toEqual(exotic);
		const split = opened.project.split as unknown as { assignment: unknown; weights: unknown };
		expect(split.assignment).toBeInstanceOf(Int8Array);
		expect(split.weights).toBeInstanceOf(Float64Array);
		expect(Array.from(split.weights as Float64Array)).toEqual([
			0.1,
			NaN,
			-Infinity,
			Infinity,
			-0.5
		]);
	});

	it('checks a data file of several fingerprint blocks (over 1 MiB)', async () => {
		const row = 'a,b,y\n' + '12345,abcdef,yes\n'.repeat(150_000);
		const data = strToU8(row);
		expect(data.length).toBeGreaterThan(2 * (1 << 20));
		const project = await projectOf(data);
		const opened = await unpackProject(packProject(project, data, SAVED_AT), 'big.shipshape');
		// Buffer.equals: toEqual walks 2.5 million elements one by one.
		expect(Buffer.from(opened.data).equals(Buffer.from(data))).toBe(true);
	});

	it('names the file after the data, and knows it by its extension', async () => {
		expect(projectFileName(await projectOf(CSV))).toBe('tiny.shipshape');
		expect(projectFileName(emptyProject())).toBe('project.shipshape');
		expect(isProjectFileName('Class 3B.SHIPSHAPE')).toBe(true);
		expect(isProjectFileName('tiny.csv')).toBe(false);
	});

	it('refuses to save a project with no data', () => {
		expect(() => packProject(emptyProject(), CSV, SAVED_AT)).toThrow(
			'There is nothing to save yet: load a dataset first.'
		);
	});

	describe('refuses, saying why, a file that is', () => {
		const refusal = async (bytes: Uint8Array, why: string | RegExp) => {
			const opening = unpackProject(bytes, 'class.shipshape');
			await expect(opening).rejects.toMatchObject({ code: 'project-file' });
			await expect(opening).rejects.toThrow(
				typeof why === 'string' ? `class.shipshape could not be opened as a project: ${why}` : why
			);
		};
		const manifestOf = async (project: unknown, extra: object = {}) => ({
			format: 'shipshape-project',
			formatVersion: 1,
			savedAt: SAVED_AT,
			data: 'data/tiny.csv',
			project,
			...extra
		});

		it('empty', () => refusal(new Uint8Array(), 'the file is empty.'));

		it('a CSV', () =>
			refusal(
				CSV,
				'it is not a Shipshape project file (not a zip archive). To load a CSV, use "Open a CSV…".'
			));

		it('a model bundle', () =>
			refusal(
				zipSync({ 'manifest.json': strToU8('{}'), 'model.json': strToU8('{}') }),
				'it is a model bundle, not a project file. The Ship stage monitors with a bundle.'
			));

		it('another zip', () =>
			refusal(
				zipSync({ 'notes.txt': strToU8('hello') }),
				'it has no shipshape-project.json, so it is not a Shipshape project file.'
			));

		it('a manifest that is not JSON', () =>
			refusal(zipWith('{"format": '), /its shipshape-project\.json is not valid JSON \(.+\)\.$/));

		it('a manifest of another format', () =>
			refusal(
				zipWith({ format: 'something-else' }),
				'its shipshape-project.json does not describe a Shipshape project.'
			));

		it('from a newer version', async () =>
			refusal(
				zipWith(await manifestOf(await projectOf(CSV), { formatVersion: 2 })),
				'it was saved by a newer Shipshape (project file version 2); this one reads version 1. Open it with the newer version.'
			));

		it('a damaged project', async () =>
			refusal(
				zipWith(await manifestOf({ ...(await projectOf(CSV)), runs: 'none' }), {
					'data/tiny.csv': CSV
				}),
				'the project inside is damaged or from an unknown version.'
			));

		it('a project with no dataset', async () =>
			refusal(
				zipWith(await manifestOf(emptyProject()), { 'data/tiny.csv': CSV }),
				'the project inside names no dataset.'
			));

		it('missing its data', async () =>
			refusal(
				zipWith(await manifestOf(await projectOf(CSV))),
				'its data file (data/tiny.csv) is missing.'
			));

		it('holding other data than the project was built from', async () => {
			const changed = strToU8('a,b,y\n1,x,yes\n2,y,no\n3,x,no\n');
			await refusal(
				zipWith(await manifestOf(await projectOf(CSV)), { 'data/tiny.csv': changed }),
				'its data file tiny.csv is not the one the project was built from (the fingerprints differ): it was changed after the project was saved.'
			);
		});

		it('holding a run this version cannot read', async () =>
			refusal(
				zipWith(await manifestOf({ ...(await projectOf(CSV)), runs: [1] }), {
					'data/tiny.csv': CSV
				}),
				'the project inside is damaged: runs[0] is not a run.'
			));

		it('carrying a rubric criterion this version does not know', async () => {
			const assignment = {
				title: 'Week 3',
				instructions: '',
				createdAt: SAVED_AT,
				planted: null,
				kpis: [],
				rubric: [{ criterion: { kind: 'telepathy' }, points: 1 }]
			};
			await refusal(
				zipWith(await manifestOf({ ...(await projectOf(CSV)), assignment }), {
					'data/tiny.csv': CSV
				}),
				'the project inside is damaged: assignment is not an assignment.'
			);
		});

		it('pointing its data outside data/ (or at no file at all)', async () => {
			const project = await projectOf(new Uint8Array());
			for (const path of ['__proto__', 'shipshape-project.json', 'data/none.csv'])
				await refusal(
					zipWith(await manifestOf(project, { data: path }), { 'data/tiny.csv': CSV }),
					`its data file (${path}) is missing.`
				);
		});

		it('a truncated zip', async () => {
			const whole = packProject(await projectOf(CSV), CSV, SAVED_AT);
			await refusal(whole.subarray(0, whole.length - 30), /not a zip archive/);
		});
	});
});
