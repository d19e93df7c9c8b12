import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CoreError } from '../util/core-error';
import type { Model } from '../models/model';
import type { FittedRecipe } from '../prepare/recipe';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Manifest } from './manifest';
import type { Pipeline } from './pipeline';

/** The files of a model bundle, by role. */
export const BUNDLE_FILES = {
	manifest: 'manifest.json',
	recipe: 'recipe.json',
	model: 'model.json',
	card: 'MODEL_CARD.md',
	predict: 'predict.mjs',
	server: 'server.mjs',
	example: 'example.csv'
} as const;

/** What goes into a bundle besides the manifest and the pipeline. */
export interface BundleExtras {
	modelCard: string;
	/** The source of predict.mjs, built from src/core (runtime/predict.ts). */
	runtimeSource: string;
	/** The source of server.mjs, the HTTP server, built from src/core (runtime/server.ts). */
	serverSource: string;
	/** A few input rows to try the bundle on. */
	exampleCsv: string;
}

/** Returns the bundle as zip bytes. */
export function toBundle(manifest: Manifest, pipeline: Pipeline, extras: BundleExtras): Uint8Array {
	const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2) + '\n');
	const mtime = new Date(manifest.created);
	return zipSync(
		{
			[BUNDLE_FILES.manifest]: json(manifest),
			[BUNDLE_FILES.recipe]: json(pipeline.recipe),
			[BUNDLE_FILES.model]: json(pipeline.model),
			[BUNDLE_FILES.card]: strToU8(extras.modelCard),
			[BUNDLE_FILES.predict]: strToU8(extras.runtimeSource),
			[BUNDLE_FILES.server]: strToU8(extras.serverSource),
			[BUNDLE_FILES.example]: strToU8(extras.exampleCsv)
		},
		{ mtime }
	);
}

function parseJson(text: string, file: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw new CoreError('bad-bundle', `${file} is not valid JSON.`);
	}
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the manifest and pipeline from a bundle's three JSON files (the trust boundary for
 * bundles). Throws `bad-bundle` naming the file and the problem.
 */
export function pipelineFromFiles(
	manifestText: string,
	recipeText: string,
	modelText: string
): { manifest: Manifest; pipeline: Pipeline } {
	const manifest = parseJson(manifestText, BUNDLE_FILES.manifest);
	if (!isRecord(manifest) || manifest.format !== BUNDLE_FORMAT) {
		throw new CoreError(
			'bad-bundle',
			`${BUNDLE_FILES.manifest} is not a Shipshape bundle manifest.`
		);
	}
	if (manifest.formatVersion !== BUNDLE_FORMAT_VERSION) {
		throw new CoreError(
			'bad-bundle',
			`This bundle has format version ${String(manifest.formatVersion)}; this runtime reads version ${BUNDLE_FORMAT_VERSION}.`
		);
	}
	const recipe = parseJson(recipeText, BUNDLE_FILES.recipe);
	const model = parseJson(modelText, BUNDLE_FILES.model);
	if (!isRecord(recipe) || !Array.isArray(recipe.steps) || !Array.isArray(recipe.inputs)) {
		throw new CoreError('bad-bundle', `${BUNDLE_FILES.recipe} is not a fitted recipe.`);
	}
	if (!isRecord(model) || typeof model.kind !== 'string')
		throw new CoreError('bad-bundle', `${BUNDLE_FILES.model} is not a model.`);
	const checked = manifest as unknown as Manifest;
	const pipeline: Pipeline = {
		schema: {
			columns: checked.inputSchema.map(({ name, kind }) => ({ name, kind })),
			missingTokens: checked.missingTokens
		},
		recipe: recipe as unknown as FittedRecipe,
		model: model as unknown as Model,
		target: checked.target
	};
	return { manifest: checked, pipeline };
}

/** Returns the files of a bundle zip, by name. */
export function unzipBundle(zip: Uint8Array): Map<string, string> {
	let files: Record<string, Uint8Array>;
	try {
		files = unzipSync(zip);
	} catch {
		throw new CoreError('bad-bundle', 'The bundle is not a readable zip file.');
	}
	return new Map(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}
