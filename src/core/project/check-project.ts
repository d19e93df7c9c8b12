// A deeper check of a project from outside (a project file), so that a damaged or hand-edited file
// is refused when opened instead of breaking a stage later, and on every reload after.
import type { Criterion } from './rubric';

const CRITERIA: readonly Criterion['kind'][] = [
	'brief',
	'baseline-beaten',
	'test-once',
	'kpi-met',
	'slices',
	'bundle',
	'monitor',
	'leak-removed',
	'split-by-time',
	'fairness-checked'
];
const COLUMN_BOUND: readonly Criterion['kind'][] = [
	'leak-removed',
	'split-by-time',
	'fairness-checked'
];

type Shape = Record<string, unknown>;
const isObject = (v: unknown): v is Shape =>
	typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown, keys: readonly string[]) =>
	isObject(v) && keys.every((k) => typeof v[k] === 'string');
const objects = (v: unknown, keys: readonly string[]) =>
	isObject(v) && keys.every((k) => isObject(v[k]));

/** Returns the first part of the project that is not what this version reads, or null. */
export function projectProblem(project: Shape): string | null {
	const list = (name: string, ok: (item: unknown) => boolean, what: string): string | null => {
		const items = project[name];
		if (items === undefined) return null;
		if (!Array.isArray(items)) return `${name} is not a list`;
		const bad = items.findIndex((item) => !ok(item));
		return bad < 0 ? null : `${name}[${bad}] is not ${what}`;
	};
	const field = (name: string, ok: (v: unknown) => boolean, what: string) =>
		project[name] === undefined || project[name] === null || ok(project[name])
			? null
			: `${name} is not ${what}`;
	return (
		list('runs', isRun, 'a run') ??
		list('looks', (l) => strings(l, ['at', 'runId']), 'a look at the test set') ??
		list('audit', (a) => strings(a, ['at', 'action']), 'an audit entry') ??
		field('split', isSplit, 'a split') ??
		field('evaluation', isEvaluation, 'an evaluation') ??
		field('assignment', isAssignment, 'an assignment') ??
		field('submission', isSubmission, 'a submission') ??
		field('slicesReview', (v) => strings(v, ['at', 'runId', 'lookAt', 'note']), 'a review') ??
		field('monitored', (v) => strings(v, ['at', 'batch']), 'a monitoring record')
	);
}

function isRun(run: unknown): boolean {
	return (
		strings(run, ['id']) &&
		objects(run, ['spec', 'valMetrics', 'trainMetrics', 'pipeline']) &&
		typeof ((run as Shape).spec as Shape).kind === 'string' &&
		objects((run as Shape).pipeline, ['recipe', 'model', 'target']) &&
		Array.isArray(((run as Shape).pipeline as { recipe: Shape }).recipe.inputs) &&
		Array.isArray(((run as Shape).pipeline as { recipe: Shape }).recipe.steps)
	);
}

function isSplit(split: unknown): boolean {
	return objects(split, ['plan', 'counts']) && (split as Shape).assignment instanceof Int8Array;
}

function isEvaluation(evaluation: unknown): boolean {
	if (!strings(evaluation, ['runId', 'revealedAt']) || !objects(evaluation, ['result']))
		return false;
	const result = (evaluation as { result: Shape }).result;
	return objects(result, ['verdict', 'metrics', 'slices']) && Array.isArray(result.fairness);
}

function isAssignment(assignment: unknown): boolean {
	if (!strings(assignment, ['title', 'instructions', 'createdAt'])) return false;
	const { rubric, planted, kpis } = assignment as Shape;
	return (
		(planted === null || typeof planted === 'string') &&
		Array.isArray(kpis) &&
		kpis.every((k) => strings(k, ['metric']) && typeof (k as Shape).threshold === 'number') &&
		Array.isArray(rubric) &&
		rubric.every(
			(item) =>
				isObject(item) &&
				typeof item.points === 'number' &&
				Number.isFinite(item.points) &&
				item.points >= 0 &&
				isCriterion(item.criterion)
		)
	);
}

function isCriterion(criterion: unknown): boolean {
	if (!isObject(criterion)) return false;
	const kind = criterion.kind as Criterion['kind'];
	if (!CRITERIA.includes(kind)) return false;
	return !COLUMN_BOUND.includes(kind) || typeof criterion.column === 'string';
}

function isSubmission(submission: unknown): boolean {
	if (!strings(submission, ['student', 'submittedAt']) || !objects(submission, ['grade']))
		return false;
	const grade = (submission as { grade: Shape }).grade;
	return (
		Array.isArray(grade.items) &&
		typeof grade.earned === 'number' &&
		typeof grade.possible === 'number'
	);
}
