import { describe, expect, it } from 'vitest';
import { learningCurvesSpec } from '../../../src/core/charts/learning-curves';
import type { Trial } from '../../../src/core/tune/trial';
import { expectValidSpec } from './expect-valid-spec';

const spec = { kind: 'linear', l2: 1 } as const;

describe('learningCurvesSpec', () => {
	it('draws each trial on train, and on validation where it watched it', async () => {
		const trials: Trial[] = [
			{
				id: 0,
				spec,
				status: 'done',
				curve: [
					{ iteration: 1, loss: 0.6, validation: 0.62 },
					{ iteration: 2, loss: 0.5, validation: NaN }
				]
			},
			{ id: 1, spec, status: 'queued' }
		];
		const chart = learningCurvesSpec(trials);
		expect(chart.data).toEqual({
			values: [
				{ trial: 'trial 1', iteration: 1, loss: 0.6, rows: 'train' },
				{ trial: 'trial 1', iteration: 1, loss: 0.62, rows: 'validation' },
				{ trial: 'trial 1', iteration: 2, loss: 0.5, rows: 'train' }
			]
		});
		await expectValidSpec(chart);
	});

	it('drops the trial legend when there are too many trials to tell apart', () => {
		const many = Array.from({ length: 13 }, (_, id): Trial => ({ id, spec, status: 'done' }));
		const encoding = learningCurvesSpec(many) as { encoding: { color: { legend: unknown } } };
		expect(encoding.encoding.color.legend).toBeNull();
	});
});
