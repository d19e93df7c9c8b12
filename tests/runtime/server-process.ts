// Starts a bundle's server.mjs with real node and writes rows as its JSON clients would, for the
// server test and the serve benchmark. No vitest import.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { BUNDLE_FILES } from '../../src/core/ship/bundle';
import { cellText, NUMBER_CELL, type RawTable } from '../../src/core/table/table';

/** A running server.mjs: its process, base URL, and how it ended (once it has). */
export interface ServerProcess {
	child: ChildProcess;
	url: string;
	stdout: () => string;
	stderr: () => string;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const LISTENING = /listening on http:\/\/[^:]+:(\d+)/;

/**
 * Runs `node server.mjs` in a bundle folder on a free port (PORT=0) with `env` added, and returns
 * once it prints the line saying where it listens. Rejects with its stderr if it exits first.
 */
export function startServer(dir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
	const child = spawn(process.execPath, [join(dir, BUNDLE_FILES.server)], {
		cwd: dir,
		env: { ...process.env, PORT: '0', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	let err = '';
	child.stdout!.setEncoding('utf8').on('data', (text: string) => (out += text));
	child.stderr!.setEncoding('utf8').on('data', (text: string) => (err += text));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	return new Promise((resolve, reject) => {
		const onData = () => {
			const port = LISTENING.exec(out)?.[1];
			if (port === undefined) return;
			child.stdout!.off('data', onData);
			resolve({
				child,
				url: `http://127.0.0.1:${port}`,
				stdout: () => out,
				stderr: () => err,
				exited
			});
		};
		child.stdout!.on('data', onData);
		void exited.then(({ code }) =>
			reject(new Error(`server.mjs exited with ${code} before listening: ${err}`))
		);
	});
}

/** Returns one row of a raw table as a JSON client sends it: numbers as numbers, empty as null. */
export function jsonRowOf(raw: RawTable, row: number): Record<string, unknown> {
	return Object.fromEntries(
		raw.columns.map((c) => {
			if (c.codes[row] === NUMBER_CELL) return [c.name, c.numbers![row]];
			const text = cellText(c, row);
			return [c.name, text === '' ? null : text];
		})
	);
}
