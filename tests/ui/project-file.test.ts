import { describe, expect, it } from 'vitest';
import type { Project } from '../../src/core/project/project';
import { DefineStage } from '../../src/ui/stages/define/define-stage.svelte';
import { PrepareStage } from '../../src/ui/stages/prepare/prepare-stage.svelte';
import type { ProjectStore } from '../../src/ui/store';
import { dataClient, dataSession } from './data-client';

const CSV = `colour,size,y\n${Array.from(
	{ length: 40 },
	(_, i) => `${i % 4 === 0 ? 'red' : 'blue'},${i % 3},${i % 4 === 0 ? 'yes' : 'no'}`
).join('\n')}\n`;

/** A store in memory that records what was saved. */
function memoryStore() {
	const kept = { project: null as Project | null, file: null as Blob | null, wiped: 0 };
	const store: ProjectStore = {
		load: async () => (kept.project ? { project: kept.project, file: kept.file } : null),
		saveProject: async (project) => void (kept.project = project),
		saveFile: async (file) => void (kept.file = file),
		wipe: async () => {
			kept.project = null;
			kept.file = null;
			kept.wiped++;
		}
	};
	return { store, kept };
}

function newSession(answer = true) {
	const data = dataClient();
	const { store, kept } = memoryStore();
	const asked: string[] = [];
	const session = dataSession(data.client, {
		store,
		now: () => new Date('2026-11-27T12:00:00Z'),
		confirm: (message) => {
			asked.push(message);
			return answer;
		}
	});
	return { session, kept, asked, calls: data.calls };
}

/** A session with colours.csv loaded, its target set and a split made. */
async function withWork(answer = true) {
	const made = newSession(answer);
	await made.session.loadFile(new Blob([CSV]), 'colours.csv');
	new DefineStage(made.session).setTarget('y');
	await new PrepareStage(made.session).makeSplit();
	expect(made.session.project.split).not.toBeNull();
	return made;
}

describe('saving and opening a project file', () => {
	it('opens in another browser as it was saved: the project, its data and its split', async () => {
		const { session } = await withWork();
		const saved = session.project;
		const packed = await session.packProject();
		expect(packed?.fileName).toBe('colours.shipshape');

		const other = newSession();
		await other.session.openProjectFile(new Blob([packed!.bytes]), 'colours.shipshape');
		expect(other.session.error).toBeNull();
		expect(other.session.notice).toBeNull();
		const opened = other.session.project;
		expect({ ...opened, audit: saved.audit }).toEqual(saved);
		expect(opened.audit.at(-1)).toEqual({
			at: '2026-11-27T12:00:00.000Z',
			action: 'Opened colours.shipshape'
		});
		expect(other.session.dataset?.fingerprint).toBe(saved.dataset!.fingerprint);
		expect(other.session.dataset?.rowCount).toBe(40);
		// Kept in the browser, file and all, for the next reload.
		expect(other.kept.project).toBe(opened);
		expect(await other.kept.file?.text()).toBe(CSV);
		// The data worker made the same split again, so it hands out its rows.
		const rows = await other.session.deps.data.call('rows', {
			split: opened.split!,
			part: 'train'
		});
		expect(rows.rowCount).toBe(opened.split!.counts.train);
	});

	it('a file dropped with the .shipshape extension is opened as a project', async () => {
		const { session } = await withWork();
		const packed = await session.packProject();
		const other = newSession();
		const file = new File([packed!.bytes], 'Class 3B.shipshape');
		await other.session.loadFirst({ 0: file, length: 1 } as unknown as FileList);
		expect(other.session.project.brief.target).toBe('y');
	});

	it('a broken file is refused with a message, and the open project is untouched', async () => {
		const { session, kept, calls, asked } = await withWork();
		const before = session.project;
		const dataset = session.dataset;
		await session.openProjectFile(new Blob([CSV]), 'colours.shipshape');
		expect(session.error?.message).toBe(
			'colours.shipshape could not be opened as a project: it is not a Shipshape project file (not a zip archive). To load a CSV, use "Open a CSV…".'
		);
		expect(session.project).toBe(before);
		expect(session.dataset).toBe(dataset);
		expect(kept.project).toBe(before);
		expect(asked).toEqual([]);
		expect(calls.filter((c) => c === 'ingest')).toHaveLength(1);
		// The data worker still holds the open project's data and split.
		const rows = await session.deps.data.call('rows', { split: before.split!, part: 'train' });
		expect(rows.rowCount).toBe(before.split!.counts.train);
	});

	it('asks before replacing work, and a "no" keeps it', async () => {
		const { session } = await withWork();
		const packed = await session.packProject();
		const other = await withWork(false);
		const before = other.session.project;
		other.session.update({ ...before, brief: { ...before.brief, decision: 'Mine' } });
		const mine = other.session.project;
		await other.session.openProjectFile(new Blob([packed!.bytes]), 'colours.shipshape');
		expect(other.asked).toEqual([
			'Open colours.shipshape? The current project (colours.csv) will be replaced.'
		]);
		expect(other.session.project).toBe(mine);
	});

	it('has nothing to save before data is loaded', async () => {
		const { session, calls } = newSession();
		expect(await session.packProject()).toBeNull();
		expect(calls).toEqual([]);
	});
});

describe('wiping', () => {
	it('deletes what is stored, after the saves under way, and saves nothing after it', async () => {
		const { session, kept } = await withWork();
		await session.wipe();
		expect(kept).toEqual({ project: null, file: null, wiped: 1 });
		session.update({ ...session.project, seed: 7 });
		await session.flushed();
		expect(kept.project).toBeNull();
	});

	it('that fails deletes nothing, says why, and saving goes on', async () => {
		const { session, kept } = await withWork();
		const store = session.deps.store;
		store.wipe = async () => {
			throw new Error('another Shipshape tab keeps the data open. Close it, then delete again.');
		};
		await expect(session.wipe()).rejects.toThrow('another Shipshape tab');
		expect(session.error).toMatchObject({
			code: 'not-wiped',
			message:
				'Nothing was deleted: another Shipshape tab keeps the data open. Close it, then delete again.'
		});
		session.update({ ...session.project, seed: 7 });
		await session.flushed();
		expect(kept.project?.seed).toBe(7);
	});
});
