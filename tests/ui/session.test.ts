import { describe, expect, it } from 'vitest';
import { emptyProject, type Project } from '../../src/core/project/project';
import { loadDataset, NO_CHOICES, summarizeDataset } from '../../src/core/table/dataset';
import { bytesSource } from '../../src/core/table/ingest';
import { CoreError, toErrorValue } from '../../src/core/util/core-error';
import type { ProgressEvent } from '../../src/core/util/task';
import type { ProfileResult } from '../../src/core/profile/profile-dataset';
import { Session } from '../../src/ui/session.svelte';
import type { ProjectStore } from '../../src/ui/store';
import type { CallOptions, Client } from '../../src/workers/client';
import type { DataApi, DatasetSummary, TrainApi } from '../../src/workers/protocol';

const NOW = new Date('2024-03-01T12:00:00.000Z');
const CSV = 'id,grade,y\n1,a,yes\n2,b,no\n3,a,no\n4,b,yes\n5,a,no\n';
const OTHER_CSV = 'x,z\n1,p\n2,q\n3,p\n';

type IngestArgs = DataApi['ingest']['args'];
type Ingest = (args: IngestArgs, options: CallOptions<ProgressEvent>) => Promise<DatasetSummary>;

/** What the data worker does for `ingest`: the same core calls, on the file's bytes. */
const realIngest: Ingest = async ({ file, fileName, choices }) =>
	summarizeDataset(
		await loadDataset(bytesSource(new Uint8Array(await file.arrayBuffer())), fileName, choices)
	);

type Profile = (options: CallOptions<ProgressEvent>) => Promise<ProfileResult>;

/**
 * A data client whose `ingest` runs `ingest` (and `profile`, `profile` when given); errors cross
 * as values, as they do from a worker.
 */
function fakeData(ingest: Ingest, profile?: Profile) {
	const calls: { method: string; args: unknown }[] = [];
	const client: Client<DataApi> = {
		call(method, args, options = {}) {
			calls.push({ method, args });
			if (method === 'profile' && profile)
				return profile(options as CallOptions<ProgressEvent>) as Promise<never>;
			if (method !== 'ingest') return Promise.reject(new Error(`unexpected call ${method}`));
			return ingest(args as IngestArgs, options as CallOptions<ProgressEvent>).catch(
				(error: unknown) => {
					throw CoreError.fromValue(toErrorValue(error));
				}
			) as Promise<never>;
		},
		terminate() {}
	};
	return { client, calls };
}

/** A train client the session must not call in these tests. */
const idleTrain: Client<TrainApi> = {
	call: (method) => Promise.reject(new Error(`unexpected call ${method}`)),
	terminate() {}
};

/** An in-memory store that keeps structured clones, as IndexedDB does. */
class MemoryStore implements ProjectStore {
	project: Project | null = null;
	file: Blob | null = null;
	savedProjects: Project[] = [];
	savedFiles: Blob[] = [];
	failSaves = false;

	async load() {
		return this.project ? { project: structuredClone(this.project), file: this.file } : null;
	}
	failFiles = false;
	async saveProject(project: Project) {
		if (this.failSaves) throw new Error('The quota has been exceeded.');
		this.savedProjects.push(project);
		this.project = structuredClone(project);
	}
	async saveFile(file: Blob) {
		if (this.failFiles) throw new Error('The quota has been exceeded.');
		this.savedFiles.push(file);
		this.file = file;
	}
	async wipe() {
		this.project = null;
		this.file = null;
	}
}

function setup({
	ingest = realIngest,
	answers = [] as boolean[],
	profile = undefined as Profile | undefined
} = {}) {
	const data = fakeData(ingest, profile);
	const store = new MemoryStore();
	const asked: string[] = [];
	const session = new Session({
		data: data.client,
		train: idleTrain,
		store,
		now: () => NOW,
		confirm: (message) => {
			asked.push(message);
			return answers.shift() ?? false;
		}
	});
	return { session, store, calls: data.calls, asked };
}

function csvFile(text: string): Blob {
	return new Blob([text], { type: 'text/csv' });
}

/** Returns a session whose project has a loaded file and a chosen target. */
async function withWork(options: Parameters<typeof setup>[0] = {}) {
	const context = setup(options);
	await context.session.loadFile(csvFile(CSV), 'data.csv');
	const { project } = context.session;
	context.session.update({ ...project, brief: { ...project.brief, target: 'y', task: 'binary' } });
	await context.session.flushed();
	return context;
}

