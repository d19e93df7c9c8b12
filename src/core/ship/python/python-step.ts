/**
 * How a recipe step is written in the exported Python: the code that builds its unfitted
 * scikit-learn transformer, where that code comes from, and how faithful it is.
 */
export interface PythonStep {
	/**
	 * A Python expression that builds the step's transformer, unfitted: scikit-learn's own
	 * (wrapped so it works on the named columns of a frame) or one of `shipshape`'s
	 * (`Impute(column="Age", strategy="median")`).
	 */
	code: string;
	/** What the code needs imported: `from <module> import <names>`. */
	imports: PythonImport[];
	/**
	 * How the export does what the app does: with scikit-learn's own transformer, with a short
	 * pandas expression, or with none (a small commented function of the export's own, shown in
	 * the notebook and named in the README's warnings).
	 */
	equivalent: 'scikit-learn' | 'pandas' | 'none';
	/** For `equivalent: 'none'`: why no library equivalent is faithful, one sentence. */
	warning?: string;
}

/** One `from <module> import <names>` line. */
export interface PythonImport {
	module: string;
	names: string[];
}

/** Returns a Python string literal for a text (JSON's escapes are Python's). */
export function pyString(text: string): string {
	return JSON.stringify(text);
}

/** Returns a Python literal for a JSON value: None, True, False, numbers, strings, lists, dicts. */
export function pyValue(value: unknown): string {
	if (value === null || value === undefined) return 'None';
	if (value === true) return 'True';
	if (value === false) return 'False';
	if (typeof value === 'number') {
		if (Number.isNaN(value)) return 'float("nan")';
		if (!Number.isFinite(value)) return value > 0 ? 'float("inf")' : 'float("-inf")';
		return Number.isInteger(value) ? String(value) : String(value);
	}
	if (typeof value === 'string') return pyString(value);
	if (Array.isArray(value)) return `[${value.map(pyValue).join(', ')}]`;
	if (typeof value === 'object')
		return `{${Object.entries(value as Record<string, unknown>)
			.map(([k, v]) => `${pyString(k)}: ${pyValue(v)}`)
			.join(', ')}}`;
	throw new Error(`No Python literal for ${typeof value}.`);
}
