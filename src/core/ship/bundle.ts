import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CoreError } from '../util/core-error';
import type { Model } from '../models/model';
import type { ReferenceStats } from '../monitor/reference-stats';
import type { FittedRecipe } from '../prepare/recipe';
import { checkBundleFiles, checkManifestMatches, fileHashes } from './bundle-check';
import { deploymentYaml, dockerfile, packageJson } from './deploy-files';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Manifest } from './manifest';
import { checkManifest, MANIFEST_SCHEMA } from './manifest-schema';
import type { Pipeline } from './pipeline';

/** The files of a model bundle, by role. */
export const BUNDLE_FILES = {
	manifest: 'manifest.json',
	schema: 'manifest.schema.json',
	recipe: 'recipe.json',
	model: 'model.json',
	reference: 'reference.json',
	card: 'MODEL_CARD.md',
	predict: 'predict.mjs',
	server: 'server.mjs',
	example: 'example.csv',
	packageJson: 'package.json',
	dockerfile: 'Dockerfile',
	deployment: 'deployment.yaml'
} as const;

/** The files the manifest lists with their SHA-256: all but itself. */
const SEALED_FILES: readonly string[] = Object.values(BUNDLE_FILES).filter(
	(name) => name !== BUNDLE_FILES.manifest
);

/** The environment variable server.mjs reads the prediction log's path from. */
export const PREDICTION_LOG_ENV = 'PREDICTION_LOG';

/** What goes into a bundle besides the manifest and the pipeline. */
export interface BundleExtras {
	modelCard: string;
	/** The source of predict.mjs, built from src/core (runtime/predict.ts). */
	runtimeSource: string;
	/** The source of server.mjs, the HTTP server, built from src/core (runtime/server.ts). */
	serverSource: string;
	/** A few input rows to try the bundle on. */
	exampleCsv: string;
	/** The train rows' distribution of every monitored column, for drift checks outside the app. */
	reference: ReferenceStats;
}

/** A manifest before the bundle is written: everything but the files' SHA-256. */
export type ManifestDraft = Omit<Manifest, 'files'>;

const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2) + '\n');

/** Returns every file of the bundle but the manifest, by name. */
function bundleFiles(
	draft: ManifestDraft,
	pipeline: Pipeline,
	extras: BundleExtras
): Record<string, Uint8Array> {
	const deploy = draft as Manifest;
	return {
		[BUNDLE_FILES.schema]: json(MANIFEST_SCHEMA),
		[BUNDLE_FILES.recipe]: json(pipeline.recipe),
		[BUNDLE_FILES.model]: json(pipeline.model),
		[BUNDLE_FILES.reference]: json(extras.reference),
		[BUNDLE_FILES.card]: strToU8(extras.modelCard),
		[BUNDLE_FILES.predict]: strToU8(extras.runtimeSource),
		[BUNDLE_FILES.server]: strToU8(extras.serverSource),
		[BUNDLE_FILES.example]: strToU8(extras.exampleCsv),
		[BUNDLE_FILES.packageJson]: strToU8(packageJson(deploy)),
		[BUNDLE_FILES.dockerfile]: strToU8(dockerfile(deploy, PREDICTION_LOG_ENV)),
		[BUNDLE_FILES.deployment]: strToU8(deploymentYaml(deploy))
	};
}

/**
 * Returns the bundle as zip bytes: every file, and the manifest listing the SHA-256 of each
 * (so a corrupted or singly edited file fails to load; this is no signature) and checked against its schema. The same content gives the
 * same bytes.
 */
export async function toBundle(
	draft: ManifestDraft,
	pipeline: Pipeline,
	extras: BundleExtras
): Promise<Uint8Array> {
	const files = bundleFiles(draft, pipeline, extras);
	const manifest: Manifest = { ...draft, files: await fileHashes(files) };
	checkManifest(manifest);
	return zipSync(
		{ [BUNDLE_FILES.manifest]: json(manifest), ...files },
		{
			mtime: new Date(manifest.created)
		}
	);
}

function parseJson(bytes: Uint8Array, file: string): unknown {
	try {
		return JSON.parse(strFromU8(bytes));
	} catch {
		throw new CoreError('bad-bundle', `${file} is not valid JSON.`);
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads one file of a bundle: its bytes, or null when the bundle has no such file. */
export type BundleReader = (name: string) => Uint8Array | null;

function required(read: BundleReader, name: string): Uint8Array {
	const bytes = read(name);
	if (!bytes) throw new CoreError('bad-bundle', `${name} is missing from the bundle.`);
	return bytes;
}

/**
 * Returns the manifest and pipeline of a bundle (the trust boundary for bundles), after checking
 * that the manifest is a Shipshape manifest of this format version matching its JSON Schema,
 * that every file has the SHA-256 the manifest lists, and that the manifest describes
 * the model it ships. Throws `bad-bundle` naming the file and the problem.
 */
export async function loadBundle(
	read: BundleReader
): Promise<{ manifest: Manifest; pipeline: Pipeline }> {
	const manifest = parseJson(required(read, BUNDLE_FILES.manifest), BUNDLE_FILES.manifest);
	if (!isRecord(manifest) || manifest.format !== BUNDLE_FORMAT) {
		throw new CoreError(
			'bad-bundle',
			`${BUNDLE_FILES.manifest} is not a Shipshape bundle manifest.`
		);
	}
	if (manifest.formatVersion !== BUNDLE_FORMAT_VERSION) {
		throw new CoreError(
			'bad-bundle',
			`This bundle has format version ${String(manifest.formatVersion)}; this runtime reads version ${BUNDLE_FORMAT_VERSION}. Export the model again from the app.`
		);
	}
	checkManifest(manifest);
	await checkBundleFiles(manifest, read, SEALED_FILES);
	const recipe = parseJson(required(read, BUNDLE_FILES.recipe), BUNDLE_FILES.recipe);
	const model = parseJson(required(read, BUNDLE_FILES.model), BUNDLE_FILES.model);
	if (!isRecord(recipe) || !Array.isArray(recipe.steps) || !Array.isArray(recipe.inputs)) {
		throw new CoreError('bad-bundle', `${BUNDLE_FILES.recipe} is not a fitted recipe.`);
	}
	if (!isRecord(model) || typeof model.kind !== 'string')
		throw new CoreError('bad-bundle', `${BUNDLE_FILES.model} is not a model.`);
	const fitted = recipe as unknown as FittedRecipe;
	checkManifestMatches(manifest, fitted, model as unknown as Model);
	const pipeline: Pipeline = {
		schema: {
			columns: manifest.inputSchema.map(({ name, kind }) => ({ name, kind })),
			missingTokens: manifest.missingTokens
		},
		recipe: fitted,
		model: model as unknown as Model,
		target: manifest.target
	};
	return { manifest, pipeline };
}

/** Returns the files of a bundle zip, by name. */
export function unzipBundle(zip: Uint8Array): Map<string, Uint8Array> {
	try {
		return new Map(Object.entries(unzipSync(zip)));
	} catch {
		throw new CoreError('bad-bundle', 'The bundle is not a readable zip file.');
	}
}
