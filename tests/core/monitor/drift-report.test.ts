import { describe, expect, it } from 'vitest';
import { driftReport } from '../../../src/core/monitor/drift-report';
import { columnLength, type Column, type Table } from '../../../src/core/table/table';
import { categories, expectCoreError, numbers, typedText } from '../helpers';
import { expectAllFinite, expectRelative } from './monitor-helpers';

const table = (...columns: Column[]): Table => ({
	rowCount: columns.length > 0 ? columnLength(columns[0]) : 0,
	columns
});
const repeat = <T>(value: T, n: number): T[] => Array<T>(n).fill(value);

describe('driftReport: schema', () => {
	it('reports missing and extra columns and kind changes, and tests only the shared columns', () => {
		const reference = table(
			numbers('a', [1, 2, 3]),
			categories('b', ['x', 'y', 'x']),
			numbers('c', [1, 1, 2])
		);
		const current = table(
			numbers('a', [1, 2, 3]),
			numbers('b', [1, 2, 3]),
			categories('d', ['u', 'v', 'u'])
		);
		const report = driftReport(reference, current);
		expect(report.schema).toEqual([
			{ kind: 'kind-changed', column: 'b', referenceKind: 'category', currentKind: 'number' },
			{ kind: 'missing-column', column: 'c', referenceKind: 'number' },
			{ kind: 'extra-column', column: 'd', currentKind: 'category' }
		]);
		expect(report.columns.map((c) => c.name)).toEqual(['a']);
		expect(report.datasetDrift).toEqual({
			drifted: 0,
			total: 1,
			share: 0,
			threshold: 0.5,
			detected: false
		});
		expect(report.alerts.map((a) => a.message)).toEqual([
			'b is category in the reference but number in the current data, so its drift is not tested.',
			'c (number) is missing from the current data.',
			'd (category) is new in the current data; the reference has no such column.'
		]);
	});

	it('finds columns by name, not position, and treats a column named __proto__ as any other', () => {
		const reference = table(numbers('__proto__', [1, 2]), numbers('constructor', [3, 4]));
		const current = table(numbers('constructor', [3, 4]), numbers('__proto__', [1, 2]));
		const report = driftReport(reference, current);
		expect(report.schema).toEqual([]);
		expect(report.columns.map((c) => [c.name, c.drifted])).toEqual([
			['__proto__', false],
			['constructor', false]
		]);
	});

	it('refuses a table with two columns of one name', async () => {
		const error = await expectCoreError(
			() => driftReport(table(numbers('a', [1]), numbers('a', [2])), table(numbers('a', [1]))),
			'duplicate-column',
			/reference data has two columns named "a"/
		);
		expect(error.place.column).toBe('a');
		await expectCoreError(
			() =>
				driftReport(table(numbers('a', [1])), table(numbers('a', [1])), { datasetDriftShare: 2 }),
			'bad-drift-option',
			/dataset drift share/
		);
	});
});

