import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { profileTable, type DatasetProfile } from '../../../src/core/profile/profile';
import type { ColumnProfile } from '../../../src/core/profile/column-stats';
import {
	NUMBER_CELL,
	textColumn,
	type Column,
	type RawColumn,
	type RawTable,
	type Table
} from '../../../src/core/table/table';
import type { ProgressEvent } from '../../../src/core/util/task';
import { categories, expectClose, expectCoreError, numbers } from '../helpers';
import { booleans, rawTableOf, tableOf, texts } from './tables';

function columnProfile<K extends ColumnProfile['kind']>(
	profile: DatasetProfile,
	name: string,
	kind: K
): Extract<ColumnProfile, { kind: K }> {
	const column = profile.columns.find((c) => c.name === name);
	expect(column?.kind).toBe(kind);
	return column as Extract<ColumnProfile, { kind: K }>;
}

function relation(profile: DatasetProfile, a: string, b: string, measure: string): number | null {
	const pair = profile.relations.pairs.find((p) => p.a === a && p.b === b && p.measure === measure);
	if (!pair) throw new Error(`no ${measure} between ${a} and ${b}`);
	return pair.value;
}

// Six rows: rows 3 and 5 repeat rows 0 and 1 apart from their id.
function setup(): { table: Table; raw: RawTable } {
	const ids = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'];
	const ages = [30, 40, NaN, 30, 50, 40];
	const cities = ['Oslo', 'Rome', 'Oslo', 'Oslo', 'Lima', 'Rome'];
	const churned = [true, false, false, true, false, false];
	const table = tableOf(
		texts('id', ids),
		numbers('age', ages),
		categories('city', cities),
		numbers('one', [1, 1, 1, 1, 1, 1]),
		booleans('churned', churned)
	);
	const raw = rawTableOf(
		['id', 'age', 'city', 'one', 'churned'],
		ids.map((id, i) => [
			id,
			Number.isNaN(ages[i]) ? '' : ages[i],
			cities[i],
			1,
			churned[i] ? 'yes' : 'no'
		])
	);
	return { table, raw };
}

describe('profileTable', () => {
	it('combines column profiles, relations, duplicates and the label balance', async () => {
		const { table, raw } = setup();
		const profile = await profileTable(table, raw, {
			target: 'churned',
			ignoreForDuplicates: ['id']
		});
		expect(profile.rowCount).toBe(6);
		expect(profile.columns.map((c) => c.name)).toEqual(['id', 'age', 'city', 'one', 'churned']);
		expect(columnProfile(profile, 'age', 'number')).toMatchObject({ missing: 1, distinct: 3 });
		expect(profile.target).toBe('churned');
		expect(profile.labelBalance).toEqual({
			classes: [
				{ label: 'false', count: 4 },
				{ label: 'true', count: 2 }
			],
			missing: 0,
			majorityShare: 4 / 6
		});
		expect(profile.duplicates.duplicateRows).toBe(0);
		expect(profile.duplicatesIgnoring).toEqual({
			duplicateRows: 2,
			firstExamples: [
				{ row: 3, firstRow: 0 },
				{ row: 5, firstRow: 1 }
			],
			ignoredColumns: ['id']
		});
		expect(profile.constantColumns).toEqual(['one']);
		expect(profile.highCardinalityColumns).toEqual([]);
		const measures = profile.targetAssociations.map((a) => [a.column, a.measure]);
		expect(measures.sort()).toEqual([
			['age', 'eta'],
			['city', 'cramers_v'],
			['one', 'eta']
		]);
	});

	it('returns plain data that survives JSON and structured cloning', async () => {
		const { table, raw } = setup();
		const profile = await profileTable(table, raw, { target: 'age' });
		expect(JSON.parse(JSON.stringify(profile))).toEqual(profile);
		expect(structuredClone(profile)).toEqual(profile);
		expect(profile.labelBalance).toBeNull();
		expect(profile.duplicatesIgnoring).toBeNull();
	});

	it('has no target associations without a target', async () => {
		const { table, raw } = setup();
		const profile = await profileTable(table, raw, { target: null });
		expect(profile.targetAssociations).toEqual([]);
		expect(profile.labelBalance).toBeNull();
	});

	it('flags category and text columns where most values are unique', async () => {
		const labels = Array.from({ length: 60 }, (_, i) => `user-${i}`);
		const table = tableOf(
			texts('user', labels),
			categories(
				'few',
				labels.map((_, i) => `${i % 3}`)
			)
		);
		const raw: RawTable = {
			rowCount: 60,
			columns: [
				textColumn('user', labels),
				textColumn(
					'few',
					labels.map((_, i) => `${i % 3}`)
				)
			]
		};
		const profile = await profileTable(table, raw, { target: 'few' });
		expect(profile.highCardinalityColumns).toEqual(['user']);
		expect(profile.labelBalance!.majorityShare).toBe(1 / 3);
	});

	it('rejects an unknown target', async () => {
		const { table, raw } = setup();
		await expectCoreError(() => profileTable(table, raw, { target: 'nope' }), 'missing-column');
	});

	it('reports progress and stops when cancelled', async () => {
		const { table, raw } = setup();
		const events: ProgressEvent[] = [];
		await profileTable(table, raw, { target: null }, { onEvent: (e) => events.push(e) });
		expect(events.map((e) => e.phase)).toContain('relations');
		expect(events.every((e, i) => i === 0 || e.fraction >= events[i - 1].fraction)).toBe(true);
		const controller = new AbortController();
		controller.abort();
		await expectCoreError(
			() => profileTable(table, raw, { target: null }, { signal: controller.signal }),
			'cancelled'
		);
	});
});