/** Returns an ingest that waits until `release` is called, reporting one progress event first. */
function pausedIngest() {
	let release: () => void = () => {};
	const ingest: Ingest = (args, options) => {
		options.onEvent?.({ kind: 'progress', phase: 'Parsing', fraction: 0.4 });
		return new Promise((resolve, reject) => {
			release = () => void realIngest(args, options).then(resolve, reject);
			options.signal?.addEventListener('abort', () =>
				reject(new CoreError('cancelled', 'Cancelled.'))
			);
		});
	};
	return { ingest, release: () => release() };
}

describe('Session.loadFile', () => {
	it('replaces the project with the file, and saves the file and the project', async () => {
		const { session, store, calls } = setup();
		const file = csvFile(CSV);
		await session.loadFile(file, 'data.csv');
		await session.flushed();
		expect(calls).toEqual([
			{ method: 'ingest', args: { file, fileName: 'data.csv', choices: NO_CHOICES } }
		]);
		const summary = session.dataset!;
		expect(summary.rowCount).toBe(5);
		expect(session.project).toEqual({
			...emptyProject(),
			dataset: { fileName: 'data.csv', bytes: CSV.length, fingerprint: summary.fingerprint },
			audit: [
				{
					at: '2024-03-01T12:00:00.000Z',
					action: `Loaded data.csv (5 rows, fingerprint ${summary.fingerprint.slice(0, 12)}…)`
				}
			]
		});
		expect(store.savedFiles).toEqual([file]);
		expect(store.project).toEqual(session.project);
		expect(session.error).toBeNull();
		expect(session.busy).toBeNull();
		expect(session.statuses[0].note).toMatch(/^To do: choose the target column/);
	});

	it('keeps the user in Prepare when they moved there while the file loaded', async () => {
		const { session } = setup();
		const loading = session.loadFile(csvFile(CSV), 'data.csv');
		session.goTo('prepare');
		await loading;
		expect(session.project.stage).toBe('prepare');
		expect(session.project.dataset?.fileName).toBe('data.csv');
	});

	it('shows progress while the worker reads the file', async () => {
		const paused = pausedIngest();
		const { session } = setup({ ingest: paused.ingest });
		const loading = session.loadFile(csvFile(CSV), 'data.csv');
		expect(session.busy).toMatchObject({ label: 'Reading data.csv: parsing', fraction: 0.4 });
		paused.release();
		await loading;
		expect(session.busy).toBeNull();
		expect(session.project.dataset?.fileName).toBe('data.csv');
	});

	it('keeps the project and shows the message when the worker rejects the file', async () => {
		const { session, store, asked } = await withWork({ answers: [true] });
		const before = session.project;
		const dataset = session.dataset;
		await session.loadFile(csvFile('only\n1\n2\n'), 'one.csv');
		expect(session.error).toMatchObject({ kind: 'core-error', code: 'one-column' });
		expect(session.error?.message).toMatch(/^Only one column \("only"\) was found/);
		expect(asked).toHaveLength(1);
		expect(session.project).toBe(before);
		expect(session.dataset).toBe(dataset);
		expect(store.savedFiles).toHaveLength(1);
		expect(session.busy).toBeNull();
	});

	it('keeps the project and leaves a note when the user cancels', async () => {
		const paused = pausedIngest();
		const { session, store } = setup({ ingest: paused.ingest });
		const before = session.project;
		const loading = session.loadFile(csvFile(CSV), 'data.csv');
		session.busy!.cancel();
		await loading;
		expect(session.notice).toBe('Reading data.csv: cancelled. Nothing was changed.');
		expect(session.error).toBeNull();
		expect(session.project).toBe(before);
		expect(session.dataset).toBeNull();
		expect(store.savedFiles).toEqual([]);
		expect(store.savedProjects).toEqual([]);
	});

	it('clears an earlier note and error once a file loads', async () => {
		const { session } = setup();
		await session.loadFile(csvFile('only\n1\n'), 'one.csv');
		expect(session.error).not.toBeNull();
		session.notice = 'Reading x.csv: cancelled. Nothing was changed.';
		await session.loadFile(csvFile(CSV), 'data.csv');
		expect(session.error).toBeNull();
		expect(session.notice).toBeNull();
	});

	it('asks before replacing work and does nothing when the user declines', async () => {
		const { session, store, calls, asked } = await withWork({ answers: [false] });
		const before = session.project;
		const saves = store.savedProjects.length;
		await session.loadFile(csvFile(OTHER_CSV), 'other.csv');
		expect(asked).toEqual([
			'Load other.csv as a new project? The current project (data.csv) will be replaced.'
		]);
		expect(calls).toHaveLength(1);
		expect(session.project).toBe(before);
		expect(store.savedProjects).toHaveLength(saves);
	});

	it('replaces work when the user agrees', async () => {
		const { session, asked } = await withWork({ answers: [true] });
		await session.loadFile(csvFile(OTHER_CSV), 'other.csv');
		expect(asked).toHaveLength(1);
		expect(session.project.dataset?.fileName).toBe('other.csv');
		expect(session.project.brief.target).toBeNull();
		expect(session.dataset?.reports.map((r) => r.name)).toEqual(['x', 'z']);
	});

	it('does not ask when a file is loaded but no target is chosen yet', async () => {
		const { session, asked } = setup();
		await session.loadFile(csvFile(CSV), 'data.csv');
		await session.loadFile(csvFile(OTHER_CSV), 'other.csv');
		expect(asked).toEqual([]);
		expect(session.project.dataset?.fileName).toBe('other.csv');
	});
});

