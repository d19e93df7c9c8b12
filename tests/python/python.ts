// Runs the Python side (python/shipshape) with Debian's python3 and its scientific packages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Python with pandas and scikit-learn: `$SHIPSHAPE_PYTHON`, else Debian's. */
export const PYTHON = process.env.SHIPSHAPE_PYTHON ?? '/usr/bin/python3';
/** The folder holding the `shipshape` package. */
export const PYTHON_PACKAGE_ROOT = fileURLToPath(new URL('../../python', import.meta.url));

const NEEDED =
	'python3-sklearn python3-pandas python3-dask python3-distributed python3-xgboost jupyter-nbconvert python3-ipykernel';

/** The environment a Python run gets: the package on its path, Debian's Python first. */
export function pythonEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {
		...process.env,
		PATH: `/usr/bin${delimiter}${process.env.PATH ?? ''}`,
		PYTHONPATH: PYTHON_PACKAGE_ROOT,
		PYTHONHASHSEED: '0',
		...extra
	};
}

/**
 * Runs a Python script (its text) and returns what it printed. Fails with what to install when
 * the packages are missing, and with Python's own error output when the script fails.
 */
export function runPython(
	script: string,
	{
		cwd,
		env,
		timeout = 300_000
	}: { cwd?: string; env?: Record<string, string>; timeout?: number } = {}
): string {
	const dir = cwd ?? mkdtempSync(join(tmpdir(), 'shipshape-py-'));
	const file = join(dir, `script-${process.pid}-${Date.now()}.py`);
	writeFileSync(file, script);
	try {
		return execFileSync(PYTHON, [file], {
			cwd: dir,
			env: pythonEnv(env),
			encoding: 'utf8',
			timeout,
			maxBuffer: 256 * 1024 * 1024,
			stdio: ['ignore', 'pipe', 'pipe']
		});
	} catch (error) {
		const { stderr, stdout } = error as { stderr?: string; stdout?: string };
		const text = `${stderr ?? ''}`;
		if (/ModuleNotFoundError|No such file or directory|ENOENT/.test(text + String(error)))
			throw new Error(
				`The Python tests need ${PYTHON} with pandas, scikit-learn, dask and xgboost. On Debian: apt-get install -y ${NEEDED}\n${text}`
			);
		throw new Error(`Python failed:\n${text}\n${stdout ?? ''}`);
	}
}

/**
 * The environment the exported code runs in: Debian's Python first and no package path, so it
 * imports the `shipshape` package beside it, as a user's run does.
 */
export function exportEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env = pythonEnv(extra);
	delete env.PYTHONPATH;
	return env;
}
