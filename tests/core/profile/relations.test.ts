import { describe, expect, it } from 'vitest';
import {
	computeRelations,
	cramersV,
	eta,
	evenlySpacedRows,
	pearson,
	targetAssociations,
	type ColumnRelation,
	type Relations
} from '../../../src/core/profile/relations';
import { categories, expectClose, numbers } from '../helpers';
import { booleans, dates, tableOf, texts } from './tables';

function find(relations: Relations, a: string, b: string, measure: string): ColumnRelation {
	const pair = relations.pairs.find((p) => p.a === a && p.b === b && p.measure === measure);
	if (!pair) throw new Error(`no ${measure} between ${a} and ${b}`);
	return pair;
}

function codesOf(labels: string): Int32Array {
	return Int32Array.from(labels, (label) => (label === '.' ? -1 : label.charCodeAt(0) - 65));
}

describe('pearson', () => {
	it('is 1 for y = 2x + 1 and -1 for y = -x', () => {
		const x = Float64Array.of(1, 2, 3, 4, 5);
		expectClose(
			pearson(
				x,
				x.map((v) => 2 * v + 1)
			).value!,
			1,
			1e-12
		);
		expectClose(
			pearson(
				x,
				x.map((v) => -v)
			).value!,
			-1,
			1e-12
		);
	});

	it('skips rows where either value is missing', () => {
		const x = Float64Array.of(1, 2, NaN, 4, 5, 6);
		const y = Float64Array.of(3, 5, 1000, 9, NaN, -50);
		const complete = pearson(Float64Array.of(1, 2, 4, 6), Float64Array.of(3, 5, 9, -50));
		const measured = pearson(x, y);
		expect(measured.n).toBe(4);
		expectClose(measured.value!, complete.value!, 1e-12);
	});

	it('is undefined for a constant column or a single row', () => {
		expect(pearson(Float64Array.of(1, 1, 1), Float64Array.of(1, 2, 3)).value).toBeNull();
		expect(pearson(Float64Array.of(1), Float64Array.of(2))).toEqual({ value: null, n: 1 });
	});
});

describe('spearman', () => {
	it('is 1 for monotone data that Pearson sees as curved', async () => {
		const x = [1, 2, 3, 4, 5, 6, 7, 8];
		const relations = await computeRelations(
			tableOf(
				numbers('x', x),
				numbers(
					'y',
					x.map((v) => Math.exp(v))
				)
			)
		);
		expectClose(find(relations, 'x', 'y', 'spearman').value!, 1, 1e-12);
		expect(find(relations, 'x', 'y', 'pearson').value!).toBeLessThan(0.95);
	});

	it('averages the ranks of ties', async () => {
		// Average ranks of a: 1, 2.5, 2.5, 4, 6, 6, 6, 8; numpy.corrcoef of the two rank vectors.
		const relations = await computeRelations(
			tableOf(numbers('a', [1, 2, 2, 3, 4, 4, 4, 5]), numbers('b', [2, 1, 3, 3, 5, 4, 6, 6]))
		);
		expectClose(find(relations, 'a', 'b', 'spearman').value!, 0.9007775105401477, 1e-12);
	});

	it('ranks only the rows where both are present', async () => {
		// Row 2 is missing in b: a's ranks are taken among rows 0, 1, 3, 4 only.
		const withMissing = await computeRelations(
			tableOf(numbers('a', [5, 1, 3, 2, 4]), numbers('b', [10, 1, NaN, 3, 2]))
		);
		const complete = await computeRelations(
			tableOf(numbers('a', [5, 1, 2, 4]), numbers('b', [10, 1, 3, 2]))
		);
		const spearman = find(withMissing, 'a', 'b', 'spearman');
		expect(spearman.n).toBe(4);
		expectClose(spearman.value!, find(complete, 'a', 'b', 'spearman').value!, 1e-12);
		expectClose(spearman.value!, 0.8, 1e-12);
	});
});

describe("Cramér's V", () => {
	it('is 1 for identical categories and 0 for independent balanced ones', () => {
		const a = codesOf('AABBCCAABBCC');
		expectClose(cramersV(a, 3, a, 3).value!, 1, 1e-12);
		expectClose(cramersV(codesOf('AABB'), 2, codesOf('ABAB'), 2).value!, 0, 1e-12);
	});

	it('matches the plain formula on a 2x2 table', () => {
		// Cells [[10, 20], [30, 40]]: chi2 = 0.7937, V = sqrt(chi2 / 100).
		const a = codesOf('A'.repeat(30) + 'B'.repeat(70));
		const b = codesOf('A'.repeat(10) + 'B'.repeat(20) + 'A'.repeat(30) + 'B'.repeat(40));
		const measured = cramersV(a, 2, b, 2);
		expect(measured.n).toBe(100);
		expectClose(measured.value!, 0.0890870806374748, 1e-12);
	});

	it('skips missing codes and is undefined with one observed level', () => {
		const measured = cramersV(codesOf('AB.AB'), 2, codesOf('ABAAB'), 2);
		expect(measured.n).toBe(4);
		expectClose(measured.value!, 1, 1e-12);
		expect(cramersV(codesOf('AAAA'), 2, codesOf('ABAB'), 2).value).toBeNull();
	});
});

