import { pyValue, type PythonImport } from './python-step';

/**
 * How a model family is written in the exported Python: an expression building the unfitted
 * estimator (scikit-learn's, XGBoost's, or one of `shipshape.models`), what it imports, and a
 * note for every hyperparameter or behaviour that has no exact equivalent there. The estimator
 * is fitted on class indices in the app's class order (classification) or floats, with
 * `shipshape.models.fit_model`, which gives the validation rows to the families that stop early.
 */
export interface EstimatorCode {
	code: string;
	imports: PythonImport[];
	notes: string[];
}

/** A keyword argument's value: a JSON value written as a literal, or Python code as it is. */
export type Arg = unknown | { python: string };

export function call(name: string, args: Record<string, Arg>): string {
	const written = Object.entries(args).map(([key, value]) => {
		const code =
			typeof value === 'object' && value !== null && 'python' in value
				? String((value as { python: string }).python)
				: pyValue(value);
		return `${key}=${code}`;
	});
	return `${name}(${written.join(', ')})`;
}

export const from = (module: string, ...names: string[]): PythonImport => ({ module, names });
export const SHIPSHAPE = 'shipshape.models';
