// A project as one file: the project and the data it was built from, in a zip, so it can move to
// another browser or machine (a student's to a teacher's) with nothing lost.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CoreError } from '../util/core-error';
import { createBlockHasher, fingerprintOf } from '../util/hash';
import { projectProblem } from './check-project';
import { parseProject, type Project } from './project';

export const PROJECT_FILE_FORMAT = 'shipshape-project';
/** Bump when a reader of the previous version could not read the file right. */
export const PROJECT_FILE_VERSION = 1;
export const PROJECT_FILE_EXTENSION = '.shipshape';
const MANIFEST = 'shipshape-project.json';
const DATA_FOLDER = 'data/';
/** The most a project's JSON may inflate to (runs with their pipelines run to megabytes). */
const MAX_MANIFEST_BYTES = 512 * 2 ** 20;
/** The most a data file may inflate to: more than a browser tab can hold as a table anyway. */
const MAX_DATA_BYTES = 2 ** 31;

/** What the file's manifest says besides the project. */
interface ProjectFileManifest {
	format: typeof PROJECT_FILE_FORMAT;
	formatVersion: number;
	savedAt: string;
	/** The data file's path inside the zip. */
	data: string;
	project: Project;
}

/** A project file's contents, checked: the project and its data, whose fingerprint matches. */
export interface UnpackedProject {
	project: Project & { dataset: NonNullable<Project['dataset']> };
	data: Uint8Array;
	savedAt: string;
}

/** Returns the name a project file is offered under: the data's name with the extension. */
export function projectFileName(project: Project): string {
	const base = (project.dataset?.fileName ?? 'project').replace(/\.[^.]*$/, '');
	return `${base}${PROJECT_FILE_EXTENSION}`;
}

/** Returns true when a file's name says it is a project file. */
export function isProjectFileName(name: string): boolean {
	return name.toLowerCase().endsWith(PROJECT_FILE_EXTENSION);
}

/** Packs a project and the bytes of its data file into one project file. */
export function packProject(
	project: Project,
	data: Uint8Array,
	savedAt: string,
	/** Text files to add beside the project, for people to read (a submission's report). */
	extra: Record<string, string> = {}
): Uint8Array<ArrayBuffer> {
	if (!project.dataset)
		throw new CoreError('project-file', 'There is nothing to save yet: load a dataset first.');
	const path = `${DATA_FOLDER}${project.dataset.fileName}`;
	const manifest: ProjectFileManifest = {
		format: PROJECT_FILE_FORMAT,
		formatVersion: PROJECT_FILE_VERSION,
		savedAt,
		data: path,
		project
	};
	const json = JSON.stringify(manifest, keepExact);
	// A fresh zip, so its buffer is an ArrayBuffer (never shared).
	const texts = Object.entries(extra).map(([name, text]) => [name, strToU8(text)]);
	return zipSync(
		{ ...Object.fromEntries(texts), [MANIFEST]: strToU8(json), [path]: data },
		{ level: 6 }
	) as Uint8Array<ArrayBuffer>;
}

/**
 * Reads a project file, checking each layer (a zip, a manifest of this format and version, a
 * project this version reads, its data file, the data's fingerprint); throws a CoreError that
 * says which layer failed and what to do, naming the file.
 */
