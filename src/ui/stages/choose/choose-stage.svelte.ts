import type { Brief } from '../../../core/brief/brief';
import { predictsValues, type TaskKind } from '../../../core/brief/task';
import type { ModelSpec } from '../../../core/models/model';
import { formatBytes, formatLatency } from '../../../core/util/format-units';
import {
	recommendFamily,
	startingSpec,
	type FamilyKind,
	type Recommendation
} from '../../../core/models/recommend';
import { MODEL_FAMILIES, type FamilyInfo } from '../../../core/models/registry';
import type { RunRecord } from '../../../core/project/project';
import {
	PARAM_INFO,
	paramProblem,
	readParam,
	withParam,
	type ParamInfo,
	type ParamOption,
	type ParamValue
} from '../../../core/tune/param-info';
import { assertNever } from '../../../core/util/assert-never';
import type { Session } from '../../session.svelte';

/** Ids the e2e journeys and earlier versions of the page use for these fields. */
const FIELD_IDS: ReadonlyMap<string, string> = new Map([
	['linear.l2', 'l2'],
	['tree.criterion', 'tree-criterion'],
	['tree.maxDepth', 'tree-depth'],
	['tree.minSamplesLeaf', 'tree-leaf']
]);

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const fieldId = (kind: string, key: string) =>
	FIELD_IDS.get(`${kind}.${key}`) ?? `${kind}-${kebab(key)}`;

const sameValue = (a: ParamValue, b: ParamValue) => JSON.stringify(a) === JSON.stringify(b);

/** Reads "64, 32" (or "64 × 32") as layer widths; a word that is not a number reads as NaN. */
function parseLayers(text: string): number[] {
	return text
		.split(/[\s,×x]+/)
		.filter((word) => word !== '')
		.map(Number);
}

/** The task group a field or an option is limited to. */
const taskGroup = (task: TaskKind | null) =>
	task === null ? null : predictsValues(task) ? 'values' : 'classes';

/** One field of a family's form: what the user entered, the value it means, and its problem. */
export class ParamField {
	readonly info: ParamInfo;
	readonly id: string;
	/** A choice field's options for this task. */
	readonly options: readonly ParamOption[];
	/** Index into `info.special` of the named value chosen, or -1 for a value of the input. */
	special = $state(-1);
	/** A number field's entry; null while the input holds no number. */
	number = $state<number | null>(null);
	/** Index into `options`. */
	option = $state(0);
	/** The layer widths as typed: "64, 32". */
	layers = $state('');
	value = $derived.by((): ParamValue => this.read());
	problem = $derived.by(() => paramProblem(this.info, this.value));

	constructor(kind: string, info: ParamInfo, task: TaskKind | null, value: ParamValue | undefined) {
		this.info = info;
		this.id = fieldId(kind, info.key);
		const group = taskGroup(task);
		const { input } = info;
		this.options =
			input.kind === 'choice'
				? input.options.filter((o) => !o.task || group === null || o.task === group)
				: [];
		if (value !== undefined) this.load(value);
	}

	/** Shows a value in the field. */
	load(value: ParamValue): void {
		this.special = this.info.special?.findIndex((o) => sameValue(o.value, value)) ?? -1;
		if (this.special >= 0) return;
		if (typeof value === 'number') this.number = value;
		else if (Array.isArray(value)) this.layers = value.join(', ');
		const option = this.options.findIndex((o) => sameValue(o.value, value));
		if (option >= 0) this.option = option;
	}

	private read(): ParamValue {
		const special = this.info.special?.[this.special];
		if (special) return special.value;
		const { input } = this.info;
		switch (input.kind) {
			case 'int':
			case 'float':
				return this.number ?? NaN;
			case 'choice':
				return this.options[this.option]?.value ?? '';
			case 'layers':
				return parseLayers(this.layers);
			default:
				return assertNever(input, 'parameter input');
		}
	}
}

/** A family the page offers a form for. */
type FormFamily = FamilyInfo & { kind: FamilyKind };
const hasForm = (family: FamilyInfo): family is FormFamily => family.kind !== 'baseline';

/** A family's form: its fields for this task, and the spec they make. */
export class FamilyForm {
	readonly family: FormFamily;
	readonly fields: readonly ParamField[];
	/** The spec the fields start from; a field hidden for this task keeps its value. */
	readonly base: ModelSpec;
	spec = $derived.by(() =>
		this.fields.reduce((spec, f) => withParam(spec, f.info.key, f.value), this.base)
	);
	valid = $derived.by(() => this.fields.every((f) => f.problem === null));

	constructor(family: FormFamily, task: TaskKind | null, start: ModelSpec | null) {
		this.family = family;
		this.base = startingSpec(family.kind, task);
		const group = taskGroup(task);
		const spec = start ?? this.base;
		this.fields = PARAM_INFO[family.kind]
			.filter((info) => !info.task || group === null || info.task === group)
			.map((info) => new ParamField(family.kind, info, task, readParam(spec, info)));
	}

