import { describe, expect, it } from 'vitest';
import { applyDateParts, fitDateParts } from '../../../../src/core/prepare/steps/date-parts';
import type { DatePart } from '../../../../src/core/prepare/steps/date-parts';
import type { Column, DateColumn } from '../../../../src/core/table/table';
import { expectCoreError, numbers } from '../../helpers';

function dates(cells: (string | null)[]): DateColumn {
	const values = Float64Array.from(cells, (c) => (c === null ? NaN : Date.parse(c)));
	return { kind: 'date', name: 'when', values, offsets: null };
}

function rows(frame: Column[]) {
	return frame.map((c) => [c.name, c.kind === 'number' ? Array.from(c.values) : c.kind]);
}

describe('date-parts', () => {
	it('replaces the date by UTC parts, missing where the date is missing', () => {
		// 2024-12-31 is a Tuesday and the 366th day of a leap year; 2021-03-01 a Monday.
		const frame = [
			numbers('x', [1, 2, 3]),
			dates(['2024-12-31T23:30:00Z', null, '2021-03-01T05:00:00Z'])
		];
		const parts: DatePart[] = ['year', 'month', 'day', 'weekday', 'hour', 'dayofyear'];
		const step = fitDateParts({ kind: 'date-parts', column: 'when', parts }, frame);
		expect(rows(applyDateParts(step, frame))).toEqual([
			['x', [1, 2, 3]],
			['when year', [2024, NaN, 2021]],
			['when month', [12, NaN, 3]],
			['when day', [31, NaN, 1]],
			['when weekday', [1, NaN, 0]],
			['when hour', [23, NaN, 5]],
			['when dayofyear', [366, NaN, 60]]
		]);
		expect(frame[1].kind).toBe('date');
	});

	it('reads parts in UTC whatever the machine zone, and keeps the date when asked', () => {
		// Sunday 1 January, 00:30 UTC: still Saturday 31 December in the Americas.
		const frame = [dates(['2023-01-01T00:30:00Z'])];
		const step = fitDateParts(
			{ kind: 'date-parts', column: 'when', parts: ['weekday', 'day', 'weekday'], keep: true },
			frame
		);
		expect(step.parts).toEqual(['weekday', 'day']);
		expect(rows(applyDateParts(step, frame))).toEqual([
			['when', 'date'],
			['when weekday', [6]],
			['when day', [1]]
		]);
	});

	it('rejects no parts, an unknown part, a clash of names, a wrong kind and a missing column', async () => {
		const frame = [dates(['2023-01-01'])];
		const step = (parts: DatePart[]) => ({ kind: 'date-parts', column: 'when', parts }) as const;
		await expectCoreError(() => fitDateParts(step([]), frame), 'bad-step', /at least one part/);
		await expectCoreError(
			() => fitDateParts(step(['week' as DatePart]), frame),
			'bad-step',
			/cannot make "week"/
		);
		await expectCoreError(
			() => applyDateParts(step(['year']), [...frame, numbers('when year', [1])]),
			'duplicate-column'
		);
		await expectCoreError(
			() => applyDateParts(step(['year']), [numbers('when', [1])]),
			'wrong-kind',
			/date-parts step on "when" needs dates/
		);
		await expectCoreError(() => fitDateParts(step(['year']), []), 'missing-column');
	});

	it('fits on an empty column', () => {
		const frame = [dates([])];
		const step = fitDateParts({ kind: 'date-parts', column: 'when', parts: ['year'] }, frame);
		expect(rows(applyDateParts(step, frame))).toEqual([['when year', []]]);
	});
});
