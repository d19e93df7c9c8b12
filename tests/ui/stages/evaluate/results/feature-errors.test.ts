import { describe, expect, it } from 'vitest';
import type { ErrorsByFeature, GroupError } from '../../../../../src/core/evaluate/error-analysis';
import { featureErrorRows } from '../../../../../src/ui/stages/evaluate/results/feature-errors';

function group(label: string, error: number, small = false): GroupError {
	return { label, missing: false, rows: small ? 5 : 50, error, small };
}

function errorsOf(count: number): ErrorsByFeature {
	return {
		errorMeasure: 'error_rate',
		overall: 0.2,
		columns: Array.from({ length: count }, (_, i) => ({
			column: `c${i}`,
			groups: [group('low', 0.1), group('tiny', 0.9, true), group('high', 0.3)],
			best: 0.1,
			worst: 0.3,
			spread: 0.2
		})),
		skipped: []
	};
}

describe('featureErrorRows', () => {
	it('names the best and worst judged group, leaving small groups out', () => {
		const [row] = featureErrorRows(errorsOf(1));
		expect(row.best?.label).toBe('low');
		expect(row.worst?.label).toBe('high');
		expect(row.spread).toBe(0.2);
	});

	it('keeps the first eight columns by default', () => {
		expect(featureErrorRows(errorsOf(11)).map((r) => r.column)).toEqual(
			Array.from({ length: 8 }, (_, i) => `c${i}`)
		);
	});

	it('gives no best or worst when every group is small', () => {
		const errors = errorsOf(1);
		errors.columns[0] = {
			column: 'c0',
			groups: [group('a', 0.1, true)],
			best: NaN,
			worst: NaN,
			spread: NaN
		};
		expect(featureErrorRows(errors)[0]).toMatchObject({ best: null, worst: null });
	});
});