	/** Shows a spec of this family in the fields. */
	load(spec: ModelSpec): void {
		for (const field of this.fields) {
			const value = readParam(spec, field.info);
			if (value !== undefined) field.load(value);
		}
	}
}

/** The brief's constraints on the model, under the names `recommendFamily` takes. */
export interface BriefNeeds {
	interpretable?: boolean;
	latencyBudgetUs?: number | null;
	modelBytesBudget?: number | null;
}

function briefNeeds(brief: Brief): BriefNeeds {
	return {
		interpretable: brief.interpretable,
		latencyBudgetUs: brief.latencyBudgetUs,
		modelBytesBudget: brief.modelBytesBudget
	};
}

/** The label of a family's "Use" button: the e2e journeys click these. */
export function useLabel(kind: FamilyKind): string {
	switch (kind) {
		case 'rule':
			return 'Use one rule';
		case 'linear':
			return 'Use logistic / linear regression';
		case 'tree':
			return 'Use a decision tree';
		case 'forest':
			return 'Use a random forest';
		case 'boosting':
			return 'Use gradient-boosted trees';
		case 'neural':
			return 'Use a neural network';
		default:
			return assertNever(kind, 'model family');
	}
}

/** The Choose stage: a form per family, a recommendation, and what the runs measured. */
export class ChooseStage {
	readonly session: Session;
	readonly task: TaskKind | null;
	/** Every family but the plain baseline, which Train fits beside each model anyway. */
	readonly forms: readonly FamilyForm[];
	needs = $derived.by(() => briefNeeds(this.session.project.brief));
	recommendation = $derived.by((): Recommendation | null => this.recommend());
	/** What the brief asks of the model, in a sentence. */
	needsNote = $derived.by(() => {
		const { interpretable, latencyBudgetUs, modelBytesBudget } = this.needs;
		const asks = [
			...(interpretable ? ['a model a person can read'] : []),
			...(latencyBudgetUs != null ? [`at most ${formatLatency(latencyBudgetUs)} per row`] : []),
			...(modelBytesBudget != null ? [`a model of at most ${formatBytes(modelBytesBudget)}`] : [])
		];
		if (asks.length > 0) return `The brief asks for ${asks.join(', ')}.`;
		return interpretable === false
			? 'The brief needs no readable model and sets no latency or size budget.'
			: 'The brief sets no latency or size budget and does not say whether the model must be readable.';
	});

	constructor(session: Session) {
		this.session = session;
		const { brief, choice } = session.project;
		this.task = brief.task;
		this.forms = MODEL_FAMILIES.filter(hasForm).map(
			(family) => new FamilyForm(family, this.task, choice?.kind === family.kind ? choice : null)
		);
	}

	/** The latest run of a family, whose size and latency the page shows. */
	latestRun(kind: FamilyKind): RunRecord | null {
		return this.session.project.runs.findLast((r) => r.spec.kind === kind) ?? null;
	}

	/** The latest run's size and latency of a family, next to the brief's budgets; null before a run. */
	costNote(kind: FamilyKind): string | null {
		const run = this.latestRun(kind);
		if (!run) return null;
		const { latencyBudgetUs, modelBytesBudget } = this.needs;
		const against = (
			value: number,
			budget: number | null | undefined,
			format: (x: number) => string
		) =>
			budget == null
				? ''
				: ` (${value > budget ? 'over' : 'within'} the brief's ${format(budget)} budget)`;
		const size =
			run.modelBytes === undefined
				? 'size not measured'
				: `${formatBytes(run.modelBytes)}${against(run.modelBytes, modelBytesBudget, formatBytes)}`;
		const latency =
			run.latencyUs == null
				? 'latency not measured'
				: `${formatLatency(run.latencyUs)} per row${against(run.latencyUs, latencyBudgetUs, formatLatency)}`;
		return `Latest run, ${run.id}: ${size}, ${latency}.`;
	}

	choose(spec: ModelSpec): void {
		const { session } = this;
		session.update({
			...session.project,
			choice: spec,
			audit: session.audit(`Chose ${spec.kind}`)
		});
	}

	/** Shows the recommended spec in its family's form and chooses it. */
	useRecommendation(): void {
		const recommendation = this.recommendation;
		if (!recommendation) return;
		this.forms.find((f) => f.family.kind === recommendation.kind)?.load(recommendation.spec);
		this.choose(recommendation.spec);
	}

	private recommend(): Recommendation | null {
		const { project, inputs } = this.session;
		const trainRows = project.split?.counts.train;
		if (!this.task || trainRows === undefined) return null;
		const lastRun = project.runs.at(-1);
		return recommendFamily({
			task: this.task,
			trainRows,
			features: lastRun?.features ?? inputs.length,
			featuresAfterRecipe: lastRun !== undefined,
			inputColumns: inputs.length,
			categoricalColumns: inputs.filter((c) => c.kind === 'category').length,
			...this.needs,
			timeSplit: project.splitPlan.kind === 'time',
			measured: project.runs.map((r) => ({
				kind: r.spec.kind,
				latencyUs: r.latencyUs,
				modelBytes: r.modelBytes
			}))
		});
	}
}
