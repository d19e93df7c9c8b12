import { describeStep, type FittedRecipe, type RecipeStep } from '../../prepare/recipe';
import { isCleanStep } from '../../prepare/steps/clean-steps';
import { cleanStepPython } from './clean-steps';
import { featureStepPython } from './feature-steps';
import { pyString, type PythonImport, type PythonStep } from './python-step';

/** One step of the recipe as the export writes it. */
export interface RecipeStepCode extends PythonStep {
	/** The step's name in the Pipeline: its position and kind (`3 impute`). */
	name: string;
	/** What the step does, in the app's words. */
	description: string;
	/** True for a step the app added to finish the recipe (imputation, scaling, one-hot). */
	finishing: boolean;
	/** The class the code builds, for `equivalent: 'none'` steps: the notebook shows its source. */
	className: string | null;
}

/**
 * Returns each step of a fitted recipe as Python: the user's steps, then the finishing ones the
 * app added. The code is written from `userSteps`, the recipe as the user wrote it, when given
 * (so an ordinal order the app learned is learned again, not written as the user's); else from
 * the fitted steps, which hold their unfitted fields.
 */
export function recipeStepsCode(
	recipe: FittedRecipe,
	seed: number,
	userSteps: readonly RecipeStep[] | null = null
): RecipeStepCode[] {
	const finishingFrom = recipe.steps.length - (recipe.finishing ?? 0);
	const written = userSteps?.length === finishingFrom ? userSteps : null;
	return recipe.steps.map((fitted, i) => {
		const step = written?.[i] ?? (fitted as RecipeStep);
		const python = isCleanStep(step) ? cleanStepPython(step, seed) : featureStepPython(step, seed);
		return {
			...python,
			name: `${i + 1} ${step.kind}`,
			description: describeStep(step),
			finishing: i >= finishingFrom,
			className: python.equivalent === 'none' ? (/^(\w+)\(/.exec(python.code)?.[1] ?? null) : null
		};
	});
}

/** Returns the `Recipe([...])` expression of the steps, each with its description as a comment. */
export function recipeExpression(steps: readonly RecipeStepCode[]): string {
	const lines: string[] = ['recipe = Recipe(', '    ['];
	let finishing = false;
	for (const step of steps) {
		if (step.finishing && !finishing) {
			lines.push('        # The steps the app added to finish the recipe for the model:');
			finishing = true;
		}
		lines.push(`        # ${step.description}`);
		lines.push(`        (${pyString(step.name)}, ${step.code}),`);
	}
	lines.push("        # The model's features, in the app's order, as numbers:");
	lines.push('        ("features", Features(project["features"])),');
	lines.push('    ]', ')');
	return lines.join('\n');
}

/** Merges import lists: one line per module, names sorted, nothing twice. */
export function importLines(
	imports: readonly PythonImport[],
	except: ReadonlySet<string> = new Set()
): string[] {
	const byModule = new Map<string, Set<string>>();
	for (const { module, names } of imports) {
		const set = byModule.get(module) ?? new Set<string>();
		for (const name of names) if (!except.has(name)) set.add(name);
		byModule.set(module, set);
	}
	return [...byModule]
		.filter(([, names]) => names.size > 0)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([module, names]) => `from ${module} import ${[...names].sort().join(', ')}`);
}

/**
 * Returns the source of a top-level class of a Python module's text: from its `class` line to
 * the next top-level statement, with the comments just above it. Null when there is no such class.
 */
function classSource(moduleText: string, className: string): string | null {
	const lines = moduleText.split('\n');
	const start = lines.findIndex(
		(line) => line.startsWith(`class ${className}(`) || line.startsWith(`class ${className}:`)
	);
	if (start < 0) return null;
	let end = start + 1;
	while (end < lines.length && (lines[end] === '' || /^\s/.test(lines[end]))) end++;
	let top = start;
	while (top > 0 && lines[top - 1].startsWith('#')) top--;
	return lines.slice(top, end).join('\n').trimEnd();
}

/** A module's top-level names: where each comes from (an import line) or that it is defined there. */
function topLevelNames(moduleText: string): Map<string, { module: string; name: string } | null> {
	const names = new Map<string, { module: string; name: string } | null>();
	const text = moduleText.replace(
		/\(([^)]*)\)/g,
		(_, inner: string) => `(${inner.replace(/\s+/g, ' ')})`
	);
	for (const line of text.split('\n')) {
		let m = /^from (\.?[\w.]*) import \(?([^)]*)\)?/.exec(line);
		if (m) {
			if (m[1] === '__future__') continue;
			const module = m[1].startsWith('.') ? `shipshape${m[1]}` : m[1];
			for (const part of m[2].split(',')) {
				const [name, alias] = part.trim().split(/\s+as\s+/);
				if (name) names.set(alias ?? name, { module, name: alias ? `${name} as ${alias}` : name });
			}
			continue;
		}
		m = /^import ([\w.]+)(?: as (\w+))?/.exec(line);
		if (m) {
			names.set(m[2] ?? m[1], { module: '', name: m[2] ? `${m[1]} as ${m[2]}` : m[1] });
			continue;
		}
		m = /^(?:def|class) (\w+)|^(\w+)\s*(?::[^=]*)?=/.exec(line);
		if (m) names.set(m[1] ?? m[2], null);
	}
	return names;
}

/**
 * Returns a notebook cell that defines a class of the package in the open, runnable: the imports
 * and the module's helpers it uses, then its source. Null when no module has the class.
 */
export function ownClassCell(modules: Record<string, string>, className: string): string | null {
	for (const [file, text] of Object.entries(modules)) {
		const source = classSource(text, className);
		if (source === null) continue;
		const module = `shipshape.${file.replace(/\.py$/, '')}`;
		const used = new Set(source.match(/\b[A-Za-z_]\w*\b/g) ?? []);
		const imports: PythonImport[] = [];
		const plain: string[] = [];
		for (const [name, origin] of topLevelNames(text)) {
			if (name === className || !used.has(name)) continue;
			if (origin === null) imports.push({ module, names: [name] });
			else if (origin.module === '') plain.push(`import ${origin.name}`);
			else imports.push({ module: origin.module, names: [origin.name] });
		}
		return [
			`# ${className}, from ${module}: written out here to read and change.`,
			...[...new Set(plain)].sort(),
			...importLines(imports),
			'',
			'',
			source
		].join('\n');
	}
	return null;
}
