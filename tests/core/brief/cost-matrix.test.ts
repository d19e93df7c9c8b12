import { describe, expect, it } from 'vitest';
import {
	checkCostMatrix,
	missCostRatio,
	mistakeMeanings,
	parseCostMatrix
} from '../../../src/core/brief/cost-matrix';

describe('checkCostMatrix', () => {
	it('accepts non-negative costs, one of them zero', () => {
		expect(checkCostMatrix({ falsePositive: 1, falseNegative: 5 })).toBeNull();
		expect(checkCostMatrix({ falsePositive: 0, falseNegative: 5 })).toBeNull();
		expect(checkCostMatrix({ falsePositive: 2.5, falseNegative: 0 })).toBeNull();
	});

	it('names the cost that is negative or not a number', () => {
		expect(checkCostMatrix({ falsePositive: -1, falseNegative: 5 })).toBe(
			'Cost of a false positive cannot be negative (it is -1): a mistake costs 0 or more.'
		);
		expect(checkCostMatrix({ falsePositive: 1, falseNegative: NaN })).toBe(
			'Cost of a false negative must be a number (0 or more); it is NaN.'
		);
		expect(checkCostMatrix({ falsePositive: 1, falseNegative: Infinity })).toMatch(
			/^Cost of a false negative must be a number/
		);
	});

	it('refuses two zero costs', () => {
		expect(checkCostMatrix({ falsePositive: 0, falseNegative: 0 })).toMatch(/cannot both be 0/);
	});
});

describe('parseCostMatrix', () => {
	it('keeps a usable stored matrix and drops anything else', () => {
		expect(parseCostMatrix({ falsePositive: 1, falseNegative: 5 })).toEqual({
			falsePositive: 1,
			falseNegative: 5
		});
		for (const value of [
			null,
			undefined,
			'1,5',
			[1, 5],
			{ falsePositive: '1', falseNegative: 5 },
			{ falsePositive: 1 },
			{ falsePositive: 0, falseNegative: 0 },
			{ falsePositive: -1, falseNegative: 5 }
		])
			expect(parseCostMatrix(value)).toBeNull();
	});
});

describe('missCostRatio', () => {
	it('says how many false positives a false negative costs', () => {
		expect(missCostRatio({ falsePositive: 2, falseNegative: 10 })).toBe(5);
		expect(missCostRatio({ falsePositive: 4, falseNegative: 1 })).toBe(0.25);
		expect(missCostRatio({ falsePositive: 0, falseNegative: 1 })).toBe(Infinity);
	});
});

describe('mistakeMeanings', () => {
	it('says what each mistake is for the positive class', () => {
		expect(mistakeMeanings('yes')).toEqual({
			falsePositive: 'the model predicts "yes" for a row that is not "yes" (a false alarm)',
			falseNegative: 'the model misses a row that is "yes" (a miss)'
		});
		expect(mistakeMeanings(null).falseNegative).toBe(
			'the model misses a row that is the positive class (a miss)'
		);
	});
});
