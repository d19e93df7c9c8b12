// The test part is locked by construction: rows reach the UI and the train worker only through
// `partRows` (train or validation) or, in Evaluate, `revealTestRows` after a recorded reveal.
// These tests read the source to prove that no other path exists; tests/workers/data-handlers
// tries the handlers as a caller would.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(join(ROOT, path)).isDirectory()) return sources(path);
		return /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

/** Returns the files under src/ and runtime/ whose text matches `pattern`. */
function filesMatching(pattern: RegExp): string[] {
	return [...sources('src'), ...sources('runtime')]
		.filter((path) => pattern.test(readFileSync(join(ROOT, path), 'utf8')))
		.map((path) => relative(ROOT, join(ROOT, path)));
}

describe('the test lock', () => {
	it('gives rows out of the data worker only through partRows and revealTestRows', () => {
		const worker = readFileSync(join(ROOT, 'src/workers/data-handlers.ts'), 'utf8');
		expect(worker).not.toMatch(/\browsOf\(/);
		expect(worker).toMatch(/const rows = partRows\(heldSplit\(split\), part\);/);
		expect(worker).toMatch(/revealTestRows\(heldSplit\(split\), \{ revealedAt \}\)/);
		// No other handler selects rows of the table by index; the recipe preview fits on train.
		expect(worker.match(/selectRawRows\(/g)).toHaveLength(2);
		expect(worker).toMatch(/const rows = split \? partRows\(heldSplit\(split\), 'train'\) : null;/);
		// The monitor's reference is a retrained version's statistics or the train part, read
		// through the same path as `rows`; every handler names an open part: train or validation.
		expect(worker).toMatch(/const reference = stats \?\? openRows\(split, 'train'\);/);
		const named = [...worker.matchAll(/openRows\(split, '(\w+)'\)/g)].map((m) => m[1]);
		expect(new Set(named)).toEqual(new Set(['train', 'val']));
		// ...and `rows` itself, which takes the part asked for (typed train or validation).
		expect(worker.match(/openRows\(/g)?.length).toBe(named.length + 1);
	});

	it('reads the assignment of every row only in the split module itself', () => {
		expect(filesMatching(/\browsOf\(/)).toEqual(['src/core/split/split.ts']);
	});

	it('lets only the Evaluate stage ask for the test rows, after it records the reveal', () => {
		expect(filesMatching(/'revealTest'/)).toEqual([
			'src/ui/stages/evaluate/evaluate-stage.svelte.ts'
		]);
		const evaluate = readFileSync(
			join(ROOT, 'src/ui/stages/evaluate/evaluate-stage.svelte.ts'),
			'utf8'
		);
		const audit = evaluate.indexOf('Revealed the test set');
		const call = evaluate.indexOf("'revealTest'");
		expect(audit).toBeGreaterThan(0);
		expect(call).toBeGreaterThan(audit);
	});

	it('sends no test rows to the train worker: a train request has train and validation only', () => {
		const protocol = readFileSync(join(ROOT, 'src/core/train/train-run.ts'), 'utf8');
		const request = protocol.slice(protocol.indexOf('export interface TrainRequest'));
		const fields = request.slice(0, request.indexOf('}')).match(/^\t(\w+):/gm);
		expect(fields?.map((f) => f.trim())).toEqual([
			'train:',
			'val:',
			'schema:',
			'target:',
			'recipe:',
			'spec:',
			'seed:'
		]);
	});
});