describe('driftReport: dataset drift and alerts', () => {
	// Four columns of 100 rows: `shifted` drifts (K-S), `relabelled` drifts (Z-test), `holes` only
	// changes its missing rate, `steady` is identical.
	const ref = {
		shifted: numbers(
			'shifted',
			Array.from({ length: 100 }, (_, i) => i)
		),
		relabelled: categories('relabelled', [...repeat('x', 40), ...repeat('y', 60)]),
		holes: numbers(
			'holes',
			Array.from({ length: 100 }, (_, i) => (i < 2 ? NaN : i % 5))
		),
		steady: numbers(
			'steady',
			Array.from({ length: 100 }, (_, i) => i % 9)
		)
	};
	const cur = {
		shifted: numbers(
			'shifted',
			Array.from({ length: 100 }, (_, i) => i + 40)
		),
		relabelled: categories('relabelled', [...repeat('x', 60), ...repeat('y', 40)]),
		holes: numbers(
			'holes',
			Array.from({ length: 100 }, (_, i) => (i < 12 ? NaN : i % 5))
		),
		steady: numbers(
			'steady',
			Array.from({ length: 100 }, (_, i) => i % 9)
		)
	};
	const reference = table(ref.shifted, ref.relabelled, ref.holes, ref.steady);
	const current = table(cur.shifted, cur.relabelled, cur.holes, cur.steady);

	it('detects dataset drift when at least half the columns are flagged, counting missing-rate alerts', () => {
		const report = driftReport(reference, current);
		expect(
			report.columns.map((c) => [
				c.name,
				c.method,
				c.distributionDrifted,
				c.missing.alert,
				c.drifted
			])
		).toEqual([
			['shifted', 'ks', true, false, true],
			['relabelled', 'z', true, false, true],
			['holes', 'chisquare', false, true, true],
			['steady', 'ks', false, false, false]
		]);
		expect(report.datasetDrift).toEqual({
			drifted: 3,
			total: 4,
			share: 0.75,
			threshold: 0.5,
			detected: true
		});
		expectAllFinite(report);
	});

	it('lists each alert with its evidence, columns in order, the dataset last', () => {
		const report = driftReport(reference, current);
		expect(report.alerts.map((a) => [a.kind, a.column])).toEqual([
			['distribution-drift', 'shifted'],
			['distribution-drift', 'relabelled'],
			['missing-rate', 'holes'],
			['dataset-drift', null]
		]);
		const [shifted, relabelled, holes, dataset] = report.alerts.map((a) => a.message);
		expect(shifted).toMatch(
			/^shifted drifted: K-S p-value [0-9.e-]+ <= 0\.05 \(D = 0\.4, PSI [0-9.]+\)\.$/
		);
		expect(relabelled).toMatch(
			/^relabelled drifted: Z-test p-value 0\.00468 < 0\.05 \(\|z\| = 2\.83, PSI 0\.162\)\.$/
		);
		expect(holes).toMatch(
			/^holes missing rate rose from 2% to 12% \(\+10 points; two-proportion z-test p = 0\.00558\)\.$/
		);
		expect(dataset).toBe(
			'Dataset drift: 3 of 4 columns drifted (75%), at or above the 50% threshold.'
		);
	});

	it('follows edited thresholds', () => {
		const report = driftReport(reference, current, {
			thresholds: { z: 0.001 },
			missingRate: { minChange: 0.2 },
			datasetDriftShare: 0.5
		});
		expect(report.columns.map((c) => c.drifted)).toEqual([true, false, false, false]);
		expect(report.datasetDrift).toMatchObject({ drifted: 1, share: 0.25, detected: false });
		expect(report.options.thresholds.z).toBe(0.001);
		expect(report.alerts.map((a) => a.kind)).toEqual(['distribution-drift']);
	});

	it('names the distances and chi-square in their alerts', () => {
		const big = <T>(f: (i: number) => T): T[] => Array.from({ length: 1200 }, (_, i) => f(i));
		const report = driftReport(
			table(
				numbers(
					'w',
					big((i) => i % 100)
				),
				categories(
					'j',
					big((i) => ['a', 'b', 'c'][i % 3])
				),
				categories('k', repeat('a', 5).concat(['b', 'c']))
			),
			table(
				numbers(
					'w',
					big((i) => (i % 100) + 50)
				),
				categories(
					'j',
					big((i) => ['a', 'a', 'd'][i % 3])
				),
				categories('k', ['a', 'b', 'd'])
			)
		);
		expect(report.alerts.map((a) => a.message)).toEqual([
			expect.stringMatching(
				/^w drifted: normed Wasserstein distance 1\.73 >= 0\.1 \(PSI [0-9.]+\)\.$/
			),
			expect.stringMatching(
				/^j drifted: Jensen-Shannon distance 0\.[0-9]+ >= 0\.1 \(PSI [0-9.]+\)\.$/
			),
			'j has 1 value the reference never had: "d" (400 rows).',
			expect.stringMatching(
				/^k drifted: chi-square p-value 0 <= 0\.05 \(values the reference never had, PSI [0-9.]+\)\.$/
			),
			'k has 1 value the reference never had: "d" (1 row).',
			'Dataset drift: 3 of 3 columns drifted (100%), at or above the 50% threshold.'
		]);
		// Shifted by 50 against 0..99, whose population deviation is √(9999 / 12).
		expectRelative(report.columns[0].statistic, 50 / Math.sqrt(9999 / 12), 1e-12);
	});
});

describe('driftReport: degenerate tables', () => {
	it('keeps every number finite or null for an empty current table', async () => {
		const reference = await typedText('n,c,t\n1,a,x\n2,b,y\n3,a,z\n');
		const report = driftReport(reference, {
			rowCount: 0,
			columns: reference.columns.map((c) => emptyLike(c))
		});
		expect(report.currentRows).toBe(0);
		expect(report.columns.every((c) => c.method === null && !c.drifted)).toBe(true);
		expect(report.datasetDrift).toMatchObject({ drifted: 0, detected: false });
		expect(report.alerts).toEqual([]);
		expectAllFinite(report);
	});

	it('gives a null share when no column is shared', () => {
		const report = driftReport(table(numbers('a', [1])), table(numbers('b', [1])));
		expect(report.datasetDrift).toEqual({
			drifted: 0,
			total: 0,
			share: null,
			threshold: 0.5,
			detected: false
		});
		expectAllFinite(report);
	});
});

function emptyLike(column: Column): Column {
	switch (column.kind) {
		case 'number':
			return { ...column, values: new Float64Array() };
		case 'category':
		case 'text':
			return { ...column, codes: new Int32Array() };
		default:
			throw new Error(`no empty ${column.kind} in this test`);
	}
}
