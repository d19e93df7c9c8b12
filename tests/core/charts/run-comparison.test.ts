import { describe, expect, it } from 'vitest';
import { runComparisonSpec } from '../../../src/core/charts/run-comparison';
import { expectValidSpec } from './expect-valid-spec';

describe('runComparisonSpec', () => {
	const spec = runComparisonSpec('ROC-AUC', [
		{ id: 'r1', model: 'baseline', value: 0.5 },
		{ id: 'r2', model: 'linear', value: 0.83 },
		{ id: 'r3', model: 'linear', value: NaN },
		{ id: 'r4', model: 'linear', value: Infinity },
		{ id: 'r5', model: 'linear', value: 0.86 }
	]);

	it('draws one bar per run with a finite value, coloured by model', () => {
		expect(spec).toEqual({
			$schema: 'https://vega.github.io/schema/vega-lite/v6.json',
			description: 'Validation ROC-AUC per run',
			width: 'container',
			autosize: { type: 'fit-x', contains: 'padding' },
			height: 66,
			data: {
				values: [
					{ run: 'r1 baseline', model: 'baseline', value: 0.5 },
					{ run: 'r2 linear', model: 'linear', value: 0.83 },
					{ run: 'r5 linear', model: 'linear', value: 0.86 }
				]
			},
			mark: { type: 'bar', tooltip: true },
			encoding: {
				y: { field: 'run', type: 'nominal', sort: null, title: null },
				x: { field: 'value', type: 'quantitative', title: 'validation ROC-AUC' },
				color: { field: 'model', type: 'nominal', legend: null }
			}
		});
	});

	it('compiles to a Vega spec with one bar mark over the runs', () => {
		const vega = expectValidSpec(spec);
		expect(vega.marks?.map((m) => m.type)).toEqual(['rect']);
		const data = JSON.stringify(vega.data);
		expect(data).toContain('"run":"r5 linear"');
		expect(data).not.toContain('r3');
	});

	it('compiles with no runs at all', () => {
		const empty = runComparisonSpec('RMSE', []);
		expect(empty.data).toEqual({ values: [] });
		expectValidSpec(empty);
	});
});
