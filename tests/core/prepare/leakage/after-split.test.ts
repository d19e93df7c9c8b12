import { describe, expect, it } from 'vitest';
import { lintAfterSplit, type AfterSplitInput } from '../../../../src/core/prepare/leakage/leakage';
import { orderedShare } from '../../../../src/core/prepare/leakage/time-order';
import type { DateColumn, Table } from '../../../../src/core/table/table';
import { categories, expectCoreError, ingestText, numbers, typedText } from '../../helpers';
import { readReferenceSplit } from '../../reference';
import { loadLintFile } from './lint-files';

const day = (d: number) => Date.UTC(2020, 0, 1 + d);

function dates(name: string, days: readonly number[]): DateColumn {
	return { kind: 'date', name, values: Float64Array.from(days, day), offsets: null };
}

/** Ten rows in date order: a measurement, a patient, a date and a label. */
function tenRows(): Table {
	return {
		rowCount: 10,
		columns: [
			numbers('x', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
			categories('patient', ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd', 'e', 'e']),
			dates('visited', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
			categories('label', ['n', 'y', 'n', 'y', 'n', 'y', 'n', 'y', 'n', 'y'])
		]
	};
}

/** Returns the lint's input for a table and an assignment written as a string of 0, 1, 2 and -. */
function afterSplit(
	table: Table,
	parts: string,
	options: Partial<AfterSplitInput> = {}
): AfterSplitInput {
	const assignment = Int8Array.from(parts, (p) => (p === '-' ? -1 : Number(p)));
	return {
		table,
		target: 'label',
		assignment,
		groupColumn: null,
		timeColumn: null,
		splitKind: 'group',
		...options
	};
}

const checks = (input: AfterSplitInput) => lintAfterSplit(input).map((f) => f.check);

describe('lintAfterSplit: copies of rows across parts', () => {
	const copied = (): Table => ({
		rowCount: 6,
		columns: [numbers('x', [1, 2, 3, 1, 5, 2]), categories('label', ['n', 'y', 'n', 'n', 'y', 'y'])]
	});

	it('counts test rows that repeat a training row, with an example pair', () => {
		const [finding] = lintAfterSplit(afterSplit(copied(), '000212'));
		expect(finding).toMatchObject({
			check: 'cross-split-duplicates',
			severity: 'leak',
			columns: [],
			fix: { kind: 'dedupe-split' }
		});
		expect(finding.evidence).toBe(
			'2 of the 2 test rows (100%) are exact copies of train rows. For example, test row 4 repeats train row 1 of the file.'
		);
	});

	it('is quiet when every copy is in one part, or left out', () => {
		expect(checks(afterSplit(copied(), '200210'))).toEqual([]);
		expect(checks(afterSplit(copied(), '-020-0'))).toEqual([]);
	});

	it('compares the file cells of the table columns: an identifier left out hides no copy', async () => {
		const csv = 'id,x,label\n1,1.5,n\n2,2,y\n3,1.5,n\n4,1.5,y\n';
		const { raw } = await ingestText(csv);
		const typed = await typedText(csv);
		const table = { ...typed, columns: typed.columns.filter((c) => c.name !== 'id') };
		const [finding] = lintAfterSplit(afterSplit(table, '0020', { raw }));
		expect(finding.evidence).toContain('test row 3 repeats train row 1');
		expect(checks(afterSplit(table, '0002', { raw }))).toEqual([]);
		expect(checks(afterSplit(typed, '0020', { raw }))).toEqual([]);
	});
});

describe('lintAfterSplit: one entity in two parts', () => {
	it('finds a patient with rows in train and test, and offers a group split', () => {
		const [finding] = lintAfterSplit(
			afterSplit(tenRows(), '0202001102', {
				groupColumn: 'patient',
				splitKind: 'random',
				timeColumn: null,
				table: withoutDates()
			})
		);
		expect(finding).toMatchObject({
			check: 'group-overlap',
			severity: 'leak',
			columns: ['patient'],
			fix: { kind: 'split', split: 'group', column: 'patient' }
		});
		expect(finding.evidence).toContain(
			'3 of the 5 values of "patient" have rows in more than one part'
		);
		expect(finding.evidence).toContain('3 of the 3 test rows (100%)');
	});

	it('is quiet when each patient is in one part', () => {
		expect(checks(afterSplit(withoutDates(), '0000001122', { groupColumn: 'patient' }))).toEqual(
			[]
		);
	});
});

function withoutDates(): Table {
	const table = tenRows();
	return { ...table, columns: table.columns.filter((c) => c.kind !== 'date') };
}

describe('lintAfterSplit: a random split of rows in time order', () => {
	it('finds rows in date order split at random, and offers a time split', () => {
		const [finding] = lintAfterSplit(afterSplit(tenRows(), '0200100200', { splitKind: 'random' }));
		expect(finding).toMatchObject({
			check: 'random-split-on-time',
			severity: 'review',
			columns: ['visited'],
			fix: { kind: 'split', split: 'time', column: 'visited' }
		});
		expect(finding.evidence).toContain('"visited" keeps its direction in 100% of consecutive rows');
		expect(finding.evidence).toContain(
			'2 of the 2 test rows (100%) are dated before the last training row (2020-01-10)'
		);
	});

	it('takes a chosen time column even when the rows are not in its order', () => {
		const table = tenRows();
		table.columns[2] = dates('visited', [5, 1, 8, 3, 0, 9, 2, 7, 4, 6]);
		expect(checks(afterSplit(table, '0200100200', { splitKind: 'stratified' }))).toEqual([
			'time-overlap'
		]);
		expect(
			checks(afterSplit(table, '0200100200', { splitKind: 'stratified', timeColumn: 'visited' }))
		).toEqual(['random-split-on-time']);
	});

	it('is quiet for a split by time, and for a random split without dates', () => {
		expect(
			checks(afterSplit(tenRows(), '0000001122', { splitKind: 'time', timeColumn: 'visited' }))
		).toEqual([]);
		expect(checks(afterSplit(withoutDates(), '0200100200', { splitKind: 'random' }))).toEqual([]);
	});

	it('reads nearly ordered rows as ordered', () => {
		const values = Float64Array.from({ length: 100 }, (_, i) => (i === 50 ? 0 : i));
		expect(orderedShare(values)).toBeCloseTo(98 / 99, 9);
		expect(orderedShare(Float64Array.from([3, 2, NaN, 1]))).toBe(1);
		expect(orderedShare(Float64Array.from([1, 1, 1]))).toBe(0);
	});
});

describe('lintAfterSplit: training dates past the start of test', () => {
	it('finds a group split whose training rows are dated after test rows', () => {
		const [finding] = lintAfterSplit(
			afterSplit(tenRows(), '2200000011', { groupColumn: 'patient' })
		);
		expect(finding).toMatchObject({
			check: 'time-overlap',
			severity: 'review',
			columns: ['visited'],
			fix: { kind: 'split', split: 'time', column: 'visited' }
		});
		expect(finding.evidence).toBe(
			'By "visited", training rows reach 2020-01-08 while test rows start at 2020-01-01: 2 of the 2 test rows (100%) are dated before the last training row.'
		);
	});

	it('is quiet when test starts after the last training date', () => {
		expect(checks(afterSplit(tenRows(), '0000001122', { groupColumn: 'patient' }))).toEqual([]);
	});
});

describe('lintAfterSplit: refusals', () => {
	it('refuses an assignment for another table, and a column the table lacks', async () => {
		await expectCoreError(() => lintAfterSplit(afterSplit(tenRows(), '000')), 'split-mismatch');
		await expectCoreError(
			() => lintAfterSplit(afterSplit(tenRows(), '0000001122', { groupColumn: 'ward' })),
			'missing-column'
		);
	});
});

describe('lintAfterSplit on the shared datasets', () => {
	async function referenceInput(file: string, target: string, split: string) {
		const { dataset, input } = await loadLintFile({ file, target });
		const rows = readReferenceSplit(split);
		const assignment = new Int8Array(dataset.raw.rowCount).fill(-1);
		[rows.train, rows.val, rows.test].forEach((part, p) =>
			part.forEach((i) => (assignment[i] = p))
		);
		return {
			table: input.table,
			target,
			assignment,
			raw: dataset.raw,
			groupColumn: null,
			timeColumn: null
		};
	}

	it('bike_day: quiet for the reference split by time, raised for a random one', async () => {
		const input = await referenceInput('bike_day.csv', 'cnt', 'bike_day');
		expect(lintAfterSplit({ ...input, splitKind: 'time', timeColumn: 'dteday' })).toEqual([]);
		const random = input.assignment.map((_, i) => [0, 2, 0, 1, 0][i % 5]);
		expect(checks({ ...input, assignment: random, splitKind: 'random' })).toEqual([
			'random-split-on-time'
		]);
	});

	it('adult_train: its 24 duplicate rows put a few copies across the reference split', async () => {
		const input = await referenceInput('adult_train.csv', 'Y', 'adult');
		const [finding] = lintAfterSplit({ ...input, splitKind: 'stratified' });
		expect(finding).toMatchObject({ check: 'cross-split-duplicates', severity: 'review' });
		expect(finding.evidence).toContain(
			'6 of the 6513 test rows (under 0.1%) are exact copies of train rows'
		);
	});

	it('titanic: the reference split is quiet', async () => {
		const input = await referenceInput('titanic.csv', 'Survived', 'titanic');
		expect(lintAfterSplit({ ...input, splitKind: 'stratified' })).toEqual([]);
	});
});
