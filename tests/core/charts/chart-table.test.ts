import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_TABLE_ROWS, chartTables } from '../../../src/core/charts/chart-table';
import { costChartSpec, rocChartSpec } from '../../../src/core/charts/evaluation-charts';
import { columnChartSpec } from '../../../src/core/charts/profile-charts';
import { splitTimeSpec } from '../../../src/core/charts/split-report';
import { rocCurve } from '../../../src/core/evaluate/curves';
import { profileColumn } from '../../../src/core/profile/column-stats';
import { countParts, DEFAULT_SPLIT_PLAN } from '../../../src/core/split/split';
import { splitReport } from '../../../src/core/split/split-report';
import { numbers } from '../helpers';

describe('chartTables', () => {
	it('tables the curve of a layered chart, headed by its tooltip titles, without the diagonal', () => {
		const points = rocCurve([0.9, 0.8, 0.3], [true, false, false]).points;
		const tables = chartTables(rocChartSpec(points, 0.75));
		expect(tables).toHaveLength(1);
		// The order field only sequences the line: it is not a column.
		expect(tables[0].headers).toEqual(['false positive rate', 'true positive rate', 'threshold']);
		expect(tables[0].rows[0]).toEqual(['0', '0', '']);
		expect(tables[0].rows[1]).toEqual(['0', '1', '0.9']);
		expect(tables[0].totalRows).toBe(points.length);
	});

	it('leaves out a rule drawn from a datum', () => {
		const tables = chartTables(
			costChartSpec(
				[
					{ threshold: 0.2, cost: 7 },
					{ threshold: 0.6, cost: 2.5 }
				],
				0.6
			)
		);
		expect(tables).toEqual([
			{
				headers: ['threshold', 'cost'],
				rows: [
					['0.2', '7'],
					['0.6', '2.5']
				],
				totalRows: 2
			}
		]);
	});

	it('heads the ends of a binned axis by their fields, and rounds to four digits', () => {
		const column = numbers('price', [1.5, 2.25, 3, 10.75, 20.5]);
		const [table] = chartTables(columnChartSpec(profileColumn(column))!);
		expect(table.headers).toEqual(['from', 'to', 'rows']);
		expect(table.rows[0]).toEqual(['1.5', '2.133', '1']);
		expect(table.rows[29]).toEqual(['19.87', '20.5', '1']);
	});

	it('writes instants as UTC dates, the end of a range too', () => {
		const assignment = Int8Array.from([0, 0, 1, 2]);
		const day = 86_400_000;
		const time = Float64Array.from([0, day, 2 * day, 2 * day + 3_600_000]);
		const report = splitReport(
			{ plan: DEFAULT_SPLIT_PLAN, assignment, counts: countParts(assignment) },
			{ time }
		);
		const [table] = chartTables(splitTimeSpec(report, 'day', true)!);
		expect(table.headers).toEqual(['part', 'from', 'to']);
		expect(table.rows).toEqual([
			['train', '1970-01-01', '1970-01-02'],
			['validation', '1970-01-03', '1970-01-03'],
			['test', '1970-01-03T01:00:00Z', '1970-01-03T01:00:00Z']
		]);
	});

	it('keeps large whole parts, and shows the first rows of a long dataset with their count', () => {
		const values = Array.from({ length: CHART_TABLE_ROWS + 5 }, (_, i) => ({
			x: 12345.678 + i,
			y: 0.000123456
		}));
		const spec = {
			data: { values },
			mark: 'point',
			encoding: {
				x: { field: 'x', type: 'quantitative', title: 'amount' },
				y: { field: 'y', type: 'quantitative' }
			}
		} as TopLevelSpec;
		const [table] = chartTables(spec);
		expect(table.headers).toEqual(['amount', 'y']);
		expect(table.rows).toHaveLength(CHART_TABLE_ROWS);
		expect(table.rows[0]).toEqual(['12346', '0.0001235']);
		expect(table.totalRows).toBe(CHART_TABLE_ROWS + 5);
	});

	it('gives no table for data that is not inline, nor for a field named like a prototype key', () => {
		expect(
			chartTables({ data: { url: 'rows.csv' }, mark: 'point' } as unknown as TopLevelSpec)
		).toEqual([]);
		const odd = chartTables({
			data: { values: [JSON.parse('{"__proto__": "x", "constructor": 2}')] },
			mark: 'point',
			encoding: {
				x: { field: 'constructor', type: 'quantitative' },
				y: { field: '__proto__', type: 'nominal' }
			}
		} as unknown as TopLevelSpec);
		expect(odd).toEqual([
			{ headers: ['__proto__', 'constructor'], rows: [['x', '2']], totalRows: 1 }
		]);
	});
});
