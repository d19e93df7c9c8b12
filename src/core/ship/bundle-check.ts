// The checks a bundle passes before it predicts: every file is the one the manifest listed
// (by SHA-256), and the manifest describes the model it ships (inputs, features, target).
import type { Model } from '../models/model';
import type { FittedRecipe } from '../prepare/recipe';
import { CoreError } from '../util/core-error';
import { sha256Hex } from '../util/hash';
import type { Manifest } from './manifest';

/** Returns the lowercase hex SHA-256 of each file, by name. */
export async function fileHashes(
	files: Readonly<Record<string, Uint8Array>>
): Promise<Record<string, string>> {
	const entries = await Promise.all(
		Object.entries(files).map(async ([name, bytes]) => [name, await sha256Hex(bytes)] as const)
	);
	return Object.fromEntries(entries);
}

/**
 * Throws `bad-bundle` unless the manifest lists exactly the bundle's `files` (never another
 * name, so nothing outside the bundle is read) and each is present with the SHA-256 the manifest
 * records: an altered, truncated or missing file names itself. This catches corruption and an
 * edit of a file alone; it is no signature: whoever edits a file and its hash in manifest.json,
 * or manifest.json itself, is not detected.
 */
export async function checkBundleFiles(
	manifest: Pick<Manifest, 'files'>,
	read: (name: string) => Uint8Array | null,
	files: readonly string[]
): Promise<void> {
	const listed = Object.entries(manifest.files ?? {});
	const unlisted = files.filter((name) => !(name in (manifest.files ?? {})));
	if (unlisted.length > 0)
		throw new CoreError('bad-bundle', `manifest.json lists no SHA-256 for ${unlisted.join(', ')}.`);
	const foreign = listed.find(([name]) => !files.includes(name));
	if (foreign)
		throw new CoreError(
			'bad-bundle',
			`manifest.json lists "${foreign[0]}", which is not a bundle file.`
		);
	for (const [name, expected] of listed) {
		const bytes = read(name);
		if (!bytes) throw new CoreError('bad-bundle', `${name} is missing from the bundle.`);
		const actual = await sha256Hex(bytes);
		if (actual !== expected)
			throw new CoreError(
				'bad-bundle',
				`${name} was altered after the bundle was exported: its SHA-256 is ${actual}, the manifest says ${expected}.`
			);
	}
}

function same(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((x, i) => x === b[i]);
}

function mismatch(what: string): CoreError {
	return new CoreError('bad-bundle', `manifest.json does not match the model it ships: ${what}.`);
}

/**
 * Throws `bad-bundle` unless the manifest describes the recipe and model: the same input columns
 * and kinds in the same order, the recipe's number of features, the model's family, and a target
 * of the model's kind (the same classes, or numbers).
 */
export function checkManifestMatches(manifest: Manifest, recipe: FittedRecipe, model: Model): void {
	const inputs = manifest.inputSchema;
	if (
		!same(
			inputs.map((c) => c.name),
			recipe.inputs.map((c) => c.name)
		)
	)
		throw mismatch(
			`its input columns (${inputs.map((c) => c.name).join(', ')}) are not the recipe's (${recipe.inputs.map((c) => c.name).join(', ')})`
		);
	const kind = inputs.find((c, i) => c.kind !== recipe.inputs[i].kind);
	if (kind)
		throw mismatch(`column "${kind.name}" is ${kind.kind} in the manifest, not in the recipe`);
	if (manifest.model.features !== recipe.features.length)
		throw mismatch(
			`it says ${manifest.model.features} features, the recipe makes ${recipe.features.length}`
		);
	if (manifest.model.family !== model.kind)
		throw mismatch(`it says a ${manifest.model.family} model, model.json holds ${model.kind}`);
	const { target } = manifest;
	if (manifest.task !== target.task)
		throw mismatch(`task ${manifest.task} vs target ${target.task}`);
	const fitted = model as { task?: string; classes?: string[] | null };
	if (fitted.task === undefined) return;
	if ('classes' in target) {
		if (fitted.task !== target.task || !same(fitted.classes ?? [], target.classes))
			throw mismatch(
				`its target has classes ${target.classes.join(', ')}, the model ${fitted.task === 'regression' ? 'predicts numbers' : `has ${(fitted.classes ?? []).join(', ')}`}`
			);
	} else if (fitted.task !== 'regression')
		throw mismatch(`its target is a number, the model predicts classes`);
}
