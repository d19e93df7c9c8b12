import { describe, expect, it } from 'vitest';
import type { MistakeDemo } from '../../../../src/core/prepare/mistakes/mistake-demo';
import {
	clearlyBetter,
	formatDemoScore,
	mistakeLesson
} from '../../../../src/core/prepare/mistakes/mistake-lesson';

const score = (value: number) => ({ value, trainRows: 439, scoredRows: 146 });

function leak(
	withLeak: number,
	withoutLeak: number,
	change: Partial<MistakeDemo> = {}
): MistakeDemo {
	return {
		kind: 'leaky-column',
		columns: ['casual', 'registered'],
		metric: 'rmse',
		withLeak: score(withLeak),
		withoutLeak: score(withoutLeak),
		flagged: [],
		leftOut: [],
		...change
	} as MistakeDemo;
}

function split(random: number, byTime: number): MistakeDemo {
	return {
		kind: 'random-split',
		column: 'dteday',
		metric: 'rmse',
		random: score(random),
		byTime: score(byTime),
		scoredFrom: Date.UTC(2012, 6, 2),
		timeKind: 'date',
		noTime: 0,
		leftOut: ['casual', 'registered']
	};
}

describe('formatDemoScore', () => {
	it('reads a score as a KPI does below 100, and in whole thousands above', () => {
		expect(formatDemoScore(0.99444)).toBe('0.9944');
		expect(formatDemoScore(0.5)).toBe('0.50');
		expect(formatDemoScore(7.5922)).toBe('7.5922');
		expect(formatDemoScore(768.8989)).toBe('769');
		expect(formatDemoScore(1139.66)).toBe('1,140');
		expect(formatDemoScore(1234567.4)).toBe('1,234,567');
		expect(formatDemoScore(-2500)).toBe('-2,500');
	});
});

describe('clearlyBetter', () => {
	it('follows the direction of the metric and ignores a gap of 2 % or less', () => {
		expect(clearlyBetter('rmse', 7.6, 769)).toBe(true);
		expect(clearlyBetter('rmse', 769, 7.6)).toBe(false);
		expect(clearlyBetter('roc_auc', 0.99, 0.85)).toBe(true);
		expect(clearlyBetter('roc_auc', 0.85, 0.99)).toBe(false);
		expect(clearlyBetter('rmse', 768.1, 768.9)).toBe(false);
		expect(clearlyBetter('roc_auc', 0.86, 0.85)).toBe(false);
	});
});

describe('mistakeLesson', () => {
	it('calls an inflated validation score a mirage and names the honest one', () => {
		const [scores, meaning] = mistakeLesson(leak(7.59, 768.9));
		expect(scores).toBe(
			'With “casual” and “registered” the quick model scores RMSE 7.59 on the validation rows; without them, 769.'
		);
		expect(meaning).toMatch(/these columns are not there yet, so the score with them is a mirage/);
		expect(meaning).toMatch(/769 is what the model can really do/);
	});

	it('says so when a suspected column barely changes the score, and mentions the flag of empty cells', () => {
		const lesson = mistakeLesson(
			leak(0.855, 0.853, { columns: ['body'], metric: 'roc_auc', flagged: ['body'] } as never)
		);
		expect(lesson[1]).toBe(
			'Here it barely changes the score: this model gains little from it, and leaving it out costs nothing.'
		);
		expect(lesson[2]).toMatch(/which cells of “body” are empty/);
	});

	it('explains why a random split of a time series is optimistic, and what it left out', () => {
		const lesson = mistakeLesson(split(815, 1140));
		expect(lesson[0]).toBe(
			'Split at random (the train and validation rows pooled, then drawn apart again), the quick model scores RMSE 815 on the rows it held out; split by time on “dteday” (trained on the earliest rows, scored on those from 2012-07-02 on), 1,140.'
		);
		expect(lesson[1]).toMatch(
			/^The random split is optimistic: the model learned from days around/
		);
		expect(lesson[2]).toMatch(/^Both fits left out “casual” and “registered”/);
	});

	it('does not call a random split optimistic when it is not', () => {
		expect(mistakeLesson(split(1000, 990))[1]).toMatch(/^Here the random split is not optimistic/);
	});
});
