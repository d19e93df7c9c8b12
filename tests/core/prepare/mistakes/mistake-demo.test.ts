import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { summarizeTarget } from '../../../../src/core/brief/target';
import { chooseInputs } from '../../../../src/core/prepare/inputs';
import {
	mistakeDemo,
	type Mistake,
	type MistakeDemoRequest
} from '../../../../src/core/prepare/mistakes/mistake-demo';
import type { OpenParts } from '../../../../src/core/prepare/mistakes/quick-score';
import type { TargetSpec } from '../../../../src/core/ship/pipeline';
import { DEFAULT_SPLIT_PLAN, partRows } from '../../../../src/core/split/split';
import {
	datasetSchema,
	loadDataset,
	splitDataset,
	typedColumn
} from '../../../../src/core/table/dataset';
import { bytesSource } from '../../../../src/core/table/ingest';
import type { DatasetSchema } from '../../../../src/core/table/schema';
import { selectRawRows } from '../../../../src/core/table/table';
import { expectCoreError } from '../../helpers';
import { DATASETS_DIR } from '../../reference';

/** A shared dataset split by the default plan, as the app splits it, with its open parts. */
interface Project {
	parts: OpenParts;
	schema: DatasetSchema;
	target: TargetSpec;
	/** The default model inputs. */
	inputs: string[];
}

const loaded = new Map<string, Promise<Project>>();

function project(file: string, target: string, positive?: string): Promise<Project> {
	let found = loaded.get(file);
	if (!found) {
		found = load(file, target, positive);
		loaded.set(file, found);
	}
	return found;
}

async function load(file: string, name: string, positive?: string): Promise<Project> {
	const bytes = new Uint8Array(readFileSync(DATASETS_DIR + file));
	const dataset = await loadDataset(bytesSource(bytes), file);
	const report = dataset.reports.find((r) => r.name === name)!;
	const classes = positive
		? summarizeTarget(typedColumn(dataset, name)).classes!.map((c) => c.label)
		: [];
	const task = positive ? 'binary' : 'regression';
	const split = splitDataset(
		dataset,
		{ name, kind: report.kind },
		task,
		classes,
		DEFAULT_SPLIT_PLAN
	);
	const target: TargetSpec = positive
		? { name, task: 'binary', classes, positive, threshold: 0.5 }
		: { name, task: 'regression' };
	return {
		parts: {
			train: selectRawRows(dataset.raw, partRows(split, 'train')),
			val: selectRawRows(dataset.raw, partRows(split, 'val'))
		},
		schema: datasetSchema(dataset),
		target,
		inputs: chooseInputs(dataset.reports, [name], null).map((c) => c.name)
	};
}

const bike = () => project('bike_day.csv', 'cnt');
const titanic = () => project('titanic3.csv', 'survived', '1');

/** Runs a demonstration on a project with its default inputs, seed 42 and no other suspects. */
async function demo(p: Project, mistake: Mistake, change: Partial<MistakeDemoRequest> = {}) {
	const metric = p.target.task === 'regression' ? 'rmse' : 'roc_auc';
	const request = { mistake, target: p.target, metric, inputs: p.inputs, suspects: [], seed: 42 };
	return mistakeDemo(p.parts, p.schema, { ...request, ...change } as MistakeDemoRequest);
}

const CASUAL_REGISTERED: Mistake = { kind: 'leaky-column', columns: ['casual', 'registered'] };
const BY_DAY: Mistake = { kind: 'random-split', column: 'dteday' };

