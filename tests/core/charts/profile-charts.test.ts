import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import {
	columnChartSpec,
	measureTitle,
	missingnessSpec,
	relationHeatmapSpec
} from '../../../src/core/charts/profile-charts';
import { profileColumn } from '../../../src/core/profile/column-stats';
import { missingnessMap } from '../../../src/core/profile/missingness';
import {
	computeRelations,
	type ColumnRelation,
	type RelationMeasure
} from '../../../src/core/profile/relations';
import type { Column } from '../../../src/core/table/table';
import { categories, numbers } from '../helpers';
import { booleans, dates, tableOf, texts } from '../profile/tables';
import { expectValidSpec } from './expect-valid-spec';

type Row = Record<string, unknown>;
interface PlainSpec {
	description: string;
	height: number;
	data: { values: Row[] };
	mark: { type: string };
	encoding: Record<string, Record<string, unknown>>;
}

/** Returns the spec as plain JSON, asserting it is not null and compiles without warnings. */
function validSpec(spec: TopLevelSpec | null): PlainSpec {
	expect(spec).not.toBeNull();
	expectValidSpec(spec!);
	return spec as unknown as PlainSpec;
}

/** Asserts that every field an encoding channel names is in every data row. */
function expectFieldsInData(spec: PlainSpec): void {
	const fields = Object.values(spec.encoding)
		.map((channel) => channel.field)
		.filter((field): field is string => typeof field === 'string');
	expect(fields.length).toBeGreaterThan(0);
	expect(spec.data.values.length).toBeGreaterThan(0);
	for (const row of spec.data.values) for (const field of fields) expect(row).toHaveProperty(field);
}

function chartOf(column: Column): PlainSpec {
	const spec = validSpec(columnChartSpec(profileColumn(column)));
	expectFieldsInData(spec);
	return spec;
}

const N = NaN;

