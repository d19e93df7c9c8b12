import { describe, expect, it } from 'vitest';
import { applyTimeZone, fitTimeZone } from '../../../../src/core/prepare/steps/time-zone';
import { NO_OFFSET, type DateColumn } from '../../../../src/core/table/table';
import { categories, expectCoreError } from '../../helpers';

/** A date column of wall-clock times (ISO text without a zone, read as UTC), null for missing. */
function walls(cells: (string | null)[], offsets: Int16Array | null = null): DateColumn {
	const values = Float64Array.from(cells, (c) => (c === null ? NaN : Date.parse(`${c}Z`)));
	return { kind: 'date', name: 't', values, offsets };
}

function inZone(zone: string, cells: (string | null)[]): (string | null)[] {
	const frame = [walls(cells)];
	const out = applyTimeZone(fitTimeZone({ kind: 'time-zone', column: 't', zone }, frame), frame);
	const column = out[0] as DateColumn;
	return Array.from(column.values, (ms) => (Number.isNaN(ms) ? null : new Date(ms).toISOString()));
}

describe('time-zone', () => {
	it('converts wall-clock times to UTC with the offset in force then', () => {
		expect(inZone('Europe/Paris', ['2021-01-15T12:00', '2021-07-15T12:00', null])).toEqual([
			'2021-01-15T11:00:00.000Z',
			'2021-07-15T10:00:00.000Z',
			null
		]);
		expect(inZone('Asia/Kolkata', ['2021-01-01T00:00'])).toEqual(['2020-12-31T18:30:00.000Z']);
		expect(inZone('Australia/Sydney', ['2021-01-15T12:00:30.250', '2021-07-15T12:00'])).toEqual([
			'2021-01-15T01:00:30.250Z',
			'2021-07-15T02:00:00.000Z'
		]);
	});

	it('reads a time that happens twice as the earlier instant', () => {
		// Paris: 03:00 CEST becomes 02:00 CET on 31 October 2021; New York: 02:00 EDT, 01:00 EST.
		expect(inZone('Europe/Paris', ['2021-10-31T02:30'])).toEqual(['2021-10-31T00:30:00.000Z']);
		expect(inZone('America/New_York', ['2021-11-07T01:30'])).toEqual(['2021-11-07T05:30:00.000Z']);
	});

	it('reads a time that never happens with the offset before the change (02:30 is 03:30)', () => {
		expect(inZone('Europe/Paris', ['2021-03-28T02:30'])).toEqual(['2021-03-28T01:30:00.000Z']);
		expect(inZone('America/New_York', ['2021-03-14T02:30'])).toEqual(['2021-03-14T07:30:00.000Z']);
	});

	it('gives back every hour of a year that exists in the zone', () => {
		const format = new Intl.DateTimeFormat('sv-SE', {
			timeZone: 'Europe/Paris',
			dateStyle: 'short',
			timeStyle: 'medium'
		});
		const start = Date.UTC(2021, 0, 1);
		const hours = Array.from({ length: 365 * 24 }, (_, h) =>
			new Date(start + h * 3_600_000).toISOString().slice(0, 19)
		);
		const instants = inZone('Europe/Paris', hours);
		const back = instants.map((s) => format.format(Date.parse(s!)).replace(' ', 'T'));
		const differ = hours.filter((wall, i) => back[i] !== wall);
		expect(differ).toEqual(['2021-03-28T02:00:00']);
	});

	it('leaves cells written with an offset alone and records the offset of converted ones', () => {
		const offsets = Int16Array.from([120, NO_OFFSET]);
		const frame = [walls(['2021-07-15T10:00', '2021-07-15T12:00'], offsets)];
		const step = fitTimeZone({ kind: 'time-zone', column: 't', zone: 'Europe/Paris' }, frame);
		const out = applyTimeZone(step, frame)[0] as DateColumn;
		expect(Array.from(out.values)).toEqual([frame[0].values[0], Date.UTC(2021, 6, 15, 10)]);
		expect(Array.from(out.offsets!)).toEqual([120, 120]);
		// The input frame is unchanged, and a second conversion changes nothing.
		expect(Array.from(offsets)).toEqual([120, NO_OFFSET]);
		expect(applyTimeZone(step, [out])[0]).toEqual(out);
	});

	it('rejects an unknown zone at fit and at apply', async () => {
		const frame = [walls(['2021-01-01T00:00'])];
		const step = { kind: 'time-zone', column: 't', zone: 'Mars/Olympus' } as const;
		await expectCoreError(() => fitTimeZone(step, frame), 'unknown-zone', /"Mars\/Olympus".*IANA/);
		await expectCoreError(() => applyTimeZone(step, frame), 'unknown-zone');
	});

	it('needs a date column that exists, and fits on an all-missing one', async () => {
		const step = { kind: 'time-zone', column: 't', zone: 'UTC' } as const;
		await expectCoreError(
			() => fitTimeZone(step, [categories('t', ['x'])]),
			'wrong-kind',
			/time-zone step on "t" needs dates, but the column holds category/
		);
		await expectCoreError(() => applyTimeZone(step, [categories('u', ['x'])]), 'missing-column');
		expect(inZone('UTC', [null, null])).toEqual([null, null]);
		expect(inZone('Europe/Paris', [])).toEqual([]);
	});
});
