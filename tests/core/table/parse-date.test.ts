import { describe, expect, it } from 'vitest';
import { parseCompactDate, parseDate } from '../../../src/core/table/parse-date';
import { NO_OFFSET } from '../../../src/core/table/table';
import { createRng } from '../../../src/core/util/rng';

// Runs with TZ=America/Sao_Paulo (npm run test:unit): a date without an offset is its wall clock
// read as UTC, whatever the machine's zone (2018-11-04 has no local midnight there).

/** The instant of an ISO text, the offset, and the order, as `parseDate` should return them. */
function read(text: string, order: 'dmy' | 'mdy' = 'dmy') {
	const parsed = parseDate(text, order);
	if (!parsed) return null;
	return {
		iso: new Date(parsed.ms).toISOString(),
		offset: parsed.offset === NO_OFFSET ? null : parsed.offset,
		order: parsed.order
	};
}

describe('parseDate', () => {
	it.each([
		['2019-07-02', '2019-07-02T00:00:00.000Z'],
		['2019-7-2', '2019-07-02T00:00:00.000Z'],
		['2019/07/02', '2019-07-02T00:00:00.000Z'],
		[' 2019-07-02 ', '2019-07-02T00:00:00.000Z'],
		['2018-11-04', '2018-11-04T00:00:00.000Z'],
		['2019-07-02T10:00', '2019-07-02T10:00:00.000Z'],
		['2019-07-02 10:00:30', '2019-07-02T10:00:30.000Z'],
		['2019-07-02T10:00:30.5', '2019-07-02T10:00:30.500Z'],
		['2019-07-02T10:00:30.123456789', '2019-07-02T10:00:30.123Z'],
		['2020-02-29', '2020-02-29T00:00:00.000Z'],
		['2000-02-29', '2000-02-29T00:00:00.000Z']
	])('reads %j without an offset as its wall clock in UTC', (text, iso) => {
		expect(read(text)).toEqual({ iso, offset: null, order: null });
	});

	it.each([
		['2019-07-02T10:00:00Z', '2019-07-02T10:00:00.000Z', 0],
		['2019-07-02T10:00:00+02:00', '2019-07-02T08:00:00.000Z', 120],
		['2019-07-02T10:00:00-03:00', '2019-07-02T13:00:00.000Z', -180],
		['2019-07-02T10:00:00+0530', '2019-07-02T04:30:00.000Z', 330],
		['2019-07-02T10:00:00-09', '2019-07-02T19:00:00.000Z', -540],
		['2019-07-02 10:00 +05:45', '2019-07-02T04:15:00.000Z', 345],
		['2019-07-02T00:30:00+01:00', '2019-07-01T23:30:00.000Z', 60]
	])('reads %j as the instant it names and keeps its offset', (text, iso, offset) => {
		expect(read(text)).toEqual({ iso, offset, order: null });
	});

	it('reads nn/nn/yyyy in the given order when both orders give a date, and says so', () => {
		expect(read('02/07/2019', 'dmy')).toEqual({
			iso: '2019-07-02T00:00:00.000Z',
			offset: null,
			order: 'both'
		});
		expect(read('02/07/2019', 'mdy')?.iso).toBe('2019-02-07T00:00:00.000Z');
		expect(read('02.07.2019', 'dmy')?.iso).toBe('2019-07-02T00:00:00.000Z');
		expect(read('02-07-2019', 'mdy')?.iso).toBe('2019-02-07T00:00:00.000Z');
		expect(read('2/7/2019 10:30', 'dmy')?.iso).toBe('2019-07-02T10:30:00.000Z');
	});

	it('reads a date valid in one order only in that order, whatever the order given', () => {
		for (const order of ['dmy', 'mdy'] as const) {
			expect(read('13/02/2019', order)).toMatchObject({
				iso: '2019-02-13T00:00:00.000Z',
				order: 'dmy'
			});
			expect(read('02/13/2019', order)).toMatchObject({
				iso: '2019-02-13T00:00:00.000Z',
				order: 'mdy'
			});
		}
		// 29 February exists in 2020 only as 29/02 (02/29 is month first).
		expect(read('29/02/2020')?.order).toBe('dmy');
		expect(read('02/29/2020')?.order).toBe('mdy');
	});

	it('counts a date whose day and month are equal as evidence for neither order', () => {
		// 05/05/2019 reads as the same day either way: it says nothing about the column's order.
		for (const order of ['dmy', 'mdy'] as const) {
			const parsed = read('05/05/2019', order);
			expect(parsed?.iso).toBe('2019-05-05T00:00:00.000Z');
			expect(parsed?.order === 'dmy' || parsed?.order === 'mdy').toBe(false);
		}
	});

	it.each([
		['Jul 02 2019', '2019-07-02T00:00:00.000Z'],
		['July 2, 2019', '2019-07-02T00:00:00.000Z'],
		['Sept 3 2019', '2019-09-03T00:00:00.000Z'],
		['sep. 3 2019', '2019-09-03T00:00:00.000Z'],
		['2 July 2019', '2019-07-02T00:00:00.000Z'],
		['02-Jul-2019', '2019-07-02T00:00:00.000Z'],
		['03 Feb 2009', '2009-02-03T00:00:00.000Z'],
		['20190702', '2019-07-02T00:00:00.000Z']
	])('reads %j', (text, iso) => {
		expect(read(text)).toEqual({ iso, offset: null, order: null });
	});

	it('knows the leap years of the Gregorian calendar', () => {
		for (const year of [2000, 2020, 2024, 1600])
			expect(read(`${year}-02-29`)?.iso).toBe(`${year}-02-29T00:00:00.000Z`);
	});

	it('keeps a year below 100 as written', () => {
		expect(new Date(parseDate('0099-01-01', 'dmy')!.ms).getUTCFullYear()).toBe(99);
	});

	it.each([
		'',
		'2019-02-30',
		'2019-13-01',
		'2019-00-10',
		'2019-02-29',
		'1900-02-29',
		'31/31/2019',
		'00/01/2019',
		'2019-07-02T24:00',
		'2019-07-02T10:60',
		'2019-07-02T10:00:60',
		'2019-07-02T10:00+14:99',
		'2019-07-02T10:00-19:00',
		'2100-02-29',
		'2019-07-02x',
		'Foo 02 2019',
		'02/07/19',
		'20191332',
		'42',
		'yes'
	])('rejects %j', (text) => {
		expect(parseDate(text, 'dmy')).toBeNull();
	});
});

describe('parseCompactDate', () => {
	it('reads an 8-digit number as yyyymmdd, and nothing else', () => {
		expect(parseCompactDate(20190702)?.ms).toBe(Date.UTC(2019, 6, 2));
		expect(parseCompactDate(20190230)).toBeNull();
		expect(parseCompactDate(2019070.2)).toBeNull();
		expect(parseCompactDate(1234567)).toBeNull();
		expect(parseCompactDate(-20190702)).toBeNull();
	});
});

describe('parseDate fast path', () => {
	it('reads plain ISO dates and times exactly as the general reader does', () => {
		const rng = createRng(7);
		const pick = (n: number) => rng.int(n);
		const two = () => String(pick(100)).padStart(2, '0');
		for (let i = 0; i < 20000; i++) {
			const date = `${pick(3) === 0 ? '00' : String(10 + pick(90))}${two()}-${two()}-${two()}`;
			const time = [``, `T${two()}:${two()}`, ` ${two()}:${two()}:${two()}`][pick(3)];
			const text = date + time;
			// A leading space takes the general reader (the fast path takes exact forms only).
			expect(parseDate(text, 'dmy'), text).toEqual(parseDate(` ${text}`, 'dmy'));
		}
	});
});