const DATASETS_DIR = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));

describe('profileTable on penguins.csv', () => {
	// The file has no quotes, and missing cells are the literal NA: typed columns are built here
	// directly. Reference values from numpy (percentile, corrcoef, histogram) on the same file.
	function readPenguins(): { table: Table; raw: RawTable } {
		const lines = readFileSync(`${DATASETS_DIR}penguins.csv`, 'utf8').trim().split('\n');
		const header = lines[0].split(',');
		const rows = lines.slice(1).map((line) => line.split(','));
		const cells = (name: string) => rows.map((row) => row[header.indexOf(name)]);
		const numeric = (name: string) =>
			numbers(
				name,
				cells(name).map((cell) => (cell === 'NA' ? NaN : Number(cell)))
			);
		const category = (name: string) =>
			categories(
				name,
				cells(name).map((cell) => (cell === 'NA' ? null : cell))
			);
		const columns: Column[] = [
			category('species'),
			category('island'),
			numeric('bill_length_mm'),
			numeric('bill_depth_mm'),
			numeric('flipper_length_mm'),
			numeric('body_mass_g'),
			category('sex'),
			numeric('year')
		];
		const raw = {
			rowCount: rows.length,
			columns: header.map((name) => textColumn(name, cells(name)))
		};
		return { table: { rowCount: rows.length, columns }, raw };
	}

	it('matches numpy on the real file', async () => {
		const { table, raw } = readPenguins();
		const profile = await profileTable(table, raw, { target: 'species' });
		expect(profile.rowCount).toBe(344);
		const bill = columnProfile(profile, 'bill_length_mm', 'number');
		expect(bill).toMatchObject({ count: 344, missing: 2, distinct: 164 });
		const summary = bill.summary!;
		expect([summary.min, summary.max]).toEqual([32.1, 59.6]);
		expectClose(summary.mean, 43.9219298245614, 1e-10);
		expectClose(summary.std!, 5.4595837139265315, 1e-10);
		const q = summary.quantiles;
		expectClose(
			[q.p01, q.p05, q.p25, q.p50, q.p75, q.p95, q.p99],
			[34.041, 35.7, 39.225, 44.45, 48.5, 51.995, 55.513],
			1e-10
		);
		expect(summary.histogram.counts).toEqual([
			1, 2, 6, 11, 16, 13, 21, 17, 19, 21, 13, 14, 14, 8, 27, 25, 18, 12, 19, 21, 21, 11, 3, 2, 2,
			3, 0, 0, 1, 1
		]);
		expect(summary.outliers).toMatchObject({ below: 0, above: 0 });
		expectClose(
			columnProfile(profile, 'body_mass_g', 'number').summary!.std!,
			801.9545356980955,
			1e-9
		);
		expect(columnProfile(profile, 'year', 'number').summary!.histogram).toEqual({
			kind: 'values',
			values: [2007, 2008, 2009],
			counts: [110, 114, 120]
		});
		expect(columnProfile(profile, 'sex', 'category')).toMatchObject({ missing: 11, distinct: 2 });

		expectClose(
			relation(profile, 'flipper_length_mm', 'body_mass_g', 'pearson')!,
			0.8712017673060114,
			1e-12
		);
		expectClose(
			relation(profile, 'flipper_length_mm', 'body_mass_g', 'spearman')!,
			0.8399741230312998,
			1e-12
		);
		expectClose(
			relation(profile, 'bill_length_mm', 'bill_depth_mm', 'spearman')!,
			-0.2217491517945786,
			1e-12
		);
		expectClose(relation(profile, 'species', 'island', 'cramers_v')!, 0.6598431008795325, 1e-12);
		expectClose(relation(profile, 'species', 'sex', 'cramers_v')!, 0.0120817001245789, 1e-12);
		expectClose(relation(profile, 'species', 'body_mass_g', 'eta')!, 0.8183348664745757, 1e-12);

		expect(profile.labelBalance).toEqual({
			classes: [
				{ label: 'Adelie', count: 152 },
				{ label: 'Gentoo', count: 124 },
				{ label: 'Chinstrap', count: 68 }
			],
			missing: 0,
			majorityShare: 152 / 344
		});
		expect(profile.duplicates.duplicateRows).toBe(0);
		expect(profile.constantColumns).toEqual([]);
	});
});