describe('columnChartSpec', () => {
	it('draws equal-width bins of a number column, from and to each edge', () => {
		const spec = chartOf(numbers('price', [1.5, 2.25, 3, 10.75, 20.5, N]));
		expect(spec.description).toBe('Distribution of price');
		expect(spec.mark.type).toBe('bar');
		const bins = spec.data.values;
		expect(bins).toHaveLength(30);
		expect(bins[0]).toEqual({ from: 1.5, to: 1.5 + 19 / 30, rows: 1 });
		expect(bins[29]).toMatchObject({ to: 20.5, rows: 1 });
		expect(bins.reduce((sum, b) => sum + (b.rows as number), 0)).toBe(5);
		for (let i = 1; i < bins.length; i++) expect(bins[i].from).toBe(bins[i - 1].to);
		expect(spec.encoding.x).toMatchObject({
			field: 'from',
			type: 'quantitative',
			bin: { binned: true },
			title: 'price'
		});
		expect(spec.encoding.x2).toEqual({ field: 'to' });
		expect(spec.encoding.y).toMatchObject({ field: 'rows', type: 'quantitative' });
	});

	it('draws one bar per value of a few-integer number column', () => {
		const spec = chartOf(numbers('children', [0, 1, 1, 2, 2, 2, N]));
		expect(spec.data.values).toEqual([
			{ value: 0, rows: 1 },
			{ value: 1, rows: 2 },
			{ value: 2, rows: 3 }
		]);
		expect(spec.encoding.x).toMatchObject({ field: 'value', type: 'ordinal', title: 'children' });
	});

	it('draws one bin of a number column with a single non-integer value', () => {
		const spec = chartOf(numbers('rate', [2.5, 2.5, 2.5]));
		expect(spec.data.values).toEqual([{ from: 2.5, to: 2.5, rows: 3 }]);
	});

	it('draws a date column with many dates as binned time', () => {
		const days = Array.from({ length: 40 }, (_, i) =>
			new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 19)
		);
		const spec = chartOf(dates('signup', [...days, null]));
		expect(spec.encoding.x).toMatchObject({
			field: 'from',
			type: 'temporal',
			bin: { binned: true },
			title: 'signup'
		});
		const bins = spec.data.values;
		expect(bins).toHaveLength(30);
		expect(bins[0].from).toBe(Date.UTC(2024, 0, 1));
		expect(bins[29].to).toBe(Date.UTC(2024, 0, 40));
		expect(bins.reduce((sum, b) => sum + (b.rows as number), 0)).toBe(40);
	});

	it('draws a date column with few dates on a time axis, not as epoch numbers', () => {
		// Dates are whole milliseconds, so few distinct dates get a per-value histogram.
		const spec = chartOf(
			dates('visit', ['2024-03-01T00:00:00', '2024-03-01T00:00:00', '2024-03-02T00:00:00'])
		);
		expect(spec.data.values).toEqual([
			{ value: Date.UTC(2024, 2, 1), rows: 2 },
			{ value: Date.UTC(2024, 2, 2), rows: 1 }
		]);
		const { type, timeUnit } = spec.encoding.x;
		expect(type === 'temporal' || timeUnit !== undefined, `x is ${String(type)}`).toBe(true);
	});

	it('draws the top levels of a category and one bar for the other values', () => {
		// Twelve levels: l0 with 13 rows down to l11 with 2; the top 10 are named.
		const labels = Array.from({ length: 12 }, (_, level) =>
			Array<string>(13 - level).fill(`l${level}`)
		).flat();
		const spec = chartOf(categories('grade', [...labels, null]));
		expect(spec.description).toBe('Most frequent values of grade');
		expect(spec.data.values).toHaveLength(11);
		expect(spec.data.values[0]).toEqual({ level: 'l0', rows: 13 });
		expect(spec.data.values[9]).toEqual({ level: 'l9', rows: 4 });
		expect(spec.data.values[10]).toEqual({ level: '(2 other values)', rows: 5 });
		expect(spec.height).toBe(18 * 11);
		expect(spec.encoding.y).toMatchObject({ field: 'level', type: 'nominal', sort: null });
		expect(spec.encoding.x).toMatchObject({ field: 'rows', type: 'quantitative' });
	});

	it('draws a category with few levels without an other bar', () => {
		const spec = chartOf(categories('city', ['Oslo', 'Rome', 'Oslo', null]));
		expect(spec.data.values).toEqual([
			{ level: 'Oslo', rows: 2 },
			{ level: 'Rome', rows: 1 }
		]);
		expect(spec.height).toBe(36);
	});

	it('draws a boolean column with its own words', () => {
		const spec = chartOf(booleans('smoker', [true, false, false, null], ['no', 'yes']));
		expect(spec.data.values).toEqual([
			{ level: 'no', rows: 2 },
			{ level: 'yes', rows: 1 }
		]);
	});

	it('draws the most frequent texts of a text column', () => {
		const spec = chartOf(texts('note', ['late', 'early', 'late', null, 'on time']));
		expect(spec.data.values).toEqual([
			{ level: 'late', rows: 2 },
			{ level: 'early', rows: 1 },
			{ level: 'on time', rows: 1 }
		]);
	});

	it('keeps a label that looks like markup or a prototype key as data', () => {
		const spec = chartOf(categories('odd', ['<b>x</b>', '__proto__', '<b>x</b>']));
		expect(spec.data.values).toEqual([
			{ level: '<b>x</b>', rows: 2 },
			{ level: '__proto__', rows: 1 }
		]);
	});

	it('returns null when every cell is missing', () => {
		const empty: Column[] = [
			numbers('n', [N, N]),
			dates('d', [null, null]),
			categories('c', [null, null]),
			texts('t', [null, null]),
			booleans('b', [null, null])
		];
		for (const column of empty) expect(columnChartSpec(profileColumn(column))).toBeNull();
	});
});

