import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import { parseProject, type Project } from '../core/project/project';

const DB_NAME = 'shipshape';
const DB_VERSION = 1;
const CURRENT = 'current';

/** Where the project and its file are kept between visits. */
export interface ProjectStore {
	load(): Promise<{ project: Project; file: Blob | null } | null>;
	saveProject(project: Project): Promise<void>;
	saveFile(file: Blob): Promise<void>;
	/** Deletes everything stored: the project, its file, the database itself. */
	wipe(): Promise<void>;
}

/** Returns the IndexedDB store: one current project and the raw file it was built from. */
export function createIdbStore(): ProjectStore {
	let db: Promise<IDBPDatabase> | null = null;
	const open = () =>
		(db ??= openDB(DB_NAME, DB_VERSION, {
			upgrade(database) {
				database.createObjectStore('projects');
				database.createObjectStore('files');
			},
			// Another tab deleting everything (the privacy panel's wipe) must not wait for this one.
			blocking(_current, _next, event) {
				(event.target as IDBDatabase).close();
				db = null;
			}
		}));
	return {
		async load() {
			const database = await open();
			const project = parseProject(await database.get('projects', CURRENT));
			if (!project) return null;
			const file = ((await database.get('files', CURRENT)) as Blob | undefined) ?? null;
			return { project, file };
		},
		async saveProject(project) {
			await (await open()).put('projects', project, CURRENT);
		},
		async saveFile(file) {
			await (await open()).put('files', file, CURRENT);
		},
		async wipe() {
			// An open connection would block the deletion until the page closes.
			if (db) (await db).close();
			db = null;
			await new Promise<void>((resolve, reject) => {
				deleteDB(DB_NAME, {
					blocked: () =>
						reject(
							new Error('another Shipshape tab keeps the data open. Close it, then delete again.')
						)
				}).then(resolve, reject);
			});
		}
	};
}
