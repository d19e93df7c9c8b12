// "Simulate production" on California housing: the validation rows replayed as traffic against
// the default linear model and its train rows, with drift injected from an onset batch.
import { beforeAll, describe, expect, it } from 'vitest';
import {
	ABOVE_MEDIAN,
	simulateTraffic,
	type SimulationInput,
	type SimulationPlan
} from '../../../src/core/monitor/simulate';
import { expectCoreError } from '../helpers';
import { HOUSING_TARGET, housingModel } from '../housing';

const TARGET = HOUSING_TARGET;

describe('simulate production', () => {
	let base: Omit<SimulationInput, 'plan'>;
	const plan = (change: Partial<SimulationPlan>): SimulationPlan => ({
		batches: 5,
		rowsPerBatch: 300,
		onset: 3,
		injections: [],
		seed: 7,
		...change
	});

	beforeAll(async () => {
		const { train: reference, val: pool, pipeline } = await housingModel();
		base = {
			pipeline,
			reference,
			pool,
			target: TARGET,
			kpis: [{ metric: 'rmse', threshold: 80000 }]
		};
	});

	const firing = (
		result: ReturnType<typeof simulateTraffic>,
		kind: string,
		column: string | null
	) => result.checks.find((c) => c.kind === kind && c.column === column) ?? null;

	it('a unit change fires its column and the predictions at the onset, and nothing before', () => {
		const result = simulateTraffic({
			...base,
			plan: plan({ injections: [{ kind: 'scale', column: 'median_income', factor: 100 }] })
		});
		expect(result.batches.map((b) => b.drifting)).toEqual([false, false, true, true, true]);
		expect(firing(result, 'distribution-drift', 'median_income')).toMatchObject({
			batches: [3, 4, 5],
			firstAfterOnset: 3,
			falseAlarms: 0
		});
		expect(firing(result, 'distribution-drift', 'prediction')?.firstAfterOnset).toBe(3);
		// Predictions a hundred times off miss the RMSE KPI from the onset on.
		expect(firing(result, 'kpi-missed', null)?.batches).toEqual([3, 4, 5]);
		// Small batches raise false alarms elsewhere (a few big districts move population): each
		// is counted against its check, before the onset, and after it where nothing was injected.
		expect(firing(result, 'distribution-drift', 'median_income')?.expected).toBe(true);
		for (const check of result.checks)
			expect(check.falseAlarms).toBe(
				check.expected ? check.batches.filter((b) => b < 3).length : check.batches.length
			);
		expect(result.checks.some((c) => !c.expected && c.falseAlarms > 0)).toBe(true);
		expect(result.batches[0].metric).toBeLessThan(80000);
	});

	it('a new category is an unseen label from the onset on', () => {
		const result = simulateTraffic({
			...base,
			plan: plan({
				injections: [
					{ kind: 'new-category', column: 'ocean_proximity', label: 'FLOATING', share: 0.3 }
				]
			})
		});
		expect(firing(result, 'unseen-categories', 'ocean_proximity')).toMatchObject({
			batches: [3, 4, 5],
			falseAlarms: 0
		});
		expect(firing(result, 'distribution-drift', 'ocean_proximity')?.batches).toEqual([3, 4, 5]);
	});

	it('a shift of 0.05 standard deviations stays under the distance threshold; 0.5 does not', () => {
		const shifted = (sds: number) =>
			simulateTraffic({
				...base,
				plan: plan({
					rowsPerBatch: 2000,
					injections: [{ kind: 'shift', column: 'housing_median_age', sds }]
				})
			});
		expect(firing(shifted(0.05), 'distribution-drift', 'housing_median_age')).toBeNull();
		expect(firing(shifted(0.5), 'distribution-drift', 'housing_median_age')?.batches).toEqual([
			3, 4, 5
		]);
	});

	it('a label shift leaves the rows as they are, and shows in the target and the predictions', () => {
		const result = simulateTraffic({
			...base,
			plan: plan({ injections: [{ kind: 'label-shift', group: ABOVE_MEDIAN, share: 0.9 }] })
		});
		expect(firing(result, 'distribution-drift', TARGET.name)?.firstAfterOnset).toBe(3);
		expect(firing(result, 'distribution-drift', 'prediction')?.firstAfterOnset).toBe(3);
		expect(firing(result, 'distribution-drift', TARGET.name)?.falseAlarms).toBe(0);
		// Inputs that go with the outcome move with it: expected, not false alarms.
		expect(result.checks.every((c) => c.expected)).toBe(true);
	});

	it('without drift, a replay is all false alarms, and no batch is marked drifting', () => {
		const result = simulateTraffic({ ...base, plan: plan({ rowsPerBatch: 100 }) });
		expect(result.batches.every((b) => !b.drifting)).toBe(true);
		expect(result.checks.length).toBeGreaterThan(0);
		for (const check of result.checks) {
			expect(check.expected).toBe(false);
			expect(check.falseAlarms).toBe(check.batches.length);
			expect(check.firstAfterOnset).toBeNull();
		}
	});

	it('gives the same replay for the same seed', () => {
		const once = simulateTraffic({
			...base,
			plan: plan({ injections: [{ kind: 'shift', column: 'latitude', sds: 1 }] })
		});
		const again = simulateTraffic({
			...base,
			plan: plan({ injections: [{ kind: 'shift', column: 'latitude', sds: 1 }] })
		});
		expect(again).toEqual(once);
	});

	it('refuses a plan it cannot run, saying why', async () => {
		const run = (change: Partial<SimulationPlan>) => () =>
			simulateTraffic({ ...base, plan: plan(change) });
		await expectCoreError(
			run({ onset: 6 }),
			'bad-simulation',
			/drift begins must be a whole number from 1 to 5, not 6/
		);
		await expectCoreError(
			run({ injections: [{ kind: 'scale', column: 'ocean_proximity', factor: 10 }] }),
			'bad-simulation',
			/"ocean_proximity" is a category column; this drift needs a number column/
		);
		await expectCoreError(
			run({ injections: [{ kind: 'scale', column: 'median_income', factor: 1 }] }),
			'bad-simulation',
			/positive factor other than 1/
		);
		await expectCoreError(
			run({ injections: [{ kind: 'new-category', column: 'nope', label: 'x', share: 0.5 }] }),
			'bad-simulation',
			/"nope" is not one of the model's inputs/
		);
		await expectCoreError(
			run({ injections: [{ kind: 'label-shift', group: 'yes', share: 0.5 }] }),
			'bad-simulation',
			/A number target shifts by "above the median"/
		);
		await expectCoreError(run({ rowsPerBatch: 5 }), 'bad-simulation', /rows per batch/);
		const label = (text: string) =>
			run({
				injections: [{ kind: 'new-category', column: 'ocean_proximity', label: text, share: 0.5 }]
			});
		await expectCoreError(
			label('INLAND'),
			'bad-simulation',
			/"INLAND" is already a label of "ocean_proximity"/
		);
		await expectCoreError(label('NA'), 'bad-simulation', /"NA" is read as a missing value/);
		await expectCoreError(label(' '), 'bad-simulation', /needs a label/);
	});
});
