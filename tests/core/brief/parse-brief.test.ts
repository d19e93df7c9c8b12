import { describe, expect, it } from 'vitest';
import { EMPTY_BRIEF, type Brief } from '../../../src/core/brief/brief';
import { parseBrief } from '../../../src/core/brief/parse-brief';

const BINARY: Brief = {
	...EMPTY_BRIEF,
	target: 'churn',
	task: 'binary',
	positiveClass: 'yes',
	metric: 'roc_auc',
	kpiThreshold: 0.8
};

describe('parseBrief', () => {
	it('gives an older brief, saved before costs, extra KPIs and sensitive columns, their defaults', () => {
		const older: Record<string, unknown> = { ...BINARY, costs: 'A call vs. a customer' };
		delete older.costMatrix;
		delete older.extraKpis;
		delete older.sensitiveColumns;
		expect(parseBrief(older)).toEqual({ ...BINARY, costs: 'A call vs. a customer' });
	});

	it('keeps usable stored values of the new fields', () => {
		const brief: Brief = {
			...BINARY,
			costMatrix: { falsePositive: 1, falseNegative: 5 },
			extraKpis: [{ metric: 'recall', threshold: 0.6 }],
			sensitiveColumns: ['sex', 'age']
		};
		expect(parseBrief(structuredClone(brief))).toEqual(brief);
	});

	it('drops stored values of the new fields that are malformed', () => {
		const parsed = parseBrief({
			...BINARY,
			costMatrix: { falsePositive: 'one', falseNegative: 5 },
			extraKpis: [
				{ metric: 'recall', threshold: 0.6 },
				{ metric: 'nonsense', threshold: 0.5 },
				{ metric: 'f1', threshold: '0.5' },
				null
			],
			sensitiveColumns: ['sex', 3, null]
		});
		expect(parsed.costMatrix).toBeNull();
		expect(parsed.extraKpis).toEqual([{ metric: 'recall', threshold: 0.6 }]);
		expect(parsed.sensitiveColumns).toEqual(['sex']);
		expect(parseBrief({ ...BINARY, extraKpis: 'recall', sensitiveColumns: 'sex' })).toEqual(BINARY);
	});
});
