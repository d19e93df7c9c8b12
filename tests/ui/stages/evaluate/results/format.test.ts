import { describe, expect, it } from 'vitest';
import {
	errorLabel,
	formatError,
	formatErrorGap,
	formatInterval,
	formatPercent,
	formatPoints,
	formatRows,
	formatScore,
	formatThreshold
} from '../../../../../src/ui/stages/evaluate/results/format';

describe('formatScore', () => {
	it('writes four decimals', () => {
		expect(formatScore(0.81234)).toBe('0.8123');
		expect(formatScore(12)).toBe('12.0000');
		expect(formatScore(-0.5)).toBe('-0.5000');
	});

	it('writes NaN and infinities as "undefined", never "NaN"', () => {
		expect(formatScore(NaN)).toBe('undefined');
		expect(formatScore(Infinity)).toBe('undefined');
		expect(formatScore(-Infinity)).toBe('undefined');
	});

	it('writes an absent value as "n/a"', () => {
		expect(formatScore(undefined)).toBe('n/a');
		expect(formatScore(null)).toBe('n/a');
	});

	it('drops the sign of a value that rounds to zero', () => {
		expect(formatScore(-0.00001)).toBe('0.0000');
		expect(formatScore(-0)).toBe('0.0000');
	});
});

describe('formatInterval', () => {
	it('writes [low, high] with four decimals', () => {
		expect(formatInterval({ low: 0.7, high: 0.91234 })).toBe('[0.7000, 0.9123]');
	});

	it('is "undefined" when an end is not finite and "n/a" when absent', () => {
		expect(formatInterval({ low: NaN, high: 0.9 })).toBe('undefined');
		expect(formatInterval({ low: 0.1, high: Infinity })).toBe('undefined');
		expect(formatInterval(null)).toBe('n/a');
		expect(formatInterval(undefined)).toBe('n/a');
	});
});

describe('rates', () => {
	it('writes a share as a percentage with one decimal', () => {
		expect(formatPercent(0.1234)).toBe('12.3%');
		expect(formatPercent(1)).toBe('100.0%');
		expect(formatPercent(0.5, 0)).toBe('50%');
		expect(formatPercent(NaN)).toBe('undefined');
	});

	it('writes a gap between shares in percentage points', () => {
		expect(formatPoints(0.12)).toBe('12.0 percentage points');
		expect(formatPoints(NaN)).toBe('undefined');
	});

	it('writes an error rate as a percentage and an MAE as a score', () => {
		expect(errorLabel('error_rate')).toBe('error rate');
		expect(errorLabel('mae')).toBe('MAE');
		expect(formatError(0.25, 'error_rate')).toBe('25.0%');
		expect(formatError(3.14159, 'mae')).toBe('3.1416');
		expect(formatErrorGap(0.1, 'error_rate')).toBe('10.0 percentage points');
		expect(formatErrorGap(2, 'mae')).toBe('2.0000');
		expect(formatError(NaN, 'error_rate')).toBe('undefined');
	});
});

describe('formatThreshold and formatRows', () => {
	it('writes a threshold with three significant digits', () => {
		expect(formatThreshold(0.53719)).toBe('0.537');
		expect(formatThreshold(0.5)).toBe('0.5');
		expect(formatThreshold(Infinity)).toBe('undefined');
	});

	it('counts rows in words', () => {
		expect(formatRows(1)).toBe('1 row');
		expect(formatRows(1234)).toBe('1,234 rows');
	});
});
