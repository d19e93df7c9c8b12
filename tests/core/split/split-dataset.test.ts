import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SPLIT_PLAN, DROPPED, type SplitPlan } from '../../../src/core/split/split';
import { loadDataset, NO_CHOICES, splitDataset } from '../../../src/core/table/dataset';
import { bytesSource } from '../../../src/core/table/ingest';
import { expectCoreError } from '../helpers';
import { DATASETS_DIR, readReferenceSplit } from '../reference';
import { expectGroupsIntact } from './expect-split';

function load(text: string) {
	return loadDataset(bytesSource(new TextEncoder().encode(text)), 'data.csv', NO_CHOICES);
}

/** 12 rows: a day (row 3 has none), a shop (row 5 has none), a class and a sales figure. */
const CSV =
	'day,shop,y,sales\n' +
	[
		['2024-01-05', 'a', 'no', 5],
		['2024-01-01', 'a', 'yes', 1],
		['2024-01-09', 'b', 'no', 9],
		['', 'b', 'yes', 3],
		['2024-01-02', 'c', 'no', 2],
		['2024-01-12', '', 'yes', 12],
		['2024-01-07', 'c', 'no', 7],
		['2024-01-11', 'd', '', 11],
		['2024-01-04', 'd', 'yes', 4],
		['2024-01-08', 'e', 'no', 8],
		['2024-01-06', 'e', 'yes', 6],
		['2024-01-10', 'f', 'no', 10]
	]
		.map((row) => row.join(','))
		.join('\n') +
	'\n';
const target = { name: 'y', kind: 'category' } as const;
const classes = ['no', 'yes'];
const plan = (extra: Partial<SplitPlan>): SplitPlan => ({ ...DEFAULT_SPLIT_PLAN, ...extra });

describe('splitDataset by plan kind', () => {
	it('splits by a date column in time order, dropping rows without a day or a target', async () => {
		const split = splitDataset(
			await load(CSV),
			target,
			'binary',
			classes,
			plan({ kind: 'time', column: 'day' })
		);
		expect(split.counts).toEqual({ train: 6, val: 2, test: 2, dropped: 2, noTime: 1 });
		expect(split.assignment[3]).toBe(DROPPED);
		expect(split.assignment[7]).toBe(DROPPED);
		// Days 10 and 12 are the latest kept; days 8 and 9 come before them.
		expect([11, 5].map((row) => split.assignment[row])).toEqual([2, 2]);
		expect([9, 2].map((row) => split.assignment[row])).toEqual([1, 1]);
	});

	it('splits by a number column in time order too', async () => {
		const split = splitDataset(
			await load(CSV),
			target,
			'binary',
			classes,
			plan({ kind: 'time', column: 'sales' })
		);
		expect([11, 5].map((row) => split.assignment[row])).toEqual([2, 2]);
		expect(split.counts.noTime).toBe(0);
	});

	it('keeps each shop in one part, a row without a shop on its own', async () => {
		const dataset = await load(CSV);
		const split = splitDataset(
			dataset,
			target,
			'binary',
			classes,
			plan({ kind: 'group', column: 'shop' })
		);
		const shops = Int32Array.from('aabbc_cddeef', (s) => (s === '_' ? -1 : s.charCodeAt(0)));
		expectGroupsIntact(split.assignment, shops);
		expect(split.counts.dropped).toBe(1);
		expect(split.counts.test).toBeGreaterThan(0);
	});

	it('turns a stratified plan into a random one for regression', async () => {
		const dataset = await load(CSV);
		const sales = { name: 'sales', kind: 'number' } as const;
		const split = splitDataset(dataset, sales, 'regression', [], plan({ kind: 'stratified' }));
		expect(split.plan).toMatchObject({ kind: 'random', stratify: false });
		expect(split.counts).toEqual({ train: 8, val: 2, test: 2, dropped: 0 });
	});

	it('refuses a column the dataset lacks, the target, or a time column of text', async () => {
		const dataset = await load(CSV);
		const split = (extra: Partial<SplitPlan>) => () =>
			splitDataset(dataset, target, 'binary', classes, plan(extra));
		await expectCoreError(
			split({ kind: 'time', column: 'when' }),
			'missing-split-column',
			/"when" is not in this dataset/
		);
		await expectCoreError(
			split({ kind: 'group' }),
			'missing-split-column',
			/group split needs a group column/
		);
		await expectCoreError(split({ kind: 'group', column: 'y' }), 'split-column-is-target', /"y"/);
		const error = await expectCoreError(
			split({ kind: 'time', column: 'shop' }),
			'wrong-split-column',
			/orders rows by a date or number column; "shop" holds text values/
		);
		expect(error.place.column).toBe('shop');
	});

	it('keeps rows equal in every column but the target in one part, when asked', async () => {
		// 40 rows: 20 distinct (x, z) pairs, each twice, the copy with the other class sometimes.
		const lines = Array.from({ length: 40 }, (_, i) => {
			const k = i % 20;
			return `${k},${k % 3 === 0 ? 'u' : 'v'},${(i * 7) % 5 === 0 ? 'yes' : 'no'}`;
		});
		const dataset = await load(`x,z,y\n${lines.join('\n')}\n`);
		for (const kind of ['random', 'stratified'] as const) {
			const split = splitDataset(
				dataset,
				target,
				'binary',
				classes,
				plan({ kind, keepDuplicatesTogether: true })
			);
			const keys = Int32Array.from({ length: 40 }, (_, i) => i % 20);
			expectGroupsIntact(split.assignment, keys);
			expect(split.counts.test).toBeGreaterThan(0);
		}
	});

	it('splits bike_day.csv by dteday as the reference split does', async () => {
		const bytes = new Uint8Array(readFileSync(DATASETS_DIR + 'bike_day.csv'));
		const dataset = await loadDataset(bytesSource(bytes), 'bike_day.csv', NO_CHOICES);
		const cnt = { name: 'cnt', kind: 'number' } as const;
		const split = splitDataset(
			dataset,
			cnt,
			'regression',
			[],
			plan({ kind: 'time', column: 'dteday' })
		);
		const reference = readReferenceSplit('bike_day');
		expect(Array.from(reference.test).every((row) => split.assignment[row] === 2)).toBe(true);
		expect(split.counts).toEqual({ train: 439, val: 146, test: 146, dropped: 0, noTime: 0 });
	});
});
