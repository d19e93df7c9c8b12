import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../../src/core/prepare/frame';
import { applyRecipe, fitRecipe, type Recipe } from '../../../../src/core/prepare/recipe';
import {
	applyFeatureStep,
	describeFeatureStep,
	FEATURE_STEP_KINDS,
	fitFeatureStep,
	type FeatureStep
} from '../../../../src/core/prepare/steps/feature-steps';
import { NO_FIT_CONTEXT } from '../../../../src/core/prepare/steps/step';
import type { DateColumn } from '../../../../src/core/table/table';
import { categories, numbers, typedText } from '../../helpers';
import { allMissing, cells, rowOf } from './step-helpers';

function dates(name: string, cells: (string | null)[]): DateColumn {
	const values = Float64Array.from(cells, (c) => (c === null ? NaN : Date.parse(`${c}Z`)));
	return { kind: 'date', name, values, offsets: null };
}

/** A train frame and other rows for one step: the other rows lie outside the train range. */
interface Case {
	step: FeatureStep;
	train: Frame;
	other: Frame;
}

const x = (values: number[]) => numbers('x', values);
const CASES: Case[] = [
	{
		step: { kind: 'parse-date', column: 'c', format: '%d/%m/%Y' },
		train: [categories('c', ['02/07/2019', null])],
		other: [categories('c', ['31/12/2030', 'soon', null])]
	},
	{
		step: { kind: 'time-zone', column: 'd', zone: 'America/New_York' },
		train: [dates('d', ['2021-01-01T00:00'])],
		other: [dates('d', ['2021-03-14T02:30', '2021-11-07T01:30', null])]
	},
	{
		step: { kind: 'date-parts', column: 'd', parts: ['year', 'weekday', 'dayofyear'] },
		train: [dates('d', ['2021-01-01T00:00'])],
		other: [dates('d', ['2030-06-15T12:00', null])]
	},
	{
		step: { kind: 'units', column: 'c', unit: 'kg', bare: 'lb' },
		train: [categories('c', ['5 kg', '3'])],
		other: [categories('c', ['5000 g', '11', 'n/a', null])]
	},
	{
		step: { kind: 'clip', column: 'x', method: 'iqr' },
		train: [x([1, 2, 3, 4])],
		other: [x([-50, 2, 50, NaN])]
	},
	{
		step: { kind: 'clip', column: 'x', method: 'percentiles', lower: 0.1, upper: 0.9 },
		train: [x([1, 2, 3, 4])],
		other: [x([-50, 2, 50, NaN])]
	},
	{
		step: { kind: 'transform', column: 'x', fn: 'log' },
		train: [x([1])],
		other: [x([-5, 0, 5, NaN])]
	},
	{ step: { kind: 'standardize', column: 'x' }, train: [x([1, 2, 3])], other: [x([10, 20, NaN])] },
	{
		step: { kind: 'scale', column: 'x', method: 'min-max' },
		train: [x([1, 5])],
		other: [x([9, 0, NaN])]
	},
	{
		step: { kind: 'scale', column: 'x', method: 'robust' },
		train: [x([1, 2, 9])],
		other: [x([9, 0, NaN])]
	},
	{
		step: { kind: 'derive', op: 'ratio', left: 'x', right: 'y' },
		train: [x([1, 2]), numbers('y', [2, 0])],
		other: [x([9, 0, NaN]), numbers('y', [3, 0, 1])]
	},
	{
		step: { kind: 'bin', column: 'x', method: 'quantile', bins: 3 },
		train: [x([1, 2, 3, 4, 5, 6])],
		other: [x([-9, 3.5, 99, NaN])]
	},
	{
		step: { kind: 'hash-tokens', column: 'c', buckets: 3 },
		train: [categories('c', ['a b'])],
		other: [categories('c', ['new words here', null])]
	}
];

