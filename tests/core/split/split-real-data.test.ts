import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SPLIT_PLAN,
	partSizes,
	rowsOf,
	type SplitPlan
} from '../../../src/core/split/split';
import { splitByPlan } from '../../../src/core/split/split-by-plan';
import { groupCodes, timeValues } from '../../../src/core/split/split-columns';
import { splitReport } from '../../../src/core/split/split-report';
import { findColumn, type Column, type Table } from '../../../src/core/table/table';
import { typedText } from '../helpers';
import { DATASETS_DIR, readReferenceSplit } from '../reference';
import { expectGroupsIntact, expectPartition, expectStratified } from './expect-split';

async function table(file: string): Promise<Table> {
	return typedText(readFileSync(DATASETS_DIR + file, 'utf8'));
}

function column(t: Table, name: string): Column {
	const found = findColumn(t.columns, name);
	if (!found) throw new Error(`no column ${name}`);
	return found;
}

describe('a time split of bike_day.csv on dteday', () => {
	it('matches the reference 60/20/20 split by time, train in 2011 and test at the end of 2012', async () => {
		const bike = await table('bike_day.csv');
		const dteday = column(bike, 'dteday');
		expect(dteday.kind).toBe('date');
		const time = timeValues(dteday);
		const plan: SplitPlan = { ...DEFAULT_SPLIT_PLAN, kind: 'time', column: 'dteday' };
		const split = splitByPlan(bike.rowCount, plan, { strata: new Int32Array(bike.rowCount), time });
		expect(split.counts).toEqual({ train: 439, val: 146, test: 146, dropped: 0, noTime: 0 });
		const reference = readReferenceSplit('bike_day');
		for (const part of ['train', 'val', 'test'] as const)
			expect(rowsOf(split.assignment, part)).toEqual(reference[part]);
		const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
		const ranges = splitReport(split, { time }).parts.map((p) => p.timeRange!);
		expect(ranges.map((r) => [day(r.min), day(r.max)])).toEqual([
			['2011-01-01', '2012-03-14'],
			['2012-03-15', '2012-08-07'],
			['2012-08-08', '2012-12-31']
		]);
	});
});

describe('a group split of titanic3.csv', () => {
	const titanicTable = table('titanic3.csv');

	it('keeps every ticket in one part, sizes near the fractions', async () => {
		const titanic = await titanicTable;
		const survived = column(titanic, 'survived');
		const strata = Int32Array.from(survived.kind === 'number' ? survived.values : [], (v) =>
			Number.isNaN(v) ? -1 : v
		);
		expect(strata).toHaveLength(1309);
		const groups = groupCodes(column(titanic, 'ticket'));
		const plan: SplitPlan = { ...DEFAULT_SPLIT_PLAN, kind: 'group', column: 'ticket' };
		const split = splitByPlan(titanic.rowCount, plan, { strata, groups });
		expectGroupsIntact(split.assignment, groups);
		expectPartition(split, () => true, plan.fractions, false);
		const target = partSizes(1309, plan.fractions);
		// The largest ticket has 11 passengers.
		for (const part of ['train', 'val', 'test'] as const)
			expect(Math.abs(split.counts[part] - target[part])).toBeLessThanOrEqual(11);
	});

	it('keeps every home.dest in one part, each passenger without one on their own', async () => {
		const titanic = await titanicTable;
		const homes = column(titanic, 'home.dest');
		const groups = groupCodes(homes);
		expect(groups.filter((g) => g < 0)).toHaveLength(564);
		const strata = new Int32Array(titanic.rowCount);
		const plan: SplitPlan = { ...DEFAULT_SPLIT_PLAN, seed: 5, kind: 'group', column: 'home.dest' };
		const split = splitByPlan(titanic.rowCount, plan, { strata, groups });
		expectGroupsIntact(split.assignment, groups);
		expectPartition(split, () => true, plan.fractions, false);
		expect(split.counts.test).toBeGreaterThan(240);
	});

	it('stratifies survival within one passenger per class in a plain stratified split', async () => {
		const titanic = await titanicTable;
		const survived = column(titanic, 'survived');
		const strata = Int32Array.from(survived.kind === 'number' ? survived.values : []);
		const split = splitByPlan(titanic.rowCount, DEFAULT_SPLIT_PLAN, { strata });
		expectStratified(split.assignment, strata, 2, DEFAULT_SPLIT_PLAN.fractions);
	});
});
