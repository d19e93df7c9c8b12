import { describe, expect, it } from 'vitest';
import { countParts, DEFAULT_SPLIT_PLAN, type Split } from '../../../src/core/split/split';
import { splitReport } from '../../../src/core/split/split-report';

/** A hand-made split of 8 rows: train 0-3, val 4-5, test 6, row 7 dropped. */
const assignment = Int8Array.from([0, 0, 0, 0, 1, 1, 2, -1]);
const split: Split = { plan: DEFAULT_SPLIT_PLAN, assignment, counts: countParts(assignment) };

describe('splitReport', () => {
	it('counts rows, classes and shares per part', () => {
		const strata = Int32Array.from([0, 1, 1, 1, 0, 1, 0, -1]);
		const report = splitReport(split, { classes: { strata, labels: ['no', 'yes'] } });
		expect(report.labels).toEqual(['no', 'yes']);
		expect(report.dropped).toBe(1);
		expect(report.parts).toEqual([
			{
				part: 'train',
				rows: 4,
				classes: [
					{ label: 'no', count: 1, share: 0.25 },
					{ label: 'yes', count: 3, share: 0.75 }
				],
				timeRange: null
			},
			{
				part: 'val',
				rows: 2,
				classes: [
					{ label: 'no', count: 1, share: 0.5 },
					{ label: 'yes', count: 1, share: 0.5 }
				],
				timeRange: null
			},
			{
				part: 'test',
				rows: 1,
				classes: [
					{ label: 'no', count: 1, share: 1 },
					{ label: 'yes', count: 0, share: 0 }
				],
				timeRange: null
			}
		]);
	});

	it('gives each part its time range, skipping missing values, and no classes for regression', () => {
		const time = Float64Array.from([5, 1, NaN, 3, 7, 6, NaN, 0]);
		const report = splitReport(split, { time });
		expect(report.labels).toBeNull();
		expect(report.parts.map((p) => [p.rows, p.classes, p.timeRange])).toEqual([
			[4, null, { min: 1, max: 5 }],
			[2, null, { min: 6, max: 7 }],
			[1, null, null]
		]);
	});

	it('reports an empty part with zero shares', () => {
		const noVal = Int8Array.from([0, 0, 2]);
		const report = splitReport(
			{ plan: DEFAULT_SPLIT_PLAN, assignment: noVal, counts: countParts(noVal) },
			{ classes: { strata: Int32Array.from([0, 1, 1]), labels: ['a', 'b'] } }
		);
		expect(report.parts[1]).toEqual({
			part: 'val',
			rows: 0,
			classes: [
				{ label: 'a', count: 0, share: 0 },
				{ label: 'b', count: 0, share: 0 }
			],
			timeRange: null
		});
	});
});
