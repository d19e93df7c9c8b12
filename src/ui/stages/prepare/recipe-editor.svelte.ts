import { isClassification } from '../../../core/brief/task';
import type { DatasetPreview } from '../../../core/prepare/preview';
import { describeStep, type Recipe, type RecipeStep } from '../../../core/prepare/recipe';
import { Latest } from '../../latest.svelte';
import type { Split } from '../../../core/split/split';
import type { Session } from '../../session.svelte';

/** What a preview was made for: it is current while all three are unchanged. */
interface PreviewKey {
	recipe: Recipe;
	/** The recipe by value: steps (the project's own array) and inputs (names and kinds). */
	steps: readonly RecipeStep[];
	inputs: string;
	split: Split | null;
	target: string | null;
}

/** How long the recipe must stay unchanged before its preview is fitted again. */
const PREVIEW_DELAY_MS = 250;

/**
 * The recipe in Prepare: the user's steps (added, removed, each change audited) and their
 * preview, fitted in the data worker on the train rows (all rows before the split).
 */
export class RecipeEditor {
	readonly session: Session;
	/** The preview of the recipe, fitted in the data worker. */
	readonly preview = new Latest<PreviewKey, DatasetPreview>();

	constructor(session: Session) {
		this.session = session;
	}

	get steps(): RecipeStep[] {
		return this.session.project.recipe;
	}

	/** Appends a step (the columns it reads become model inputs) and records it. */
	add(step: RecipeStep, why?: string): void {
		const project = this.session.project;
		const action = `Recipe: added "${describeStep(step)}"${why ? ` (${why})` : ''}`;
		this.session.update({
			...project,
			recipe: [...project.recipe, step],
			audit: this.session.audit(action)
		});
	}

	/** Removes the step at `index` (undoing it) and records it. */
	remove(index: number): void {
		const project = this.session.project;
		const step = project.recipe[index];
		if (!step) return;
		this.session.update({
			...project,
			recipe: project.recipe.filter((_, i) => i !== index),
			audit: this.session.audit(`Recipe: removed "${describeStep(step)}"`)
		});
	}

	/** Moves the step at `index` one place earlier. */
	moveUp(index: number): void {
		const project = this.session.project;
		if (index <= 0 || index >= project.recipe.length) return;
		const recipe = [...project.recipe];
		[recipe[index - 1], recipe[index]] = [recipe[index], recipe[index - 1]];
		this.session.update({
			...project,
			recipe,
			audit: this.session.audit(`Recipe: moved "${describeStep(recipe[index - 1])}" earlier`)
		});
	}

	/** True when the preview shows the current recipe, split and target. */
	get current(): boolean {
		const of = this.preview.answer?.of;
		const key = this.key();
		// Compared by value, not by the derived recipe's identity, which every project change renews.
		return (
			!!of &&
			of.steps === key.steps &&
			of.inputs === key.inputs &&
			of.split === key.split &&
			of.target === key.target
		);
	}

	/**
	 * The preview of the step at `index` to show: from the current preview, or from the last one
	 * while a newer one is fitted, when that one had this very step there. Kept in view (dimmed)
	 * so the panels below do not jump under the user's pointer when the new one arrives.
	 */
	stepPreview(index: number): DatasetPreview['steps'][number] | null {
		const answer = this.preview.answer;
		if (!answer || answer.of.steps[index] !== this.steps[index]) return null;
		return answer.value.steps[index] ?? null;
	}

	private key(): PreviewKey {
		const { recipe, project } = this.session;
		const inputs = recipe.inputs.map((c) => `${c.name}:${c.kind}`).join('\n');
		return {
			recipe,
			steps: project.recipe,
			inputs,
			split: project.split,
			target: project.brief.target
		};
	}

	/** Schedules a new preview of the current recipe; returns the cleanup for an effect. */
	schedule(): () => void {
		if (!this.session.dataset || this.current) return () => {};
		const key = this.key();
		const id = setTimeout(() => void this.refresh(key), PREVIEW_DELAY_MS);
		return () => clearTimeout(id);
	}

	private refresh(key: PreviewKey): Promise<void> {
		const { project, target } = this.session;
		const report = this.session.dataset?.reports.find((r) => r.name === project.brief.target);
		const previewTarget =
			report && target && project.brief.task
				? {
						column: { name: report.name, kind: report.kind },
						classes: !isClassification(project.brief.task)
							? null
							: (target.classes ?? []).map((c) => c.label)
					}
				: null;
		const request = {
			recipe: key.recipe,
			split: key.split,
			target: previewTarget,
			seed: project.seed
		};
		return this.preview.run(key, (signal) =>
			this.session.deps.data.call('previewRecipe', request, { signal })
		);
	}
}
