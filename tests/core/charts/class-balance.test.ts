import { describe, expect, it } from 'vitest';
import { classBalanceSpec } from '../../../src/core/charts/class-balance';
import { OKABE_ITO } from '../../../src/core/charts/chart-base';
import { expectValidSpec } from './expect-valid-spec';

describe('classBalanceSpec', () => {
	const spec = classBalanceSpec('churn', [
		{ label: 'no', count: 80 },
		{ label: 'yes', count: 20 }
	]);

	it('draws one bar of rows per class, in the given order', () => {
		expect(spec).toEqual({
			$schema: 'https://vega.github.io/schema/vega-lite/v6.json',
			description: 'Rows per class of churn',
			width: 'container',
			autosize: { type: 'fit-x', contains: 'padding' },
			config: { aria: false, range: { category: [...OKABE_ITO] } },
			height: 44,
			data: {
				values: [
					{ class: 'no', rows: 80 },
					{ class: 'yes', rows: 20 }
				]
			},
			mark: { type: 'bar', tooltip: true },
			encoding: {
				y: { field: 'class', type: 'nominal', sort: null, title: 'churn' },
				x: { field: 'rows', type: 'quantitative', title: 'rows' }
			}
		});
	});

	it('compiles to a Vega spec with one bar mark over the class rows', () => {
		const vega = expectValidSpec(spec);
		expect(vega.marks?.map((m) => m.type)).toEqual(['rect']);
		expect(JSON.stringify(vega.data)).toContain('{"class":"yes","rows":20}');
	});

	it('keeps a class label that looks like markup or a prototype key as data', () => {
		const odd = classBalanceSpec('__proto__', [
			{ label: '<b>a</b>', count: 1 },
			{ label: 'constructor', count: 2 }
		]);
		expect(odd.data).toEqual({
			values: [
				{ class: '<b>a</b>', rows: 1 },
				{ class: 'constructor', rows: 2 }
			]
		});
		expectValidSpec(odd);
	});
});
