import { describe, expect, it } from 'vitest';
import type { WorstPredictions } from '../../../../../src/core/evaluate/error-analysis';
import {
	filterWorstRows,
	truthClassesOf,
	worstDetailHeadings,
	worstRows
} from '../../../../../src/ui/stages/evaluate/results/worst-rows';

const CLASSES: WorstPredictions = {
	kind: 'classes',
	rows: [
		{ row: 12, truth: 'yes', predicted: 'no', predictedProbability: 0.9, truthProbability: 0.1 },
		{ row: 3, truth: 'no', predicted: 'yes', predictedProbability: 0.8, truthProbability: 0.2 },
		{ row: 120, truth: 'yes', predicted: 'yes', predictedProbability: 0.6, truthProbability: 0.6 }
	]
};

const VALUES: WorstPredictions = {
	kind: 'values',
	rows: [
		{ row: 7, truth: 10, predicted: 14.5, error: 4.5 },
		{ row: 2, truth: 3, predicted: 1, error: -2 }
	]
};

describe('worstRows', () => {
	it('writes classified rows with both probabilities', () => {
		expect(worstRows(CLASSES)[0]).toEqual({
			row: '12',
			truth: 'yes',
			predicted: 'no',
			details: ['0.9000', '0.1000']
		});
		expect(worstDetailHeadings('classes')).toHaveLength(2);
	});

	it('writes regression rows with four decimals and the error', () => {
		expect(worstRows(VALUES)[1]).toEqual({
			row: '2',
			truth: '3.0000',
			predicted: '1.0000',
			details: ['-2.0000']
		});
		expect(worstDetailHeadings('values')).toEqual(['error (predicted minus true)']);
	});
});

describe('filterWorstRows', () => {
	const rows = worstRows(CLASSES);

	it('keeps every row for an empty query and no class', () => {
		expect(filterWorstRows(rows, '  ', null)).toHaveLength(3);
	});

	it('matches the row, true or predicted text, in any case', () => {
		expect(filterWorstRows(rows, '12', null).map((r) => r.row)).toEqual(['12', '120']);
		expect(filterWorstRows(rows, 'NO', null).map((r) => r.row)).toEqual(['12', '3']);
	});

	it('keeps only the chosen true class, with the query as well', () => {
		expect(filterWorstRows(rows, '', 'yes').map((r) => r.row)).toEqual(['12', '120']);
		expect(filterWorstRows(rows, 'no', 'yes').map((r) => r.row)).toEqual(['12']);
	});

	it('matches regression values as shown', () => {
		expect(filterWorstRows(worstRows(VALUES), '14.5', null).map((r) => r.row)).toEqual(['7']);
	});
});

describe('truthClassesOf', () => {
	it("prefers the target's classes, else the classes in the rows, and none for values", () => {
		expect(truthClassesOf(CLASSES, ['no', 'yes'])).toEqual(['no', 'yes']);
		expect(truthClassesOf(CLASSES, null)).toEqual(['yes', 'no']);
		expect(truthClassesOf(VALUES, null)).toEqual([]);
	});
});
