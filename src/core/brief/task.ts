/** The kinds of supervised problem the app solves. */
export type TaskKind = 'binary' | 'multiclass' | 'regression' | 'ranking';

export const TASK_KINDS: readonly TaskKind[] = ['binary', 'multiclass', 'regression', 'ranking'];

/** True for tasks whose target is a set of classes. */
export function isClassification(task: TaskKind): task is 'binary' | 'multiclass' {
	return task === 'binary' || task === 'multiclass';
}

/**
 * True for tasks whose target is a number the model predicts: regression, and ranking, which
 * learns the relevance of each row pointwise and orders a query's rows by it.
 */
export function predictsValues(task: TaskKind): task is 'regression' | 'ranking' {
	return task === 'regression' || task === 'ranking';
}

/** Returns the plain-language name of a task, as the Define stage and the exported brief show it. */
export function taskLabel(task: TaskKind): string {
	return {
		binary: 'Binary classification',
		multiclass: 'Multiclass classification',
		regression: 'Regression',
		ranking: 'Ranking (rows grouped by a query)'
	}[task];
}
