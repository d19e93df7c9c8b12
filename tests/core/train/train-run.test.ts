import { describe, expect, it } from 'vitest';
import { trainRun, type TrainRequest } from '../../../src/core/train/train-run';
import { defaultRecipe } from '../../../src/core/prepare/recipe';
import type { RawTable } from '../../../src/core/table/table';
import { expectCoreError, ingestText } from '../helpers';

const TRAIN = 'x,c,y,note\n1,a,no,p\n2,b,no,q\n3,a,yes,r\n4,b,yes,s\n0.5,a,no,t\n3.5,b,yes,u\n';
const VAL = 'x,c,y,note\n1.5,a,no,p\n3,b,yes,q\n';

async function rawOf(text: string): Promise<RawTable> {
	return (await ingestText(text)).raw;
}

async function request(train = TRAIN, val = VAL): Promise<TrainRequest> {
	const inputs = [
		{ name: 'x', kind: 'number' as const },
		{ name: 'c', kind: 'category' as const }
	];
	return {
		train: await rawOf(train),
		val: await rawOf(val),
		schema: { columns: [...inputs, { name: 'y', kind: 'category' }], missingTokens: [''] },
		target: { name: 'y', task: 'binary', classes: ['no', 'yes'], positive: 'yes', threshold: 0.5 },
		recipe: defaultRecipe(inputs),
		spec: { kind: 'linear', l2: 1 },
		seed: 42
	};
}

describe('trainRun', () => {
	it('fits a pipeline that reads only the recipe inputs, and scores train and validation rows', async () => {
		const result = await trainRun(await request());
		expect(result.pipeline.schema.columns.map((c) => c.name)).toEqual(['x', 'c']);
		expect(result.pipeline.recipe.features).toEqual(['x', 'c=a', 'c=b']);
		expect(result.trainMetrics.accuracy).toBe(1);
		expect(result.valMetrics.roc_auc).toBe(1);
		expect(result.info.converged).toBe(true);
		expect(result.fitMs).toBeNull();
		let t = 0;
		const timed = await trainRun(await request(), { now: () => (t += 5) });
		expect(timed.fitMs).toBeGreaterThan(0);
		expect(timed.pipeline.model).toEqual(result.pipeline.model);
	});

	it('names the part, row and column of a cell that is not a number', async () => {
		const bad = TRAIN.replace('3.5,b', 'abc,b');
		await expectCoreError(
			async () => trainRun(await request(bad)),
			'invalid-cell',
			/^Train row 6, column "x": "abc"/
		);
	});

	it('names the row of a missing target', async () => {
		await expectCoreError(
			async () => trainRun(await request(TRAIN, 'x,c,y,note\n1,a,no,p\n2,a,,q\n')),
			'missing-target',
			/^Validation row 2/
		);
	});

	it('stops when cancelled', async () => {
		const controller = new AbortController();
		controller.abort();
		await expectCoreError(
			async () => trainRun(await request(), { signal: controller.signal }),
			'cancelled'
		);
	});
});