export async function unpackProject(bytes: Uint8Array, fileName: string): Promise<UnpackedProject> {
	let files: Record<string, Uint8Array> = {};
	let tooBig: string | null = null;
	const names: string[] = [];
	try {
		// Only the manifest and the data are inflated, and none past its cap: a zip that would
		// inflate to gigabytes (by accident or on purpose) is refused, not unpacked.
		files = unzipSync(bytes, {
			filter: ({ name, originalSize }) => {
				names.push(name);
				const wanted = name === MANIFEST || name.startsWith(DATA_FOLDER);
				const cap = name === MANIFEST ? MAX_MANIFEST_BYTES : MAX_DATA_BYTES;
				if (wanted && originalSize > cap) tooBig = name;
				return wanted && originalSize <= cap;
			}
		});
	} catch {
		refuse(
			fileName,
			bytes.length === 0
				? 'the file is empty.'
				: 'it is not a Shipshape project file (not a zip archive). To load a CSV, use "Open a CSV…".'
		);
	}
	if (tooBig) refuse(fileName, `its ${tooBig} is larger than this app can open.`);
	if (!Object.hasOwn(files, MANIFEST)) {
		if (names.includes('manifest.json') && names.includes('model.json'))
			refuse(
				fileName,
				'it is a model bundle, not a project file. The Ship stage monitors with a bundle.'
			);
		refuse(fileName, `it has no ${MANIFEST}, so it is not a Shipshape project file.`);
	}
	let manifest: Partial<ProjectFileManifest> = {};
	try {
		manifest = JSON.parse(strFromU8(files[MANIFEST]), readExact) as Partial<ProjectFileManifest>;
	} catch (error) {
		refuse(fileName, `its ${MANIFEST} is not valid JSON (${(error as Error).message}).`);
	}
	if (typeof manifest !== 'object' || manifest === null || manifest.format !== PROJECT_FILE_FORMAT)
		refuse(fileName, `its ${MANIFEST} does not describe a Shipshape project.`);
	if (typeof manifest.formatVersion !== 'number' || manifest.formatVersion > PROJECT_FILE_VERSION)
		refuse(
			fileName,
			`it was saved by a newer Shipshape (project file version ${String(manifest.formatVersion)}); this one reads version ${PROJECT_FILE_VERSION}. Open it with the newer version.`
		);
	const project = parseProject(manifest.project);
	if (!project) refuse(fileName, 'the project inside is damaged or from an unknown version.');
	const problem = projectProblem(project as unknown as Record<string, unknown>);
	if (problem) refuse(fileName, `the project inside is damaged: ${problem}.`);
	const dataset = project.dataset;
	if (
		!dataset ||
		typeof dataset.fileName !== 'string' ||
		typeof dataset.fingerprint !== 'string' ||
		typeof dataset.bytes !== 'number'
	)
		refuse(fileName, 'the project inside names no dataset.');
	const path = manifest.data;
	const data =
		typeof path === 'string' && path.startsWith(DATA_FOLDER) && Object.hasOwn(files, path)
			? files[path]
			: undefined;
	if (!(data instanceof Uint8Array))
		refuse(fileName, `its data file (${String(path)}) is missing.`);
	if ((await fingerprintOfBytes(data)) !== dataset.fingerprint)
		refuse(
			fileName,
			`its data file ${dataset.fileName} is not the one the project was built from (the fingerprints differ): it was changed after the project was saved.`
		);
	return {
		project: { ...project, dataset },
		data: data,
		savedAt: String(manifest.savedAt ?? '')
	};
}

/** The typed arrays a project holds (a split's assignment, a model's weights). */
const TYPED = {
	Int8Array,
	Uint8Array,
	Int16Array,
	Uint16Array,
	Int32Array,
	Uint32Array,
	Float32Array,
	Float64Array
} as const;
type TypedName = keyof typeof TYPED;

/**
 * JSON.stringify's replacer: what JSON cannot hold as it is (a typed array, which would become an
 * object of indices; NaN and the infinities, which would become null) is written as a tagged
 * object that `readExact` turns back into the same value, so a project survives the file exactly.
 */
function keepExact(_key: string, value: unknown): unknown {
	if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
	if (ArrayBuffer.isView(value)) {
		const name = value.constructor.name;
		if (name in TYPED)
			return {
				$typed: name,
				values: Array.from(value as unknown as ArrayLike<number>, (v) =>
					Number.isFinite(v) ? v : String(v)
				)
			};
	}
	return value;
}

/** JSON.parse's reviver, the inverse of `keepExact`. */
function readExact(_key: string, value: unknown): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
	const tagged = value as { $number?: unknown; $typed?: unknown; values?: unknown };
	if (typeof tagged.$number === 'string' && Object.keys(value).length === 1)
		return Number(tagged.$number);
	if (
		typeof tagged.$typed === 'string' &&
		tagged.$typed in TYPED &&
		Array.isArray(tagged.values) &&
		Object.keys(value).length === 2
	)
		// Every constructor's `from` takes numbers alike; TypeScript cannot call a union of them.
		return (TYPED[tagged.$typed as TypedName] as typeof Float64Array).from(
			tagged.values as (number | string)[],
			Number
		);
	return value;
}

function refuse(fileName: string, why: string): never {
	throw new CoreError('project-file', `${fileName} could not be opened as a project: ${why}`);
}

/** Returns the fingerprint ingest gives a file of these bytes. */
export async function fingerprintOfBytes(bytes: Uint8Array): Promise<string> {
	const hasher = createBlockHasher();
	await hasher.update(bytes);
	return fingerprintOf(await hasher.finish());
}