describe('feature steps', () => {
	it('has a case for every kind', () => {
		expect(new Set(CASES.map((c) => c.step.kind))).toEqual(new Set(FEATURE_STEP_KINDS));
	});

	it.each(CASES)(
		'$step.kind fitted survives JSON and applies the same',
		({ step, train, other }) => {
			const { fitted, frame } = fitFeatureStep(step, train, NO_FIT_CONTEXT);
			const stored = JSON.parse(JSON.stringify(fitted)) as typeof fitted;
			expect(stored).toEqual(fitted);
			expect(cells(applyFeatureStep(stored, other))).toEqual(
				cells(applyFeatureStep(fitted, other))
			);
			expect(cells(applyFeatureStep(stored, train))).toEqual(cells(frame));
		}
	);

	it.each(CASES)('$step.kind learns from train only', ({ step, train, other }) => {
		const { fitted } = fitFeatureStep(step, train, NO_FIT_CONTEXT);
		const before = cells(other);
		const all = cells(applyFeatureStep(fitted, other));
		// Each row alone gives what it gives among the others: apply reads no statistics of its rows.
		const rows = before.length;
		const alone = Array.from(
			{ length: rows },
			(_, i) => cells(applyFeatureStep(fitted, rowOf(other, i)))[0]
		);
		expect(alone).toEqual(all);
		expect(cells(other)).toEqual(before);
		expect(fitFeatureStep(step, train, NO_FIT_CONTEXT).fitted).toEqual(fitted);
	});

	it.each(CASES)('$step.kind fits on an all-missing train column', ({ step, train, other }) => {
		const missing = train.map(allMissing);
		const { fitted } = fitFeatureStep(step, missing, NO_FIT_CONTEXT);
		// A NaN parameter would come back from JSON as null.
		expect(JSON.parse(JSON.stringify(fitted))).toEqual(fitted);
		expect(cells(applyFeatureStep(fitted, other)).length).toBe(cells(other).length);
	});

	it('describes every step in a sentence starting with its column', () => {
		expect(CASES.map((c) => describeFeatureStep(c.step))).toEqual([
			'c: read as dates in the format %d/%m/%Y',
			'd: read times as local to America/New_York, converted to UTC',
			'd: split into year, weekday, dayofyear',
			'c: convert to kg (numbers without a unit: read as lb)',
			'x: clip outliers beyond 1.5 × IQR from the train quartiles',
			'x: clip to the train 10th and 90th percentiles',
			'x: signed log, sign(x) · ln(1 + |x|)',
			'x: standardise (train mean 0, standard deviation 1)',
			'x: scale the train range to 0 to 1',
			'x: robust scale (train median 0, interquartile range 1)',
			'x / y: x divided by y',
			'x: 3 bins of about equal train counts',
			'c: count words in 3 hashed columns'
		]);
	});
});

describe('feature steps in a recipe', () => {
	const TRAIN = [
		'when,weight,a,b,note',
		'2021-03-28 02:30,5 kg,1,2,the cat',
		'2021-07-01 12:00,11 lb,4,0,a dog',
		'2021-12-01 08:00,3,,1,',
		'bad,,8,4,the end'
	].join('\n');
	const TEST = ['when,weight,a,b,note', '2030-01-01 00:00,2000 g,100,5,new words', ',x,,,'].join(
		'\n'
	);
	const kinds = [
		['when', 'text'],
		['weight', 'text'],
		['note', 'text']
	] as const;
	const recipe: Recipe = {
		inputs: [
			{ name: 'when', kind: 'text' },
			{ name: 'weight', kind: 'text' },
			{ name: 'a', kind: 'number' },
			{ name: 'b', kind: 'number' },
			{ name: 'note', kind: 'text' }
		],
		steps: [
			{ kind: 'parse-date', column: 'when', format: '%Y-%m-%d %H:%M' },
			{ kind: 'time-zone', column: 'when', zone: 'Europe/Paris' },
			{ kind: 'date-parts', column: 'when', parts: ['month', 'hour'] },
			{ kind: 'units', column: 'weight', unit: 'kg', bare: 'kg' },
			{ kind: 'derive', op: 'ratio', left: 'a', right: 'b' },
			{ kind: 'clip', column: 'a', method: 'iqr' },
			{ kind: 'bin', column: 'b', method: 'width', bins: 2 },
			{ kind: 'hash-tokens', column: 'note', buckets: 2 }
		]
	};

	it('fits on train and gives finite features for other rows, the same after JSON', async () => {
		const { recipe: fitted, x: trainX } = fitRecipe(recipe, await typedText(TRAIN, kinds));
		expect(fitted.features).toEqual([
			'when month',
			'when hour',
			'weight',
			'a',
			'b',
			'note #0',
			'note #1',
			'a / b'
		]);
		expect(trainX.values.every(Number.isFinite)).toBe(true);
		// 02:30 on 28 March does not exist in Paris: read as 03:30 CEST, 01:30 UTC, hour 1, which
		// the finishing steps then standardise with the train mean and deviation of the hours.
		const hour = fitted.steps.find((s) => s.kind === 'standardize' && s.column === 'when hour');
		expect(hour?.kind).toBe('standardize');
		const { mean, std } = hour as { mean: number; std: number };
		expect(trainX.values[1]).toBeCloseTo((1 - mean) / std, 12);
		const test = await typedText(TEST, kinds);
		const x = applyRecipe(fitted, test);
		expect(x.values.every(Number.isFinite)).toBe(true);
		const stored = JSON.parse(JSON.stringify(fitted)) as typeof fitted;
		expect(applyRecipe(stored, test)).toEqual(x);
	});
});
