import { describe, expect, it } from 'vitest';
import { cellAuc, valueAuc } from '../../../../src/core/prepare/leakage/auc';
import { binCodes } from '../../../../src/core/prepare/leakage/feature-scores';
import { oofClassAuc, oofR2 } from '../../../../src/core/prepare/leakage/out-of-fold';
import { nameWords, outcomeWord } from '../../../../src/core/prepare/leakage/post-outcome';
import { averageRanks, valueR2 } from '../../../../src/core/prepare/leakage/value-scores';
import { pearson } from '../../../../src/core/profile/relations';
import { sortWithOrder } from '../../../../src/core/profile/sorted';
import { expectClose } from '../../helpers';

const f64 = (values: readonly number[]) => Float64Array.from(values);

/** ROC-AUC of a number score for 0/1 flags, through `valueAuc`. */
function aucOf(values: readonly number[], flags: readonly number[]): number | null {
	const { sorted, order } = sortWithOrder(f64(values));
	let missingPos = 0;
	let missingNeg = 0;
	values.forEach((v, i) => {
		if (!Number.isNaN(v)) return;
		if (flags[i] === 1) missingPos++;
		else missingNeg++;
	});
	return valueAuc(sorted, order, Uint8Array.from(flags), missingPos, missingNeg);
}

describe('ROC-AUC', () => {
	it("matches scikit-learn's example: scores 0.1 0.4 0.35 0.8 for labels 0 0 1 1 give 0.75", () => {
		expect(cellAuc(f64([0.1, 0.4, 0.35, 0.8]), f64([0, 0, 1, 1]), f64([1, 1, 0, 0]))).toBe(0.75);
		expect(aucOf([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
	});

	it('counts ties as one half and reads a falling score as well as a rising one', () => {
		expect(aucOf([1, 1], [0, 1])).toBe(0.5);
		expect(aucOf([4, 3, 2, 1], [0, 0, 1, 1])).toBe(1);
		expect(cellAuc(f64([0.5]), f64([3]), f64([0]))).toBeNull();
	});

	it('places missing values where they predict best: filled in only for one class is perfect', () => {
		expect(aucOf([1, 2, NaN, NaN], [0, 0, 1, 1])).toBe(1);
		expect(aucOf([NaN, 5, NaN, 7], [0, 1, 0, 1])).toBe(1);
	});
});

describe('out-of-fold level scores', () => {
	const flags = Uint8Array.from({ length: 40 }, (_, i) => (i % 4 < 2 ? 0 : 1));

	it('scores a label different in every row (an identifier) like a coin toss', () => {
		const unique = Int32Array.from({ length: 40 }, (_, i) => i);
		expect(oofClassAuc(unique, 40, flags)).toBe(0.5);
		const y = Float64Array.from(flags, (v, i) => v * 10 + (i % 3));
		expect(oofR2(unique, 40, y)).toBe(0);
	});

	it('scores a relabelled copy of the target as perfect', () => {
		const copy = Int32Array.from(flags, (v) => 1 - v);
		expect(oofClassAuc(copy, 2, flags)).toBe(1);
		// Each level mean is pulled 2 rows' worth toward the fold's mean: 10 rows per level here.
		const y = Float64Array.from(flags, (v) => v * 10);
		expectClose(oofR2(copy, 2, y)!, 1 - (2 / 12) ** 2, 1e-9);
	});

	it('cuts numbers into quantile bins, one per value when there are few, missing last', () => {
		expect(binCodes(f64([3, 1, 2, NaN]))).toEqual({
			codes: Int32Array.from([2, 0, 1, 20]),
			levelCount: 21
		});
		const many = binCodes(Float64Array.from({ length: 100 }, (_, i) => 99 - i));
		expect(many.codes[0]).toBe(19);
		expect(many.codes[99]).toBe(0);
	});
});

describe('valueR2', () => {
	it('is 1 for a straight line and ignores the direction', () => {
		const x = Float64Array.from({ length: 20 }, (_, i) => i);
		expectClose(
			valueR2(
				x,
				x.map((v) => 5 - 2 * v)
			)!,
			1
		);
	});

	it('is not fooled by a sentinel that both columns share (-200 for "no reading")', () => {
		const x = Float64Array.from({ length: 200 }, (_, i) => (i < 10 ? -200 : 10 * Math.sin(i)));
		const y = Float64Array.from({ length: 200 }, (_, i) => (i < 10 ? -200 : 10 * Math.cos(3 * i)));
		expect(pearson(x, y).value! ** 2).toBeGreaterThan(0.8);
		expect(valueR2(x, y)!).toBeLessThan(0.1);
	});

	it('ranks ties with their mean rank', () => {
		expect(Array.from(averageRanks(f64([10, 20, 10, NaN])))).toEqual([1.5, 3, 1.5, NaN]);
	});
});

describe('post-outcome words in column names', () => {
	it('splits names at separators and camelCase', () => {
		expect(nameWords('dateOpened')).toEqual(['date', 'opened']);
		expect(nameWords('home.dest')).toEqual(['home', 'dest']);
		expect(nameWords('PassengerId')).toEqual(['passenger', 'id']);
	});

	it.each([
		['duration', 'duration'],
		['call_duration', 'duration'],
		['deposit_opened_on', 'opened'],
		['dateOpened', 'opened'],
		['boat', 'boat'],
		['body', 'body'],
		['days_after', 'after'],
		['churned_on', 'churned']
	])('%s suggests a post-outcome value (%s)', (name, word) => {
		expect(outcomeWord(name)).toBe(word);
	});

	it.each([
		'duration_months',
		'body_mass_g',
		'poutcome',
		'previous_outcome',
		'boat_type',
		'Pclass',
		'age'
	])('%s suggests nothing', (name) => {
		expect(outcomeWord(name)).toBeNull();
	});
});
