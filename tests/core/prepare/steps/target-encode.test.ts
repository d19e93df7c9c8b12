import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../../src/core/prepare/frame';
import type { FitContext } from '../../../../src/core/prepare/steps/step';
import {
	applyTargetEncode,
	fitTargetEncode,
	type TargetEncodeStep
} from '../../../../src/core/prepare/steps/target-encode';
import { categories, expectClose, expectCoreError, numbers } from '../../helpers';
import { namesOf, valuesOf } from './clean-helpers';

const classes = (names: string[], y: number[], seed = 7): FitContext => ({
	target: { kind: 'classes', classes: names, y: Int32Array.from(y) },
	seed
});
const values = (y: number[]): FitContext => ({
	target: { kind: 'values', y: Float64Array.from(y) },
	seed: 7
});
const step = (changes: Partial<TargetEncodeStep> = {}): TargetEncodeStep => ({
	kind: 'target-encode',
	column: 'c',
	...changes
});

// Binary: class index 1 ("yes") is the positive class; prior 4/6.
const BINARY: Frame = [categories('c', ['a', 'a', 'b', 'b', 'a', null])];
const BINARY_Y = classes(['no', 'yes'], [1, 0, 1, 1, 0, 1]);

describe('target-encode', () => {
	it('learns the smoothed rate of the second class per label on all train rows', () => {
		const { fitted } = fitTargetEncode(step({ smoothing: 1 }), BINARY, BINARY_Y);
		expect(fitted.outputs).toEqual(['c target rate']);
		expect(fitted.levels).toEqual(['a', 'b']);
		expectClose(fitted.prior, [2 / 3], 1e-15);
		expectClose(fitted.encodings.flat(), [(1 + 2 / 3) / 4, (2 + 2 / 3) / 3], 1e-15);
		const out = applyTargetEncode(fitted, [categories('c', ['b', 'z', null, 'a'])]);
		expect(namesOf(out)).toEqual(['c target rate']);
		expectClose(valuesOf(out[0]), [8 / 9, 2 / 3, 2 / 3, 5 / 12], 1e-15);
	});

	it('encodes each train row from the other folds only (one row a fold: leave one out)', () => {
		const { frame } = fitTargetEncode(step({ smoothing: 1, folds: 6 }), BINARY, BINARY_Y);
		expectClose(valuesOf(frame[0]), [1 / 5, 3 / 5, 4 / 5, 4 / 5, 3 / 5, 3 / 5], 1e-15);
	});

	it('does not let a row see its own target, even through a label only it has', () => {
		const y = [1, 0, 1, 1, 0, 0, 1, 0];
		const ids = [
			categories(
				'c',
				y.map((_, i) => `id${i}`)
			)
		];
		const fit = fitTargetEncode(step({ folds: 8 }), ids, classes(['0', '1'], y));
		// Every label is unseen outside its own fold, so each row gets the other rows' rate.
		expectClose(
			valuesOf(fit.frame[0]),
			y.map((v) => (4 - v) / 7),
			1e-15
		);
		const applied = valuesOf(applyTargetEncode(fit.fitted, ids)[0]);
		expect(applied).not.toEqual(valuesOf(fit.frame[0]));
	});

	it('deals the same folds for the same seed, and others for another seed', () => {
		const train: Frame = [
			categories(
				'c',
				Array.from({ length: 40 }, (_, i) => `l${i % 4}`)
			)
		];
		const y = Array.from({ length: 40 }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
		const run = (seed: number) =>
			valuesOf(fitTargetEncode(step(), train, classes(['n', 'p'], y, seed)).frame[0]);
		expect(run(1)).toEqual(run(1));
		expect(run(1)).not.toEqual(run(2));
	});

	it('gives one column a class for more than two classes', () => {
		const train: Frame = [numbers('x', [0, 0, 0]), categories('c', ['a', 'a', 'b'])];
		const fit = fitTargetEncode(
			step({ smoothing: 0, folds: 3 }),
			train,
			classes(['x', 'y', 'z'], [0, 1, 2])
		);
		expect(fit.fitted.outputs).toEqual(['c P(x)', 'c P(y)', 'c P(z)']);
		expect(fit.fitted.encodings).toEqual([
			[0.5, 0.5, 0],
			[0, 0, 1]
		]);
		expect(namesOf(fit.frame)).toEqual(['x', 'c P(x)', 'c P(y)', 'c P(z)']);
		// Row 2's label b is in no other fold: with no smoothing it gets the other folds' prior.
		expect(fit.frame.slice(1).map(valuesOf)).toEqual([
			[0, 1, 0.5],
			[1, 0, 0.5],
			[0, 0, 0]
		]);
	});

	it('gives the smoothed target mean for a number target, skipping rows without one', () => {
		const train: Frame = [categories('c', ['a', 'a', 'b', 'b'])];
		const { fitted } = fitTargetEncode(step({ smoothing: 2 }), train, values([1, 3, 10, NaN]));
		expect(fitted.outputs).toEqual(['c target mean']);
		expectClose(fitted.prior, [14 / 3], 1e-14);
		expectClose(fitted.encodings.flat(), [10 / 3, 58 / 9], 1e-14);
	});

	it('needs a target with rows, and sound options', async () => {
		await expectCoreError(
			() => fitTargetEncode(step(), BINARY, { target: null, seed: 0 }),
			'needs-target',
			/pick a target first/
		);
		await expectCoreError(
			() => fitTargetEncode(step(), BINARY, classes(['a', 'b'], [1])),
			'needs-target'
		);
		await expectCoreError(
			() => fitTargetEncode(step(), BINARY, classes(['only'], [0, 0, 0, 0, 0, 0])),
			'needs-target',
			/two classes/
		);
		await expectCoreError(
			() => fitTargetEncode(step(), [categories('c', [])], classes(['n', 'p'], [])),
			'empty-train'
		);
		await expectCoreError(
			() => fitTargetEncode(step(), BINARY, classes(['n', 'p'], [-1, -1, -1, -1, -1, -1])),
			'empty-train'
		);
		for (const bad of [{ smoothing: -1 }, { folds: 1 }, { folds: 2.5 }])
			await expectCoreError(() => fitTargetEncode(step(bad), BINARY, BINARY_Y), 'bad-option');
	});

	it('rejects a number column, a missing column and a name already taken', async () => {
		const { fitted } = fitTargetEncode(step(), BINARY, BINARY_Y);
		await expectCoreError(() => applyTargetEncode(fitted, [numbers('c', [1])]), 'wrong-kind');
		await expectCoreError(() => applyTargetEncode(fitted, []), 'missing-column');
		await expectCoreError(
			() => applyTargetEncode(fitted, [categories('c', ['a']), numbers('c target rate', [0])]),
			'duplicate-column'
		);
		await expectCoreError(
			() => fitTargetEncode(step(), [...BINARY, numbers('c target rate', [0])], BINARY_Y),
			'duplicate-column'
		);
	});
});
