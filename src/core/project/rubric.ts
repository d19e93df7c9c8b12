// A teacher's assignment and its rubric, graded locally from the student's project: no server,
// every criterion read off what the project records.
import { formatValue } from '../evaluate/report-document';
import { meetsThreshold, metricInfo } from '../evaluate/metric-catalogue';
import type { Kpi } from '../evaluate/verdict';
import { stepColumns, type FittedRecipe } from '../prepare/recipe';
import { splitKindOf } from '../split/split';
import { checklist, type ChecklistId } from './checklist';
import type { Project } from './project';

/** What a rubric can check; the column-bound ones name the column the trap is in. */
export type Criterion =
	| {
			kind: 'brief' | 'baseline-beaten' | 'test-once' | 'kpi-met' | 'slices' | 'bundle' | 'monitor';
	  }
	| { kind: 'leak-removed'; column: string }
	| { kind: 'split-by-time'; column: string }
	| { kind: 'fairness-checked'; column: string };

export interface RubricItem {
	criterion: Criterion;
	points: number;
}

/** An assignment, carried in the project a student opens. */
export interface Assignment {
	title: string;
	instructions: string;
	createdAt: string;
	rubric: RubricItem[];
	/** The leaky column the teacher planted in the data, if any (the rubric checks it is gone). */
	planted: string | null;
	/**
	 * The teacher's KPIs, which "meets every KPI" holds the test scores to (a student could
	 * otherwise set an easy KPI of their own); empty when the teacher set none.
	 */
	kpis: Kpi[];
}

/** A student's hand-in: who, when, and the grade the app gave it then. */
export interface Submission {
	student: string;
	submittedAt: string;
	grade: Grade;
}

export interface GradedItem {
	label: string;
	met: boolean;
	/** What in the project shows it met or not, in a sentence. */
	evidence: string;
	points: number;
}

export interface Grade {
	items: GradedItem[];
	earned: number;
	possible: number;
}

/** Returns a criterion in words, as the rubric lists it. */
export function criterionLabel(criterion: Criterion): string {
	switch (criterion.kind) {
		case 'brief':
			return 'The brief is written';
		case 'baseline-beaten':
			return 'A model beats the baseline on validation';
		case 'test-once':
			return 'The test set is revealed once';
		case 'kpi-met':
			return 'The model meets every KPI on the test set';
		case 'slices':
			return 'The slices are checked';
		case 'bundle':
			return 'The model bundle is exported';
		case 'monitor':
			return 'Monitoring is set up';
		case 'leak-removed':
			return `The leaky column ${criterion.column} is not a model input`;
		case 'split-by-time':
			return `The split is by time on ${criterion.column}`;
		case 'fairness-checked':
			return `Fairness is checked by ${criterion.column}`;
		default:
			return 'A criterion this version of Shipshape does not know';
	}
}

/** Grades a project against a rubric. */
export function gradeProject(rubric: readonly RubricItem[], project: Project): Grade {
	const checks = checklist(project);
	const items = rubric.map(({ criterion, points }): GradedItem => {
		const [met, evidence] = judge(criterion, project, (id) => checks.find((c) => c.id === id)!);
		return { label: criterionLabel(criterion), met, evidence, points };
	});
	const earned = items.reduce((sum, item) => sum + (item.met ? item.points : 0), 0);
	const possible = items.reduce((sum, item) => sum + item.points, 0);
	return { items, earned, possible };
}

function judge(
	criterion: Criterion,
	project: Project,
	check: (id: ChecklistId) => { state: string; detail: string }
): [boolean, string] {
	const fromChecklist = (id: ChecklistId): [boolean, string] => {
		const { state, detail } = check(id);
		return [state === 'done', detail];
	};
	const evaluation = project.evaluation;
	switch (criterion.kind) {
		case 'brief':
			return fromChecklist('brief');
		case 'baseline-beaten':
			return fromChecklist('baseline-beaten');
		case 'test-once':
			return fromChecklist('test-once');
		case 'slices':
			return fromChecklist('slices');
		case 'bundle':
			return fromChecklist('bundle');
		case 'monitor':
			return fromChecklist('monitor');
		case 'kpi-met':
			return kpiJudgement(project);
		case 'leak-removed': {
			if (!evaluation) return [false, 'No model has been judged on the test set yet.'];
			const run = project.runs.find((r) => r.id === evaluation.runId);
			if (!run) return [false, `The judged run ${evaluation.runId} is not in the run log.`];
			return readsColumn(run.pipeline.recipe, criterion.column)
				? [false, `The judged model (${run.id}) reads ${criterion.column}.`]
				: [true, `The judged model (${run.id}) does not read ${criterion.column}.`];
		}
		case 'split-by-time': {
			const plan = project.split?.plan;
			if (!plan) return [false, 'No split has been made.'];
			const kind = splitKindOf(plan);
			const on = kind === 'time' || kind === 'group' ? ` on ${plan.column}` : '';
			return kind === 'time' && plan.column === criterion.column
				? [true, `Split by time on ${criterion.column}.`]
				: [false, `The split is ${kind}${on}.`];
		}
		case 'fairness-checked': {
			const marked = project.brief.sensitiveColumns.includes(criterion.column);
			const report = evaluation?.result.fairness.find((f) => f.column === criterion.column);
			if (!marked) return [false, `${criterion.column} is not marked sensitive in the brief.`];
			if (!report) return [false, `No evaluation reports fairness by ${criterion.column} yet.`];
			if (report.kind === 'unsupported') return [false, report.reason];
			return [true, `The evaluation reports fairness by ${criterion.column}.`];
		}
		default:
			// A criterion from a newer version (check-project refuses one in an opened file).
			return [false, 'This version of Shipshape cannot check this criterion.'];
	}
}

/** Judges the test scores against the teacher's KPIs, or the student's own when there are none. */
function kpiJudgement(project: Project): [boolean, string] {
	const { evaluation, assignment } = project;
	if (!evaluation) return [false, 'No model has been judged on the test set yet.'];
	const kpis = assignment?.kpis ?? [];
	const { verdict, metrics } = evaluation.result;
	if (kpis.length === 0)
		return [verdict.kpiMet, `Against the student's own KPIs: ${verdict.summary}`];
	const checks = kpis.map((kpi) => {
		const value = metrics[kpi.metric];
		const met = value !== undefined && meetsThreshold(kpi.metric, value, kpi.threshold);
		const { label, higherIsBetter } = metricInfo(kpi.metric);
		const shown = value === undefined ? 'not measured' : formatValue(value);
		return {
			met,
			text: `${label} ${shown} (asked: ${higherIsBetter ? '≥' : '≤'} ${kpi.threshold})`
		};
	});
	return [
		checks.every((c) => c.met),
		`On test, against the assignment's KPIs: ${checks.map((c) => c.text).join('; ')}.`
	];
}

/**
 * True when a fitted recipe reads the column: it is an input and the first step that names it is
 * not the one dropping it (a step that derives a feature from it before the drop still leaks it).
 */
export function readsColumn(recipe: FittedRecipe, column: string): boolean {
	if (!recipe.inputs.some((input) => input.name === column)) return false;
	const first = recipe.steps.find(
		(step) =>
			stepColumns(step).includes(column) ||
			(step.kind === 'drop-columns' && step.columns.includes(column))
	);
	return first?.kind !== 'drop-columns';
}
