/** The kinds of supervised problem the app solves. */
export type TaskKind = 'binary' | 'multiclass' | 'regression';

export const TASK_KINDS: readonly TaskKind[] = ['binary', 'multiclass', 'regression'];

/** True for tasks whose target is a set of classes. */
export function isClassification(task: TaskKind): task is 'binary' | 'multiclass' {
	return task !== 'regression';
}

/** Returns the plain-language name of a task, as the Define stage and the exported brief show it. */
export function taskLabel(task: TaskKind): string {
	return {
		binary: 'Binary classification',
		multiclass: 'Multiclass classification',
		regression: 'Regression'
	}[task];
}
