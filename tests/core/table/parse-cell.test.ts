import { describe, expect, it } from 'vitest';
import {
	DEFAULT_MISSING_TOKENS,
	isMissingText,
	parseNumber,
	readNumber
} from '../../../src/core/table/parse-cell';

describe('parseNumber', () => {
	it.each([
		'0',
		'-0',
		'42',
		'+7',
		'3.14',
		'-1.5',
		'.5',
		'-.5',
		'5.',
		'1e3',
		'2.5E-7',
		'0.1',
		'123456789012345',
		'9007199254740993.5'
	])('reads %j bit-identically to Number()', (text) => {
		expect(Object.is(parseNumber(text), Number(text))).toBe(true);
	});

	it('trims spaces around the number', () => {
		expect(parseNumber('  42 ')).toBe(42);
	});

	it('keeps codes with a leading zero as non-numbers', () => {
		expect(parseNumber('00601')).toBeNull();
		expect(parseNumber('-007')).toBeNull();
		expect(parseNumber('00.5')).toBeNull();
		expect(parseNumber('0.5')).toBe(0.5);
	});

	it('keeps integers of magnitude 2^53 or more as non-numbers (a double would change them)', () => {
		expect(parseNumber('123456789012345')).toBe(123456789012345);
		expect(parseNumber('1234567890123456')).toBe(1234567890123456);
		expect(parseNumber('9007199254740991')).toBe(2 ** 53 - 1);
		expect(parseNumber('-9007199254740991')).toBe(-(2 ** 53 - 1));
		expect(parseNumber('9007199254740992')).toBeNull();
		expect(parseNumber('9007199254740993')).toBeNull();
		expect(parseNumber('-12345678901234567890')).toBeNull();
	});

	it('reads a decimal comma only when asked, and gives NaN from readNumber', () => {
		expect(parseNumber('1,5', true)).toBe(1.5);
		expect(parseNumber('-0,25', true)).toBe(-0.25);
		expect(parseNumber('1.5', true)).toBeNull();
		expect(parseNumber('1,5')).toBeNull();
		expect(readNumber(' 2.5 ')).toBe(2.5);
		expect(readNumber('abc')).toBeNaN();
		expect(readNumber('')).toBeNaN();
	});

	it.each(['', 'abc', '1,234', '1.2.3', '0x10', 'Infinity', 'NaN', '1e', '--1', '12abc', '1 000'])(
		'rejects %j',
		(text) => {
			expect(parseNumber(text)).toBeNull();
		}
	);
});

describe('isMissingText', () => {
	it('matches the missing tokens after trimming', () => {
		expect(isMissingText(' ? ', DEFAULT_MISSING_TOKENS)).toBe(true);
		expect(isMissingText('', DEFAULT_MISSING_TOKENS)).toBe(true);
		expect(isMissingText('NA', DEFAULT_MISSING_TOKENS)).toBe(true);
		expect(isMissingText(' - ', DEFAULT_MISSING_TOKENS)).toBe(true);
		expect(isMissingText('-1', DEFAULT_MISSING_TOKENS)).toBe(false);
		expect(isMissingText('none', DEFAULT_MISSING_TOKENS)).toBe(false);
		expect(isMissingText('0', DEFAULT_MISSING_TOKENS)).toBe(false);
	});
});
