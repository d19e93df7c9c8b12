import {
	checkCostMatrix,
	COST_LABELS,
	mistakeMeanings,
	type CostMatrix
} from '../../../core/brief/cost-matrix';
import type { Session } from '../../session.svelte';

/** The two costs as the inputs hold them. */
export type CostTexts = Record<keyof CostMatrix, string>;

function textsOf(matrix: CostMatrix | null): CostTexts {
	return {
		falsePositive: matrix ? String(matrix.falsePositive) : '',
		falseNegative: matrix ? String(matrix.falseNegative) : ''
	};
}

/**
 * The cost matrix of a binary brief as a form: both costs set and valid are saved, both empty
 * save none, and anything else stays a draft in the inputs with a message saying what is wrong.
 */
export class CostForm {
	readonly session: Session;
	/** An entry not saved (one cost missing, or refused), for the brief's matrix it was made on. */
	private draft = $state.raw<{ on: CostMatrix | null; texts: CostTexts; problem: string } | null>(
		null
	);
	private brief = $derived.by(() => this.session.project.brief);
	/** The draft is dropped once the brief's matrix changes under it (a new task, a reload). */
	private current = $derived(this.draft?.on === this.brief.costMatrix ? this.draft : null);
	texts = $derived.by(() => this.current?.texts ?? textsOf(this.brief.costMatrix));
	problem = $derived.by(() => this.current?.problem ?? null);
	/** What each mistake means for the chosen positive class, one line each. */
	meanings = $derived.by(() => mistakeMeanings(this.brief.positiveClass));
	readonly labels = COST_LABELS;

	constructor(session: Session) {
		this.session = session;
	}

	/** Sets one cost from its input's text ('' when empty). */
	set(field: keyof CostMatrix, text: string): void {
		const texts = { ...this.texts, [field]: text.trim() };
		const on = this.brief.costMatrix;
		const missing = (['falsePositive', 'falseNegative'] as const).filter((f) => texts[f] === '');
		if (missing.length === 2) this.save(null);
		else if (missing.length === 1) {
			const other = missing[0] === 'falsePositive' ? 'a false positive' : 'a false negative';
			this.draft = { on, texts, problem: `Set the cost of ${other} too, or clear both costs.` };
		} else this.setBoth(texts);
	}

	private setBoth(texts: CostTexts): void {
		const matrix = {
			falsePositive: Number(texts.falsePositive),
			falseNegative: Number(texts.falseNegative)
		};
		const problem = checkCostMatrix(matrix);
		if (problem) this.draft = { on: this.brief.costMatrix, texts, problem };
		else this.save(matrix);
	}

	private save(costMatrix: CostMatrix | null): void {
		this.draft = null;
		this.session.update({ ...this.session.project, brief: { ...this.brief, costMatrix } });
	}
}