/** Returns the raw cells of a number column (NaN as the text NA) or a category column. */
function rawOf(column: Column): RawColumn {
	switch (column.kind) {
		case 'number': {
			const codes = Int32Array.from(column.values, (v) => (Number.isNaN(v) ? 0 : NUMBER_CELL));
			return { name: column.name, codes, levels: ['NA'], numbers: column.values };
		}
		case 'category':
			return { name: column.name, codes: column.codes, levels: column.levels, numbers: null };
		default:
			throw new Error(`no raw cells for a ${column.kind} column`);
	}
}

describe('profileTable on 200,000 generated rows', () => {
	// Row i holds key k = i mod 50,000 in every column, so rows repeat 4 times: 150,000 duplicates.
	const ROWS = 200_000;
	const KEYS = 50_000;
	function generate(): { table: Table; raw: RawTable } {
		const key = (i: number) => i % KEYS;
		const numeric = (name: string, f: (k: number) => number) =>
			({
				kind: 'number',
				name,
				values: Float64Array.from({ length: ROWS }, (_, i) => f(key(i)))
			}) as const;
		const category = (name: string, levels: string[], f: (k: number) => number) =>
			({
				kind: 'category',
				name,
				levels,
				codes: Int32Array.from({ length: ROWS }, (_, i) => f(key(i)))
			}) as const;
		const columns: Column[] = [
			numeric('k', (k) => k),
			numeric('hundreds', (k) => k % 100),
			numeric('tenths', (k) => (k % 10 === 0 ? NaN : k % 10)),
			numeric('line', (k) => 2 * k + 1),
			numeric('down', (k) => -(k % 100)),
			numeric('zero', () => 0),
			category('quarter', ['q0', 'q1', 'q2', 'q3'], (k) => k % 4),
			category('same', ['s0', 's1', 's2', 's3'], (k) => k % 4),
			category('seventh', ['0', '1', '2', '3', '4', '5', '6'], (k) => k % 7),
			category('half', ['low', 'high'], (k) => (k % 100 < 50 ? 0 : 1))
		];
		const raw: RawTable = { rowCount: ROWS, columns: columns.map(rawOf) };
		return { table: { rowCount: ROWS, columns }, raw };
	}

	it('gives known statistics, relations and duplicates', async () => {
		const { table, raw } = generate();
		const profile = await profileTable(table, raw, {
			target: 'half',
			ignoreForDuplicates: ['k', 'line']
		});
		const k = columnProfile(profile, 'k', 'number');
		expect(k).toMatchObject({ count: ROWS, missing: 0, distinct: KEYS });
		expectClose(k.summary!.mean, (KEYS - 1) / 2, 1e-9);
		expect(k.summary!.quantiles.p50).toBe(24_999.5);
		const hundreds = columnProfile(profile, 'hundreds', 'number').summary!;
		expectClose(hundreds.mean, 49.5, 1e-9);
		// Sample variance of 0..99 each repeated 2,000 times.
		expectClose(hundreds.std!, Math.sqrt((ROWS * (100 * 100 - 1)) / 12 / (ROWS - 1)), 1e-9);
		const tenths = columnProfile(profile, 'tenths', 'number');
		expect(tenths).toMatchObject({ missing: ROWS / 10, distinct: 9 });
		expectClose(tenths.summary!.mean, 5, 1e-12);
		expect(columnProfile(profile, 'zero', 'number').zeros).toBe(ROWS);
		expect(columnProfile(profile, 'seventh', 'category').top).toHaveLength(7);

		expect(profile.relations).toMatchObject({ sampled: false, rowsUsed: ROWS });
		expectClose(relation(profile, 'k', 'line', 'pearson')!, 1, 1e-12);
		expectClose(relation(profile, 'k', 'line', 'spearman')!, 1, 1e-12);
		expectClose(relation(profile, 'hundreds', 'down', 'spearman')!, -1, 1e-12);
		expectClose(relation(profile, 'quarter', 'same', 'cramers_v')!, 1, 1e-12);
		expect(relation(profile, 'quarter', 'seventh', 'cramers_v')!).toBeLessThan(0.01);
		expect(relation(profile, 'hundreds', 'zero', 'pearson')).toBeNull();

		expect(profile.duplicates.duplicateRows).toBe(ROWS - KEYS);
		expect(profile.duplicates.firstExamples[0]).toEqual({ row: KEYS, firstRow: 0 });
		// Without k and line, the other columns depend on k mod 100, 4 and 7: 700 distinct rows.
		expect(profile.duplicatesIgnoring!.duplicateRows).toBe(ROWS - 700);
		expect(profile.constantColumns).toEqual(['zero']);
		expect(profile.labelBalance!.majorityShare).toBe(0.5);
		expect(profile.targetAssociations[0]).toMatchObject({ column: 'hundreds', measure: 'eta' });
	});
});
