import { describe, expect, it } from 'vitest';
import { LevelIndex } from '../../../src/core/table/level-index';

const QUOTE = '"'.charCodeAt(0);

describe('LevelIndex', () => {
	it('gives one code per distinct text, found again from any range that writes it', () => {
		const index = new LevelIndex();
		expect(index.codeOf('a,bc,a', 0, 1)).toBe(0);
		expect(index.codeOf('a,bc,a', 2, 4)).toBe(1);
		expect(index.codeOf('a,bc,a', 5, 6)).toBe(0);
		expect(index.codeOf('xbc', 1, 3)).toBe(1);
		expect(index.codeOf('', 0, 0)).toBe(2);
		expect(index.levels()).toEqual(['a', 'bc', '']);
	});

	it('reads a doubled quote as one inside a quoted range, and finds the plain text again', () => {
		const index = new LevelIndex();
		const row = 'say ""hi"",say "hi"';
		expect(index.codeOf(row, 0, 10, QUOTE)).toBe(0);
		expect(index.codeOf(row, 11, 19)).toBe(0);
		expect(index.codeOf('""', 0, 2, QUOTE)).toBe(1);
		expect(index.levels()).toEqual(['say "hi"', '"']);
	});

	it('keeps every code unit, lone surrogates included, across many levels and long ones', () => {
		const index = new LevelIndex();
		const texts = [
			'\uD800',
			'\uDC00',
			'\uD83D\uDE00',
			'é',
			'x'.repeat(20000),
			...Array.from({ length: 5000 }, (_, i) => `level ${i} \uD800`)
		];
		const codes = texts.map((text) => index.codeOf(`<${text}>`, 1, text.length + 1));
		expect(codes).toEqual(texts.map((_, i) => i));
		expect(texts.map((text) => index.codeOf(text, 0, text.length))).toEqual(codes);
		expect(index.levels()).toEqual(texts);
	});

	it('keeps the levels read before the first character past 255', () => {
		const index = new LevelIndex();
		const texts = ['café', 'ÿ', 'naïve', 'Zürich', 'Łódź', 'café', '東京', 'ÿ'];
		const codes = texts.map((text) => index.codeOf(text, 0, text.length));
		expect(codes).toEqual([0, 1, 2, 3, 4, 0, 5, 1]);
		expect(index.levels()).toEqual(['café', 'ÿ', 'naïve', 'Zürich', 'Łódź', '東京']);
	});
});