describe('the leaky-column demonstration', () => {
	it('bike_day: casual + registered = cnt, so with them the RMSE is near 0 and without them in the hundreds', async () => {
		const p = await bike();
		const result = await demo(p, CASUAL_REGISTERED);
		if (result.kind !== 'leaky-column') throw new Error('expected the leak demonstration');
		expect(result.metric).toBe('rmse');
		expect(result.withLeak.value).toBeLessThan(20);
		expect(result.withoutLeak.value).toBeGreaterThan(600);
		expect(result.withoutLeak.value).toBeGreaterThan(30 * result.withLeak.value);
		// Fitted on the split's train rows, scored on its validation rows: both fits alike.
		for (const score of [result.withLeak, result.withoutLeak]) {
			expect(score.trainRows).toBe(p.parts.train.rowCount);
			expect(score.scoredRows).toBe(p.parts.val.rowCount);
		}
		expect(result.flagged).toEqual([]);
		expect(result.leftOut).toEqual([]);
	});

	it('titanic3: boat lifts ROC-AUC from the honest mid-0.8s to near 1, with its empty cells flagged', async () => {
		const p = await titanic();
		const result = await demo(p, { kind: 'leaky-column', columns: ['boat'] });
		if (result.kind !== 'leaky-column') throw new Error('expected the leak demonstration');
		expect(result.withLeak.value).toBeGreaterThan(0.96);
		expect(result.withoutLeak.value).toBeGreaterThan(0.8);
		expect(result.withoutLeak.value).toBeLessThan(0.9);
		expect(result.flagged).toEqual(['boat']);
	});

	it('leaves the other suspects out of both fits, so one leak does not hide another', async () => {
		const p = await titanic();
		const body: Mistake = { kind: 'leaky-column', columns: ['body'] };
		// With boat in, body adds nothing: boat already gives the answer away.
		const hidden = await demo(p, body);
		if (hidden.kind !== 'leaky-column') throw new Error('expected the leak demonstration');
		expect(hidden.withoutLeak.value).toBeGreaterThan(0.96);
		const alone = await demo(p, body, { suspects: ['boat', 'body'] });
		if (alone.kind !== 'leaky-column') throw new Error('expected the leak demonstration');
		expect(alone.leftOut).toEqual(['boat']);
		expect(alone.withoutLeak.value).toBeLessThan(0.9);
		// A body recovered means a passenger who died: its presence lifts the honest score.
		expect(alone.withLeak.value).toBeGreaterThan(alone.withoutLeak.value + 0.01);
	});

	it('reads a leaky date by its parts and flags its empty cells: a deposit date exists only for a yes', async () => {
		const p = await project('dirty/bank_postoutcome_leak.csv', 'y', 'yes');
		const result = await demo(
			p,
			{ kind: 'leaky-column', columns: ['deposit_opened_on'] },
			{ suspects: ['deposit_opened_on', 'duration'] }
		);
		if (result.kind !== 'leaky-column') throw new Error('expected the leak demonstration');
		expect(result.flagged).toEqual(['deposit_opened_on']);
		expect(result.leftOut).toEqual(['duration']);
		expect(result.withLeak.value).toBeGreaterThan(0.95);
		expect(result.withoutLeak.value).toBeLessThan(0.8);
	});

	it('gives the same scores for the same seed', async () => {
		const p = await bike();
		expect(await demo(p, CASUAL_REGISTERED)).toEqual(await demo(p, CASUAL_REGISTERED));
	});

	it('refuses, with a plain message, what it cannot compare', async () => {
		const p = await bike();
		const leak = (columns: string[]): Mistake => ({ kind: 'leaky-column', columns });
		await expectCoreError(
			() => demo(p, leak(['casual']), { inputs: ['casual'] }),
			'only-input',
			/"casual" is the only input of the model/
		);
		await expectCoreError(() => demo(p, leak(['cnt'])), 'target-column', /is the target/);
		await expectCoreError(() => demo(p, leak(['no such column'])), 'missing-column');
		await expectCoreError(() => demo(p, leak([])), 'no-columns');
		await expectCoreError(
			() => demo(p, CASUAL_REGISTERED, { metric: 'roc_auc' }),
			'bad-metric',
			/ROC-AUC does not score a regression task/
		);
		const few = { ...p, parts: { ...p.parts, val: selectRawRows(p.parts.val, [0, 1, 2]) } };
		await expectCoreError(
			() => demo(few, CASUAL_REGISTERED),
			'too-few-rows',
			/scored rows of this demonstration are too few: 3/
		);
	});

	it('refuses a part that holds one class: a model cannot be scored on it', async () => {
		const p = await titanic();
		const val = p.parts.val;
		const survived = val.columns.find((c) => c.name === 'survived')!;
		const died = Array.from({ length: val.rowCount }, (_, i) => i).filter(
			(i) => survived.numbers![i] === 0
		);
		const oneClass = { ...p, parts: { ...p.parts, val: selectRawRows(val, died) } };
		await expectCoreError(
			() => demo(oneClass, { kind: 'leaky-column', columns: ['boat'] }),
			'one-class',
			/scored rows of this demonstration hold only the class "0" of "survived"/
		);
	});
});

