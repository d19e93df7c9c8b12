import { describe, expect, it } from 'vitest';
import { splitReportSpec, splitTimeSpec } from '../../../src/core/charts/split-report';
import { countParts, DEFAULT_SPLIT_PLAN } from '../../../src/core/split/split';
import { splitReport } from '../../../src/core/split/split-report';
import { OKABE_ITO } from '../../../src/core/charts/chart-base';
import { expectValidSpec } from './expect-valid-spec';

const assignment = Int8Array.from([0, 0, 0, 0, 1, 1, 2, 2]);
const split = { plan: DEFAULT_SPLIT_PLAN, assignment, counts: countParts(assignment) };
const strata = Int32Array.from([0, 1, 1, 1, 0, 1, 0, 1]);

describe('splitReportSpec', () => {
	it('stacks the class shares of each part, classes in class order', () => {
		const spec = splitReportSpec(
			splitReport(split, { classes: { strata, labels: ['no', 'yes'] } })
		);
		expect(spec).toEqual({
			$schema: 'https://vega.github.io/schema/vega-lite/v6.json',
			description: 'Class shares per part of the split',
			width: 'container',
			autosize: { type: 'fit-x', contains: 'padding' },
			config: { aria: false, range: { category: [...OKABE_ITO] } },
			height: 66,
			data: {
				values: [
					{ part: 'train', class: 'no', order: 0, rows: 1, share: 0.25 },
					{ part: 'train', class: 'yes', order: 1, rows: 3, share: 0.75 },
					{ part: 'validation', class: 'no', order: 0, rows: 1, share: 0.5 },
					{ part: 'validation', class: 'yes', order: 1, rows: 1, share: 0.5 },
					{ part: 'test', class: 'no', order: 0, rows: 1, share: 0.5 },
					{ part: 'test', class: 'yes', order: 1, rows: 1, share: 0.5 }
				]
			},
			mark: { type: 'bar' },
			encoding: {
				y: { field: 'part', type: 'nominal', sort: null, title: 'part' },
				x: {
					field: 'share',
					type: 'quantitative',
					stack: 'zero',
					scale: { domain: [0, 1] },
					axis: { format: '%', tickCount: 5 },
					title: 'share of the part'
				},
				color: { field: 'class', type: 'nominal', sort: ['no', 'yes'], title: 'class' },
				order: { field: 'order', type: 'quantitative' },
				tooltip: [
					{ field: 'part', type: 'nominal' },
					{ field: 'class', type: 'nominal' },
					{ field: 'rows', type: 'quantitative' },
					{ field: 'share', type: 'quantitative', format: '.1%' }
				]
			}
		});
	});

	it('compiles to a Vega spec with one stacked bar mark', () => {
		const spec = splitReportSpec(
			splitReport(split, { classes: { strata, labels: ['no', 'yes'] } })
		);
		const vega = expectValidSpec(spec);
		expect(vega.marks?.map((m) => m.type)).toEqual(['rect']);
		expect(JSON.stringify(vega.data)).toContain('stack');
	});

	it('draws rows per part for regression, leaving out an empty part', () => {
		const noVal = Int8Array.from([0, 0, 0, 2, -1]);
		const report = splitReport({
			plan: DEFAULT_SPLIT_PLAN,
			assignment: noVal,
			counts: countParts(noVal)
		});
		const spec = splitReportSpec(report);
		expect(spec).toMatchObject({
			description: 'Rows per part of the split',
			height: 44,
			data: {
				values: [
					{ part: 'train', rows: 3 },
					{ part: 'test', rows: 1 }
				]
			},
			mark: { type: 'bar', tooltip: true },
			encoding: {
				y: { field: 'part', type: 'nominal', sort: null, title: 'part' },
				x: { field: 'rows', type: 'quantitative', title: 'rows' }
			}
		});
		expectValidSpec(spec);
	});

	it('keeps a class label that looks like markup or a prototype key as data', () => {
		const odd = splitReportSpec(
			splitReport(split, { classes: { strata, labels: ['<b>a</b>', '__proto__'] } })
		);
		expect(JSON.stringify(odd)).toContain('"class":"__proto__"');
		expect(JSON.stringify(odd)).toContain('"class":"<b>a</b>"');
		expectValidSpec(odd);
	});
});

describe('splitTimeSpec', () => {
	const time = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
	it('draws each part from its first to its last time value', () => {
		const spec = splitTimeSpec(splitReport(split, { time }), 'day', true);
		expect(spec).toMatchObject({
			data: {
				values: [
					{ part: 'train', from: 1, to: 4 },
					{ part: 'validation', from: 5, to: 6 },
					{ part: 'test', from: 7, to: 8 }
				]
			},
			encoding: { x: { field: 'from', type: 'temporal', title: 'day' }, x2: { field: 'to' } }
		});
		expectValidSpec(spec!);
	});

	it('is null without a time column', () => {
		expect(splitTimeSpec(splitReport(split), 'day', true)).toBeNull();
	});
});
