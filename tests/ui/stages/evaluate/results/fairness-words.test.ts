import { describe, expect, it } from 'vitest';
import type { FairnessReport } from '../../../../../src/core/evaluate/fairness';
import { fairnessMeasures } from '../../../../../src/ui/stages/evaluate/results/fairness-words';

type BinaryReport = Extract<FairnessReport, { kind: 'binary' }>;

function reportOf(overrides: Partial<BinaryReport>): BinaryReport {
	return {
		kind: 'binary',
		column: 'sex',
		groups: [],
		demographicParityDifference: 0.12,
		demographicParityRatio: 0.75,
		equalizedOddsDifference: 0.2,
		equalizedOddsRatio: 0.5,
		notes: [],
		...overrides
	};
}

describe('fairnessMeasures', () => {
	it('gives the four measures in order with a plain reading of each', () => {
		const measures = fairnessMeasures(reportOf({}));
		expect(measures.map((m) => m.label)).toEqual([
			'Demographic parity difference',
			'Demographic parity ratio',
			'Equalized odds difference',
			'Equalized odds ratio'
		]);
		expect(measures[0].value).toBe('0.1200');
		expect(measures[0].reading).toBe(
			'selection rates differ by 12.0 percentage points between groups (0 is parity).'
		);
		expect(measures[1].reading).toContain('selected at 75.0% of the rate of the most-selected');
		expect(measures[2].reading).toContain('differ by up to 20.0 percentage points');
		expect(measures[3].reading).toContain('is 50.0% of the highest');
	});

	it('reads an undefined measure as undefined, never NaN', () => {
		const measures = fairnessMeasures(reportOf({ demographicParityRatio: NaN }));
		expect(measures[1].value).toBe('undefined');
		expect(measures[1].reading).toBe('undefined for these groups (see the notes).');
		expect(measures.map((m) => m.value + m.reading).join(' ')).not.toContain('NaN');
	});
});