describe('Session.loadFile when the browser refuses to store the file', () => {
	it('goes on with the loaded file and says it will not survive a reload', async () => {
		const { session, store } = setup();
		store.failFiles = true;
		await session.loadFile(csvFile(CSV), 'data.csv');
		expect(session.dataset?.fileName).toBe('data.csv');
		expect(session.project.dataset?.fileName).toBe('data.csv');
		expect(session.error).toMatchObject({ code: 'not-saved' });
		expect(session.error?.message).toContain(
			'save a project file to keep your work, as a reload will not bring it back'
		);
		expect(store.savedFiles).toEqual([]);
	});

	it('a reload then finds the other project’s file, and says so instead of mixing the two', async () => {
		const { session, store } = setup();
		await session.loadFile(csvFile(CSV), 'data.csv');
		store.failFiles = true;
		await session.loadFile(csvFile(OTHER_CSV), 'other.csv');
		await session.flushed();
		expect(store.project?.dataset?.fileName).toBe('other.csv');
		expect(await store.file?.text()).toBe(CSV);

		const reloaded = new Session({ ...session.deps, store });
		await reloaded.restore();
		expect(reloaded.error).toMatchObject({ code: 'file-mismatch' });
		expect(reloaded.error?.message).toBe(
			'Your saved project (other.csv) could not be restored: the file stored with it is another one. Open its project file, or load the data again to start a new project.'
		);
		expect(reloaded.dataset).toBeNull();
		expect(reloaded.project.dataset).toBeNull();
	});
});

describe('Session.restore', () => {
	it('re-reads the stored file with the reading choices and brings the project back', async () => {
		const first = await withWork();
		const reading = { ...NO_CHOICES, columns: [['grade', { kind: 'text' as const }]] };
		const saved: Project = {
			...first.session.project,
			reading: structuredClone(reading) as Project['reading'],
			stage: 'prepare'
		};
		const { session, store, calls } = setup();
		store.project = saved;
		store.file = first.store.file;
		expect(session.ready).toBe(false);
		await session.restore();
		expect(session.ready).toBe(true);
		expect(calls).toEqual([
			{
				method: 'ingest',
				args: { file: first.store.file, fileName: 'data.csv', choices: reading }
			}
		]);
		expect(session.project).toEqual(saved);
		expect(session.dataset?.reports.find((r) => r.name === 'grade')?.kind).toBe('text');
		expect(session.target?.name).toBe('y');
		expect(session.error).toBeNull();
	});

	it('handles a file dropped while the saved project is read after it, as a replacement', async () => {
		const first = await withWork();
		const saved: Project = { ...first.session.project, stage: 'prepare' };
		const { session, store, asked } = setup({ answers: [true] });
		store.project = saved;
		store.file = first.store.file;
		const restoring = session.restore();
		// The drop comes before the saved project is back: it waits, then asks to replace it.
		const dropped = session.loadFile(csvFile('a,b\n1,2\n'), 'new.csv');
		await Promise.all([restoring, dropped]);
		expect(asked).toEqual([
			'Load new.csv as a new project? The current project (data.csv) will be replaced.'
		]);
		expect(session.project.dataset?.fileName).toBe('new.csv');
		expect(session.project.brief.target).toBeNull();
	});

	it('starts empty and ready when nothing is stored', async () => {
		const { session, calls } = setup();
		await session.restore();
		expect(session.ready).toBe(true);
		expect(session.project).toEqual(emptyProject());
		expect(calls).toEqual([]);
	});

	it('says so, and is ready, when the stored file is missing', async () => {
		const { session, store, calls } = setup();
		store.project = {
			...emptyProject(),
			dataset: { fileName: 'data.csv', bytes: 10, fingerprint: 'f' }
		};
		await session.restore();
		expect(session.ready).toBe(true);
		expect(calls).toEqual([]);
		expect(session.error?.code).toBe('file-missing');
		expect(session.error?.message).toContain('data.csv');
		expect(session.project.dataset).toBeNull();
	});

	it('shows the error, and is ready, when the stored file cannot be read', async () => {
		const { session, store } = setup();
		store.project = {
			...emptyProject(),
			dataset: { fileName: 'one.csv', bytes: 6, fingerprint: 'f' }
		};
		store.file = csvFile('only\n1\n');
		await session.restore();
		expect(session.ready).toBe(true);
		expect(session.error?.code).toBe('one-column');
		expect(session.busy).toBeNull();
	});
});

