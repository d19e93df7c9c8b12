import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	dateFormatCoverage,
	dateReader,
	suggestDateFormats
} from '../../../../src/core/prepare/steps/date-format';
import { applyParseDate, fitParseDate } from '../../../../src/core/prepare/steps/parse-date';
import { NO_OFFSET, type Column, type DateColumn } from '../../../../src/core/table/table';
import { categories, expectCoreError, numbers, typedText } from '../../helpers';
import { DATASETS_DIR } from '../../reference';

function iso(ms: number): string | null {
	return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function dates(column: Column): (string | null)[] {
	if (column.kind !== 'date') return expect.fail(`expected dates, got ${column.kind}`);
	return Array.from(column.values, iso);
}

function parse(format: string, cells: (string | null)[]) {
	const frame = [categories('d', cells)];
	return applyParseDate(fitParseDate({ kind: 'parse-date', column: 'd', format }, frame), frame)[0];
}

describe('dateReader', () => {
	it.each([
		['%Y-%m-%d', '2019-07-02', '2019-07-02T00:00:00.000Z'],
		['%d/%m/%Y', '02/07/2019', '2019-07-02T00:00:00.000Z'],
		['%m/%d/%Y', '07/02/2019', '2019-07-02T00:00:00.000Z'],
		['%d.%m.%Y', '2.7.2019', '2019-07-02T00:00:00.000Z'],
		['%b %d %Y', 'Jul 02 2019', '2019-07-02T00:00:00.000Z'],
		['%b %d %Y', 'july  2 2019', '2019-07-02T00:00:00.000Z'],
		['%d %b %Y', '2 Sept 2019', '2019-09-02T00:00:00.000Z'],
		['%d %B %Y', '2 July 2019', '2019-07-02T00:00:00.000Z'],
		['%Y%m%d', '20190702', '2019-07-02T00:00:00.000Z'],
		['%Y-%m-%dT%H:%M:%SZ', '2019-02-05T13:04:05Z', '2019-02-05T13:04:05.000Z'],
		['%H:%M', '13:45', '1970-01-01T13:45:00.000Z'],
		['%H:%M:%S', '7:05:09', '1970-01-01T07:05:09.000Z'],
		['%d/%m/%y', '02/07/19', '2019-07-02T00:00:00.000Z'],
		['%d/%m/%y', '02/07/69', '1969-07-02T00:00:00.000Z'],
		['%Y-%m-%d %H:%M %z', '2019-07-02 10:00 +02:00', '2019-07-02T08:00:00.000Z'],
		['%Y-%m-%d %H:%M%z', '2019-07-02 10:00-0530', '2019-07-02T15:30:00.000Z'],
		['100%% %Y', '100% 2019', '2019-01-01T00:00:00.000Z'],
		['%Y-%m-%d', '0099-03-01', '0099-03-01T00:00:00.000Z']
	])('reads %s: %s', (format, text, expected) => {
		const date = dateReader(format)(text);
		expect(date && new Date(date.ms).toISOString()).toBe(expected);
	});

	it.each([
		['%Y-%m-%d', '2019-02-29'],
		['%Y-%m-%d', '2019-13-01'],
		['%d/%m/%Y', '31/04/2019'],
		['%H:%M', '24:00'],
		['%Y-%m-%d', '2019-07-02T10:00:00Z'],
		['%b %d %Y', 'Foo 02 2019'],
		['%Y-%m-%d %z', '2019-07-02 +19:00']
	])('does not read %s: %s', (format, text) => {
		expect(dateReader(format)(text)).toBeNull();
	});

	it('keeps the offset a cell was written with, and reads a literal Z as UTC', () => {
		expect(dateReader('%Y-%m-%d %H:%M%z')('2019-07-02 10:00+02:00')?.offset).toBe(120);
		expect(dateReader('%Y-%m-%dT%H:%M:%SZ')('2019-07-02T10:00:00Z')?.offset).toBe(0);
		expect(dateReader('%Y-%m-%d')('2019-07-02')?.offset).toBe(NO_OFFSET);
	});

	it('rejects an unknown directive and a format without fields', async () => {
		await expectCoreError(() => dateReader('%Y-%q'), 'bad-step', /%q is not a directive/);
		await expectCoreError(() => dateReader('date'), 'bad-step', /no %Y, %m, %d or time field/);
	});
});

describe('parse-date step', () => {
	it('turns labels into dates, and cells the format does not read into missing ones', () => {
		const out = parse('%d/%m/%Y', ['02/07/2019', null, '2019-07-02', '31/12/1999', '30/02/2019']);
		expect(out).toMatchObject({ kind: 'date', name: 'd', offsets: null });
		expect(dates(out)).toEqual([
			'2019-07-02T00:00:00.000Z',
			null,
			null,
			'1999-12-31T00:00:00.000Z',
			null
		]);
	});

	it('records offsets only when the format reads one', () => {
		const out = parse('%Y-%m-%d %H:%M%z', ['2019-07-02 10:00+02:00', 'x']) as DateColumn;
		expect(Array.from(out.offsets ?? [])).toEqual([120, NO_OFFSET]);
	});

	it('reads a number column as its decimal text', () => {
		const frame = [numbers('d', [20190702, NaN, 2019])];
		const step = fitParseDate({ kind: 'parse-date', column: 'd', format: '%Y%m%d' }, frame);
		expect(dates(applyParseDate(step, frame)[0])).toEqual(['2019-07-02T00:00:00.000Z', null, null]);
	});

	it('learns nothing and leaves its input frame alone', () => {
		const frame = [categories('d', ['2019-07-02'])];
		const step = fitParseDate({ kind: 'parse-date', column: 'd', format: '%Y-%m-%d' }, frame);
		expect(step).toEqual({ kind: 'parse-date', column: 'd', format: '%Y-%m-%d' });
		applyParseDate(step, frame);
		expect(frame[0].kind).toBe('category');
	});

	it('needs a label or number column that exists', async () => {
		const step = { kind: 'parse-date', column: 'd', format: '%Y' } as const;
		const dateFrame = parse('%Y', ['2019']);
		await expectCoreError(() => fitParseDate(step, [dateFrame]), 'wrong-kind', /needs categories/);
		await expectCoreError(() => applyParseDate(step, [dateFrame]), 'wrong-kind');
		await expectCoreError(() => applyParseDate(step, [numbers('x', [1])]), 'missing-column');
	});
});

describe('dateFormatCoverage', () => {
	it('counts cells read and not read, weighted by level counts, with examples', () => {
		const levels = ['2019-07-02', '02/07/2019', '', 'soon', 'n/a'];
		expect(dateFormatCoverage(levels, '%Y-%m-%d', [3, 1, 5, 2, 4])).toEqual({
			parsed: 3,
			failed: 7,
			failures: ['n/a', 'soon', '02/07/2019']
		});
		expect(dateFormatCoverage(levels, '%Y-%m-%d').parsed).toBe(1);
	});
});

describe('on the mixed-format survey_date column', async () => {
	const file = readFileSync(`${DATASETS_DIR}dirty/housing_mixed_types_dates.csv`, 'utf8');
	const table = await typedText(file, [['survey_date', 'text']]);
	const column = table.columns.find((c) => c.name === 'survey_date')!;
	if (column.kind !== 'text') throw new Error('survey_date should be typed as text');
	const counts = new Array<number>(column.levels.length).fill(0);
	for (const code of column.codes) counts[code]++;

	it('ranks the formats by the share of cells they read', () => {
		const suggested = suggestDateFormats(column.levels, counts);
		expect(suggested.map((s) => s.format)).toEqual([
			'%Y-%m-%d',
			'%d/%m/%Y',
			'%m/%d/%Y',
			'%b %d %Y',
			'%Y%m%d',
			'%Y-%m-%dT%H:%M:%SZ'
		]);
		expect(suggested.map((s) => s.share)).toEqual([0.482, 0.2255, 0.217, 0.1095, 0.0515, 0.046]);
		expect(suggested[0]).toEqual({ format: '%Y-%m-%d', share: 0.482, parsed: 964, failed: 1036 });
	});

	it('reads every cell as the truth file says, with the format it was written in', () => {
		const truth = readFileSync(`${DATASETS_DIR}dirty/housing_mixed_types_dates.truth.csv`, 'utf8');
		const rows = truth.trim().split('\n').slice(1);
		expect(rows.length).toBe(2000);
		for (const line of rows) {
			const [row, expected, format] = line.split(',');
			const cell = column.levels[column.codes[Number(row)]];
			const date = dateReader(format)(cell);
			expect(date && iso(date.ms)?.slice(0, 10), `${cell} as ${format}`).toBe(expected);
		}
	});
});
