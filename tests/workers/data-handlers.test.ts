// The test lock, tried as a caller would: the data worker's handlers hand out rows only by part
// of the split they made, test rows only through revealTest, and refuse a split made up.
import { describe, expect, it } from 'vitest';
import { NO_CHOICES } from '../../src/core/table/dataset';
import { countParts, type Split } from '../../src/core/split/split';
import { defaultRecipe } from '../../src/core/prepare/recipe';
import { trainRun } from '../../src/core/train/train-run';
import { dataHandlers } from '../../src/workers/data-handlers';
import { Transfer } from '../../src/workers/host';
import { expectCoreError } from '../core/helpers';

const ROWS = Array.from({ length: 40 }, (_, i) => `${i},${i % 3 === 0 ? 'yes' : 'no'}`);
const CSV = `id,y\n${ROWS.join('\n')}\n`;
const PLAN = { seed: 5, fractions: { train: 0.5, val: 0.25, test: 0.25 }, stratify: true };

const unwrap = <T>(value: T | Transfer<T>): T => (value instanceof Transfer ? value.value : value);

async function loadedWithSplit() {
	const handlers = dataHandlers();
	await handlers.ingest({ file: new Blob([CSV]), fileName: 'rows.csv', choices: NO_CHOICES }, {});
	const target = { name: 'y', kind: 'category' as const };
	const split = unwrap(
		await handlers.split({ target, task: 'binary', classes: ['no', 'yes'], plan: PLAN }, {})
	);
	return { handlers, split, target };
}

/** Returns the ids of the rows a RawTable holds (the id column is read as numbers). */
function ids(table: { columns: { name: string; numbers: Float64Array | null }[] }): number[] {
	return Array.from(table.columns.find((c) => c.name === 'id')!.numbers!);
}

describe('the data worker hands out rows by part of the split it made', () => {
	it('gives train and validation rows, each in its part', async () => {
		const { handlers, split } = await loadedWithSplit();
		const train = unwrap(await handlers.rows({ split, part: 'train' }, {}));
		expect(ids(train).every((id) => split.assignment[id] === 0)).toBe(true);
		expect(train.rowCount).toBe(split.counts.train);
		const val = unwrap(await handlers.rows({ split, part: 'val' }, {}));
		expect(ids(val).every((id) => split.assignment[id] === 1)).toBe(true);
	});

	it('refuses the test part, even asked for by name', async () => {
		const { handlers, split } = await loadedWithSplit();
		await expectCoreError(
			() => handlers.rows({ split, part: 'test' as 'train' }, {}),
			'test-locked'
		);
	});

	it('refuses a split it did not make: no made-up assignment turns test rows into train', async () => {
		const { handlers, split } = await loadedWithSplit();
		const allTrain = new Int8Array(split.assignment.length);
		const forged: Split = { ...split, assignment: allTrain, counts: countParts(allTrain) };
		await expectCoreError(
			() => handlers.rows({ split: forged, part: 'train' }, {}),
			'split-changed'
		);
		await expectCoreError(
			() => handlers.revealTest({ split: forged, revealedAt: '2026-01-01T00:00:00Z' }, {}),
			'split-changed'
		);
	});

	it('gives the test rows only with a recorded reveal', async () => {
		const { handlers, split } = await loadedWithSplit();
		await expectCoreError(() => handlers.revealTest({ split, revealedAt: '' }, {}), 'test-locked');
		const { test, rowIds } = unwrap(
			await handlers.revealTest({ split, revealedAt: '2026-01-01T00:00:00Z' }, {})
		);
		expect(Array.from(rowIds).every((row) => split.assignment[row] === 2)).toBe(true);
		expect(ids(test)).toEqual(Array.from(rowIds));
	});

	it('forgets its split when the file is read again, so the old one gives no rows', async () => {
		const { handlers, split } = await loadedWithSplit();
		await handlers.setMissingTokens({ tokens: ['', 'NA'] }, {});
		await expectCoreError(() => handlers.rows({ split, part: 'train' }, {}), 'split-changed');
	});
});

describe('the data worker checks the baselines on open rows only', () => {
	const spec = {
		name: 'y',
		task: 'binary' as const,
		classes: ['no', 'yes'],
		positive: 'yes',
		threshold: 0.5
	};

	it('scores on a hold-out before the split, and on validation rows after it', async () => {
		const { handlers, split, target } = await loadedWithSplit();
		const before = unwrap(await handlers.baselineCheck({ target, spec, split: null, seed: 1 }, {}));
		expect(before.basis).toMatch(/^a 75\/25 hold-out of all rows, before the split/);
		expect([before.trainRows, before.scoredRows]).toEqual([30, 10]);
		const after = unwrap(await handlers.baselineCheck({ target, spec, split, seed: 1 }, {}));
		expect(after.basis).toBe('train rows, scored on the validation rows of the split');
		expect([after.trainRows, after.scoredRows]).toEqual([split.counts.train, split.counts.val]);
		// The id column looks like an identifier, so there is no column to make a rule of.
		expect(after.rule).toBeNull();
		expect(after.baseline.label).toBe('majority-class baseline');
	});

	it('refuses a split it did not make', async () => {
		const { handlers, split, target } = await loadedWithSplit();
		const allTrain = new Int8Array(split.assignment.length);
		const forged: Split = { ...split, assignment: allTrain, counts: countParts(allTrain) };
		await expectCoreError(
			() => handlers.baselineCheck({ target, spec, split: forged, seed: 1 }, {}),
			'split-changed'
		);
	});
});