describe('the random-split demonstration', () => {
	it('bike_day: a random split of the days scores a clearly lower RMSE than a split by time', async () => {
		const p = await bike();
		const result = await demo(p, BY_DAY, { suspects: ['casual', 'registered'] });
		if (result.kind !== 'random-split') throw new Error('expected the split demonstration');
		expect(result.leftOut).toEqual(['casual', 'registered']);
		expect(result.random.value).toBeLessThan(0.85 * result.byTime.value);
		expect(result.random.value).toBeGreaterThan(300);
		// The same rows, in the same sizes, split two ways: train + validation of the user's split.
		const open = p.parts.train.rowCount + p.parts.val.rowCount;
		for (const score of [result.random, result.byTime]) {
			expect(score.trainRows + score.scoredRows).toBe(open);
			expect(score.scoredRows).toBe(p.parts.val.rowCount);
		}
		expect(result.timeKind).toBe('date');
		expect(result.noTime).toBe(0);
		// Scored on the latest quarter of the open days: from mid-2012 on.
		const from = new Date(result.scoredFrom).toISOString().slice(0, 10);
		expect(from > '2012-05-01' && from < '2012-09-01').toBe(true);
	});

	it('gives the same scores for the same seed, and another random split for another seed', async () => {
		const p = await bike();
		const a = await demo(p, BY_DAY, { suspects: ['casual', 'registered'] });
		expect(await demo(p, BY_DAY, { suspects: ['casual', 'registered'] })).toEqual(a);
		const b = await demo(p, BY_DAY, { suspects: ['casual', 'registered'], seed: 7 });
		if (a.kind !== 'random-split' || b.kind !== 'random-split') throw new Error('expected splits');
		expect(b.random.value).not.toBe(a.random.value);
		expect(b.byTime).toEqual(a.byTime);
	});

	it('leaves the rows without a time out of both splits, and counts them', async () => {
		// Every fifth day is missing its date; y grows with x.
		const lines = Array.from({ length: 60 }, (_, i) => {
			const day = i % 5 === 4 ? '' : new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
			return `${day},${(i * 7) % 13},${3 * ((i * 7) % 13) + (i % 3)}`;
		});
		const text = `day,x,y\n${lines.join('\n')}\n`;
		const dataset = await loadDataset(bytesSource(new TextEncoder().encode(text)), 'days.csv');
		expect(dataset.reports.map((r) => r.kind)).toEqual(['date', 'number', 'number']);
		const split = splitDataset(dataset, { name: 'y', kind: 'number' }, 'regression', [], {
			...DEFAULT_SPLIT_PLAN,
			stratify: false
		});
		const open = [...partRows(split, 'train'), ...partRows(split, 'val')];
		const p: Project = {
			parts: {
				train: selectRawRows(dataset.raw, partRows(split, 'train')),
				val: selectRawRows(dataset.raw, partRows(split, 'val'))
			},
			schema: datasetSchema(dataset),
			target: { name: 'y', task: 'regression' },
			inputs: ['x']
		};
		const result = await demo(p, { kind: 'random-split', column: 'day' });
		if (result.kind !== 'random-split') throw new Error('expected the split demonstration');
		const undated = open.filter((row) => row % 5 === 4).length;
		expect(undated).toBeGreaterThan(0);
		expect(result.noTime).toBe(undated);
		for (const score of [result.random, result.byTime])
			expect(score.trainRows + score.scoredRows).toBe(open.length - undated);
	});

	it('refuses a column that holds no times, a ranking, and too few dated rows', async () => {
		const p = await bike();
		await expectCoreError(
			() => demo({ ...p, schema: withKind(p.schema, 'season', 'category') }, mistakeOn('season')),
			'not-time',
			/"season" cannot order the rows in time: it holds neither dates nor numbers/
		);
		await expectCoreError(() => demo(p, mistakeOn('cnt')), 'not-time', /it is the target/);
		await expectCoreError(
			() => demo(p, BY_DAY, { target: { name: 'cnt', task: 'ranking', query: 'season' } }),
			'ranking-split'
		);
		const few = {
			...p,
			parts: {
				train: selectRawRows(p.parts.train, [0, 1, 2, 3, 4, 5, 6, 7]),
				val: selectRawRows(p.parts.val, [0, 1, 2])
			}
		};
		await expectCoreError(
			() => demo(few, BY_DAY),
			'too-few-rows',
			/Only 11 train and validation rows/
		);
	});
});

function mistakeOn(column: string): Mistake {
	return { kind: 'random-split', column };
}

function withKind(schema: DatasetSchema, name: string, kind: 'category'): DatasetSchema {
	return { ...schema, columns: schema.columns.map((c) => (c.name === name ? { name, kind } : c)) };
}