describe('Session.update', () => {
	it('replaces the project and saves it; a burst of changes is saved once, as it ends', async () => {
		const { session, store } = setup();
		const a: Project = { ...emptyProject(), seed: 1 };
		const b: Project = { ...emptyProject(), seed: 2 };
		const c: Project = { ...emptyProject(), seed: 3 };
		session.update(a);
		session.update(b);
		expect(session.project).toBe(b);
		await session.flushed();
		// `a` was replaced before its turn to be saved: only `b` is written.
		expect(store.savedProjects).toEqual([b]);
		session.update(c);
		await session.flushed();
		expect(store.savedProjects).toEqual([b, c]);
		expect(store.project).toEqual(c);
	});

	it('shows a not-saved error when the store refuses', async () => {
		const { session, store } = setup();
		store.failSaves = true;
		const next: Project = { ...emptyProject(), seed: 3 };
		session.update(next);
		await session.flushed();
		expect(session.project).toBe(next);
		expect(session.error).toEqual({
			kind: 'core-error',
			code: 'not-saved',
			message:
				'Your project could not be saved in this browser: Unexpected error: The quota has been exceeded.'
		});
	});

	it('moves to another stage and saves it, but not for the current stage', async () => {
		const { session, store } = setup();
		session.goTo('define');
		await session.flushed();
		expect(store.savedProjects).toEqual([]);
		session.goTo('prepare');
		await session.flushed();
		expect(store.project?.stage).toBe('prepare');
	});

	it('stamps audit entries with the clock', () => {
		const { session } = setup();
		expect(session.audit('Split the rows')).toEqual([
			{ at: '2024-03-01T12:00:00.000Z', action: 'Split the rows' }
		]);
	});
});

describe('Session.refreshProfile', () => {
	it('runs in the background: its bar shows, no action waits for it, a later run keeps its own bar', async () => {
		let finish: (result: ProfileResult) => void = () => {};
		const profile: Profile = (options) => {
			options.onEvent?.({ kind: 'progress', phase: 'Relations', fraction: 0.5 });
			return new Promise((resolve) => (finish = resolve));
		};
		const { session } = await withWork({ profile });
		const profiling = session.refreshProfile();
		expect(session.busy).toMatchObject({ label: 'Profiling: relations', background: true });
		expect(session.blocked).toBe(false);
		const paused = pausedIngest();
		// A file read started meanwhile blocks actions, and the profile's end leaves its bar.
		const reading = session.run('Reading other.csv', (ctx) =>
			paused.ingest({ file: csvFile(OTHER_CSV), fileName: 'other.csv', choices: NO_CHOICES }, ctx)
		);
		expect(session.blocked).toBe(true);
		finish({} as ProfileResult);
		await profiling;
		expect(session.busy?.label).toBe('Reading other.csv: parsing');
		paused.release();
		await reading;
		expect(session.busy).toBeNull();
		expect(session.blocked).toBe(false);
	});
});