describe('the data worker monitors a batch against the train rows only', () => {
	async function shipped() {
		const { handlers, split, target } = await loadedWithSplit();
		const schema = {
			columns: [{ name: 'id', kind: 'number' as const }, target],
			missingTokens: ['']
		};
		const inputs = [schema.columns[0]];
		const { pipeline } = await trainRun({
			train: unwrap(await handlers.rows({ split, part: 'train' }, {})),
			val: unwrap(await handlers.rows({ split, part: 'val' }, {})),
			schema,
			target: {
				name: 'y',
				task: 'binary',
				classes: ['no', 'yes'],
				positive: 'yes',
				threshold: 0.5
			},
			recipe: defaultRecipe(inputs),
			spec: { kind: 'linear', l2: 1 },
			seed: 1
		});
		const request = {
			file: new Blob(['id,y\n100,yes\n101,no\n102,no\n']),
			fileName: 'batch.csv',
			split,
			pipeline,
			reference: null,
			target,
			options: {},
			kpis: [],
			testMetrics: {}
		};
		return { handlers, split, request };
	}

	it('compares the batch with the split’s train rows', async () => {
		const { handlers, split, request } = await shipped();
		const report = unwrap(await handlers.monitor(request, {}));
		expect(report.drift.referenceRows).toBe(split.counts.train);
		expect(report.drift.currentRows).toBe(3);
		expect(report.drift.columns.map((c) => c.name)).toEqual(['id', 'y', 'prediction']);
		expect(report.performance?.rows).toBe(3);
	});

	it('refuses a split it did not make', async () => {
		const { handlers, split, request } = await shipped();
		const allTrain = new Int8Array(split.assignment.length);
		const forged: Split = { ...split, assignment: allTrain, counts: countParts(allTrain) };
		await expectCoreError(
			() => handlers.monitor({ ...request, split: forged }, {}),
			'split-changed'
		);
	});
});

describe('the data worker shows a classic mistake on open rows only', () => {
	// A daily series: "sold" is the answer written again; "temp" a fair input.
	const DAYS = Array.from({ length: 60 }, (_, i) => {
		const day = new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
		return `${day},${(i * 7) % 11},${2 * i + ((i * 7) % 11)},${2 * i + ((i * 7) % 11)}`;
	});
	const SERIES = `day,temp,sold,y\n${DAYS.join('\n')}\n`;
	const target = { name: 'y', kind: 'number' as const };

	async function series() {
		const handlers = dataHandlers();
		await handlers.ingest(
			{ file: new Blob([SERIES]), fileName: 'days.csv', choices: NO_CHOICES },
			{}
		);
		const plan = { ...PLAN, stratify: false };
		const split = unwrap(
			await handlers.split({ target, task: 'regression', classes: [], plan }, {})
		);
		const request = {
			split,
			target: { name: 'y', task: 'regression' as const },
			metric: 'rmse' as const,
			inputs: ['temp', 'sold'],
			suspects: [],
			seed: 5
		};
		return { handlers, split, request };
	}

	it('fits on the train rows and scores on the validation rows of its split', async () => {
		const { handlers, split, request } = await series();
		const mistake = { kind: 'leaky-column' as const, columns: ['sold'] };
		const demo = unwrap(await handlers.mistakeDemo({ ...request, mistake }, {}));
		if (demo.kind !== 'leaky-column') throw new Error('expected the leak demonstration');
		expect([demo.withLeak.trainRows, demo.withLeak.scoredRows]).toEqual([
			split.counts.train,
			split.counts.val
		]);
		expect(demo.withLeak.value).toBeLessThan(demo.withoutLeak.value);
		const byDay = { kind: 'random-split' as const, column: 'day' };
		const timed = unwrap(await handlers.mistakeDemo({ ...request, mistake: byDay }, {}));
		if (timed.kind !== 'random-split') throw new Error('expected the split demonstration');
		expect(timed.byTime.trainRows + timed.byTime.scoredRows).toBe(
			split.counts.train + split.counts.val
		);
	});

	it('refuses a split it did not make', async () => {
		const { handlers, split, request } = await series();
		const allTrain = new Int8Array(split.assignment.length);
		const forged: Split = { ...split, assignment: allTrain, counts: countParts(allTrain) };
		const mistake = { kind: 'leaky-column' as const, columns: ['sold'] };
		await expectCoreError(
			() => handlers.mistakeDemo({ ...request, split: forged, mistake }, {}),
			'split-changed'
		);
	});
});
