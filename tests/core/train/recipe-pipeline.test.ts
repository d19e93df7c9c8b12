// A recipe with a step of every kind, trained and then applied to a production batch as the
// bundle does: unseen labels, missing cells and wrong types give a defined result or a clear
// message, never a crash or a silent NaN.
import { describe, expect, it } from 'vitest';
import type { RecipeStep } from '../../../src/core/prepare/recipe';
import { predictRaw } from '../../../src/core/ship/pipeline';
import type { ColumnSchema } from '../../../src/core/table/schema';
import { trainRun, type TrainRequest } from '../../../src/core/train/train-run';
import { expectCoreError, ingestText } from '../helpers';

const HEADER = 'city,size,weight,when,a,b,note,id,y';
const CITIES = ['New York', 'new york ', 'NY', 'Lima', 'Lima', 'Rio', 'Quito'];
const SIZES = ['S', 'M', 'L'];

/** Returns CSV rows with every kind of cell the steps read; y depends on a and the size. */
function rows(n: number, from = 0): string {
	const lines: string[] = [];
	for (let i = from; i < from + n; i++) {
		const a = (i * 7) % 13;
		const size = SIZES[i % 3];
		const y = a + (size === 'L' ? 5 : 0) > 8 ? 'yes' : 'no';
		const weight = i % 4 === 0 ? `${(i % 9) + 1} kg` : `${((i % 9) + 1) * 1000} g`;
		const day = String((i % 28) + 1).padStart(2, '0');
		const note = i % 2 === 0 ? 'late delivery' : 'on time thanks';
		lines.push(
			[
				CITIES[i % CITIES.length],
				size,
				weight,
				`2024-03-${day} 10:00`,
				a,
				(i % 5) + 1,
				note,
				`P${i}`,
				y
			].join(',')
		);
	}
	return lines.join('\n');
}

const INPUTS: ColumnSchema[] = [
	{ name: 'city', kind: 'category' },
	{ name: 'size', kind: 'category' },
	{ name: 'weight', kind: 'category' },
	{ name: 'when', kind: 'text' },
	{ name: 'a', kind: 'number' },
	{ name: 'b', kind: 'number' },
	{ name: 'note', kind: 'text' },
	{ name: 'id', kind: 'text' }
];

const STEPS: RecipeStep[] = [
	{ kind: 'drop-columns', columns: ['id'], reason: 'identifier' },
	{ kind: 'drop-duplicates' },
	{
		kind: 'clean-labels',
		column: 'city',
		trim: true,
		caseFold: 'none',
		merge: [
			['new york', 'New York'],
			['NY', 'New York']
		]
	},
	{ kind: 'rare-levels', column: 'city', minCount: 3 },
	{ kind: 'target-encode', column: 'city' },
	{ kind: 'ordinal', column: 'size', order: ['S', 'M', 'L'] },
	{ kind: 'units', column: 'weight', unit: 'kg', bare: 'kg' },
	{ kind: 'parse-date', column: 'when', format: '%Y-%m-%d %H:%M' },
	{ kind: 'time-zone', column: 'when', zone: 'Europe/Paris' },
	{ kind: 'date-parts', column: 'when', parts: ['day', 'weekday', 'hour'] },
	{ kind: 'impute', column: 'a', strategy: 'mean', indicator: true },
	{ kind: 'clip', column: 'a', method: 'iqr' },
	{ kind: 'transform', column: 'b', fn: 'log' },
	{ kind: 'derive', op: 'ratio', left: 'a', right: 'b' },
	{ kind: 'scale', column: 'b', method: 'robust' },
	{ kind: 'bin', column: 'weight', method: 'quantile', bins: 3 },
	{ kind: 'hash-tokens', column: 'note', buckets: 4 }
];

async function trained() {
	const train = (await ingestText(`${HEADER}\n${rows(60)}\n${rows(3)}\n`)).raw;
	const val = (await ingestText(`${HEADER}\n${rows(20, 60)}\n`)).raw;
	const request: TrainRequest = {
		train,
		val,
		schema: { columns: [...INPUTS, { name: 'y', kind: 'category' }], missingTokens: [''] },
		target: { name: 'y', task: 'binary', classes: ['no', 'yes'], positive: 'yes', threshold: 0.5 },
		recipe: { inputs: INPUTS, steps: STEPS },
		spec: { kind: 'linear', l2: 1 },
		seed: 7
	};
	return trainRun(request);
}

describe('a recipe of every step kind, from training to a production batch', () => {
	it('trains on train rows only (the repeated rows dropped) and predicts finite probabilities', async () => {
		const { pipeline, valMetrics } = await trained();
		const dedupe = pipeline.recipe.steps.find((s) => s.kind === 'drop-duplicates');
		expect(dedupe).toMatchObject({ dropped: 3 });
		expect(pipeline.recipe.features).not.toContain('id');
		expect(valMetrics.roc_auc).toBeGreaterThan(0.8);
	});

	it('gives a batch with unseen labels and missing cells finite predictions, and a wrong cell its message', async () => {
		const { pipeline } = await trained();
		const batch = (
			await ingestText(
				`${HEADER}\n` +
					'Paris,XL,12 lb,2024-07-01 09:30,3,2,brand new words,P900,\n' +
					',,,,,,,,\n' +
					'Lima,M,3 kg,not a date,abc,1,late,P901,\n'
			)
		).raw;
		const { prediction, errors } = predictRaw(JSON.parse(JSON.stringify(pipeline)), batch);
		expect(errors).toEqual([null, null, 'column "a": "abc" is not a number']);
		expect(prediction.kind).toBe('classes');
		if (prediction.kind !== 'classes') return;
		for (const p of prediction.proba.slice(0, 4)) expect(Number.isFinite(p)).toBe(true);
	});

	it('refuses a batch without an input column, naming it', async () => {
		const { pipeline } = await trained();
		const batch = (await ingestText('city,size\nLima,S\n')).raw;
		await expectCoreError(
			() => predictRaw(pipeline, batch),
			'missing-column',
			/"weight"|"when"|"a"/
		);
	});
});
