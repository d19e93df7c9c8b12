import { describe, expect, it } from 'vitest';
import { runLogChartSpec } from '../../../src/core/charts/run-log-chart';
import type { ModelSpec } from '../../../src/core/models/model';
import { runRecord } from '../project/fixtures';
import { expectValidSpec } from './expect-valid-spec';

const label = (spec: ModelSpec) => `${spec.kind}!`;

describe('runLogChartSpec', () => {
	const runs = [
		runRecord('r1', { kind: 'baseline' }, { roc_auc: 0.5 }),
		runRecord('r2', { kind: 'linear', l2: 1 }, { roc_auc: 0.83 }),
		runRecord('r3', { kind: 'linear', l2: 2 }, { roc_auc: NaN }),
		runRecord('r4', { kind: 'linear', l2: 3 }, {})
	];
	const spec = runLogChartSpec(runs, 'roc_auc', label);

	it('plots each scored run at its place in the log, with its family and spec', () => {
		expect(spec.data).toEqual({
			values: [
				{
					order: 1,
					run: 'r1',
					family: 'Baseline',
					model: 'baseline!',
					spec: '{"kind":"baseline"}',
					value: 0.5
				},
				{
					order: 2,
					run: 'r2',
					family: 'Logistic / linear regression',
					model: 'linear!',
					spec: '{"kind":"linear","l2":1}',
					value: 0.83
				}
			]
		});
		expect(spec).toMatchObject({
			description: 'Validation ROC-AUC of each run, in training order',
			mark: { type: 'point' },
			encoding: {
				x: { field: 'order', type: 'quantitative' },
				y: { field: 'value', title: 'validation ROC-AUC' },
				color: { field: 'family' }
			}
		});
	});

	it('compiles to a Vega spec with one symbol mark, and with no runs at all', () => {
		const vega = expectValidSpec(spec);
		expect(vega.marks?.map((m) => m.type)).toEqual(['symbol']);
		expectValidSpec(runLogChartSpec([], 'rmse', label));
	});
});
