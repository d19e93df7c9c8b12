import { describe, expect, it } from 'vitest';
import { readNumber, readNumberAt } from '../../../src/core/table/parse-cell';
import { createRng, type Rng } from '../../../src/core/util/rng';

const SAMPLES = 100_000;
const TWO_POW_53 = 2 ** 53;

function digits(rng: Rng, count: number): string {
	let text = '';
	for (let i = 0; i < count; i++) text += String(rng.int(10));
	return text;
}

/** A random plain decimal number as a file may write it, and whether it is a code (leading zero). */
function decimalText(rng: Rng): { text: string; leadingZero: boolean; integer: boolean } {
	const sign = ['', '', '', '-', '+'][rng.int(5)];
	let int: string;
	let leadingZero = false;
	const shape = rng.next();
	if (shape < 0.08) int = '';
	else if (shape < 0.13) {
		int = `0${digits(rng, 1 + rng.int(6))}`;
		leadingZero = true;
	} else {
		const length = 1 + rng.int(rng.next() < 0.7 ? 8 : 24);
		int = length === 1 ? digits(rng, 1) : `${1 + rng.int(9)}${digits(rng, length - 1)}`;
	}
	let frac = '';
	if (int === '' || rng.next() < 0.5) {
		const length = (int === '' ? 1 : 0) + rng.int(rng.next() < 0.7 ? 8 : 24);
		frac = `.${digits(rng, length)}`;
	}
	let exp = '';
	if (rng.next() < 0.2) {
		const expSign = ['', '-', '+'][rng.int(3)];
		exp = `${rng.next() < 0.5 ? 'e' : 'E'}${expSign}${digits(rng, 1 + rng.int(3))}`;
	}
	const pad = rng.next() < 0.05 ? ' ' : '';
	return {
		text: `${pad}${sign}${int}${frac}${exp}${pad}`,
		leadingZero,
		integer: frac === '' && exp === ''
	};
}

/** What `readNumber` must return: `Number(text)`, except for codes and non-finite values. */
function expectedNumber(text: string, leadingZero: boolean, integer: boolean): number {
	const value = Number(text);
	if (leadingZero || !Number.isFinite(value)) return NaN;
	if (integer && Math.abs(value) >= TWO_POW_53) return NaN;
	return value;
}

describe('readNumber: 100k random decimal strings', () => {
	it('is bit-identical to Number(text), codes and overflow aside', () => {
		const rng = createRng(20_240_601);
		const wrong: string[] = [];
		for (let i = 0; i < SAMPLES && wrong.length < 10; i++) {
			const { text, leadingZero, integer } = decimalText(rng);
			const want = expectedNumber(text, leadingZero, integer);
			if (!Object.is(readNumber(text), want))
				wrong.push(`${text} -> ${readNumber(text)}, not ${want}`);
			// The builder reads a field in place, with other characters (digits even) around it.
			const inPlace = readNumberAt(`7${text}7`, 1, text.length + 1, false);
			if (!Object.is(inPlace, want)) wrong.push(`in place: ${text} -> ${inPlace}, not ${want}`);
		}
		expect(wrong).toEqual([]);
	});

	it('with a decimal comma, reads 1,5 exactly as Number reads 1.5', () => {
		const rng = createRng(20_240_602);
		const wrong: string[] = [];
		for (let i = 0; i < SAMPLES && wrong.length < 10; i++) {
			const { text, leadingZero, integer } = decimalText(rng);
			const comma = text.replace('.', ',');
			const want = expectedNumber(text, leadingZero, integer);
			const got = readNumber(comma, true);
			if (!Object.is(got, want)) wrong.push(`${comma} -> ${got}, not ${want}`);
			const inPlace = readNumberAt(`;${comma};`, 1, comma.length + 1, true);
			if (!Object.is(inPlace, want)) wrong.push(`in place: ${comma} -> ${inPlace}, not ${want}`);
		}
		expect(wrong).toEqual([]);
	});

	it.each([
		['9007199254740991', 9007199254740991],
		['-9007199254740991', -9007199254740991],
		['9007199254740992', NaN],
		['-9007199254740992', NaN],
		['9007199254740993', NaN],
		['1000000000000000', 1e15],
		['12345678901234567890', NaN],
		['9007199254740993.0', 9007199254740992],
		['1e16', 1e16],
		['1e400', NaN],
		['-1e400', NaN],
		['1e-400', 0],
		['-1e-400', -0],
		['-0', -0],
		['-0.0', -0],
		['0e5', 0],
		['00', NaN],
		['0x1A', NaN],
		['Infinity', NaN],
		['1_000', NaN],
		['٣', NaN],
		['1\u00a0', 1],
		['\t2.5\t', 2.5]
	])('reads %j as %d', (text, want) => {
		expect(readNumber(text)).toBe(want);
	});
});
