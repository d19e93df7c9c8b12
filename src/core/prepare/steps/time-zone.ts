import { CoreError } from '../../util/core-error';
import { NO_OFFSET, type DateColumn } from '../../table/table';
import { replaceColumn, type Frame } from '../frame';
import { dateColumn } from './date-column';

/**
 * Read a date column's wall-clock times as local times in an IANA zone (`Europe/Paris`) and turn
 * them into UTC instants, with the zone's daylight-saving rules. Cells written with an offset in
 * the file are instants already and stay as they are.
 */
export interface TimeZoneStep {
	kind: 'time-zone';
	column: string;
	zone: string;
}

/** The zone learns nothing from train: the fitted step is the step. */
export type FittedTimeZone = TimeZoneStep;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Returns the step once its column and zone are checked; throws `unknown-zone` for a bad zone. */
export function fitTimeZone(step: TimeZoneStep, frame: Frame): FittedTimeZone {
	zoneFormat(step);
	dateColumn(frame, step.column, 'time-zone');
	return { ...step };
}

/**
 * Returns the frame with the column's wall-clock cells turned into instants. A converted cell
 * records the zone's offset at its instant, so it counts as an instant for later steps. A local
 * time that happens twice (when clocks go back) is the earlier instant; one that never happens
 * (when clocks go forward) is read with the offset before the change, so 02:30 on a night that
 * jumps from 02:00 to 03:00 is 03:30: the choice of JavaScript dates, java.time and Temporal.
 */
export function applyTimeZone(step: FittedTimeZone, frame: Frame): Frame {
	const column = dateColumn(frame, step.column, 'time-zone');
	const offsetAt = zoneOffsets(zoneFormat(step));
	const n = column.values.length;
	const values = new Float64Array(n);
	const offsets = column.offsets
		? Int16Array.from(column.offsets)
		: new Int16Array(n).fill(NO_OFFSET);
	for (let i = 0; i < n; i++) {
		const wall = column.values[i];
		if (Number.isNaN(wall) || offsets[i] !== NO_OFFSET) {
			values[i] = wall;
			continue;
		}
		const instant = fromWallClock(wall, offsetAt);
		values[i] = instant;
		offsets[i] = Math.round(offsetAt(instant) / MINUTE_MS);
	}
	const converted: DateColumn = { ...column, values, offsets };
	return replaceColumn(frame, step.column, [converted]);
}

function zoneFormat(step: TimeZoneStep): Intl.DateTimeFormat {
	try {
		return new Intl.DateTimeFormat('en-US', {
			timeZone: step.zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
	} catch {
		throw new CoreError(
			'unknown-zone',
			`"${step.zone}" is not a time zone this browser knows: use an IANA name such as Europe/Paris or America/New_York.`,
			{ column: step.column }
		);
	}
}

/** Returns the instant whose wall clock in the zone is `wall` (see `applyTimeZone` for gaps). */
function fromWallClock(wall: number, offsetAt: (instant: number) => number): number {
	// Offsets a day either side bracket any change of offset near `wall` (no zone changes twice a day).
	const before = offsetAt(wall - DAY_MS);
	const after = offsetAt(wall + DAY_MS);
	if (before === after) return wall - before;
	const early = Math.min(wall - before, wall - after);
	const late = Math.max(wall - before, wall - after);
	if (early + offsetAt(early) === wall) return early;
	if (late + offsetAt(late) === wall) return late;
	return wall - before;
}

/**
 * Returns the zone's offset from UTC (ms) at any instant. Offsets at each UTC midnight are cached;
 * a day whose two midnights agree has that offset all day, any other day is asked per instant.
 */
function zoneOffsets(format: Intl.DateTimeFormat): (instant: number) => number {
	const midnights = new Map<number, number>();
	const atMidnight = (day: number) => {
		let offset = midnights.get(day);
		if (offset === undefined) {
			offset = exactOffset(format, day * DAY_MS);
			midnights.set(day, offset);
		}
		return offset;
	};
	return (instant) => {
		const day = Math.floor(instant / DAY_MS);
		const start = atMidnight(day);
		return start === atMidnight(day + 1) ? start : exactOffset(format, instant);
	};
}

/** The zone's wall clock at the instant, read as UTC, minus the instant (to the second). */
function exactOffset(format: Intl.DateTimeFormat, instant: number): number {
	const field = new Map<string, number>();
	for (const part of format.formatToParts(instant))
		if (part.type !== 'literal') field.set(part.type, Number(part.value));
	const date = new Date(0);
	date.setUTCFullYear(field.get('year')!, field.get('month')! - 1, field.get('day'));
	date.setUTCHours(field.get('hour')!, field.get('minute'), field.get('second'));
	return date.getTime() - Math.floor(instant / 1000) * 1000;
}
