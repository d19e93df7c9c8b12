import { describe, expect, it } from 'vitest';
import { fitModel, MODEL_FAMILIES, predictModel } from '../../../src/core/models/registry';
import type { Model } from '../../../src/core/models/model';
import { featureMatrix } from '../helpers';

const x = featureMatrix([[-1], [-0.5], [0.5], [1], [0.2]]);
const data = {
	task: 'binary' as const,
	classes: ['n', 'y'],
	y: Int32Array.from([0, 0, 1, 1, 0]),
	x
};

describe('model registry', () => {
	it('fits and predicts each family by its default spec, and a JSON copy predicts the same', async () => {
		expect(MODEL_FAMILIES.map((f) => f.kind)).toEqual([
			'baseline',
			'rule',
			'linear',
			'tree',
			'forest',
			'boosting',
			'neural'
		]);
		for (const family of MODEL_FAMILIES) {
			const { model, info } = await fitModel(family.defaultSpec, data, 42);
			expect(model.kind).toBe(family.kind);
			// A network on five rows still lowers its train loss at its last epoch: not converged.
			expect(info.converged).toBe(family.kind !== 'neural');
			const prediction = predictModel(model, x);
			expect(prediction.kind === 'classes' && prediction.proba.length).toBe(10);
			expect(predictModel(JSON.parse(JSON.stringify(model)) as Model, x)).toEqual(prediction);
		}
	});

	it('reports the loss of a linear fit as it goes', async () => {
		const losses: number[] = [];
		await fitModel({ kind: 'linear', l2: 1 }, data, 42, {
			onEvent: (e) => e.kind === 'loss' && losses.push(e.loss)
		});
		expect(losses.length).toBeGreaterThan(0);
		for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThanOrEqual(losses[i - 1]);
	});
});
