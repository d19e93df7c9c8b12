import { beforeAll, describe, expect, it } from 'vitest';
import { permutationImportance } from '../../../src/core/evaluate/permutation-importance';
import { encodeTargetOf, type Pipeline } from '../../../src/core/ship/pipeline';
import type { EncodedTarget } from '../../../src/core/brief/target';
import { defaultRecipe } from '../../../src/core/prepare/recipe';
import { trainRun } from '../../../src/core/train/train-run';
import { typeTable, type DatasetSchema } from '../../../src/core/table/schema';
import { findColumn, type NumberColumn, type Table } from '../../../src/core/table/table';
import { createRng } from '../../../src/core/util/rng';
import { expectCoreError, ingestText } from '../helpers';

/** CSV rows where y depends on `signal` only: `noise` and the category `c` are pure noise. */
function syntheticCsv(rows: number, seed: number): string {
	const rng = createRng(seed);
	const lines = ['signal,noise,c,y'];
	for (let i = 0; i < rows; i++) {
		const signal = rng.next() * 2 - 1;
		const noise = rng.next() * 2 - 1;
		const c = rng.next() < 0.5 ? 'p' : 'q';
		const y = signal + 0.3 * (rng.next() - 0.5) > 0 ? 'yes' : 'no';
		lines.push(`${signal.toFixed(4)},${noise.toFixed(4)},${c},${y}`);
	}
	return lines.join('\n') + '\n';
}

const INPUTS = [
	{ name: 'signal', kind: 'number' as const },
	{ name: 'noise', kind: 'number' as const },
	{ name: 'c', kind: 'category' as const }
];
const SCHEMA: DatasetSchema = {
	columns: [...INPUTS, { name: 'y', kind: 'category' }],
	missingTokens: ['']
};

let pipeline: Pipeline;
let table: Table;
let truth: EncodedTarget;

beforeAll(async () => {
	const result = await trainRun({
		train: (await ingestText(syntheticCsv(300, 1))).raw,
		val: (await ingestText(syntheticCsv(100, 2))).raw,
		schema: SCHEMA,
		target: { name: 'y', task: 'binary', classes: ['no', 'yes'], positive: 'yes', threshold: 0.5 },
		recipe: defaultRecipe(INPUTS),
		spec: { kind: 'linear', l2: 1 },
		seed: 42
	});
	pipeline = result.pipeline;
	table = typeTable((await ingestText(syntheticCsv(300, 3))).raw, SCHEMA).table;
	truth = encodeTargetOf(pipeline.target, table);
});

describe('permutationImportance', () => {
	it('finds the column the target depends on, and none in the noise', async () => {
		const result = await permutationImportance(pipeline, table, truth, 'roc_auc', {
			rng: createRng(7)
		});
		expect(result.baseline).toBeGreaterThan(0.95);
		expect(result.columns.map((c) => c.column)[0]).toBe('signal');
		const byName = new Map(result.columns.map((c) => [c.column, c]));
		// Shuffling the signal leaves a ranking no better than chance: a drop of about 0.5.
		expect(byName.get('signal')!.mean).toBeGreaterThan(0.3);
		expect(Math.abs(byName.get('noise')!.mean)).toBeLessThan(0.02);
		expect(Math.abs(byName.get('c')!.mean)).toBeLessThan(0.02);
		for (const c of result.columns) {
			expect(c.repeats).toHaveLength(5);
			expect(c.sd).toBeGreaterThanOrEqual(0);
		}
		const means = result.columns.map((c) => c.mean);
		expect(means).toEqual([...means].sort((a, b) => b - a));
	});

	it('keeps a positive importance meaning "helps" for a lower-is-better metric', async () => {
		const result = await permutationImportance(pipeline, table, truth, 'log_loss', {
			rng: createRng(7),
			repeats: 2
		});
		expect(result.columns[0].column).toBe('signal');
		expect(result.columns[0].mean).toBeGreaterThan(0.2);
	});

	it('gives the same result for the same seed and leaves the table unchanged', async () => {
		const before = Float64Array.from((findColumn(table.columns, 'signal') as NumberColumn).values);
		const columns = table.columns.slice();
		const options = { repeats: 3, columns: ['signal', 'noise'] };
		const a = await permutationImportance(pipeline, table, truth, 'accuracy', {
			...options,
			rng: createRng(11)
		});
		const b = await permutationImportance(pipeline, table, truth, 'accuracy', {
			...options,
			rng: createRng(11)
		});
		expect(a).toEqual(b);
		expect(a.columns.map((c) => c.column).sort()).toEqual(['noise', 'signal']);
		expect(table.columns).toEqual(columns);
		table.columns.forEach((column, i) => expect(column).toBe(columns[i]));
		expect((findColumn(table.columns, 'signal') as NumberColumn).values).toEqual(before);
		const other = await permutationImportance(pipeline, table, truth, 'accuracy', {
			...options,
			rng: createRng(12)
		});
		expect(other.columns[0].repeats).not.toEqual(a.columns[0].repeats);
	});

	it('reports progress, stops when cancelled, and refuses a column the model does not read', async () => {
		const fractions: number[] = [];
		await permutationImportance(pipeline, table, truth, 'accuracy', {
			rng: createRng(1),
			repeats: 2,
			onEvent: (event) => fractions.push(event.fraction)
		});
		expect(fractions).toEqual([0, 1 / 6, 2 / 6, 3 / 6, 4 / 6, 5 / 6]);
		const controller = new AbortController();
		controller.abort();
		await expectCoreError(
			() =>
				permutationImportance(pipeline, table, truth, 'accuracy', {
					rng: createRng(1),
					signal: controller.signal
				}),
			'cancelled'
		);
		await expectCoreError(
			() =>
				permutationImportance(pipeline, table, truth, 'accuracy', {
					rng: createRng(1),
					columns: ['y']
				}),
			'missing-column',
			/not an input/
		);
	});
});