describe('eta', () => {
	it('is 1 when the category determines the number and 0 when group means agree', () => {
		const groups = codesOf('AABBCC');
		expectClose(eta(groups, 3, Float64Array.of(1, 1, 5, 5, 2, 2)).value!, 1, 1e-12);
		expectClose(eta(groups, 3, Float64Array.of(1, 3, 3, 1, 2, 2)).value!, 0, 1e-12);
	});

	it('matches hand-computed sums of squares and skips missing cells', () => {
		// A: 1 2 3, B: 4 5 6 -> SS_between = 13.5, SS_total = 17.5.
		const measured = eta(codesOf('AAABBB.A'), 2, Float64Array.of(1, 2, 3, 4, 5, 6, 100, NaN));
		expect(measured.n).toBe(6);
		expectClose(measured.value!, Math.sqrt(13.5 / 17.5), 1e-12);
	});
});

describe('computeRelations', () => {
	const table = tableOf(
		numbers('x', [1, 2, 3, 4, 5, 6]),
		categories('c', ['a', 'a', 'b', 'b', 'c', 'c']),
		texts('t', ['p', 'q', 'r', 's', 'u', 'v']),
		booleans('flag', [false, false, false, true, true, true]),
		dates('d', [
			'2024-01-01',
			'2024-01-02',
			'2024-01-03',
			'2024-01-04',
			'2024-01-05',
			'2024-01-06'
		]),
		numbers('y', [2, 4, 6, 8, 10, 12])
	);

	it('measures each pair with the measures fitting its kinds and skips text and dates', async () => {
		const relations = await computeRelations(table);
		const listed = relations.pairs.map((p) => `${p.a}-${p.b}:${p.measure}`);
		expect(listed).toEqual([
			'x-c:eta',
			'x-flag:pearson',
			'x-flag:spearman',
			'x-flag:eta',
			'x-y:pearson',
			'x-y:spearman',
			'c-flag:cramers_v',
			'c-y:eta',
			'flag-y:pearson',
			'flag-y:spearman',
			'flag-y:eta'
		]);
		expect(relations).toMatchObject({ sampled: false, rowsUsed: 6 });
		// Booleans count as 0/1: the point-biserial r, equal to eta for two groups.
		const r = find(relations, 'x', 'flag', 'pearson').value!;
		expectClose(r, Math.sqrt(13.5 / 17.5), 1e-12);
		expectClose(find(relations, 'x', 'flag', 'eta').value!, r, 1e-12);
		// Cells a: (2, 0), b: (1, 1), c: (0, 2): chi2 = 6 (10/6 - 1) = 4, V = sqrt(4 / 6).
		expectClose(find(relations, 'c', 'flag', 'cramers_v').value!, Math.sqrt(4 / 6), 1e-12);
	});

	it('samples evenly spaced rows above the limit', async () => {
		expect(Array.from(evenlySpacedRows(10, 4))).toEqual([0, 2, 5, 7]);
		const relations = await computeRelations(table, { maxRows: 4 });
		expect(relations).toMatchObject({ sampled: true, rowsUsed: 4 });
		expect(find(relations, 'x', 'y', 'pearson').n).toBe(4);
	});

	it('gives each column its association with a target', async () => {
		const relations = await computeRelations(
			tableOf(
				numbers('x', [1, 2, 3, 4, 5, 6]),
				numbers('down', [6, 5, 4, 3, 2, 1]),
				categories('c', ['a', 'a', 'b', 'b', 'c', 'c']),
				booleans('flag', [false, false, false, true, true, true]),
				numbers('flat', [1, 1, 1, 1, 1, 1])
			)
		);
		expect(targetAssociations(relations, 'down')).toEqual([
			{ column: 'x', measure: 'spearman', value: 1, n: 6 },
			{ column: 'c', measure: 'eta', value: expect.closeTo(Math.sqrt(16 / 17.5), 12), n: 6 },
			{ column: 'flag', measure: 'eta', value: expect.closeTo(Math.sqrt(13.5 / 17.5), 12), n: 6 },
			{ column: 'flat', measure: 'spearman', value: null, n: 6 }
		]);
		const byFlag = targetAssociations(relations, 'flag');
		expect(byFlag.map((a) => [a.column, a.measure])).toEqual([
			['x', 'eta'],
			['down', 'eta'],
			['c', 'cramers_v'],
			['flat', 'eta']
		]);
	});
});