describe('relationHeatmapSpec', () => {
	const pairs: ColumnRelation[] = [
		{ a: 'x', b: 'y', measure: 'pearson', value: -0.5, n: 10 },
		{ a: 'x', b: 'z', measure: 'pearson', value: 0.25, n: 9 },
		{ a: 'y', b: 'z', measure: 'pearson', value: null, n: 1 },
		{ a: 'x', b: 'y', measure: 'spearman', value: -0.75, n: 10 },
		{ a: 'c', b: 'd', measure: 'cramers_v', value: 0.5, n: 10 },
		{ a: 'c', b: 'x', measure: 'eta', value: 0.125, n: 10 },
		{ a: 'd', b: 'x', measure: 'eta', value: 0.625, n: 10 }
	];

	function heatmap(measure: RelationMeasure): PlainSpec {
		const spec = validSpec(relationHeatmapSpec(pairs, measure));
		expectFieldsInData(spec);
		expect(spec.mark.type).toBe('rect');
		expect(spec.description).toBe(`${measureTitle(measure)} between columns`);
		expect(spec.encoding.color).toMatchObject({ field: 'value', title: measureTitle(measure) });
		return spec;
	}

	it('draws Pearson r in both triangles on a signed scale, leaving out undefined pairs', () => {
		const spec = heatmap('pearson');
		expect(spec.data.values).toEqual([
			{ a: 'x', b: 'y', value: -0.5 },
			{ a: 'y', b: 'x', value: -0.5 },
			{ a: 'x', b: 'z', value: 0.25 },
			{ a: 'z', b: 'x', value: 0.25 }
		]);
		expect(spec.height).toBe(22 * 3);
		expect(spec.encoding.color.scale).toEqual({ scheme: 'blueorange', domain: [-1, 1] });
	});

	it('draws Spearman on the signed scale', () => {
		const spec = heatmap('spearman');
		expect(spec.data.values).toEqual([
			{ a: 'x', b: 'y', value: -0.75 },
			{ a: 'y', b: 'x', value: -0.75 }
		]);
		expect(spec.height).toBe(44);
		expect(spec.encoding.color.scale).toEqual({ scheme: 'blueorange', domain: [-1, 1] });
	});

	it("draws Cramér's V and η on a [0, 1] scale", () => {
		const v = heatmap('cramers_v');
		expect(v.data.values).toEqual([
			{ a: 'c', b: 'd', value: 0.5 },
			{ a: 'd', b: 'c', value: 0.5 }
		]);
		expect(v.encoding.color.scale).toEqual({ scheme: 'viridis', domain: [0, 1] });
		const eta = heatmap('eta');
		expect(eta.data.values).toHaveLength(4);
		expect(eta.data.values).toContainEqual({ a: 'x', b: 'd', value: 0.625 });
		expect(eta.height).toBe(22 * 3);
		expect(eta.encoding.color.scale).toEqual({ scheme: 'viridis', domain: [0, 1] });
	});

	it('returns null when no pair has a value for that measure', () => {
		expect(relationHeatmapSpec([], 'pearson')).toBeNull();
		expect(relationHeatmapSpec(pairs.slice(2, 3), 'pearson')).toBeNull();
		expect(relationHeatmapSpec(pairs.slice(0, 3), 'cramers_v')).toBeNull();
	});

	it('draws every measure of a computed table', async () => {
		const table = tableOf(
			numbers('age', [20, 30, 40, 50, 60, 70]),
			numbers('income', [1, 3, 2, 5, 4, 6]),
			categories('city', ['a', 'b', 'a', 'b', 'a', 'b']),
			categories('plan', ['p', 'p', 'q', 'q', 'p', 'q'])
		);
		const { pairs: computed } = await computeRelations(table);
		for (const measure of ['pearson', 'spearman', 'cramers_v', 'eta'] as const) {
			const own = validSpec(relationHeatmapSpec(computed, measure));
			expectFieldsInData(own);
			const expected = computed.filter((p) => p.measure === measure && p.value !== null);
			expect(own.data.values).toHaveLength(2 * expected.length);
		}
	});
});

describe('missingnessSpec', () => {
	const table = tableOf(
		numbers('a', [N, N, N, 4, 5, 6, 7, 8, 9, 10]),
		categories('b', ['x', 'y', 'x', 'y', 'x', 'y', 'x', 'y', 'x', null])
	);

	it('puts one cell per column and band with the missing share and the row range', () => {
		const spec = validSpec(missingnessSpec(missingnessMap(table, 4)));
		expect(spec.mark.type).toBe('rect');
		const cells = spec.data.values.map(({ column, rows, missing }) => ({ column, rows, missing }));
		expect(cells).toEqual([
			{ column: 'a', rows: '1-3', missing: 1 },
			{ column: 'a', rows: '4-6', missing: 0 },
			{ column: 'a', rows: '7-9', missing: 0 },
			{ column: 'a', rows: '10-10', missing: 0 },
			{ column: 'b', rows: '1-3', missing: 0 },
			{ column: 'b', rows: '4-6', missing: 0 },
			{ column: 'b', rows: '7-9', missing: 0 },
			{ column: 'b', rows: '10-10', missing: 1 }
		]);
		expect(spec.height).toBe(120);
		expect(spec.encoding.x).toMatchObject({ field: 'column', type: 'nominal' });
		expect(spec.encoding.color).toMatchObject({
			field: 'missing',
			scale: { scheme: 'greys', domain: [0, 1] }
		});
		expect(spec.encoding.y).toMatchObject({ field: 'band', type: 'ordinal' });
		expect(spec.encoding.y.title).toBe('rows, from the top, in bands of 3');
	});

	it('encodes only fields the cells hold, so the bands stack down the chart', () => {
		const spec = validSpec(missingnessSpec(missingnessMap(table, 4)));
		expectFieldsInData(spec);
	});

	it('grows with the number of bands', () => {
		const values = Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? N : i));
		const map = missingnessMap(tableOf(numbers('v', values)));
		const spec = validSpec(missingnessSpec(map));
		expect(spec.height).toBe(200);
		expect(spec.data.values).toHaveLength(50);
		expect(spec.data.values[49]).toMatchObject({ rows: '981-1000' });
	});
});

describe('measureTitle', () => {
	it('names each measure', () => {
		expect(measureTitle('pearson')).toBe('Pearson r');
		expect(measureTitle('spearman')).toBe('Spearman ρ');
		expect(measureTitle('cramers_v')).toBe("Cramér's V");
		expect(measureTitle('eta')).toBe('correlation ratio η');
	});
});
