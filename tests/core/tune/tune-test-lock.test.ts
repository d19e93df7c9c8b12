// Tuning never sees a test row. Its functions are given train and validation rows only (a
// `TrainRequest` has no test field; `partFolds` reads rows through `partRows`), and their source
// has no other path: these tests poison the test rows and read the source, in the style of
// tests/core/split/test-lock.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { defaultRecipe } from '../../../src/core/prepare/recipe';
import { developmentFolds } from '../../../src/core/split/k-fold';
import {
	countParts,
	DEFAULT_SPLIT_PLAN,
	partRows,
	type OpenPart,
	type Split
} from '../../../src/core/split/split';
import { selectRawRows, type RawTable } from '../../../src/core/table/table';
import type { TrainRequest } from '../../../src/core/train/train-run';
import { crossValidate, partFolds } from '../../../src/core/tune/cross-validate';
import { createRng } from '../../../src/core/util/rng';
import { expectCoreError } from '../helpers';
import { rawTableOf } from '../profile/tables';

const TUNE = fileURLToPath(new URL('../../../src/core/tune/', import.meta.url));
const ROWS = 60;
/** Every fourth row is a test row. */
const assignment = Int8Array.from({ length: ROWS }, (_, i) =>
	i % 4 === 3 ? 2 : i % 4 === 2 ? 1 : 0
);
const split: Split = {
	plan: { ...DEFAULT_SPLIT_PLAN, kind: 'random', folds: 3 },
	assignment,
	counts: countParts(assignment)
};
split.folds = developmentFolds(split, 3, { strata: new Int32Array(ROWS) });

/** Rows where y is 'yes' when x is large; test rows poisoned when asked. */
function dataset(poisoned: boolean): RawTable {
	const rng = createRng(11);
	return rawTableOf(
		['x', 'y'],
		Array.from({ length: ROWS }, (_, i) => {
			const x = rng.next() * 10;
			const y = x + rng.next() * 4 > 7 ? 'yes' : 'no';
			return poisoned && assignment[i] === 2 ? ['not a number', 'POISON'] : [x, y];
		})
	);
}

/** What the app sends: each open part's rows as the data worker's `rows` selects them. */
function request(raw: RawTable): TrainRequest {
	const part = (p: OpenPart) => selectRawRows(raw, partRows(split, p));
	const inputs = [{ name: 'x', kind: 'number' as const }];
	return {
		train: part('train'),
		val: part('val'),
		schema: { columns: [...inputs, { name: 'y', kind: 'category' }], missingTokens: [''] },
		target: { name: 'y', task: 'binary', classes: ['no', 'yes'], positive: 'yes', threshold: 0.5 },
		recipe: defaultRecipe(inputs),
		spec: { kind: 'linear', l2: 1 },
		seed: 42
	};
}

const folds = () => ({ train: partFolds(split, 'train'), val: partFolds(split, 'val') });

describe('the test lock in tuning', () => {
	it('gives the same cross-validation whatever the test rows hold', async () => {
		const clean = await crossValidate(request(dataset(false)), folds());
		const poisoned = await crossValidate(request(dataset(true)), folds());
		expect(poisoned).toEqual(clean);
		expect(clean.foldMetrics).toHaveLength(3);
		// The poison is real: the same run over every kept row, test rows included, fails.
		const all = dataset(true);
		const everyRow = { ...request(all), train: all };
		const allFolds = { train: split.folds!.map((f, i) => (f < 0 ? i % 3 : f)), val: folds().val };
		await expectCoreError(() => crossValidate(everyRow, allFolds), 'invalid-cell');
	});

	it('has no test part in its inputs, by type and at run time', async () => {
		expectTypeOf<keyof TrainRequest>().toEqualTypeOf<
			'train' | 'val' | 'schema' | 'target' | 'recipe' | 'spec' | 'seed'
		>();
		expectTypeOf<Parameters<typeof partFolds>[1]>().toEqualTypeOf<OpenPart>();
		expect(Array.from(split.folds!.filter((_, i) => assignment[i] === 2))).toEqual(
			new Array(15).fill(-1)
		);
		expect(folds().train.length + folds().val.length).toBe(45);
		expect([...folds().train, ...folds().val].every((f) => f >= 0)).toBe(true);
		// @ts-expect-error the type admits train and validation only
		await expectCoreError(() => partFolds(split, 'test'), 'test-locked');
	});

	it('has no path to test rows in its source', () => {
		const files = readdirSync(TUNE).filter((name) => name.endsWith('.ts'));
		expect(files).toContain('cross-validate.ts');
		for (const name of files) {
			const source = readFileSync(join(TUNE, name), 'utf8');
			expect(source, name).not.toMatch(/revealTest/);
			expect(source, name).not.toMatch(/\browsOf\(/);
			expect(source, name).not.toMatch(/['"`]test['"`]/);
			expect(source, name).not.toMatch(/\.test\b|\btest:/);
			expect(source, name).not.toMatch(/\.assignment\b/);
			expect(source, name).not.toMatch(/from '\.\.\/(\.\.\/)?(workers|ui)\//);
		}
		// Rows are read once, through the lock, and only train or validation rows are selected.
		const cv = readFileSync(join(TUNE, 'cross-validate.ts'), 'utf8');
		expect(cv.match(/partRows\(/g)).toHaveLength(1);
		expect(cv).toMatch(/partRows\(split, part\)/);
		expect(cv).toMatch(/export function partFolds\(split: Split, part: OpenPart\)/);
		// The search functions take a spec and a space, never rows.
		for (const name of ['search.ts', 'space.ts', 'param-info.ts', 'trial.ts']) {
			const source = readFileSync(join(TUNE, name), 'utf8');
			expect(source, name).not.toMatch(/from '\.\.\/(table|split|train|prepare)\//);
		}
	});
});
